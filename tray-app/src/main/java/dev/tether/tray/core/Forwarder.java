package dev.tether.tray.core;

import dev.tether.protocol.TetherVersion;
import dev.tether.protocol.push.Durations;
import dev.tether.tray.config.StaticTarget;
import dev.tether.tray.config.TraySettings;
import dev.tether.tray.discovery.AgentDiscovery;
import dev.tether.tray.discovery.ProcessProbe;
import dev.tether.tray.discovery.Target;
import dev.tether.tray.label.Snapshot;
import dev.tether.tray.log.TrayLog;
import dev.tether.tray.push.Backoff;
import dev.tether.tray.push.EncodedSnapshot;
import dev.tether.tray.push.GatewayClient;
import dev.tether.tray.push.GatewayConnector;
import dev.tether.tray.push.GatewayPusher;
import dev.tether.tray.push.Goodbye;
import dev.tether.tray.push.PushAction;
import dev.tether.tray.push.TokenFile;
import dev.tether.tray.scrape.ScrapeResult;
import dev.tether.tray.scrape.Scraper;
import dev.tether.tray.status.GatewayStatus;
import dev.tether.tray.status.StatusListener;
import dev.tether.tray.status.TargetStatus;
import dev.tether.tray.status.TrayStatus;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The forwarder core that both front ends (tray UI and headless) drive: each cycle it discovers
 * the targets, scrapes them, builds one snapshot and hands it to one {@link GatewayPusher} per
 * gateway. No UI types here.
 *
 * <p>Lifecycle: {@link #start()} runs a cycle at once and then one per interval on a daemon
 * thread; {@link #stop()} says goodbye to every gateway within 2 s. {@link #pause()} and
 * {@link #resume()} may be called any time; {@link #apply} swaps the settings for the next cycle.
 * {@link #status()} is an immutable snapshot; listeners hear of every change.
 *
 * <p>Thread-safe. Cycles run one at a time on the cycle thread; pushers run on their own threads.
 */
public final class Forwarder implements AutoCloseable {
    /** A clean exit must leave the gateway within this. */
    public static final Duration GOODBYE_BUDGET = Duration.ofSeconds(2);

    private final Clock clock;
    private final TrayLog log;
    private final Map<String, String> env;
    private final Backoff backoff;
    private final AgentDiscovery discovery;
    private final TokenFile tokenFile;
    private final TargetReport targetReport;
    private final List<StatusListener> listeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    private volatile TraySettings settings;
    private volatile boolean paused;
    private boolean running;
    private ScheduledExecutorService cycleThread;
    private ScheduledFuture<?> nextCycle;
    private Scraper scraper;
    private GatewayConnector http;
    private TraySettings httpFor;
    private final Map<URI, GatewayPusher> pushers = new LinkedHashMap<>();
    /** The host and client the current pushers were made for. */
    private String pusherHost;
    private GatewayConnector pusherClient;
    private volatile List<TargetStatus> targetStatuses = List.of();
    private volatile Instant lastCycleAt;
    private long typeConflictsTotal;
    private volatile long typeConflictsTotalPublished;

    private Forwarder(Builder b) {
        this.settings = b.settings;
        this.clock = b.clock;
        this.log = b.log;
        this.env = b.env;
        this.backoff = b.backoff;
        this.discovery = new AgentDiscovery(b.clock, b.probe, b.log);
        this.tokenFile = new TokenFile(b.log);
        this.targetReport = new TargetReport(b.log);
    }

    public static Builder builder(TraySettings settings) {
        return new Builder(settings);
    }

    /**
     * Starts cycling: the first cycle runs at once. Idempotent.
     *
     * @throws IOException when the settings' CA file or client certificate cannot be used
     */
    public void start() throws IOException {
        synchronized (lock) {
            if (running) {
                return;
            }
            rebuildHttp(settings);
            scraper = new Scraper();
            cycleThread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tether-cycle");
                t.setDaemon(true);
                return t;
            });
            running = true;
            nextCycle = cycleThread.schedule(this::cycleAndReschedule, 0, TimeUnit.MILLISECONDS);
        }
        log.info("tether-tray " + TetherVersion.get() + " forwarding as host " + settings.host() + " every "
                + Durations.format(settings.interval()) + " (ttl " + Durations.format(settings.ttl()) + ") to "
                + settings.gateways());
        publish();
    }

    /** Stops cycling and says goodbye ({@code DELETE}) to every gateway, waiting at most 2 s. Idempotent. */
    public void stop() {
        List<GatewayPusher> toBye;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            cycleThread.shutdownNow();
            toBye = new ArrayList<>(pushers.values());
            pushers.clear();
        }
        long deadline = System.nanoTime() + GOODBYE_BUDGET.toNanos();
        for (GatewayPusher p : toBye) {
            p.close();
        }
        long waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        for (GatewayPusher p : toBye) {
            p.awaitStopped(Duration.ofNanos(Math.max(1, waitUntil - System.nanoTime())));
        }
        TraySettings s = settings;
        Goodbye.send(toBye, s.host(), tokenFile.read(s.tokenFile()), deadline, log);
        scraper.close();
        publish();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Stops pushing; tells each gateway the host is paused (again every interval). */
    public void pause() {
        if (paused) {
            return;
        }
        paused = true;
        log.info("paused: pushing stops; gateways are told the host is paused");
        TraySettings s = settings;
        PushAction pause = new PushAction.Pause(s.host(), s.ttl(), tokenFile.read(s.tokenFile()));
        synchronized (lock) {
            for (GatewayPusher p : pushers.values()) {
                p.offer(pause, s.interval());
            }
        }
        publish();
    }

    /** Resumes pushing with a fresh snapshot at once. */
    public void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        log.info("resumed: pushing again");
        runCycleNow();
        publish();
    }

    /** Pause if running, resume if paused (SIGUSR2, a tray menu item). */
    public void togglePause() {
        if (paused) {
            resume();
        } else {
            pause();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /**
     * Takes new settings; they apply from the next cycle, which starts at once. Gateways that were
     * removed, or all of them when the host, proxy, CA or client certificate changed, get a goodbye.
     *
     * @throws IOException when the new CA file or client certificate cannot be used; the old settings stay
     */
    public void apply(TraySettings newSettings) throws IOException {
        Objects.requireNonNull(newSettings);
        synchronized (lock) {
            if (running) {
                rebuildHttp(newSettings);
            }
            settings = newSettings;
        }
        log.info("settings applied: " + newSettings);
        runCycleNow();
    }

    public TraySettings settings() {
        return settings;
    }

    /** The log this forwarder writes to; front ends add their own lines there. */
    public TrayLog log() {
        return log;
    }

    /** Runs a cycle as soon as the cycle thread is free, instead of at the next interval. */
    public void runCycleNow() {
        synchronized (lock) {
            if (!running) {
                return;
            }
            if (nextCycle != null) {
                nextCycle.cancel(false);
            }
            nextCycle = cycleThread.schedule(this::cycleAndReschedule, 0, TimeUnit.MILLISECONDS);
        }
    }

    public void addListener(StatusListener l) {
        listeners.add(l);
    }

    public void removeListener(StatusListener l) {
        listeners.remove(l);
    }

    /** The status now: targets as of the last cycle, gateways as of their last answer. */
    public TrayStatus status() {
        List<GatewayStatus> gs = new ArrayList<>();
        boolean isRunning;
        synchronized (lock) {
            isRunning = running;
            for (GatewayPusher p : pushers.values()) {
                gs.add(p.status());
            }
        }
        List<TargetStatus> ts = targetStatuses;
        boolean p = paused;
        return new TrayStatus(settings.host(), isRunning, p, TrayStatus.overallOf(p, ts, gs), lastCycleAt, ts, gs,
                typeConflictsTotalPublished, TetherVersion.get());
    }

    private void cycleAndReschedule() {
        long started = System.nanoTime();
        try {
            cycle();
        } catch (RuntimeException | Error e) {
            // One bad cycle must never end the loop. A cycle cut short by stop() is no news.
            synchronized (lock) {
                if (running) {
                    log.warn("cycle failed: " + e);
                }
            }
        }
        synchronized (lock) {
            if (running && !cycleThread.isShutdown()) {
                long elapsed = System.nanoTime() - started;
                long delay = Math.max(0, settings.interval().toNanos() - elapsed);
                nextCycle = cycleThread.schedule(this::cycleAndReschedule, delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** One cycle: discover, scrape, label and merge, hand to the pushers. Runs on the cycle thread. */
    void cycle() {
        TraySettings s = settings;
        syncPushers(s);
        // Merge order decides type conflicts: agents first (by PID), then static targets in their configured order.
        List<Target> targets = new ArrayList<>(discovery.discover(s.discoveryDirs(), s.host(), s.deadTargetRetention()));
        for (StaticTarget st : s.targets()) {
            targets.add(Target.fixed(st.job(), st.instance(), st.url()));
        }
        List<ScrapeResult> results = scraper.scrapeAll(targets, s.scrapeTimeout());

        List<GatewayPusher> ps;
        synchronized (lock) {
            ps = new ArrayList<>(pushers.values());
        }
        List<SelfMetrics.GatewayCounts> counts = new ArrayList<>();
        for (GatewayPusher p : ps) {
            counts.add(new SelfMetrics.GatewayCounts(p.url().toString(), p.failuresTotal(), p.pushesTotal()));
        }
        SnapshotAssembler.Result assembled = SnapshotAssembler.assemble(results, s.host(), counts, typeConflictsTotal);
        typeConflictsTotal = assembled.typeConflictsTotal();
        Snapshot snapshot = assembled.snapshot();
        int[] series = assembled.seriesPerTarget();
        List<TargetStatus> statuses = targetReport.update(results, series, snapshot.conflicts());

        String token = tokenFile.read(s.tokenFile());
        PushAction action = paused ? new PushAction.Pause(s.host(), s.ttl(), token)
                : new PushAction.Put(s.host(), EncodedSnapshot.of(snapshot), s.ttl(), token);
        for (GatewayPusher p : ps) {
            p.offer(action, s.interval());
        }
        targetStatuses = statuses;
        typeConflictsTotalPublished = typeConflictsTotal;
        lastCycleAt = clock.instant();
        publish();
    }

    /** Makes the pushers match the settings' gateways; removed ones get a goodbye in the background. */
    private void syncPushers(TraySettings s) {
        List<GatewayPusher> removed = new ArrayList<>();
        String oldHost;
        synchronized (lock) {
            if (!running) {
                return;
            }
            // A new HTTP client (proxy, CA or client certificate changed) or a new host name means new pushers.
            boolean rebuilt = pusherClient != null && pusherClient != http;
            oldHost = pusherHost;
            boolean hostChanged = oldHost != null && !oldHost.equals(s.host());
            for (var it = pushers.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (hostChanged || rebuilt || !s.gateways().contains(e.getKey())) {
                    removed.add(e.getValue());
                    it.remove();
                }
            }
            for (URI g : s.gateways()) {
                pushers.computeIfAbsent(g, u -> new GatewayPusher(new GatewayClient(u, http), s.interval(), clock,
                        backoff, log, this::publish));
            }
            pusherHost = s.host();
            pusherClient = http;
        }
        if (!removed.isEmpty()) {
            for (GatewayPusher p : removed) {
                p.close();
            }
            String host = oldHost;
            String token = tokenFile.read(s.tokenFile());
            // In the background: the new settings' first push should not wait on old gateways.
            CompletableFuture.runAsync(() -> Goodbye.send(removed, host, token,
                    System.nanoTime() + GOODBYE_BUDGET.toNanos(), log));
        }
    }

    private void rebuildHttp(TraySettings s) throws IOException {
        if (http == null || httpFor == null || !Objects.equals(httpFor.proxy(), s.proxy())
                || !Objects.equals(httpFor.caFile(), s.caFile()) || !Objects.equals(httpFor.clientCert(), s.clientCert())
                || !Objects.equals(httpFor.clientKey(), s.clientKey())) {
            http = GatewayConnector.create(s.proxy(), s.caFile(), s.clientCert(), s.clientKey(), env, log);
        }
        httpFor = s;
    }

    private void publish() {
        if (listeners.isEmpty()) {
            return;
        }
        TrayStatus s = status();
        for (StatusListener l : listeners) {
            try {
                l.statusChanged(s);
            } catch (RuntimeException e) {
                log.warn("status listener failed: " + e);
            }
        }
    }

    /** Builds a {@link Forwarder}; everything but the settings has a production default. */
    public static final class Builder {
        private final TraySettings settings;
        private Clock clock = Clock.systemUTC();
        private TrayLog log = TrayLog.stdout();
        private ProcessProbe probe = ProcessProbe.system();
        private Map<String, String> env = System.getenv();
        private Backoff backoff = Backoff.standard();

        private Builder(TraySettings settings) {
            this.settings = Objects.requireNonNull(settings);
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder log(TrayLog l) {
            this.log = l;
            return this;
        }

        public Builder processProbe(ProcessProbe p) {
            this.probe = p;
            return this;
        }

        /** The environment to read {@code HTTPS_PROXY}/{@code NO_PROXY} from. */
        public Builder env(Map<String, String> e) {
            this.env = Map.copyOf(e);
            return this;
        }

        public Builder backoff(Backoff b) {
            this.backoff = b;
            return this;
        }

        public Forwarder build() {
            return new Forwarder(this);
        }
    }
}
