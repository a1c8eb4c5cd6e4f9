package dev.tether.gateway.auth;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * The tokens of one file, immutable. {@link #find} hashes the presented token and compares it with
 * every entry in constant time, without stopping at a match, so the answer time says nothing about
 * which bytes or which line matched.
 */
public final class TokenSet {
    public static final TokenSet EMPTY = new TokenSet(List.of());

    private final List<TokenEntry> entries;
    private final BiPredicate<byte[], byte[]> sameHash;

    public TokenSet(List<TokenEntry> entries) {
        this(entries, Tokens::sameHash);
    }

    /** With another comparator: tests count the comparisons. */
    TokenSet(List<TokenEntry> entries, BiPredicate<byte[], byte[]> sameHash) {
        this.entries = List.copyOf(entries);
        this.sameHash = sameHash;
    }

    /** The entry of this token, or {@code null} when it is not known. */
    public TokenEntry find(String presentedToken) {
        if (presentedToken == null) {
            return null;
        }
        return findHash(Tokens.sha256(presentedToken));
    }

    TokenEntry findHash(byte[] hash) {
        TokenEntry found = null;
        for (TokenEntry e : entries) {
            // Non-short-circuit on purpose: every entry is compared whatever matched before.
            boolean same = sameHash.test(e.sha256(), hash);
            if (same & found == null) {
                found = e;
            }
        }
        return found;
    }

    public int size() {
        return entries.size();
    }
}
