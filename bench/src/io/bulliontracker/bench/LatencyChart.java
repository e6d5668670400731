package io.bulliontracker.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * latency.png: one panel per route, latency against collection size for the three designs, both axes
 * logarithmic (sizes and latencies each span orders of magnitude). A line joins the medians; a whisker
 * rises from each median to its p95. Plain Java2D, headless.
 */
final class LatencyChart {

    private static final int PANEL_WIDTH = 560;
    private static final int HEIGHT = 460;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728)};

    private LatencyChart() {
    }

    static void write(Path file, List<Integer> sizes, Measurements measured) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(PANEL_WIDTH * 2, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());

        // One y range for both panels, whole decades, so the panels compare at a glance.
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Route route : Route.values()) {
            for (int size : sizes) {
                for (Design design : Design.values()) {
                    Samples s = measured.get(route, size, design);
                    min = Math.min(min, s.median());
                    max = Math.max(max, s.p95());
                }
            }
        }
        int lowDecade = (int) Math.floor(Math.log10(min));
        int highDecade = (int) Math.ceil(Math.log10(max));
        if (highDecade == lowDecade) {
            highDecade++;
        }
        for (int panel = 0; panel < 2; panel++) {
            drawPanel(g, panel * PANEL_WIDTH, Route.values()[panel], sizes, measured, lowDecade, highDecade);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void drawPanel(Graphics2D g, int x0, Route route, List<Integer> sizes, Measurements measured,
            int lowDecade, int highDecade) {
        int plotLeft = x0 + LEFT;
        int plotRight = x0 + PANEL_WIDTH - RIGHT;
        int plotTop = TOP;
        int plotBottom = HEIGHT - BOTTOM;
        double xMin = Math.log10(sizes.get(0)) - 0.15;
        double xMax = Math.log10(sizes.get(sizes.size() - 1)) + 0.15;
        Axis x = new Axis(xMin, xMax, plotLeft, plotRight);
        Axis y = new Axis(lowDecade, highDecade, plotBottom, plotTop);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(route.title, plotLeft, 25);

        // Grid: a line per decade (labelled) and faint lines at 2x and 5x.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int decade = lowDecade; decade <= highDecade; decade++) {
            for (int m : new int[] {1, 2, 5}) {
                double value = Math.log10(m) + decade;
                if (value > highDecade) {
                    continue;
                }
                int py = y.pixel(value);
                g.setColor(m == 1 ? new Color(0xcccccc) : new Color(0xeeeeee));
                g.drawLine(plotLeft, py, plotRight, py);
                if (m == 1 || highDecade - lowDecade <= 3) {
                    g.setColor(Color.DARK_GRAY);
                    String label = millisLabel(m * Math.pow(10, decade));
                    g.drawString(label, plotLeft - 8 - g.getFontMetrics().stringWidth(label), py + 4);
                }
            }
        }
        for (int size : sizes) {
            int px = x.pixel(Math.log10(size));
            g.setColor(new Color(0xeeeeee));
            g.drawLine(px, plotTop, px, plotBottom);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%,d", size);
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, plotBottom + 16);
        }
        g.setColor(Color.BLACK);
        g.drawRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        String xTitle = "items in the collection (log scale)";
        g.drawString(xTitle, (plotLeft + plotRight - g.getFontMetrics().stringWidth(xTitle)) / 2, plotBottom + 36);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        String yTitle = "latency, ms (log): median, whisker to p95";
        rotated.drawString(yTitle, -(plotTop + plotBottom + g.getFontMetrics().stringWidth(yTitle)) / 2, x0 + 14);
        rotated.dispose();

        Stroke line = new BasicStroke(2f);
        Stroke thin = new BasicStroke(1.2f);
        for (Design design : Design.values()) {
            Color color = COLORS[design.ordinal()];
            g.setColor(color);
            int prevX = -1;
            int prevY = -1;
            // Each design a few pixels aside, so whiskers at the same size do not hide each other.
            int nudge = (design.ordinal() - 1) * 6;
            for (int size : sizes) {
                Samples s = measured.get(route, size, design);
                int px = x.pixel(Math.log10(size)) + nudge;
                int py = y.pixel(Math.log10(s.median()));
                int p95 = y.pixel(Math.log10(s.p95()));
                g.setStroke(thin);
                g.drawLine(px, py, px, p95);
                g.drawLine(px - 4, p95, px + 4, p95);
                g.setStroke(line);
                if (prevX >= 0) {
                    g.drawLine(prevX, prevY, px, py);
                }
                g.fillOval(px - 4, py - 4, 8, 8);
                prevX = px;
                prevY = py;
            }
        }
        // Legend, top left inside the plot.
        g.setStroke(new BasicStroke(1f));
        int ly = plotTop + 16;
        for (Design design : Design.values()) {
            g.setColor(COLORS[design.ordinal()]);
            g.fillRect(plotLeft + 10, ly - 8, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(design.title, plotLeft + 30, ly - 3);
            ly += 16;
        }
    }

    private static String millisLabel(double millis) {
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", millis);
        }
        if (millis >= 1) {
            return String.format(Locale.ROOT, "%.0f", millis);
        }
        return String.format(Locale.ROOT, "%s", Double.toString(millis).replaceAll("0+$", ""));
    }

    /** Maps a (log) value range onto a pixel range. */
    private record Axis(double from, double to, int pixelFrom, int pixelTo) {

        int pixel(double value) {
            return (int) Math.round(pixelFrom + (value - from) / (to - from) * (pixelTo - pixelFrom));
        }
    }
}
