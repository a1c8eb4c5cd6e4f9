package dev.tether.agent.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code <dir>/<pid>.json}: written whole or not at all (temp file, then rename), readable only by the
 * user where the file system knows POSIX permissions, and deleted on normal exit.
 */
public final class DiscoveryFile {
    private final Path dir;
    private final Path file;

    public DiscoveryFile(Path dir, long pid) {
        this.dir = dir;
        this.file = dir.resolve(pid + ".json");
    }

    public Path path() {
        return file;
    }

    /** @throws IOException when the dir cannot be created or written; nothing is left behind */
    public void write(DiscoveryRecord record) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        // Not Files.createTempFile: its random name loads SecureRandom and the security providers, a cost
        // at start-up. The pid in the name already makes it ours; CREATE_NEW refuses anything already there.
        Path tmp = dir.resolve("." + file.getFileName() + "." + System.nanoTime() + ".tmp");
        if (posix) {
            Files.createFile(tmp, ownerOnly());
        } else {
            Files.createFile(tmp);
        }
        try {
            Files.write(tmp, record.toJson().getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Best effort: a file left behind is recognised by the tray from its dead pid. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // Nothing to do at exit.
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
}
