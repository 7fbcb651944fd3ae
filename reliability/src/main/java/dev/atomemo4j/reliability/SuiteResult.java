package dev.atomemo4j.reliability;

/**
 * One row of the fault table.
 *
 * @param requests requests with a usable {@code request_id} the Hub sent
 * @param lost answers the plugin itself reported lost (its log says "is lost")
 * @param unanswered requests with a usable {@code request_id} that never got an answer, after retries
 * @param leaked occurrences of the marker secret in the plugin's log, the frames it sent, and its errors
 * @param crashed whether the plugin died (OOM, crash) instead of being stopped
 * @param peakHeapBytes the plugin's peak heap in use
 * @param notes what else happened, in words
 */
record SuiteResult(String suite, int requests, int answered, int lost, int unanswered, int leaked, boolean crashed,
    long peakHeapBytes, String heap, String notes) {

  boolean passed() {
    return lost == 0 && unanswered == 0 && leaked == 0 && !crashed;
  }
}
