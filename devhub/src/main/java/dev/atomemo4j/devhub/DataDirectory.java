package dev.atomemo4j.devhub;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev hub's data directory holds credential values and the debug API key in clear text, so it is kept for its
 * owner only (on POSIX file systems): a directory the dev hub creates is {@code rwx------}, and the secret files in
 * it are tightened to {@code rw-------} at start, in case an older version or a copy left them readable by others.
 * An existing directory keeps its permissions: it may be the developer's own, shared with other things.
 */
final class DataDirectory {
    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private DataDirectory() {}

    /** Creates {@code dir} owner-only if missing, and makes the named secret files in it owner-only. */
    static Path prepare(Path dir, String... secretFiles) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix) {
            for (String name : secretFiles) {
                Path file = dir.resolve(name);
                if (Files.isRegularFile(file)) {
                    Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
                    if (current.stream().anyMatch(GROUP_OR_OTHER::contains)) {
                        Set<PosixFilePermission> tightened = EnumSet.copyOf(current);
                        tightened.removeAll(GROUP_OR_OTHER);
                        Files.setPosixFilePermissions(file, tightened);
                        log.info("{} was readable by others; made it owner-only ({})", file,
                                PosixFilePermissions.toString(tightened));
                    }
                }
            }
        }
        return dir;
    }
}
