package org.osecscreener.findings;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osecscreener.cluster.IdentifierType;

/**
 * One findings list loaded for matching: its header, and its tokens in a {@link TokenTable} with
 * each entry's date, confidence, source and reference in parallel arrays.
 *
 * <p>A token listed twice keeps the entry with the higher confidence (on a tie, the later date).
 * Lookups cost O(1) and allocate nothing. Immutable once built and thread-safe; serialisable so
 * that a streaming job can ship it to its tasks.
 */
public final class Watchlist implements Serializable {
    private static final long serialVersionUID = 1L;

    private final FindingsHeader header;
    private final TokenTable table;
    private final int[] day;
    private final double[] confidence;
    private final short[] source;
    private final int[] reference;
    private final byte[] seenAs;
    private final String[] sources;
    private final String[] references;
    private final int size;

    private Watchlist(Builder b) {
        this.header = b.header;
        this.table = b.table;
        this.size = b.n;
        this.day = Arrays.copyOf(b.day, b.n);
        this.confidence = Arrays.copyOf(b.confidence, b.n);
        this.source = Arrays.copyOf(b.source, b.n);
        this.reference = Arrays.copyOf(b.reference, b.n);
        this.seenAs = Arrays.copyOf(b.seenAs, b.n);
        this.sources = b.sources.toArray(new String[0]);
        this.references = b.references.toArray(new String[0]);
    }

    /**
     * A list from a header and entries held in memory (tip lists, tests). Files are read with
     * {@link FindingsFile#load}.
     *
     * @throws IllegalArgumentException if the header's entry count differs from the entries given
     */
    public static Watchlist of(FindingsHeader header, List<Finding> entries) {
        if (header.entries() != entries.size()) {
            throw new IllegalArgumentException("header says " + header.entries() + " entries, " + entries.size()
                    + " were given");
        }
        Builder b = new Builder(header);
        long[] bits = new long[2];
        for (Finding f : entries) {
            Tokens.bits(f.token(), bits);
            b.add(bits[0], bits[1], f.date(), f.confidence(), f.seenAs(), f.source(), f.reference());
        }
        return b.build();
    }

    /** The list's header (name, source, date, key check value). */
    public FindingsHeader header() {
        return header;
    }

    /** The list's name. */
    public String name() {
        return header.list();
    }

    /** Distinct tokens held. */
    public int size() {
        return size;
    }

    /** Bytes held by the token table and the entry arrays, roughly. */
    public long bytes() {
        return table.bytes() + size * 19L;
    }

    /**
     * The entry index of a token, or {@code -1}. O(1), no allocation.
     *
     * @param hi the token's first 64 bits
     * @param lo the token's last 64 bits
     */
    public int indexOf(long hi, long lo) {
        return table.get(hi, lo);
    }

    /** The match for entry {@code index} of {@link #indexOf}, seen on {@code role}'s identifier of {@code type}. */
    WatchlistMatch match(int index, Role role, IdentifierType type) {
        String src = source[index] < 0 ? header.source() : sources[source[index]];
        String ref = reference[index] < 0 ? null : references[reference[index]];
        return new WatchlistMatch(header.list(), role, type, confidence[index], LocalDate.ofEpochDay(day[index]), src,
                ref, seenAs[index] < 0 ? null : Finding.SEEN_AS.get(seenAs[index]));
    }

    @Override
    public String toString() {
        return "Watchlist[" + header.list() + ", " + size + " tokens, source " + header.source() + ", "
                + header.created() + "]";
    }

    /** Accumulates entries into a token table of a fixed capacity. */
    static final class Builder {
        private final FindingsHeader header;
        private final TokenTable table;
        private final Map<String, Short> sourceIndex = new HashMap<>();
        private final List<String> sources = new ArrayList<>();
        private final Map<String, Integer> referenceIndex = new HashMap<>();
        private final List<String> references = new ArrayList<>();
        private int[] day;
        private double[] confidence;
        private short[] source;
        private int[] reference;
        private byte[] seenAs;
        private int n;

        Builder(FindingsHeader header) {
            this.header = Objects.requireNonNull(header, "header");
            int expected = (int) Math.min(header.entries(), 1L << 27);
            this.table = new TokenTable(expected);
            int cap = Math.max(16, expected);
            day = new int[cap];
            confidence = new double[cap];
            source = new short[cap];
            reference = new int[cap];
            seenAs = new byte[cap];
        }

        /** Adds one entry; a token already present keeps the stronger entry. */
        void add(long hi, long lo, LocalDate date, double conf, String seen, String src, String ref) {
            if (n == day.length) {
                int cap = n * 2;
                day = Arrays.copyOf(day, cap);
                confidence = Arrays.copyOf(confidence, cap);
                source = Arrays.copyOf(source, cap);
                reference = Arrays.copyOf(reference, cap);
                seenAs = Arrays.copyOf(seenAs, cap);
            }
            int slot = table.put(hi, lo, n);
            int at;
            if (slot < 0) {
                at = n++;
            } else {
                at = table.valueAt(slot);
                boolean stronger = conf > confidence[at] || (conf == confidence[at] && date.toEpochDay() > day[at]);
                if (!stronger) {
                    return;
                }
            }
            day[at] = (int) date.toEpochDay();
            confidence[at] = conf;
            source[at] = src == null || src.equals(header.source()) ? -1 : sourceIndex.computeIfAbsent(src, s -> {
                if (sources.size() >= Short.MAX_VALUE) {
                    throw new IllegalArgumentException("more than " + Short.MAX_VALUE + " distinct sources in one list");
                }
                sources.add(s);
                return (short) (sources.size() - 1);
            });
            reference[at] = ref == null ? -1 : referenceIndex.computeIfAbsent(ref, r -> {
                references.add(r);
                return references.size() - 1;
            });
            seenAs[at] = seen == null ? -1 : (byte) Finding.SEEN_AS.indexOf(seen);
        }

        FindingsHeader header() {
            return header;
        }

        Watchlist build() {
            return new Watchlist(this);
        }
    }
}
