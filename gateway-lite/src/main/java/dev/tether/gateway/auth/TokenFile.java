package dev.tether.gateway.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a tokens file:
 * <pre>
 * # comment
 * sha256:9f86d0818...  laptop-*,build-01
 * </pre>
 * One token per line: {@code sha256:} and 64 hex digits, then the host globs, comma-separated. In a
 * scrape tokens file the globs are optional and unused. Errors name the line number but never echo
 * the line: someone may have pasted a plain token there.
 */
public final class TokenFile {
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-fA-F]{64}");

    private TokenFile() {
    }

    public static List<TokenEntry> read(Path file, boolean hostsRequired) throws TokenFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TokenFileException(file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        return parse(file.toString(), lines, hostsRequired);
    }

    static List<TokenEntry> parse(String name, List<String> lines, boolean hostsRequired) throws TokenFileException {
        List<TokenEntry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String where = name + " line " + (i + 1) + ": ";
            if (!HASH.matcher(parts[0]).matches()) {
                throw new TokenFileException(where + "expected 'sha256:<64 hex digits> host-glob,...'"
                        + " (the SHA-256 of the token, never the token itself; see 'token new')");
            }
            byte[] hash = HexFormat.of().parseHex(parts[0].substring("sha256:".length()));
            List<HostGlob> globs = new ArrayList<>();
            if (parts.length > 1) {
                for (String g : parts[1].split("[,\\s]+")) {
                    if (g.isEmpty()) {
                        continue;
                    }
                    try {
                        globs.add(new HostGlob(g));
                    } catch (IllegalArgumentException e) {
                        throw new TokenFileException(where + "invalid host glob: expected 1 to 128 of A-Z a-z 0-9 . _ - * ?");
                    }
                }
            }
            if (globs.isEmpty() && hostsRequired) {
                throw new TokenFileException(where + "no hosts after the hash: add the hosts it may push, such as laptop-*,build-01");
            }
            for (TokenEntry e : out) {
                if (Tokens.sameHash(e.sha256(), hash)) {
                    throw new TokenFileException(where + "the same token as line " + e.line() + ": put its hosts on one line");
                }
            }
            out.add(new TokenEntry(hash, globs, i + 1));
        }
        return out;
    }
}
