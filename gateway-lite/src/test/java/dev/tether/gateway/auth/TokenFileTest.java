package dev.tether.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenFileTest {
    static final String HASH = Tokens.hashLine("tether_abc");

    @Test
    void parse_commentsBlankLinesAndGlobs_entriesWithLineNumbers() throws Exception {
        List<TokenEntry> entries = TokenFile.parse("f", List.of("# push tokens", "", "  " + HASH + "  laptop-*,build-01  ",
                Tokens.hashLine("tether_other") + " *"), true);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).line()).isEqualTo(3);
        assertThat(entries.get(0).allows("laptop-7")).isTrue();
        assertThat(entries.get(0).allows("build-01")).isTrue();
        assertThat(entries.get(0).allows("build-02")).isFalse();
        assertThat(entries.get(0).allowsAll()).isFalse();
        assertThat(entries.get(1).allowsAll()).isTrue();
    }

    @Test
    void parse_plainTokenPasted_errorNamesLineButNeverEchoesIt() {
        String pasted = "tether_s3cr3tPlainToken";

        assertThatThrownBy(() -> TokenFile.parse("tokens.txt", List.of("# x", pasted + " laptop-*"), true))
                .isInstanceOf(TokenFileException.class)
                .hasMessageStartingWith("tokens.txt line 2: expected 'sha256:<64 hex digits> host-glob,...'")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void parse_badLines_refusedWithTheProblem() {
        assertThatThrownBy(() -> TokenFile.parse("f", List.of(HASH), true)).hasMessageContaining("line 1: no hosts");
        assertThatThrownBy(() -> TokenFile.parse("f", List.of(HASH + " lap/top"), true)).hasMessageContaining("line 1: invalid host glob");
        assertThatThrownBy(() -> TokenFile.parse("f", List.of("sha256:abcd laptop"), true)).hasMessageContaining("line 1: expected");
        assertThatThrownBy(() -> TokenFile.parse("f", List.of(HASH + " a", HASH + " b"), true))
                .hasMessageContaining("line 2: the same token as line 1");
    }

    @Test
    void parse_scrapeFile_hostsOptional() throws Exception {
        assertThat(TokenFile.parse("f", List.of(HASH), false)).hasSize(1);
    }

    @Test
    void hostGlob_matches_table() {
        String[][] cases = {
            {"laptop-*", "laptop-1", "true"}, {"laptop-*", "laptop-", "true"}, {"laptop-*", "laptop", "false"},
            {"laptop-*", "my-laptop-1", "false"}, {"*", "anything.example", "true"}, {"build-0?", "build-01", "true"},
            {"build-0?", "build-010", "false"}, {"*-db-*", "eu-db-3", "true"}, {"a*b*c", "aXbYc", "true"},
            {"a*b*c", "aXbY", "false"}, {"Laptop", "laptop", "false"}, {"host.one", "hostXone", "false"},
        };
        for (String[] c : cases) {
            assertThat(new HostGlob(c[0]).matches(c[1])).as(c[0] + " ~ " + c[1]).isEqualTo(Boolean.parseBoolean(c[2]));
        }
    }
}
