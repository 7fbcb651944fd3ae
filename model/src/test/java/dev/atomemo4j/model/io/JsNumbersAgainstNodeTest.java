package dev.atomemo4j.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Formats thousands of random doubles of every magnitude and compares with what node's own JSON.stringify prints
 * for the same doubles. Node is on every machine CI runs on (the dev hub's interop test needs it too); without it
 * the test is skipped locally and fails under CI=true.
 */
class JsNumbersAgainstNodeTest {

  @TempDir Path dir;

  @Test
  void formattingMatchesNodeForRandomDoubles() throws Exception {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    boolean node = hasNode();
    if (ci) {
      assertThat(node).as("node is required under CI").isTrue();
    }
    assumeTrue(node, "node is not installed");

    Random random = new Random(42);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      double magnitude = Math.pow(10, random.nextInt(60) - 30);
      double v = switch (i % 4) {
        case 0 -> random.nextDouble() * magnitude;
        case 1 -> Math.rint(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(8));
        case 2 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
        default -> -random.nextGaussian() * magnitude;
      };
      values.add(v);
    }
    Path input = dir.resolve("in.txt");
    StringBuilder lines = new StringBuilder();
    // Hex bit patterns carry each double exactly; node rebuilds it from the bits.
    values.forEach(v -> lines.append(Long.toHexString(Double.doubleToRawLongBits(v))).append('\n'));
    Files.writeString(input, lines);
    Path script = dir.resolve("format.js");
    Files.writeString(script, String.join("\n",
        "const lines = require('fs').readFileSync(process.argv[2], 'utf8').trim().split('\\n');",
        "const buf = new DataView(new ArrayBuffer(8));",
        "const out = lines.map(h => { buf.setBigUint64(0, BigInt('0x' + h)); return JSON.stringify(buf.getFloat64(0)); });",
        "process.stdout.write(out.join('\\n'));"));
    Process p = new ProcessBuilder("node", script.toString(), input.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String[] expected = out.split("\n");

    assertThat(expected).hasSize(values.size());
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String ours = JsNumbers.format(values.get(i));
      if (!ours.equals(expected[i])) {
        mismatches.add(values.get(i) + ": ours " + ours + ", node " + expected[i]);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static boolean hasNode() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
