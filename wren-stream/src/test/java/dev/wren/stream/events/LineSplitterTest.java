package dev.wren.stream.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private static ReadableByteChannel channel(String text) {
        return Channels.newChannel(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void holdsBackALineUntilItsNewlineComes() throws IOException {
        LineSplitter lines = new LineSplitter();
        lines.fill(channel("first\r\nsécond\nthi"));

        assertThat(lines.next()).isEqualTo("first");
        assertThat(lines.next()).isEqualTo("sécond");
        assertThat(lines.next()).isNull();
        assertThat(lines.pending()).isEqualTo(3);
        assertThat(lines.consumed()).isEqualTo("first\r\nsécond\n".getBytes(StandardCharsets.UTF_8).length);

        lines.fill(channel("rd\n"));
        assertThat(lines.next()).isEqualTo("third");
        assertThat(lines.pending()).isZero();
    }

    @Test
    void growsForALineLongerThanItsBuffer() throws IOException {
        String longLine = "x".repeat(200_000);
        LineSplitter lines = new LineSplitter();
        ReadableByteChannel in = channel(longLine + "\nend\n");
        String line;
        while ((line = lines.next()) == null) {
            lines.fill(in);
        }
        assertThat(line).isEqualTo(longLine);
        assertThat(lines.next()).isEqualTo("end");
    }
}
