package org.osecscreener.tools.iso20022;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.Rejection;
import org.osecscreener.model.Transaction;

/** Reads the fixtures under {@code src/test/resources/iso20022}. */
final class Pacs008Fixtures {
    private Pacs008Fixtures() {
    }

    static List<ParseOutcome> read(String name) {
        try (InputStream in = Pacs008Fixtures.class.getResourceAsStream("/iso20022/" + name);
             Pacs008Reader reader = new Pacs008Reader(in)) {
            List<ParseOutcome> out = new ArrayList<>();
            ParseOutcome o;
            while ((o = reader.next()) != null) {
                out.add(o);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Transaction> transactions(String name) {
        List<Transaction> out = new ArrayList<>();
        for (ParseOutcome o : read(name)) {
            if (o instanceof ParseOutcome.Parsed p) {
                out.add(p.transaction());
            } else {
                throw new AssertionError(name + ": unexpected " + o);
            }
        }
        return out;
    }

    static List<Rejection> rejections(List<ParseOutcome> outcomes) {
        List<Rejection> out = new ArrayList<>();
        for (ParseOutcome o : outcomes) {
            if (o instanceof ParseOutcome.Rejected r) {
                out.add(r.rejection());
            }
        }
        return out;
    }
}
