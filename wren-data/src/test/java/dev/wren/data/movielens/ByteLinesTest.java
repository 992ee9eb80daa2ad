package dev.wren.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteLinesTest {
    private static List<String> read(byte[] data) throws IOException {
        List<String> out = new ArrayList<>();
        try (ByteLines lines = new ByteLines(new ByteArrayInputStream(data))) {
            int len;
            while ((len = lines.next()) >= 0) {
                out.add(new String(lines.buffer(), lines.start(), len, StandardCharsets.UTF_8));
                assertThat(lines.lineNumber()).isEqualTo(out.size());
            }
        }
        return out;
    }

    @Test
    void returnsEveryLineAcrossReadChunksWithAnyLineEnd() throws IOException {
        // ~1 MB of lines of 0..3000 bytes, so many lines straddle the 64 KiB chunks, some ending in \r\n.
        SplittableRandom random = new SplittableRandom(7);
        List<String> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (text.length() < 1_000_000) {
            String line = "x".repeat(random.nextInt(3000)) + random.nextInt(1000);
            expected.add(line);
            text.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
        }

        assertThat(read(text.toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void keepsALastLineWithoutNewlineAndBlankLines() throws IOException {
        assertThat(read("a\n\nb".getBytes(StandardCharsets.UTF_8))).containsExactly("a", "", "b");
        assertThat(read(new byte[0])).isEmpty();
    }

    @Test
    void dropsAByteOrderMarkOnTheFirstLineOnly() throws IOException {
        assertThat(read("\uFEFFa\n\uFEFFb\n".getBytes(StandardCharsets.UTF_8))).containsExactly("a", "\uFEFFb");
    }
}
