import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws Tether's icon (a host tethered to a gateway) and writes every format the installers need:
 * {@code tether-<size>.png}, {@code tether.png} (256 px, Linux), {@code tether.ico} (Windows) and
 * {@code tether.icns} (macOS). Drawing it from code keeps binary files out of the repository and
 * lets the Windows and macOS builds make the same icons with nothing but a JDK.
 *
 * <p>Run: {@code java -Djava.awt.headless=true installers/src/icons/TetherIcon.java OUT_DIR}
 */
public final class TetherIcon {
    private static final int[] PNG_SIZES = {16, 32, 48, 64, 128, 256, 512, 1024};

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java TetherIcon.java OUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            png.put(size, encodePng(draw(size)));
            Files.write(out.resolve("tether-" + size + ".png"), png.get(size));
        }
        Files.write(out.resolve("tether.png"), png.get(256));
        Files.write(out.resolve("tether.ico"), ico(png, 16, 32, 48, 256));
        Files.write(out.resolve("tether.icns"), icns(png));
    }

    /** Drawn per size rather than scaled, so the small sizes keep crisp, thicker strokes. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        double pad = s * 0.04;
        g.setPaint(new GradientPaint(0, 0, new Color(0x2A8CA8), 0, (float) s, new Color(0x124A5C)));
        g.fill(new RoundRectangle2D.Double(pad, pad, s - 2 * pad, s - 2 * pad, s * 0.36, s * 0.36));

        // The tether: a slack line from the host (small, bottom left) to the gateway (ring, top right).
        float line = (float) Math.max(1.5, s * 0.075);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(line, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new CubicCurve2D.Double(s * 0.30, s * 0.70, s * 0.30, s * 0.40, s * 0.55, s * 0.62, s * 0.66, s * 0.36));
        double host = s * 0.22;
        g.fill(new Ellipse2D.Double(s * 0.30 - host / 2, s * 0.70 - host / 2, host, host));
        double ring = s * 0.30;
        g.setColor(new Color(0xFFC857));
        g.fill(new Ellipse2D.Double(s * 0.68 - ring / 2, s * 0.33 - ring / 2, ring, ring));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(line, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Ellipse2D.Double(s * 0.68 - ring / 2, s * 0.33 - ring / 2, ring, ring));
        g.dispose();
        return img;
    }

    static byte[] encodePng(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", bytes)) {
            throw new IOException("no PNG writer in this JDK");
        }
        return bytes.toByteArray();
    }

    /**
     * An ICO whose entries are PNG images, which Windows has read since Vista: header, one 16-byte
     * directory entry per image, then the images. Little-endian throughout.
     */
    static byte[] ico(Map<Integer, byte[]> png, int... sizes) {
        int dataOffset = 6 + 16 * sizes.length;
        int total = dataOffset;
        for (int size : sizes) {
            total += png.get(size).length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = dataOffset;
        for (int size : sizes) {
            byte[] data = png.get(size);
            b.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
            b.put((byte) 0).put((byte) 0);          // no palette, reserved
            b.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
            b.putInt(data.length).putInt(offset);
            offset += data.length;
        }
        for (int size : sizes) {
            b.put(png.get(size));
        }
        return b.array();
    }

    /**
     * An ICNS with PNG members (macOS 10.7+): 'icns' + total length, then per image a four-letter
     * type, its length including this 8-byte header, and the PNG. Big-endian.
     */
    static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        for (Map.Entry<String, Integer> e : types.entrySet()) {
            byte[] data = png.get(e.getValue());
            out.writeBytes(e.getKey());
            out.writeInt(8 + data.length);
            out.write(data);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + body.size());
        body.writeTo(file);
        return file.toByteArray();
    }
}
