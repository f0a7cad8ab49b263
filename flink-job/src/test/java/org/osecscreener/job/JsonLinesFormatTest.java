package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.junit.jupiter.api.Test;

class JsonLinesFormatTest {
    /** An in-memory stream that hands out at most {@code chunk} bytes per read, like a slow file system. */
    static final class Chunked extends FSDataInputStream {
        private final byte[] data;
        private final int chunk;
        private int pos;

        Chunked(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public void seek(long desired) {
            pos = (int) desired;
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    static List<RawRecord> read(byte[] data, int chunk) throws IOException {
        StreamFormat.Reader<RawRecord> r = new JsonLinesFormat().createReader(new Configuration(), new Chunked(data, chunk));
        List<RawRecord> out = new ArrayList<>();
        for (RawRecord rec; (rec = r.read()) != null; ) {
            out.add(rec);
        }
        r.close();
        return out;
    }

    @Test
    void lines_withBomCrlfAndNoFinalNewline_comeOutNumberedAndClean_whateverTheReadSizes() throws IOException {
        String text = "\uFEFF{\"a\":1}\r\n{\"b\":\"Peña\"}\n\n" + "x".repeat(70_000) + "\n{\"last\":true}";
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 7, 4096, 1 << 20}) {
            List<RawRecord> recs = read(data, chunk);
            assertThat(recs).as("chunk %d", chunk).extracting(rec -> rec.position).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(recs.get(0).text).isEqualTo("{\"a\":1}");
            assertThat(recs.get(1).text).isEqualTo("{\"b\":\"Peña\"}");
            assertThat(recs.get(2).text).isEmpty();
            assertThat(recs.get(3).text).as("a line over 64 KiB is cut at 64 KiB").hasSize(64 * 1024).matches("x+");
            assertThat(recs.get(4).text).isEqualTo("{\"last\":true}");
            assertThat(recs).allSatisfy(rec -> assertThat(rec.origin).isEqualTo("file"));
        }
    }
}
