package dev.tether.tray.discovery;

import dev.tether.protocol.push.Durations;
import dev.tether.tray.log.TrayLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the agents of this host from their discovery files, once per cycle. Not thread-safe: the
 * forwarder calls it from its cycle thread only.
 *
 * <p>It remembers what it has said: a refused file is logged once and skipped until it changes
 * (a new size or modification time), and a missing dir is logged once. A file whose JVM is dead
 * means a crash (a clean exit deletes the file): that agent stays, dead, for the retention, then
 * its file is deleted. The retention counts from when this tray first saw it dead.
 */
public final class AgentDiscovery {
    private static final long MAX_FILE_BYTES = 64 * 1024;

    private final Clock clock;
    private final ProcessProbe probe;
    private final TrayLog log;
    private final Map<Path, Stamp> refused = new HashMap<>();
    private final Map<Path, Instant> deadSince = new HashMap<>();
    private final Set<Path> missingDirsLogged = new HashSet<>();

    public AgentDiscovery(Clock clock, ProcessProbe probe, TrayLog log) {
        this.clock = clock;
        this.probe = probe;
        this.log = log;
    }

    /**
     * The agents found in {@code dirs}, ordered by PID; a PID found in two dirs counts once.
     *
     * @param host this host's name, for the {@code instance} label
     * @param retention how long a crashed agent is still reported
     */
    public List<Target> discover(List<Path> dirs, String host, Duration retention) {
        Instant now = clock.instant();
        Map<Long, Target> byPid = new HashMap<>();
        Set<Path> seen = new HashSet<>();
        for (Path dir : dirs) {
            for (Path file : list(dir)) {
                seen.add(file);
                Target t = examine(file, host, retention, now);
                if (t != null) {
                    byPid.putIfAbsent(t.pid(), t);
                }
            }
        }
        // Forget files that went away, so memory does not grow with agents that came and went.
        refused.keySet().retainAll(seen);
        deadSince.keySet().retainAll(seen);
        List<Target> out = new ArrayList<>(byPid.values());
        out.sort(Comparator.comparingLong(Target::pid));
        return out;
    }

    private List<Path> list(Path dir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            if (missingDirsLogged.add(dir)) {
                log.info("discovery dir " + dir + " does not exist yet; agents create it when they start");
            }
            return files;
        }
        missingDirsLogged.remove(dir);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) {
                files.add(p);
            }
        } catch (IOException e) {
            if (missingDirsLogged.add(dir)) {
                log.warn("cannot list discovery dir " + dir + ": " + e);
            }
        }
        files.sort(null);
        return files;
    }

    private Target examine(Path file, String host, Duration retention, Instant now) {
        Stamp stamp;
        try {
            stamp = new Stamp(Files.getLastModifiedTime(file).toMillis(), Files.size(file));
        } catch (NoSuchFileException e) {
            return null; // deleted between listing and reading: the agent exited cleanly
        } catch (IOException e) {
            stamp = new Stamp(-1, -1);
        }
        if (stamp.equals(refused.get(file))) {
            return null;
        }
        AgentRecord rec;
        try {
            if (stamp.size > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("larger than " + MAX_FILE_BYTES + " bytes");
            }
            String content = Files.readString(file, StandardCharsets.UTF_8);
            rec = DiscoveryFileReader.parse(file.getFileName().toString(), content);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            refused.put(file, stamp);
            String reason = e instanceof IOException ? "unreadable (" + e + ")" : e.getMessage();
            log.warn("skipping discovery file " + file + ": " + reason);
            return null;
        }
        refused.remove(file);
        if (probe.isAlive(rec.pid(), rec.startedAt())) {
            deadSince.remove(file);
            return Target.agent(rec.app(), host, rec.pid(), rec.url(), null);
        }
        Instant since = deadSince.get(file);
        if (since == null) {
            since = now;
            deadSince.put(file, since);
            log.warn("agent " + rec.app() + " (pid " + rec.pid() + ") is gone but left " + file
                    + ": it crashed; reporting tether_target_up 0 for " + Durations.format(retention));
        }
        if (Duration.between(since, now).compareTo(retention) >= 0) {
            try {
                Files.deleteIfExists(file);
                log.info("removed " + file + " of crashed agent " + rec.app() + " (pid " + rec.pid() + ") after "
                        + Durations.format(retention));
            } catch (IOException e) {
                log.warn("cannot remove " + file + " of crashed agent: " + e);
            }
            deadSince.remove(file);
            return null;
        }
        return Target.agent(rec.app(), host, rec.pid(), rec.url(), since);
    }

    /** What a file looked like when it was refused; a change means it is worth reading again. */
    private static final class Stamp {
        final long modified;
        final long size;

        Stamp(long modified, long size) {
            this.modified = modified;
            this.size = size;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stamp && ((Stamp) o).modified == modified && ((Stamp) o).size == size;
        }

        @Override
        public int hashCode() {
            return Objects.hash(modified, size);
        }
    }
}
