package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.runtime.testsupport.RecordingLogs;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An untrusted Hub certificate fails the start at once, with a message that says so (issue 11, defect 8). */
@Timeout(60)
class TlsTest {

  @TempDir Path dir;

  /** A loopback TLS server with a fresh self-signed certificate, which no trust store knows. */
  SSLServerSocket selfSignedServer() throws Exception {
    Path store = dir.resolve("hub.p12");
    Process keytool = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "hub",
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-validity", "2",
        "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"))
        .redirectErrorStream(true).start();
    keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    return (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @Test
  void anUntrustedHubCertificateStopsThePluginAtOnceWithoutRetrying() throws Exception {
    RecordingLogs.clear();
    AtomicInteger attempts = new AtomicInteger();
    try (SSLServerSocket server = selfSignedServer()) {
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try (SSLSocket s = (SSLSocket) server.accept()) {
            attempts.incrementAndGet();
            s.startHandshake();
          } catch (Exception e) {
            // the client refuses the certificate
          }
        }
      }, "tls-test-accept");
      acceptor.setDaemon(true);
      acceptor.start();

      HubServer plugin = HubServer.start(new HubOptions()
          .registry(new TestPlugin())
          .environment(Map.of())
          .override("HUB_WS_URL", "wss://127.0.0.1:" + server.getLocalPort())
          .override("HUB_DEBUG_API_KEY", "K3y")
          .workingDirectory(dir)
          .userHome(dir)
          .author("Jane Doe", "jane@example.com")
          .shutdownHook(false)
          .httpClient(HubFixture.CLIENT));

      // Well within the 10 s join timeout the failure would otherwise surface after.
      assertThat(plugin.termination().toCompletableFuture()).failsWithin(5, TimeUnit.SECONDS)
          .withThrowableThat().withMessageContaining("certificate of the Hub").withMessageContaining("not trusted");
      assertThat(attempts.get()).isEqualTo(1);
      assertThat(RecordingLogs.all()).doesNotContain("K3y");
    }
  }
}
