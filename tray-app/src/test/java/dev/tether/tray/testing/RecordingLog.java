package dev.tether.tray.testing;

import dev.tether.tray.log.TrayLog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Keeps every log line, to check what was said and how often; also echoes to stdout for reports. */
public final class RecordingLog implements TrayLog {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
        System.out.println("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
        System.out.println("WARN " + message);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<String> containing(String s) {
        return lines.stream().filter(l -> l.contains(s)).collect(Collectors.toList());
    }
}
