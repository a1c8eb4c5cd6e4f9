package dev.tether.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparator: right answers, and no early exit (the timing-safe part that a test can see). */
class TokenSetTest {
    static List<TokenEntry> entries(String... tokens) {
        List<TokenEntry> out = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            out.add(new TokenEntry(Tokens.sha256(tokens[i]), List.of(new HostGlob("h" + i)), i + 1));
        }
        return out;
    }

    @Test
    void find_knownTokenAtAnyPosition_itsEntry() {
        TokenSet set = new TokenSet(entries("tether_a", "tether_b", "tether_c"));

        assertThat(set.find("tether_a").line()).isEqualTo(1);
        assertThat(set.find("tether_c").line()).isEqualTo(3);
    }

    @Test
    void find_nearMisses_null() {
        TokenSet set = new TokenSet(entries("tether_secret"));

        assertThat(set.find("Tether_secret")).isNull();
        assertThat(set.find("tether_secreT")).isNull();
        assertThat(set.find("tether_secre")).isNull();
        assertThat(set.find("tether_secret ")).isNull();
        assertThat(set.find("")).isNull();
        assertThat(set.find(null)).isNull();
        // The file holds hashes: presenting the hash itself is not the token.
        assertThat(set.find(Tokens.hashLine("tether_secret"))).isNull();
    }

    @Test
    void find_matchOnFirstEntry_stillComparesEveryEntry() {
        AtomicInteger comparisons = new AtomicInteger();
        TokenSet set = new TokenSet(entries("tether_a", "tether_b", "tether_c", "tether_d"), (x, y) -> {
            comparisons.incrementAndGet();
            return Tokens.sameHash(x, y);
        });

        assertThat(set.find("tether_a")).isNotNull();
        assertThat(comparisons).hasValue(4);
        comparisons.set(0);
        assertThat(set.find("tether_unknown")).isNull();
        assertThat(comparisons).hasValue(4);
    }

    @Test
    void sameHash_equalAndDifferingAnywhere() {
        byte[] a = Tokens.sha256("x");
        byte[] first = a.clone();
        first[0] ^= 1;
        byte[] last = a.clone();
        last[31] ^= 1;

        assertThat(Tokens.sameHash(a, a.clone())).isTrue();
        assertThat(Tokens.sameHash(a, first)).isFalse();
        assertThat(Tokens.sameHash(a, last)).isFalse();
        assertThat(Tokens.sameHash(a, new byte[31])).isFalse();
    }

    @Test
    void newToken_random256BitsWithPrefix() {
        String t = Tokens.newToken();

        assertThat(t).startsWith("tether_").hasSize("tether_".length() + 43).isNotEqualTo(Tokens.newToken());
        assertThat(Tokens.hashLine(t)).matches("sha256:[0-9a-f]{64}");
    }
}
