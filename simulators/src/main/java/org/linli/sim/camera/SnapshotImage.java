package org.linli.sim.camera;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A small real JPEG with the camera name on it, rendered once at start-up. */
final class SnapshotImage {
    private SnapshotImage() {
    }

    static byte[] render(String cameraName) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage img = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(30, 60, 90));
            g.fillRect(0, 0, 320, 180);
            g.setColor(new Color(200, 200, 60));
            g.fillRect(20, 120, 280, 30);
            try {
                g.setColor(Color.WHITE);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
                g.drawString(cameraName, 20, 60);
            } catch (RuntimeException | Error e) {
                // no fonts installed on a minimal box: the picture without text is still a valid JPEG
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
