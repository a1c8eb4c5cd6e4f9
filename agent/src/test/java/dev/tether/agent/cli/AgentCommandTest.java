package dev.tether.agent.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AgentCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AgentCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_noArguments_usageAndStatus2() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar tether-agent.jar");
    }

    @Test
    void attach_notAPid_oneLineAndStatus2() {
        assertThat(run("attach", "abc")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("tether-agent: 'abc' is not a process id" + System.lineSeparator());
    }

    @Test
    void attach_badOption_refusedBeforeAttaching() {
        assertThat(run("attach", "1", "prot=1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("tether-agent: unknown option 'prot' (did you mean 'port'?)" + System.lineSeparator());
    }

    @Test
    void attach_noSuchProcess_oneLineAndStatus1() {
        assertThat(run("attach", "999999999")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tether-agent: cannot attach to 999999999: ");
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }
}
