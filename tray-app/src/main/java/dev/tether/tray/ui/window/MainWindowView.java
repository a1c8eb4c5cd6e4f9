package dev.tether.tray.ui.window;

import dev.tether.tray.status.TrayStatus.Overall;
import dev.tether.tray.ui.tray.StateIcons;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.Locale;
import java.util.function.Function;

/** The status window: the state, host and TTL, a big Pause/Resume button, the targets and gateways. */
public final class MainWindowView {
    private final VBox root;

    /**
     * @param onPause the Pause/Resume button (called on the FX thread; must not block)
     * @param onSettings the Settings… button
     */
    public MainWindowView(MainWindowViewModel vm, Runnable onPause, Runnable onSettings) {
        Label banner = new Label();
        banner.setId("banner");
        banner.setWrapText(true);
        banner.setStyle("-fx-background-color: #fff4ce; -fx-padding: 6 8; -fx-border-color: #e0c060;");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        Circle dot = new Circle(9);
        dot.setId("stateDot");
        vm.stateNameProperty().addListener((o, a, b) -> dot.setFill(colour(b)));
        dot.setFill(colour(vm.stateNameProperty().get()));
        Label state = new Label();
        state.setId("stateText");
        state.setWrapText(true);
        state.setFont(Font.font(null, FontWeight.BOLD, 14));
        state.textProperty().bind(vm.stateTextProperty());
        Label header = new Label();
        header.setId("header");
        header.textProperty().bind(vm.headerProperty());

        Button pause = new Button();
        pause.setId("pauseButton");
        pause.textProperty().bind(vm.pauseLabelProperty());
        pause.setStyle("-fx-font-size: 16px; -fx-padding: 10 24;");
        pause.setOnAction(e -> onPause.run());
        pause.setMinWidth(Region.USE_PREF_SIZE);
        Button settings = new Button("Settings…");
        settings.setMinWidth(Region.USE_PREF_SIZE);
        settings.setId("settingsButton");
        settings.setOnAction(e -> onSettings.run());

        VBox words = new VBox(2, state, header);
        HBox.setHgrow(words, Priority.ALWAYS);
        Region spacer = new Region();
        HBox top = new HBox(10, dot, words, spacer, settings, pause);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<TargetRow> targets = new TableView<>(vm.targets());
        targets.setId("targets");
        targets.setPlaceholder(new Label("No targets: start a JVM with -javaagent:tether-agent.jar"));
        targets.getColumns().add(column("App", TargetRow::app, 140));
        targets.getColumns().add(column("PID", TargetRow::pid, 70));
        targets.getColumns().add(column("URL", TargetRow::url, 220));
        targets.getColumns().add(column("State", TargetRow::state, 60));
        targets.getColumns().add(column("Series", TargetRow::series, 60));
        targets.getColumns().add(column("Last scrape", TargetRow::lastScrape, 90));
        targets.getColumns().add(column("Scrape ms", TargetRow::scrapeMs, 75));
        targets.getColumns().add(column("Error", TargetRow::error, 200));
        targets.setPrefHeight(200);

        TableView<GatewayRow> gateways = new TableView<>(vm.gateways());
        gateways.setId("gateways");
        gateways.setPlaceholder(new Label("No gateway: add one in Settings…"));
        gateways.getColumns().add(column("URL", GatewayRow::url, 220));
        gateways.getColumns().add(column("State", GatewayRow::state, 90));
        gateways.getColumns().add(column("Last push", GatewayRow::lastPush, 90));
        gateways.getColumns().add(column("Latency", GatewayRow::latency, 70));
        gateways.getColumns().add(column("Bytes", GatewayRow::bytes, 80));
        gateways.getColumns().add(column("Last error", GatewayRow::error, 300));
        gateways.setPrefHeight(120);

        Label tl = new Label("Targets");
        Label gl = new Label("Gateways");
        tl.setFont(Font.font(null, FontWeight.BOLD, 12));
        gl.setFont(Font.font(null, FontWeight.BOLD, 12));
        root = new VBox(8, banner, top, tl, targets, gl, gateways);
        VBox.setVgrow(targets, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        Tooltip.install(dot, new Tooltip("ok green · degraded amber · offline red · paused grey · idle blue ring"));
    }

    public Parent root() {
        return root;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static Color colour(String stateName) {
        java.awt.Color c = StateIcons.colour(Overall.valueOf(stateName.toUpperCase(Locale.ROOT)));
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }
}
