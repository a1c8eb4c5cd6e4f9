package dev.tether.tray.ui.settings;

import dev.tether.tray.config.TraySettings;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.concurrent.Executor;

/** The settings form: a field and its message per row; Save validates all first, then applies and saves off the FX thread. */
public final class SettingsView {
    private final VBox root;
    private final SettingsViewModel vm;
    private final Executor io;
    private final Button save = new Button("Save");
    private Runnable onClose = () -> { };

    /** @param io runs the saving (file writes, {@code Forwarder.apply}) off the FX thread */
    public SettingsView(SettingsViewModel vm, Executor io) {
        this.vm = vm;
        this.io = io;
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints c0 = new ColumnConstraints();
        ColumnConstraints c1 = new ColumnConstraints(260, 320, Double.MAX_VALUE);
        c1.setHgrow(Priority.ALWAYS);
        ColumnConstraints c2 = new ColumnConstraints(180, 260, Double.MAX_VALUE);
        grid.getColumnConstraints().addAll(c0, c1, c2);
        int row = 0;
        row = add(grid, row, "Gateway URLs", area("gateways", vm.gateways, 2), vm.gatewaysError, "one per line");
        PasswordField token = new PasswordField();
        token.setId("token");
        token.textProperty().bindBidirectional(vm.token);
        token.setPromptText("leave empty to keep the current token");
        row = add(grid, row, "Token", token, vm.tokenError, "kept in " + vm.tokenFile() + " (mode 600)");
        row = add(grid, row, "Host name", field("host", vm.host), vm.hostError, null);
        row = add(grid, row, "Interval", field("interval", vm.interval), vm.intervalError, "e.g. 15s");
        TextField ttl = field("ttl", vm.ttl);
        ttl.setPromptText("3 × interval");
        row = add(grid, row, "TTL", ttl, vm.ttlError, "empty: 3 × interval");
        row = add(grid, row, "Discovery dirs", area("discoveryDirs", vm.discoveryDirs, 2), vm.discoveryDirsError,
                "one per line");
        row = add(grid, row, "Static targets", area("targets", vm.targets, 2), vm.targetsError,
                "[job=]http://127.0.0.1:9100/metrics");
        row = add(grid, row, "Proxy", field("proxy", vm.proxy), vm.proxyError, "auto, none or http://host:port");
        CheckBox autostart = new CheckBox("Start at login");
        autostart.setId("startAtLogin");
        autostart.selectedProperty().bindBidirectional(vm.startAtLogin);
        grid.add(autostart, 1, row);

        Label result = new Label();
        result.setId("result");
        result.setWrapText(true);
        result.textProperty().bind(vm.result);
        save.setId("save");
        save.setDefaultButton(true);
        save.setOnAction(e -> save());
        Button cancel = new Button("Close");
        cancel.setId("cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onClose.run());
        HBox buttons = new HBox(8, save, cancel, result);
        root = new VBox(12, grid, buttons);
        root.setPadding(new Insets(12));
    }

    public Parent root() {
        return root;
    }

    public void setOnClose(Runnable r) {
        this.onClose = r;
    }

    private void save() {
        TraySettings s = vm.validate();
        if (s == null) {
            return;
        }
        save.setDisable(true);
        vm.result.set("Saving…");
        String token = vm.token.get();
        io.execute(() -> {
            String error = vm.persist(s, token);
            Platform.runLater(() -> {
                vm.finish(s, error);
                save.setDisable(false);
            });
        });
    }

    private static int add(GridPane grid, int row, String label, Node field, StringProperty error, String hint) {
        grid.add(new Label(label), 0, row);
        grid.add(field, 1, row);
        Label err = new Label();
        err.setId(field.getId() + "Error");
        err.setWrapText(true);
        err.setStyle("-fx-text-fill: #c62828;");
        err.textProperty().bind(error);
        Label h = new Label(hint == null ? "" : hint);
        h.setStyle("-fx-text-fill: #777;");
        h.setWrapText(true);
        VBox side = new VBox(h, err);
        grid.add(side, 2, row);
        return row + 1;
    }

    private static TextField field(String id, StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static TextInputControl area(String id, StringProperty p, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPrefRowCount(rows);
        a.textProperty().bindBidirectional(p);
        return a;
    }
}
