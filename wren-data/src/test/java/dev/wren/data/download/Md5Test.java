package dev.wren.data.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Md5Test {
    @Test
    void readsTheBsdLayoutGroupLensPublishes() {
        assertThat(Md5.parse("MD5 (ml-25m.zip) = 6B51FB2759A8657D3BFCBFC42B592ADA\n"))
                .contains("6b51fb2759a8657d3bfcbfc42b592ada");
    }

    @Test
    void readsTheGnuLayout() {
        assertThat(Md5.parse("6b51fb2759a8657d3bfcbfc42b592ada  ml-25m.zip"))
                .contains("6b51fb2759a8657d3bfcbfc42b592ada");
    }

    @Test
    void findsNothingInAnErrorPage() {
        assertThat(Md5.parse("<html>404 Not Found</html>")).isEmpty();
    }
}
