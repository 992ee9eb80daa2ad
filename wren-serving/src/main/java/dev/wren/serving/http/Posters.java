package dev.wren.serving.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Serves {@code <postersDir>/<movieId>.jpg} when it exists, otherwise an SVG placeholder with the title. The file name
 * is built from a parsed integer id, so a request cannot name a file outside the folder.
 */
final class Posters {
    private static final String[] COLOURS = {"#264653", "#2a9d8f", "#e76f51", "#6d597a", "#355070", "#b56576"};

    private final Optional<Path> dir;

    Posters(Optional<Path> dir) {
        this.dir = dir;
    }

    void serve(Context ctx, int id, String title) {
        if (dir.isPresent()) {
            Path file = dir.get().resolve(id + ".jpg");
            if (Files.isRegularFile(file)) {
                try {
                    ctx.contentType("image/jpeg")
                            .header("Cache-Control", "max-age=86400")
                            .result(Files.readAllBytes(file));
                    return;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        ctx.contentType("image/svg+xml")
                .header("Cache-Control", "max-age=86400")
                .result(placeholder(id, title));
    }

    static String placeholder(int id, String title) {
        String colour = COLOURS[Math.floorMod(id, COLOURS.length)];
        StringBuilder lines = new StringBuilder();
        String[] words = title.split("\\s+");
        StringBuilder line = new StringBuilder();
        int y = 120;
        for (String w : words) {
            if (line.length() + w.length() > 16 && line.length() > 0) {
                lines.append(text(line.toString(), y));
                y += 26;
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(w);
        }
        lines.append(text(line.toString(), y));
        return "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='300' viewBox='0 0 200 300'>"
                + "<rect width='200' height='300' fill='" + colour + "'/>" + lines + "</svg>";
    }

    private static String text(String s, int y) {
        return "<text x='100' y='" + y + "' fill='#fff' font-family='sans-serif' font-size='18' text-anchor='middle'>"
                + escape(s) + "</text>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&apos;")
                .replace("\"", "&quot;");
    }
}
