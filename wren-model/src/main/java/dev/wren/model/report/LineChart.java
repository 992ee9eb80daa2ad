package dev.wren.model.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A plain line chart rendered headless to PNG (java.awt only): named series, axes with ticks, a legend. Not
 * thread-safe: build, then {@link #writePng} once.
 */
public final class LineChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final int MARGIN = 70;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)
    };

    private record Series(String name, double[] x, double[] y) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean diagonal;
    private boolean integerX;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart add(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values, " + y.length + " y");
        }
        series.add(new Series(name, x, y));
        return this;
    }

    /** Draws the y = x chance line (for ROC curves). */
    public LineChart withDiagonal() {
        this.diagonal = true;
        return this;
    }

    /** Ticks the x axis at whole numbers only (epochs). */
    public LineChart withIntegerX() {
        this.integerX = true;
        return this;
    }

    public void writePng(Path file) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g);
        } finally {
            g.dispose();
        }
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                    minX = Math.min(minX, s.x[i]);
                    maxX = Math.max(maxX, s.x[i]);
                    minY = Math.min(minY, s.y[i]);
                    maxY = Math.max(maxY, s.y[i]);
                }
            }
        }
        if (!Double.isFinite(minX)) {
            minX = 0;
            maxX = 1;
            minY = 0;
            maxY = 1;
        }
        if (diagonal) {
            minX = 0;
            maxX = 1;
            minY = 0;
            maxY = 1;
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        if (maxY == minY) {
            maxY = minY + Math.max(1e-3, Math.abs(minY) * 0.01);
        }
        double padY = diagonal ? 0 : (maxY - minY) * 0.05;
        double y0 = minY - padY;
        double y1 = maxY + padY;
        int plotW = WIDTH - 2 * MARGIN - 160;
        int plotH = HEIGHT - 2 * MARGIN;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, MARGIN, MARGIN - 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(MARGIN, MARGIN, plotW, plotH);
        for (int t = 0; t <= 5; t++) {
            double fy = y0 + (y1 - y0) * t / 5;
            int py = MARGIN + plotH - plotH * t / 5;
            g.setColor(new Color(0xeeeeee));
            g.drawLine(MARGIN, py, MARGIN + plotW, py);
            g.setColor(Color.DARK_GRAY);
            g.drawString(tick(fy), MARGIN - 50, py + 4);
        }
        int xTicks = integerX ? (int) Math.min(20, Math.round(maxX - minX)) : 5;
        for (int t = 0; t <= xTicks; t++) {
            double fx = minX + (maxX - minX) * t / xTicks;
            int px = MARGIN + plotW * t / xTicks;
            g.setColor(new Color(0xeeeeee));
            g.drawLine(px, MARGIN, px, MARGIN + plotH);
            g.setColor(Color.DARK_GRAY);
            g.drawString(integerX ? String.format("%.0f", fx) : tick(fx), px - 12, MARGIN + plotH + 18);
        }
        g.drawString(xLabel, MARGIN + plotW / 2 - 40, HEIGHT - MARGIN / 2 + 10);
        g.drawString(yLabel, 8, MARGIN - 10);
        if (diagonal) {
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(MARGIN, MARGIN + plotH, MARGIN + plotW, MARGIN);
        }
        g.setStroke(new BasicStroke(2f));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(PALETTE[k % PALETTE.length]);
            int prevX = Integer.MIN_VALUE;
            int prevY = 0;
            for (int i = 0; i < s.x.length; i++) {
                int px = MARGIN + (int) Math.round((s.x[i] - minX) / (maxX - minX) * plotW);
                int py = MARGIN + plotH - (int) Math.round((s.y[i] - y0) / (y1 - y0) * plotH);
                if (prevX != Integer.MIN_VALUE) {
                    g.drawLine(prevX, prevY, px, py);
                }
                if (s.x.length < 30) {
                    g.fillOval(px - 3, py - 3, 6, 6);
                }
                prevX = px;
                prevY = py;
            }
            int ly = MARGIN + 10 + k * 20;
            g.fillRect(MARGIN + plotW + 15, ly - 8, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(s.name, MARGIN + plotW + 35, ly);
        }
    }

    private static String tick(double v) {
        return Math.abs(v) >= 100 ? String.format("%.0f", v) : String.format("%.3f", v);
    }
}
