package org.osecscreener.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a file as lines with their 1-based numbers. Lines longer than 16 KiB are kept whole up
 * to 64 KiB and cut after that (the parser rejects them as too long with their head as raw
 * record), so that one giant line cannot exhaust memory. On restore the file is re-read and the
 * records already emitted are skipped, so line numbers stay right.
 */
final class JsonLinesFormat extends SimpleStreamFormat<RawRecord> {
    private static final int MAX_KEPT = 64 * 1024;

    @Override
    public StreamFormat.Reader<RawRecord> createReader(Configuration config, FSDataInputStream stream) {
        return new Reader(stream);
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeExtractor.getForClass(RawRecord.class);
    }

    private static final class Reader implements StreamFormat.Reader<RawRecord> {
        private final FSDataInputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int end;
        private long line;
        private boolean first = true;

        Reader(FSDataInputStream in) {
            this.in = in;
        }

        @Override
        public RawRecord read() throws IOException {
            ByteArrayOutputStream lineBytes = null;
            int kept = 0;
            while (true) {
                if (pos == end) {
                    end = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        if (lineBytes == null) {
                            return null;
                        }
                        return record(lineBytes);
                    }
                }
                int start = pos;
                int nl = org.osecscreener.io.Newlines.indexOf(buf, pos, end);
                if (nl >= 0 && lineBytes == null) {
                    // the whole line is in the buffer (the usual case): decode it from there
                    pos = nl + 1;
                    return record(buf, start, Math.min(nl - start, MAX_KEPT));
                }
                pos = nl < 0 ? end : nl;
                if (lineBytes == null) {
                    lineBytes = new ByteArrayOutputStream(256);
                }
                int n = Math.min(pos - start, MAX_KEPT - kept);
                if (n > 0) {
                    lineBytes.write(buf, start, n);
                    kept += n;
                }
                if (pos < end) {
                    pos++; // the newline
                    return record(lineBytes);
                }
            }
        }

        private RawRecord record(ByteArrayOutputStream bytes) {
            byte[] b = bytes.toByteArray();
            return record(b, 0, b.length);
        }

        /** The record of the line {@code b[from, from + len)} (at most {@link #MAX_KEPT} bytes, without its newline). */
        private RawRecord record(byte[] b, int from, int len) {
            int to = from + len;
            if (len > 0 && b[to - 1] == '\r') {
                to--;
            }
            if (first) {
                first = false;
                if (to - from >= 3 && (b[from] & 0xFF) == 0xEF && (b[from + 1] & 0xFF) == 0xBB && (b[from + 2] & 0xFF) == 0xBF) {
                    from += 3;
                }
            }
            return new RawRecord("file", ++line, new String(b, from, to - from, StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
