package org.osecscreener.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Collection;
import java.util.RandomAccess;

/**
 * An immutable list of transaction ids kept as the bytes of one array and decoded when read: the
 * evidence of a hit ({@link org.osecscreener.score.Hit}). Most hits are never written (their
 * transaction stays below the lowest level an output keeps), so the screening builds their
 * evidence from the ids its profiles keep packed without making a string per id; a string is made
 * only when an id is read. In {@code model}, below both the profiles that build these lists and
 * the scores that hold them.
 *
 * <p>The packed form: the ids in order, each as a length prefix and its bytes in modified UTF-8
 * (the encoding of {@link java.io.DataOutput#writeUTF}). The prefix is {@code length + 1} (0 for
 * a {@code null} id, which this list refuses) in one byte when below 128, else in two bytes, the
 * first with its top bit set ({@code 0x80 | value >> 8}, then {@code value & 0xFF}). It is the
 * form in which the engine's profiles keep ids, which build these lists with
 * {@link #ofPacked(byte[], int)}; {@link #copyOf(Collection)} packs strings.
 *
 * <p>Equal to any {@link java.util.List} of the same ids in the same order, with the same hash
 * code ({@link AbstractList}).
 */
public final class EvidenceIds extends AbstractList<String> implements RandomAccess {
    private static final EvidenceIds EMPTY = new EvidenceIds(new byte[0], 0);

    private final byte[] packed;
    private final int size;

    private EvidenceIds(byte[] packed, int size) {
        this.packed = packed;
        this.size = size;
    }

    /**
     * The list of the {@code count} ids in {@code packed} (the form above), taken as it is, not
     * copied: the caller must not change the array afterwards.
     *
     * @throws IllegalArgumentException if the array does not hold exactly {@code count} ids, or holds a {@code null} id
     */
    public static EvidenceIds ofPacked(byte[] packed, int count) {
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (at >= packed.length) {
                throw new IllegalArgumentException("packed evidence ids: " + i + " of " + count + " ids in " + packed.length + " bytes");
            }
            if ((packed[at] & 0x80) != 0 && at + 1 >= packed.length) {
                throw new IllegalArgumentException("packed evidence ids: id " + i + " has a torn length");
            }
            int v = prefix(packed, at);
            if (v == 0) {
                throw new IllegalArgumentException("packed evidence ids: id " + i + " is null");
            }
            at += prefixBytes(v) + v - 1;
        }
        if (at != packed.length) {
            throw new IllegalArgumentException("packed evidence ids: " + count + " ids in " + at + " of " + packed.length + " bytes");
        }
        return count == 0 ? EMPTY : new EvidenceIds(packed, count);
    }

    /**
     * The ids of {@code ids}, packed.
     *
     * @throws NullPointerException if an id is {@code null}
     * @throws IllegalArgumentException if an id is longer than 32,766 bytes of modified UTF-8
     */
    public static EvidenceIds copyOf(Collection<String> ids) {
        if (ids instanceof EvidenceIds e) {
            return e;
        }
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(ids.size() * 16);
        java.io.DataOutputStream out = new java.io.DataOutputStream(b);
        int n = 0;
        try {
            for (String id : ids) {
                java.util.Objects.requireNonNull(id, "evidence id");
                java.io.ByteArrayOutputStream one = new java.io.ByteArrayOutputStream(id.length() + 2);
                new java.io.DataOutputStream(one).writeUTF(id);
                int len = one.size() - 2;
                if (len + 1 > 0x7FFF) {
                    throw new IllegalArgumentException("evidence id of " + len + " bytes; at most " + (0x7FFF - 1));
                }
                if (len + 1 < 0x80) {
                    out.writeByte(len + 1);
                } else {
                    out.writeByte(0x80 | ((len + 1) >>> 8));
                    out.writeByte(len + 1);
                }
                out.write(one.toByteArray(), 2, len);
                n++;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("evidence id cannot be kept: " + e.getMessage(), e);
        }
        return n == 0 ? EMPTY : new EvidenceIds(b.toByteArray(), n);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("evidence id " + index + " of " + size);
        }
        int at = 0;
        for (int i = 0; i < index; i++) {
            int v = prefix(packed, at);
            at += prefixBytes(v) + v - 1;
        }
        int v = prefix(packed, at);
        int start = at + prefixBytes(v);
        int len = v - 1;
        for (int k = start; k < start + len; k++) {
            if (packed[k] <= 0) {
                return decode(start, len);
            }
        }
        return new String(packed, start, len, StandardCharsets.ISO_8859_1);
    }

    private String decode(int start, int len) {
        byte[] utf = new byte[len + 2];
        utf[0] = (byte) (len >>> 8);
        utf[1] = (byte) len;
        System.arraycopy(packed, start, utf, 2, len);
        try {
            return DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(utf)));
        } catch (IOException e) {
            throw new IllegalStateException("packed evidence id is not modified UTF-8", e);
        }
    }

    private static int prefix(byte[] data, int at) {
        int b = data[at] & 0xFF;
        return b < 0x80 ? b : ((b & 0x7F) << 8) | (data[at + 1] & 0xFF);
    }

    private static int prefixBytes(int value) {
        return value < 0x80 ? 1 : 2;
    }
}
