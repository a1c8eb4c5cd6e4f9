package dev.tether.tray.ui.settings;

import dev.tether.protocol.push.Durations;
import dev.tether.tray.config.ProxySetting;
import dev.tether.tray.config.SettingsFile;
import dev.tether.tray.config.StaticTarget;
import dev.tether.tray.config.TraySettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The settings form: one text property per field and one message beside each. {@link #save()}
 * validates every field first; only when all are valid does it write the token file, apply the
 * settings to the running forwarder (no restart), write the settings file and set autostart.
 * Lists are one entry per line. No scene graph, so it is tested without the toolkit.
 */
public final class SettingsViewModel {
    /** Applies settings to the running core ({@code Forwarder::apply}). */
    @FunctionalInterface
    public interface Applier {
        void apply(TraySettings s) throws IOException;
    }

    public final StringProperty gateways = new SimpleStringProperty("");
    public final StringProperty token = new SimpleStringProperty("");
    public final StringProperty host = new SimpleStringProperty("");
    public final StringProperty interval = new SimpleStringProperty("");
    public final StringProperty ttl = new SimpleStringProperty("");
    public final StringProperty discoveryDirs = new SimpleStringProperty("");
    public final StringProperty targets = new SimpleStringProperty("");
    public final StringProperty proxy = new SimpleStringProperty("");
    public final BooleanProperty startAtLogin = new SimpleBooleanProperty(true);

    public final StringProperty gatewaysError = new SimpleStringProperty("");
    public final StringProperty tokenError = new SimpleStringProperty("");
    public final StringProperty hostError = new SimpleStringProperty("");
    public final StringProperty intervalError = new SimpleStringProperty("");
    public final StringProperty ttlError = new SimpleStringProperty("");
    public final StringProperty discoveryDirsError = new SimpleStringProperty("");
    public final StringProperty targetsError = new SimpleStringProperty("");
    public final StringProperty proxyError = new SimpleStringProperty("");
    /** The outcome of the last save: "Saved to …", or what went wrong. */
    public final StringProperty result = new SimpleStringProperty("");

    private final Applier applier;
    private final Path settingsFile;
    private final Path defaultTokenFile;
    private final Autostart autostart;
    private TraySettings current;
    private volatile boolean startAtLoginWanted;

    /**
     * @param settingsFile where the settings are saved
     * @param defaultTokenFile where a token typed in goes when no token file is set yet
     */
    public SettingsViewModel(TraySettings current, Applier applier, Path settingsFile, Path defaultTokenFile,
            Autostart autostart) {
        this.applier = applier;
        this.settingsFile = settingsFile;
        this.defaultTokenFile = defaultTokenFile;
        this.autostart = autostart;
        load(current);
    }

    /** Fills the form from {@code s} and clears the messages. */
    public void load(TraySettings s) {
        current = s;
        gateways.set(s.gateways().stream().map(URI::toString).collect(Collectors.joining("\n")));
        token.set("");
        host.set(s.host());
        interval.set(Durations.format(s.interval()));
        ttl.set(s.ttl().equals(s.interval().multipliedBy(3)) ? "" : Durations.format(s.ttl()));
        discoveryDirs.set(s.discoveryDirs().stream().map(Path::toString).collect(Collectors.joining("\n")));
        targets.set(s.targets().stream().map(t -> t.job() + "=" + t.url()).collect(Collectors.joining("\n")));
        proxy.set(s.proxy().toString());
        startAtLogin.set(autostart.enabled());
        for (StringProperty e : errors()) {
            e.set("");
        }
        result.set("");
    }

    /** Where the token is (or will be) kept, for the form's hint. */
    public Path tokenFile() {
        return current.tokenFile() != null ? current.tokenFile() : defaultTokenFile;
    }

    public TraySettings current() {
        return current;
    }

    /**
     * Validates every field, setting each message; returns the settings they make, or null when a field
     * is invalid (then nothing was saved or applied).
     */
    public TraySettings validate() {
        for (StringProperty e : errors()) {
            e.set("");
        }
        TraySettings.Builder b = current.toBuilder();
        boolean ok = true;

        b.clearGateways();
        List<String> gws = lines(gateways.get());
        if (gws.isEmpty()) {
            ok = fail(gatewaysError, "at least one gateway URL, e.g. https://gateway.example:9091");
        }
        for (String g : gws) {
            try {
                b.gateway(g);
            } catch (IllegalArgumentException e) {
                ok = fail(gatewaysError, e.getMessage());
                break;
            }
        }

        String t = token.get() == null ? "" : token.get().trim();
        if (t.contains(" ") || t.contains("\t")) {
            ok = fail(tokenError, "a token has no spaces");
        }

        try {
            b.host(host.get().trim().isEmpty() ? null : host.get().trim());
        } catch (IllegalArgumentException e) {
            ok = fail(hostError, e.getMessage());
        }

        Duration iv = duration(interval.get(), intervalError, false);
        if (iv == null) {
            ok = false;
        } else if (iv.compareTo(Duration.ofSeconds(1)) < 0) {
            ok = fail(intervalError, "at least 1s");
            iv = null;
        } else {
            b.interval(iv);
            if (current.scrapeTimeout().equals(defaultScrapeTimeout(current.interval()))) {
                b.scrapeTimeout(null); // keep following the interval
            }
        }

        if (ttl.get() == null || ttl.get().isBlank()) {
            b.ttl(null);
        } else {
            Duration d = duration(ttl.get(), ttlError, false);
            if (d == null) {
                ok = false;
            } else if (iv != null && d.compareTo(iv) < 0) {
                ok = fail(ttlError, "must not be shorter than the interval (" + Durations.format(iv) + ")");
            } else {
                b.ttl(d);
            }
        }

        List<Path> dirs = new ArrayList<>();
        for (String d : lines(discoveryDirs.get())) {
            try {
                Path p = Path.of(d.startsWith("~/") ? System.getProperty("user.home") + d.substring(1) : d);
                if (!p.isAbsolute()) {
                    ok = fail(discoveryDirsError, "'" + d + "' is not an absolute path");
                    break;
                }
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    ok = fail(discoveryDirsError, "'" + d + "' is not a directory");
                    break;
                }
                dirs.add(p);
            } catch (InvalidPathException e) {
                ok = fail(discoveryDirsError, "'" + d + "' is not a path");
                break;
            }
        }
        b.discoveryDirs(dirs.isEmpty() ? null : dirs);

        b.clearTargets();
        for (String st : lines(targets.get())) {
            try {
                b.target(StaticTarget.parse(st));
            } catch (IllegalArgumentException e) {
                ok = fail(targetsError, e.getMessage());
                break;
            }
        }

        try {
            b.proxy(proxy.get() == null || proxy.get().isBlank() ? ProxySetting.auto() : ProxySetting.parse(proxy.get().trim()));
        } catch (IllegalArgumentException e) {
            ok = fail(proxyError, e.getMessage());
        }

        if (!t.isEmpty()) {
            b.tokenFile(tokenFile());
        }
        startAtLoginWanted = startAtLogin.get();
        if (!ok) {
            result.set("Not saved: fix the fields marked in red.");
            return null;
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            result.set("Not saved: " + e.getMessage());
            return null;
        }
    }

    /**
     * Validates, then writes the token, applies to the running core, saves the file and sets autostart,
     * all on the calling thread (tests). The view runs {@link #persist} off the FX thread instead.
     *
     * @return true when saved
     */
    public boolean save() {
        TraySettings s = validate();
        if (s == null) {
            return false;
        }
        String error = persist(s, token.get());
        finish(s, error);
        return error == null;
    }

    /**
     * The I/O part of saving, on any thread: token file, {@code Forwarder.apply}, settings file,
     * autostart. Touches no property.
     *
     * @return null when done, else what went wrong
     */
    public String persist(TraySettings s, String tokenText) {
        try {
            String t = tokenText == null ? "" : tokenText.trim();
            if (!t.isEmpty()) {
                TokenStore.write(s.tokenFile(), t);
            }
            applier.apply(s);
            SettingsFile.write(s, settingsFile);
            if (autostart.enabled() != startAtLoginWanted) {
                autostart.setEnabled(startAtLoginWanted);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    /** Back on the form's thread after {@link #persist}. */
    public void finish(TraySettings s, String error) {
        if (error != null) {
            result.set("Not saved: " + error);
            return;
        }
        current = s;
        token.set("");
        result.set("Saved to " + settingsFile + "; applied.");
    }

    private List<StringProperty> errors() {
        return List.of(gatewaysError, tokenError, hostError, intervalError, ttlError, discoveryDirsError,
                targetsError, proxyError);
    }

    private static Duration defaultScrapeTimeout(Duration interval) {
        Duration max = Duration.ofSeconds(10);
        return interval.compareTo(max) < 0 ? interval : max;
    }

    private static Duration duration(String text, StringProperty error, boolean allowZero) {
        try {
            Duration d = Durations.parse(text == null ? "" : text.trim());
            if (!allowZero && (d.isZero() || d.isNegative())) {
                fail(error, "must be more than 0");
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            fail(error, "not a duration: use 250ms, 15s, 2m or 1h30m");
            return null;
        }
    }

    private static boolean fail(StringProperty error, String message) {
        error.set(message);
        return false;
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\r\\n,]+")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
