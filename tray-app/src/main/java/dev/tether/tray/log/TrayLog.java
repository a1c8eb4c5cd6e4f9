package dev.tether.tray.log;

/**
 * Where the tray's log lines go. Headless mode prints them to stdout; the UI may also show them.
 * Implementations must be thread-safe: scrapes and pushes log from their own threads.
 */
public interface TrayLog {
    void info(String message);

    void warn(String message);

    /** A log that prints one line per message to {@code System.out}, with a UTC timestamp and level. */
    static TrayLog stdout() {
        return new PrintStreamLog(System.out, java.time.Clock.systemUTC());
    }
}
