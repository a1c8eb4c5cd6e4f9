package dev.tether.tray.push;

import dev.tether.tray.log.TrayLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The bearer token, read from a file each cycle so that a rotated token applies without a restart
 * (the file is tiny). Warns once when other users can read the file, and once when it cannot be
 * read; not thread-safe (the cycle thread owns it).
 */
public final class TokenFile {
    private final TrayLog log;
    private Path warnedPerms;
    private String warnedError;

    public TokenFile(TrayLog log) {
        this.log = log;
    }

    /** The token in {@code file} (first line, trimmed), or null when there is no file or it cannot be read. */
    public String read(Path file) {
        if (file == null) {
            return null;
        }
        checkPermissions(file);
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            int nl = s.indexOf('\n');
            String token = (nl >= 0 ? s.substring(0, nl) : s).strip();
            if (token.isEmpty()) {
                throw new IOException("the file is empty");
            }
            warnedError = null;
            return token;
        } catch (IOException e) {
            String msg = "cannot read token file " + file + ": " + e.getMessage() + "; pushing without a token";
            if (!msg.equals(warnedError)) {
                log.warn(msg);
                warnedError = msg;
            }
            return null;
        }
    }

    /** Group or other permissions on a secret are worth one warning (POSIX file systems only). */
    void checkPermissions(Path file) {
        String open = openPermissions(file);
        if (open != null && !file.equals(warnedPerms)) {
            log.warn("token file " + file + " is readable by other users (" + open + "); run: chmod 600 " + file);
            warnedPerms = file;
        } else if (open == null) {
            warnedPerms = null;
        }
    }

    /**
     * The file's permissions as {@code rw-r--r--} when group or others may read or write it, else null
     * (also on a file system without POSIX permissions, Windows, or when there is no such file).
     */
    static String openPermissions(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            boolean open = perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
            return open ? PosixFilePermissions.toString(perms) : null;
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }
}
