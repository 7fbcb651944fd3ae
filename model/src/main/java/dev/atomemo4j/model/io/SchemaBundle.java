package dev.atomemo4j.model.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every JSON Schema the processor generated for one plugin, in one class path resource ({@code schemas.bundle} beside
 * {@code definition.json}). The processor still writes each schema as its own file, for builds and people to read;
 * the bundle is what the front ends read at start-up: one resource lookup and one read instead of one per tool input
 * and output, which for a plugin with a hundred tools was most of what start-up spent on the class path (issue 18,
 * measure 3).
 *
 * <p>The format is plain and versioned, so that a reader never guesses: a header line {@code atomemo4j-schemas 1},
 * then one line per entry, {@code <byte length> <path>}, where the path is relative to the plugin's resource
 * directory (e.g. {@code schemas/get-time.input.json}), an empty line, and then the entries' bytes, concatenated in
 * the order the lines gave. The bytes are exactly those of the single files.
 */
public final class SchemaBundle {

  /** The first line of every bundle; a bundle with another header is refused, never half read. */
  public static final String HEADER = "atomemo4j-schemas 1";

  /** The bundle's file name inside the plugin's resource directory. */
  public static final String FILE_NAME = "schemas.bundle";

  private SchemaBundle() {}

  /** The bundle of {@code entries} (path relative to the plugin's resource directory → the file's bytes), in order. */
  public static byte[] write(Map<String, byte[]> entries) {
    StringBuilder head = new StringBuilder(HEADER).append('\n');
    int body = 0;
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      String path = e.getKey();
      if (path.isEmpty() || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a bundle path must be one non-empty line: " + path);
      }
      head.append(e.getValue().length).append(' ').append(path).append('\n');
      body += e.getValue().length;
    }
    byte[] header = head.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + body);
    out.writeBytes(header);
    entries.values().forEach(out::writeBytes);
    return out.toByteArray();
  }

  /**
   * The entries of a bundle, in the order they were written; each value is a fresh copy of that file's bytes.
   *
   * @throws IllegalArgumentException when the bytes are not a bundle of this version, or are cut short
   */
  public static Map<String, byte[]> read(byte[] bundle) {
    int at = line(bundle, 0);
    if (!HEADER.equals(text(bundle, 0, at))) {
      throw new IllegalArgumentException("not an atomemo4j schema bundle (expected the header '" + HEADER + "')");
    }
    int pos = at + 1;
    Map<String, Integer> lengths = new LinkedHashMap<>();
    while (true) {
      int end = line(bundle, pos);
      if (end == pos) {
        pos = end + 1;
        break;
      }
      int space = indexOf(bundle, (byte) ' ', pos, end);
      if (space < 0) {
        throw new IllegalArgumentException("bad bundle entry line: " + text(bundle, pos, end));
      }
      int length;
      try {
        length = Integer.parseInt(text(bundle, pos, space));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad bundle entry length: " + text(bundle, pos, end), e);
      }
      if (length < 0) {
        throw new IllegalArgumentException("bad bundle entry length: " + text(bundle, pos, end));
      }
      lengths.put(text(bundle, space + 1, end), length);
      pos = end + 1;
    }
    Map<String, byte[]> out = new LinkedHashMap<>(lengths.size() * 2);
    for (Map.Entry<String, Integer> e : lengths.entrySet()) {
      int length = e.getValue();
      if (pos + length > bundle.length) {
        throw new IllegalArgumentException("the bundle is cut short in " + e.getKey());
      }
      byte[] file = new byte[length];
      System.arraycopy(bundle, pos, file, 0, length);
      out.put(e.getKey(), file);
      pos += length;
    }
    if (pos != bundle.length) {
      throw new IllegalArgumentException("the bundle has " + (bundle.length - pos) + " bytes after its last entry");
    }
    return Collections.unmodifiableMap(out);
  }

  /** The offset of the newline ending the line at {@code from}. */
  private static int line(byte[] b, int from) {
    int end = indexOf(b, (byte) '\n', from, b.length);
    if (end < 0) {
      throw new IllegalArgumentException("the bundle's header is cut short");
    }
    return end;
  }

  private static int indexOf(byte[] b, byte c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }
}
