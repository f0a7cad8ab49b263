package org.osecscreener.io;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

import org.osecscreener.model.Transaction;

/**
 * Writes transactions as JSON lines in the format {@link TransactionReader} reads.
 *
 * <p>Buffers internally; {@link #close()} flushes and closes the target. Not thread-safe.
 */
public final class TransactionWriter implements Closeable, Flushable {
    private final OutputStream out;
    private final TransactionCodec codec;
    private final JsonGenerator generator;
    private long written;

    /**
     * @param out   the target; closed by {@link #close()}
     * @param codec the codec that writes each transaction
     */
    public TransactionWriter(OutputStream out, TransactionCodec codec) {
        this.out = Objects.requireNonNull(out, "out");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.generator = codec.newGenerator(out);
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
        codec.write(tx, generator);
        written++;
    }

    /** Transactions written so far. */
    public long written() {
        return written;
    }

    @Override
    public void flush() throws IOException {
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            generator.close();
        } finally {
            out.close();
        }
    }
}
