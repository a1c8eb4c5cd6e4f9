package dev.tether.tray.ui.window;

import dev.tether.protocol.push.Durations;
import dev.tether.tray.config.TraySettings;
import dev.tether.tray.status.GatewayStatus;
import dev.tether.tray.status.TargetStatus;
import dev.tether.tray.status.TrayStatus;
import dev.tether.tray.ui.state.Ago;
import dev.tether.tray.ui.state.GatewayWords;
import dev.tether.tray.ui.state.TrayPresentation;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The status window's state: the header (host, TTL, state), the Pause/Resume button's label and the
 * two tables, as text. JavaFX properties but no scene graph, so it is tested without the toolkit;
 * updated on the FX thread.
 */
public final class MainWindowViewModel {
    private final Clock clock;
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("Tether: starting…");
    private final ReadOnlyStringWrapper stateName = new ReadOnlyStringWrapper("idle");
    private final ReadOnlyStringWrapper pauseLabel = new ReadOnlyStringWrapper(TrayPresentation.PAUSE);
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ObservableList<TargetRow> targets = FXCollections.observableArrayList();
    private final ObservableList<GatewayRow> gateways = FXCollections.observableArrayList();

    public MainWindowViewModel(Clock clock) {
        this.clock = clock;
    }

    /** Takes the latest status, the settings in use and the debounced presentation. */
    public void update(TrayStatus s, TraySettings settings, TrayPresentation p) {
        Instant now = clock.instant();
        header.set("Host " + s.host() + " · TTL " + Durations.format(settings.ttl()) + " · every "
                + Durations.format(settings.interval()));
        stateText.set(p.text());
        stateName.set(p.state().name().toLowerCase(Locale.ROOT));
        pauseLabel.set(p.pauseLabel());
        List<TargetRow> ts = new ArrayList<>();
        for (TargetStatus t : s.targets()) {
            ts.add(new TargetRow(t.job(), t.pid() >= 0 ? Long.toString(t.pid()) : "—", String.valueOf(t.url()),
                    t.state().name().toLowerCase(Locale.ROOT), Integer.toString(t.series()),
                    Ago.since(s.lastCycleAt(), now),
                    t.scrapeDuration() == null ? "—" : Long.toString(t.scrapeDuration().toMillis()),
                    t.error() == null ? "" : t.error()));
        }
        targets.setAll(ts);
        List<GatewayRow> gs = new ArrayList<>();
        for (GatewayStatus g : s.gateways()) {
            gs.add(new GatewayRow(String.valueOf(g.url()), g.state().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    Ago.since(g.lastPushAt(), now),
                    g.latency() == null ? "—" : g.latency().toMillis() + " ms",
                    g.bytes() == 0 ? "—" : bytes(g.bytes()), GatewayWords.problem(g)));
        }
        gateways.setAll(gs);
    }

    /** Says why the window is open on its own (no system tray); empty for none. */
    public void setBanner(String text) {
        banner.set(text == null ? "" : text);
    }

    static String bytes(long b) {
        return b < 1024 ? b + " B" : b < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", b / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", b / 1024.0 / 1024.0);
    }

    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** ok, degraded, offline, paused, idle: the window's colour. */
    public ReadOnlyStringProperty stateNameProperty() {
        return stateName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pauseLabelProperty() {
        return pauseLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ObservableList<TargetRow> targets() {
        return targets;
    }

    public ObservableList<GatewayRow> gateways() {
        return gateways;
    }
}
