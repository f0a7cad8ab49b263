package org.osecscreener.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.TransactionReader;
import org.osecscreener.tools.iso20022.Pacs008Reader;
import picocli.CommandLine;

/** The transaction input formats of {@code --format}: JSON lines, or ISO 20022 pacs.008 XML. */
enum InputFormat {
    /** JSON lines, docs/transaction-format.md. */
    JSONL,
    /** ISO 20022 pacs.008 XML, docs/iso20022.md. */
    PACS008;

    /** The option value help shows. */
    static final String VALUES = "jsonl or pacs008";

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code jsonl} or {@code pacs008}, any case. */
    static final class Converter implements CommandLine.ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            for (InputFormat f : values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not an input format; accepted: " + VALUES);
        }
    }

    /** One reader over either format, with the counts the commands print. */
    interface Source extends Closeable {
        ParseOutcome next() throws IOException;

        /** Records read: lines for JSON lines, credit transfer transactions (and rejected messages) for pacs.008. */
        long recordsRead();

        long valid();

        long rejected();

        long skipped();

        /** What a record is, for summaries: {@code lines} or {@code records}. */
        String unit();
    }

    Source open(InputStream in) {
        return open(in, null);
    }

    /** A reader that reads date-times without an offset in {@code defaultZone} (or rejects them: {@code null}). */
    Source open(InputStream in, java.time.ZoneId defaultZone) {
        if (this == JSONL) {
            TransactionReader r = new TransactionReader(in, org.osecscreener.io.TransactionCodec.withDefaultZone(defaultZone));
            return new Source() {
                public ParseOutcome next() throws IOException { return r.next(); }
                public long recordsRead() { return r.linesRead(); }
                public long valid() { return r.valid(); }
                public long rejected() { return r.rejected(); }
                public long skipped() { return r.skipped(); }
                public String unit() { return "lines"; }
                public void close() throws IOException { r.close(); }
            };
        }
        Pacs008Reader r = new Pacs008Reader(in, defaultZone);
        return new Source() {
            public ParseOutcome next() throws IOException { return r.next(); }
            public long recordsRead() { return r.valid() + r.rejected(); }
            public long valid() { return r.valid(); }
            public long rejected() { return r.rejected(); }
            public long skipped() { return 0; }
            public String unit() { return "records"; }
            public void close() throws IOException { r.close(); }
        };
    }
}
