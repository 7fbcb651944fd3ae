package dev.atomemo4j.examples.springagent;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer standing in for the ticket system: health, create (T-1, T-2, …) and close, each recorded. */
final class MockTicketApi implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  MockTicketApi() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        requests.add(r);
        String path = r.getUrl().encodedPath();
        if (path.equals("/health")) {
          return json(200, "{}");
        }
        if (r.getMethod().equals("POST") && path.equals("/tickets")) {
          long n = requests.stream().filter(x -> x.getUrl().encodedPath().equals("/tickets")).count();
          String priority = r.getBody().utf8().replaceAll(".*\"priority\":\"([a-z]+)\".*", "$1");
          return json(201, "{\"id\":\"T-" + n + "\",\"url\":\"https://tickets.example/T-" + n + "\","
              + "\"priority\":\"" + priority + "\"}");
        }
        if (r.getMethod().equals("POST") && path.matches("/tickets/[^/]+/close")) {
          return json(200, "{}");
        }
        return json(404, "{}");
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  String url() {
    return server.url("/").toString();
  }

  /** The requests that changed tickets (not the health probes). */
  List<RecordedRequest> ticketRequests() {
    return requests.stream().filter(r -> r.getUrl().encodedPath().startsWith("/tickets")).toList();
  }

  @Override
  public void close() {
    server.close();
  }
}
