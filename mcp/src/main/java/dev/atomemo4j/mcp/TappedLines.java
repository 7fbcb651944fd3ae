package dev.atomemo4j.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The stdio input as the SDK reads it: line by line (stdio messages are one a line), each passed through the
 * {@link JsonRpcTap} first. Counts down {@link #ended()} at end of input, when the client has gone.
 */
final class TappedLines extends InputStream {

  private final BufferedReader lines;
  private final JsonRpcTap tap;
  private final CountDownLatch ended = new CountDownLatch(1);
  private byte[] current = new byte[0];
  private int position;

  TappedLines(InputStream in, JsonRpcTap tap) {
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.tap = tap;
  }

  CountDownLatch ended() {
    return ended;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return current[position++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current, position, b, off, n);
    position += n;
    return n;
  }

  /** False at end of input. */
  private boolean fill() throws IOException {
    while (position >= current.length) {
      String line = lines.readLine();
      if (line == null) {
        ended.countDown();
        return false;
      }
      current = (tap.onMessage(null, line) + "\n").getBytes(StandardCharsets.UTF_8);
      position = 0;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    ended.countDown();
    lines.close();
  }
}
