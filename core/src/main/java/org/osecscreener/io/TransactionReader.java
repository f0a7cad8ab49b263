package org.osecscreener.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;

import org.osecscreener.model.Limits;
import org.osecscreener.model.Transaction;

/**
 * Streams transactions out of JSON lines, one {@link ParseOutcome} per line.
 *
 * <p>Lines end with {@code \n} or {@code \r\n}; a final line without a terminator counts. A
 * UTF-8 byte-order mark at the very start is skipped. A line longer than
 * {@link Limits#LINE_BYTES} is rejected without being held in memory whole. The reader never
 * throws on a bad record and never stops early: it throws only when the underlying stream
 * fails. Afterwards {@code valid() + rejected() + skipped() == linesRead()}.
 *
 * <p>Not thread-safe: one reader per stream.
 */
public final class TransactionReader implements Closeable {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final TransactionCodec codec;
    private byte[] buf = new byte[BUFFER];
    private int start;
    private int end;
    private boolean eof;
    private boolean first = true;
    private long lineNumber;
    private long valid;
    private long rejected;
    private long skipped;

    /**
     * @param in    the input, read in large blocks; wrap nothing around it
     * @param codec the codec that parses each line
     */
    public TransactionReader(InputStream in, TransactionCodec codec) {
        this.in = Objects.requireNonNull(in, "in");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** A reader with the {@linkplain TransactionCodec#standard() standard codec}. */
    public TransactionReader(InputStream in) {
        this(in, TransactionCodec.standard());
    }

    /**
     * The next line's outcome, or {@code null} at the end of the input.
     *
     * @throws IOException only if reading the underlying stream fails
     */
    public ParseOutcome next() throws IOException {
        while (true) {
            int nl = indexOfNewline(start, end);
            if (nl >= 0) {
                return emit(start, nl, nl + 1);
            }
            if (eof) {
                if (start < end) {
                    return emit(start, end, end);
                }
                return null;
            }
            if (end - start > Limits.LINE_BYTES) {
                return overlong();
            }
            fill();
        }
    }

    /**
     * Reads everything, handing each valid transaction and each rejection to a consumer.
     *
     * @param onTransaction receives valid transactions in input order
     * @param onRejection   receives rejections in input order
     * @throws IOException only if reading the underlying stream fails
     */
    public void forEach(Consumer<? super Transaction> onTransaction, Consumer<? super Rejection> onRejection)
            throws IOException {
        ParseOutcome o;
        while ((o = next()) != null) {
            if (o instanceof ParseOutcome.Parsed p) {
                onTransaction.accept(p.transaction());
            } else if (o instanceof ParseOutcome.Rejected r) {
                onRejection.accept(r.rejection());
            }
        }
    }

    private ParseOutcome emit(int from, int to, int next) {
        int len = to - from;
        if (len > 0 && buf[to - 1] == '\r') {
            len--;
        }
        if (first) {
            first = false;
            if (len >= 3 && (buf[from] & 0xFF) == 0xEF && (buf[from + 1] & 0xFF) == 0xBB && (buf[from + 2] & 0xFF) == 0xBF) {
                from += 3;
                len -= 3;
            }
        }
        start = next;
        ParseOutcome o = codec.parse(buf, from, len, ++lineNumber);
        count(o);
        return o;
    }

    /** Rejects a line longer than the limit, keeping only its head and skipping the rest. */
    private ParseOutcome overlong() throws IOException {
        first = false;
        int headLen = Math.min(end - start, Rejection.MAX_RAW_CHARS);
        String head = new String(buf, start, headLen, java.nio.charset.StandardCharsets.UTF_8) + "…";
        long length = end - start;
        start = end;
        while (true) {
            if (start == end) {
                if (eof) {
                    break;
                }
                fill();
                continue;
            }
            int nl = indexOfNewline(start, end);
            if (nl >= 0) {
                length += nl - start;
                start = nl + 1;
                break;
            }
            length += end - start;
            start = end;
        }
        ParseOutcome o = new ParseOutcome.Rejected(new Rejection(++lineNumber, head, null,
                "line is at least " + length + " bytes long; at most " + Limits.LINE_BYTES + " bytes are accepted"));
        count(o);
        return o;
    }

    private void count(ParseOutcome o) {
        if (o instanceof ParseOutcome.Parsed) {
            valid++;
        } else if (o instanceof ParseOutcome.Rejected) {
            rejected++;
        } else {
            skipped++;
        }
    }

    private int indexOfNewline(int from, int to) {
        return Newlines.indexOf(buf, from, to);
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, end);
            buf = bigger;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    /** Lines read so far, blank and bad ones included. */
    public long linesRead() {
        return lineNumber;
    }

    /** Lines that became a valid transaction. */
    public long valid() {
        return valid;
    }

    /** Lines rejected, each with its reason. */
    public long rejected() {
        return rejected;
    }

    /** Blank lines skipped. */
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
