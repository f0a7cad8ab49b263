package org.osecscreener.io;


import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.osecscreener.model.Transaction;

/**
 * Writes transactions as JSON lines in the format {@link TransactionReader} reads, exactly as
 * {@link TransactionCodec#write} writes them: the usual line (nothing to escape) is encoded
 * straight into bytes, any other through the codec's Jackson generator.
 *
 * <p>Buffers internally; {@link #close()} flushes and closes the target. Not thread-safe.
 */
public final class TransactionWriter implements Closeable, Flushable {
    private final OutputStream out;
    private final TransactionCodec codec;
    private final LineEncoder encoder = new LineEncoder();
    private long written;

    /**
     * @param out   the target; closed by {@link #close()}
     * @param codec the codec that writes each transaction
     */
    public TransactionWriter(OutputStream out, TransactionCodec codec) {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 1 << 16);
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** A writer with the {@linkplain TransactionCodec#standard() standard codec}. */
    public TransactionWriter(OutputStream out) {
        this(out, TransactionCodec.standard());
    }

    /**
     * Appends one line.
     *
     * @throws IOException if the target fails
     */
    public void write(Transaction tx) throws IOException {
        if (encoder.encode(tx)) {
            out.write(encoder.buffer(), 0, encoder.length());
        } else {
            out.write(codec.toJson(tx).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        written++;
    }

    /** Transactions written so far. */
    public long written() {
        return written;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
