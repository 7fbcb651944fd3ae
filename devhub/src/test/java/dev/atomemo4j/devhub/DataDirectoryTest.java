package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credential values and the debug key sit in clear text in the data directory: it is the owner's alone. */
class DataDirectoryTest {
    @TempDir
    Path tmp;

    static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aDataDirectoryTheDevHubCreatesIsOwnerOnly() throws Exception {
        Path data = tmp.resolve("fresh");
        try (DevHub hub = DevHub.builder().dataDirectory(data).build()) {
            hub.start();
        }
        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(data.resolve(DevHub.API_KEY_FILE))).isEqualTo("rw-------");
    }

    @Test
    void secretFilesLeftReadableByOthersAreMadeOwnerOnlyAtStart() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("old"));
        Path credentials = Files.writeString(data.resolve(DevHub.CREDENTIALS_FILE), "{\"version\":1,\"instances\":[]}");
        Path key = Files.writeString(data.resolve(DevHub.API_KEY_FILE), "an-old-key\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-r--"));

        try (DevHub hub = DevHub.builder().dataDirectory(data).build()) {
            hub.start();
        }

        assertThat(permissions(credentials)).isEqualTo("rw-------");
        assertThat(permissions(key)).isEqualTo("rw-------");
    }
}
