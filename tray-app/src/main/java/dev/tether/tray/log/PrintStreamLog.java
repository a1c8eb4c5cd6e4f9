package dev.tether.tray.log;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Writes {@code <timestamp> <LEVEL> <message>} lines to a stream, one per call. */
public final class PrintStreamLog implements TrayLog {
    private final PrintStream out;
    private final Clock clock;

    public PrintStreamLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void info(String message) {
        line("INFO", message);
    }

    @Override
    public void warn(String message) {
        line("WARN", message);
    }

    private void line(String level, String message) {
        String ts = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        // One println per line, so lines from several threads never interleave mid-line.
        out.println(ts + " " + level + " " + message.replace('\n', ' '));
    }
}
