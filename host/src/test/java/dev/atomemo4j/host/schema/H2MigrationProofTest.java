package dev.atomemo4j.host.schema;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The migrations proof on an H2 file, the host's default storage database. */
class H2MigrationProofTest extends MigrationProof {
  @TempDir
  Path dir;

  @Override
  String url() {
    return "jdbc:h2:file:" + dir.resolve("storage").toAbsolutePath();
  }

  @Override
  String catalogTable() {
    return "INFORMATION_SCHEMA.USERS";
  }
}
