package dev.atomemo4j.cli;

import dev.atomemo4j.model.io.DefinitionReader;
import dev.atomemo4j.model.io.ReadResult;
import dev.atomemo4j.model.validate.ViolationCode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a definition file for a command, turning every way the file can be unreadable into one sentence.
 */
final class DefinitionFile {
  private DefinitionFile() {}

  /** Thrown when the file cannot be turned into a definition at all; the message is one line for the user. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  static ReadResult read(Path file) throws Unreadable {
    if (Files.isDirectory(file)) {
      throw new Unreadable(file + " is a directory; give the path of a definition.json file");
    }
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new Unreadable(file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new Unreadable(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new Unreadable(file + ": cannot read it (" + e.getMessage() + ")");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a BOM is not JSON; editors on some systems add one
    }
    ReadResult result = DefinitionReader.read(text);
    if (result.definition().isEmpty()) {
      var problem = result.problems().get(0);
      String prefix = problem.code() == ViolationCode.INVALID_JSON ? "" : "[" + problem.code().slug() + "] ";
      throw new Unreadable(file + ": " + prefix + problem.message());
    }
    return result;
  }
}
