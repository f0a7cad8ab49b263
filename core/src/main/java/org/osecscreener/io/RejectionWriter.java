package org.osecscreener.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes rejections as JSON lines, the dead-letter format:
 * {@code {"line":7,"field":"sender.country","reason":"...","raw":"..."}} ({@code field} omitted
 * when the record as a whole was bad). The raw record is kept, cut to
 * {@link Rejection#MAX_RAW_CHARS} characters, so that an operator can repair and replay it.
 *
 * <p>Not thread-safe. {@link #close()} flushes and closes the target.
 */
public final class RejectionWriter implements Closeable, Flushable {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final OutputStream out;
    private final JsonGenerator g;

    /** @param out the target; closed by {@link #close()} */
    public RejectionWriter(OutputStream out) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.g = FACTORY.createGenerator(out);
        this.g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.g.setRootValueSeparator(null);
    }

    /**
     * Appends one rejection as a line.
     *
     * @throws IOException if the target fails
     */
    public void write(Rejection r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("line", r.lineNumber());
        if (r.field() != null) {
            g.writeStringField("field", r.field());
        }
        g.writeStringField("reason", r.reason());
        g.writeStringField("raw", r.raw());
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /** One rejection as a JSON line without the newline. */
    public static String toJson(Rejection r) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(256);
        try (RejectionWriter w = new RejectionWriter(bytes)) {
            w.write(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String s = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        return s.substring(0, s.length() - 1);
    }

    @Override
    public void flush() throws IOException {
        g.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            g.close();
        } finally {
            out.close();
        }
    }
}
