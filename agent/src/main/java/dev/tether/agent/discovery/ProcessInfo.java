package dev.tether.agent.discovery;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * This JVM's pid and start time, on Java 8 as on 9+.
 *
 * <p>On Linux both come from {@code /proc}: {@code ProcessHandle} and the management beans would each
 * load dozens of classes while the app is starting, for two numbers.
 */
public final class ProcessInfo {
    /** USER_HZ: the unit of {@code /proc/<pid>/stat} times, 100 on every Linux architecture. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    private ProcessInfo() {
    }

    public static long pid() {
        try {
            String self = new File("/proc/self").getCanonicalFile().getName();
            if (!self.isEmpty() && Character.isDigit(self.charAt(0))) {
                return Long.parseLong(self);
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: below.
        }
        try {
            // ProcessHandle is Java 9+; the agent is compiled for 8.
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            Object current = handle.getMethod("current").invoke(null);
            Method pid = handle.getMethod("pid");
            return (Long) pid.invoke(current);
        } catch (ReflectiveOperationException | RuntimeException e) {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            return Long.parseLong(name.substring(0, name.indexOf('@')));
        }
    }

    /** When this JVM started, in seconds since the epoch. */
    public static long jvmStartEpochSecond() {
        try {
            return linuxStartEpochSecond(read("/proc/self/stat"), read("/proc/stat"));
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getRuntimeMXBean().getStartTime() / 1000;
        }
    }

    /**
     * @param selfStat {@code /proc/self/stat}: field 22 is the start time in clock ticks after boot
     * @param stat {@code /proc/stat}: {@code btime} is the boot time in seconds since the epoch
     */
    static long linuxStartEpochSecond(String selfStat, String stat) {
        // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
        String[] fields = selfStat.substring(selfStat.lastIndexOf(')') + 2).split(" ");
        long ticksAfterBoot = Long.parseLong(fields[22 - 3]);
        long bootTime = -1;
        for (String line : stat.split("\n")) {
            if (line.startsWith("btime ")) {
                bootTime = Long.parseLong(line.substring("btime ".length()).trim());
            }
        }
        if (bootTime < 0) {
            throw new IllegalArgumentException("no btime in /proc/stat");
        }
        return bootTime + ticksAfterBoot / CLOCK_TICKS_PER_SECOND;
    }

    private static String read(String path) throws IOException {
        return new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.US_ASCII);
    }
}
