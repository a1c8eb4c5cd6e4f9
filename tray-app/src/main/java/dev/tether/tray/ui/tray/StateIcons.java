package dev.tether.tray.ui.tray;

import dev.tether.tray.status.TrayStatus.Overall;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The tray icons, drawn at run time so there are no image files to keep in step: a filled disc in
 * the state's colour with a mark that tells the states apart without colour (a tick, "!", a cross,
 * two bars, an empty ring).
 */
public final class StateIcons {
    private StateIcons() {
    }

    public static Color colour(Overall state) {
        switch (state) {
            case OK:
                return new Color(0x2e, 0xa0, 0x43);
            case DEGRADED:
                return new Color(0xf0, 0xa2, 0x02);
            case OFFLINE:
                return new Color(0xd0, 0x2b, 0x2b);
            case PAUSED:
                return new Color(0x8a, 0x8f, 0x98);
            case IDLE:
            default:
                return new Color(0x5b, 0x8d, 0xd6);
        }
    }

    /** A square image of {@code size} pixels. */
    public static BufferedImage draw(Overall state, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float s = size;
            int pad = Math.max(1, size / 12);
            g.setColor(colour(state));
            if (state == Overall.IDLE) {
                g.setStroke(new BasicStroke(s / 7f));
                int inset = pad + Math.round(s / 14f);
                g.drawOval(inset, inset, size - 2 * inset - 1, size - 2 * inset - 1);
                return img;
            }
            g.fillOval(pad, pad, size - 2 * pad, size - 2 * pad);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(s / 9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            switch (state) {
                case OK:
                    g.drawPolyline(new int[] {r(s * .30f), r(s * .45f), r(s * .72f)},
                            new int[] {r(s * .52f), r(s * .67f), r(s * .36f)}, 3);
                    break;
                case DEGRADED:
                    g.drawLine(r(s * .5f), r(s * .27f), r(s * .5f), r(s * .56f));
                    g.fillOval(r(s * .5f - s / 14f), r(s * .66f), r(s / 7f), r(s / 7f));
                    break;
                case OFFLINE:
                    g.drawLine(r(s * .34f), r(s * .34f), r(s * .66f), r(s * .66f));
                    g.drawLine(r(s * .66f), r(s * .34f), r(s * .34f), r(s * .66f));
                    break;
                case PAUSED:
                default:
                    g.drawLine(r(s * .4f), r(s * .32f), r(s * .4f), r(s * .68f));
                    g.drawLine(r(s * .6f), r(s * .32f), r(s * .6f), r(s * .68f));
                    break;
            }
            return img;
        } finally {
            g.dispose();
        }
    }

    private static int r(float f) {
        return Math.round(f);
    }
}
