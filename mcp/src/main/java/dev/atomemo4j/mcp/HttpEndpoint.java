package dev.atomemo4j.mcp;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty hosting the SDK's streamable HTTP servlet, with a filter that passes each POSTed JSON-RPC body through the
 * {@link JsonRpcTap} (cancellations, call identities), keyed by the {@code Mcp-Session-Id} header.
 */
final class HttpEndpoint {

  /** Largest request body the tap reads; larger bodies pass untouched (the SDK applies its own limit). */
  private static final int MAX_TAPPED_BODY = 4 * 1024 * 1024;

  private final Server server;
  private final URI base;

  private HttpEndpoint(Server server, URI base) {
    this.server = server;
    this.base = base;
  }

  static HttpEndpoint start(InetSocketAddress address, HttpServlet mcp, JsonRpcTap tap) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(address.getHostString());
    connector.setPort(address.getPort());
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder holder = new ServletHolder("mcp", mcp);
    holder.setAsyncSupported(true);
    context.addServlet(holder, McpPluginServer.HTTP_ENDPOINT);
    FilterHolder filter = new FilterHolder(new TapFilter(tap));
    filter.setAsyncSupported(true);
    context.addFilter(filter, McpPluginServer.HTTP_ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
    String host = address.getHostString().contains(":") ? "[" + address.getHostString() + "]"
        : address.getHostString();
    return new HttpEndpoint(server, URI.create("http://" + host + ":" + connector.getLocalPort()));
  }

  URI url(String path) {
    return base.resolve(path);
  }

  void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the MCP HTTP endpoint did not stop cleanly", e);
    }
  }

  /** Reads a POST body, taps it, and hands the SDK the (possibly tagged) body. */
  private static final class TapFilter implements Filter {
    private final JsonRpcTap tap;

    TapFilter(JsonRpcTap tap) {
      this.tap = tap;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (!(request instanceof HttpServletRequest http) || !"POST".equals(http.getMethod())
          || http.getContentLengthLong() > MAX_TAPPED_BODY) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = http.getInputStream().readNBytes(MAX_TAPPED_BODY + 1);
      String text = new String(body, StandardCharsets.UTF_8);
      byte[] tapped = body.length > MAX_TAPPED_BODY ? body
          : tap.onMessage(http.getHeader("Mcp-Session-Id"), text).getBytes(StandardCharsets.UTF_8);
      chain.doFilter(new Body(http, tapped), response);
    }
  }

  /** A request whose body is {@code bytes}. */
  private static final class Body extends HttpServletRequestWrapper {
    private final byte[] bytes;

    Body(HttpServletRequest request, byte[] bytes) {
      super(request);
      this.bytes = bytes;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the tapped body is read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return bytes.length;
    }

    @Override
    public long getContentLengthLong() {
      return bytes.length;
    }
  }
}
