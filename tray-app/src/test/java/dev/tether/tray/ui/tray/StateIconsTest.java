package dev.tether.tray.ui.tray;

import dev.tether.tray.status.TrayStatus.Overall;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StateIconsTest {
    @Test
    void draw_eachStateHasItsOwnColourAndImage() {
        Set<Integer> colours = new HashSet<>();
        Set<String> images = new HashSet<>();
        for (Overall o : Overall.values()) {
            colours.add(StateIcons.colour(o).getRGB());
            BufferedImage img = StateIcons.draw(o, 24);
            assertThat(img.getWidth()).isEqualTo(24);
            StringBuilder sb = new StringBuilder();
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 24; x++) {
                    sb.append(Integer.toHexString(img.getRGB(x, y)));
                }
            }
            images.add(sb.toString());
        }
        assertThat(colours).hasSize(Overall.values().length);
        assertThat(images).hasSize(Overall.values().length);
        // ok is green where the disc is solid
        assertThat(StateIcons.draw(Overall.OK, 24).getRGB(5, 12) & 0xffffff).isEqualTo(StateIcons.colour(Overall.OK).getRGB() & 0xffffff);
    }

    @Test
    void menuItems_inTheIssuesOrder() {
        assertThat(MenuItem.values()).containsExactly(MenuItem.PAUSE_RESUME, MenuItem.STATUS, MenuItem.OPEN_WINDOW,
                MenuItem.OPEN_GATEWAY_PAGE, MenuItem.SETTINGS, MenuItem.COPY_DIAGNOSTICS, MenuItem.QUIT);
        assertThat(MenuItem.OPEN_WINDOW.fixedLabel()).isEqualTo("Open Tether…");
        assertThat(MenuItem.QUIT.fixedLabel()).isEqualTo("Quit");
    }
}
