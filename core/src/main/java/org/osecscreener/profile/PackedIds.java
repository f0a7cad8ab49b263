package org.osecscreener.profile;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osecscreener.model.EvidenceIds;

/**
 * A short sequence of transaction ids kept as the bytes of one array, not as one {@code String}
 * object each: the evidence ids that profiles remember ({@link TransferRing}, {@link ClusterRisk}).
 *
 * <p>Why: an id is read only when a rule's evidence is rendered, but kept for every remembered
 * transfer; as strings, an 11-character id costs about 56 bytes of heap in two objects (the
 * {@code String} and its {@code byte[]}) plus a reference, packed here it costs its bytes and a
 * one-byte length. The collector then traces one array per ring instead of two objects per transfer.
 *
 * <p>Layout: the ids in order, each as a length prefix and its bytes in modified UTF-8, the
 * encoding of {@link DataOutput#writeUTF} (lossless for every Java string, and what the profiles'
 * binary form holds, so ids are written and read without being decoded). The prefix is
 * {@code length + 1} (0 for a {@code null} id) in one byte when below 128, else in two bytes, the
 * first with its top bit set ({@code 0x80 | value >> 8}, then {@code value & 0xFF}); ids are at
 * most {@link #MAX_BYTES} bytes. The encoding is canonical (one byte sequence per sequence of ids), so two
 * instances hold the same ids exactly when their used bytes are equal. Inserting or removing
 * shifts the bytes after the position: cheap for the 4 to 32 ids a profile keeps.
 *
 * <p>Not thread-safe; owned by one profile.
 */
final class PackedIds {
    /** Longest id kept, in bytes of modified UTF-8 (a prefix holds up to {@code 0x7FFF}); ids of the model are at most 128 characters. */
    static final int MAX_BYTES = 0x7FFF - 1;
    private static final byte[] EMPTY = new byte[0];

    private byte[] data = EMPTY;
    private int used;
    private int count;

    /** Ids held. */
    int size() {
        return count;
    }

    /** The {@code i}-th id, decoded (a new string), or {@code null} if a {@code null} id was added there. */
    String get(int i) {
        int at = offsetOf(checked(i));
        int v = prefix(at);
        if (v == 0) {
            return null;
        }
        int start = at + prefixBytes(v);
        int len = v - 1;
        if (plainAscii(start, len)) {
            return new String(data, start, len, StandardCharsets.ISO_8859_1);
        }
        try {
            return decode(data, start, len);
        } catch (IOException e) {
            throw new IllegalStateException("packed id " + i + " is not modified UTF-8", e);
        }
    }

    /**
     * Writes the {@code i}-th id as {@link ProfileIo#writeNullable} would write its string (a presence
     * flag, then {@link DataOutput#writeUTF}).
     */
    void writeNullable(DataOutput out, int i) throws IOException {
        boolean present = prefix(offsetOf(checked(i))) != 0;
        out.writeBoolean(present);
        if (present) {
            writeUtf(out, i);
        }
    }

    /** Writes the {@code i}-th id, which must not be {@code null}, as {@link DataOutput#writeUTF} would write it. */
    void writeUtf(DataOutput out, int i) throws IOException {
        int at = offsetOf(checked(i));
        int v = prefix(at);
        if (v == 0) {
            throw new IllegalStateException("id " + i + " is null");
        }
        out.writeShort(v - 1);
        out.write(data, at + prefixBytes(v), v - 1);
    }

    /** Reads what {@link #writeNullable} (or {@link ProfileIo#writeNullable}) wrote and appends it. */
    void readNullableAppend(DataInput in) throws IOException {
        if (in.readBoolean()) {
            readUtfAppend(in);
        } else {
            insert(count, null);
        }
    }

    /**
     * Reads what {@link DataOutput#writeUTF} wrote and appends it, as its bytes; malformed modified
     * UTF-8 is refused here, as {@link DataInput#readUTF} would.
     */
    void readUtfAppend(DataInput in) throws IOException {
        int len = in.readUnsignedShort();
        if (len > MAX_BYTES) {
            throw new IOException("transaction id of " + len + " bytes; at most " + MAX_BYTES + " are kept");
        }
        int at = used;
        int p = prefixBytes(len + 1);
        open(at, p + len);
        in.readFully(data, at + p, len);
        if (!plainAscii(at + p, len)) {
            try {
                decode(data, at + p, len);
            } catch (IOException e) {
                used = at;
                throw e;
            }
        }
        writePrefix(at, len + 1);
        count++;
    }

    private int checked(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("id " + i + " of " + count);
        }
        return i;
    }

    private boolean plainAscii(int start, int len) {
        for (int k = start, end = start + len; k < end; k++) {
            if (data[k] <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Decodes {@code len} bytes of modified UTF-8, as {@link DataInput#readUTF} does. */
    private static String decode(byte[] bytes, int start, int len) throws IOException {
        byte[] utf = new byte[len + 2];
        utf[0] = (byte) (len >>> 8);
        utf[1] = (byte) len;
        System.arraycopy(bytes, start, utf, 2, len);
        return DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(utf)));
    }

    /** The modified UTF-8 of {@code id}, as {@link DataOutput#writeUTF} writes it (without its length). */
    private static byte[] encode(String id) {
        try {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(id.length() * 3 + 2);
            new java.io.DataOutputStream(b).writeUTF(id);
            byte[] all = b.toByteArray();
            return Arrays.copyOfRange(all, 2, all.length);
        } catch (IOException e) {
            throw new IllegalArgumentException("transaction id of " + id.length() + " characters cannot be kept: " + e.getMessage(), e);
        }
    }

    /** Inserts {@code id} (may be {@code null}) so that it becomes the {@code i}-th, {@code 0 <= i <= size()}. */
    void insert(int i, String id) {
        if (i < 0 || i > count) {
            throw new IndexOutOfBoundsException("position " + i + " of " + count + " ids");
        }
        int at = offsetOf(i);
        if (id == null) {
            open(at, 1);
            data[at] = 0;
        } else if (isPlainAscii(id)) {
            int n = id.length();
            check(n);
            int p = prefixBytes(n + 1);
            open(at, p + n);
            writePrefix(at, n + 1);
            for (int k = 0, d = at + p; k < n; k++, d++) {
                data[d] = (byte) id.charAt(k);
            }
        } else {
            byte[] b = encode(id);
            check(b.length);
            int p = prefixBytes(b.length + 1);
            open(at, p + b.length);
            writePrefix(at, b.length + 1);
            System.arraycopy(b, 0, data, at + p, b.length);
        }
        count++;
    }

    /** Inserts the {@code j}-th id of {@code other} as the {@code i}-th here, without decoding it. */
    void insertFrom(int i, PackedIds other, int j) {
        if (i < 0 || i > count) {
            throw new IndexOutOfBoundsException("position " + i + " of " + count + " ids");
        }
        int from = other.offsetOf(j);
        int len = other.entryBytes(from);
        int at = offsetOf(i);
        open(at, len);
        System.arraycopy(other.data, from, data, at, len);
        count++;
    }

    /**
     * The ids at {@code indices[0..n)} (ascending), as evidence: their bytes copied into one array,
     * decoded only when read. If one of them is {@code null}, a plain list of the decoded ids
     * (evidence refuses {@code null}; this keeps the ring's answer the same either way).
     */
    List<String> evidence(int[] indices, int n) {
        int total = 0;
        int at = 0;
        int k = 0;
        for (int i = 0; i < count && k < n; i++) {
            int len = entryBytes(at);
            if (i == indices[k]) {
                if (prefix(at) == 0) {
                    return decoded(indices, n);
                }
                total += len;
                k++;
            }
            at += len;
        }
        if (k != n) {
            throw new IndexOutOfBoundsException("ids " + Arrays.toString(Arrays.copyOf(indices, n)) + " of " + count);
        }
        byte[] out = new byte[total];
        at = 0;
        k = 0;
        int o = 0;
        for (int i = 0; i < count && k < n; i++) {
            int len = entryBytes(at);
            if (i == indices[k]) {
                System.arraycopy(data, at, out, o, len);
                o += len;
                k++;
            }
            at += len;
        }
        return EvidenceIds.ofPacked(out, n);
    }

    /** The ids {@code from} (inclusive) to {@code to} (exclusive), as {@link #evidence(int[], int)}. */
    List<String> evidence(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException("ids " + from + " to " + to + " of " + count);
        }
        int[] range = new int[to - from];
        for (int k = 0; k < range.length; k++) {
            range[k] = from + k;
        }
        return evidence(range, range.length);
    }

    private List<String> decoded(int[] indices, int n) {
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(get(indices[k]));
        }
        return out;
    }

    /** Removes the first id. */
    void removeFirst() {
        if (count == 0) {
            throw new IllegalStateException("no id to remove");
        }
        int len = entryBytes(0);
        System.arraycopy(data, len, data, 0, used - len);
        used -= len;
        count--;
    }

    /** Removes every id (keeps the array for reuse). */
    void clear() {
        used = 0;
        count = 0;
    }

    /** Makes this an independent copy of {@code other}. */
    void copyFrom(PackedIds other) {
        data = other.used == 0 ? EMPTY : Arrays.copyOf(other.data, other.used);
        used = other.used;
        count = other.count;
    }

    /** Whether the {@code i}-th id here equals the {@code j}-th of {@code other}. */
    boolean sameAt(int i, PackedIds other, int j) {
        int a = offsetOf(i);
        int b = other.offsetOf(j);
        int la = entryBytes(a);
        return la == other.entryBytes(b) && Arrays.equals(data, a, a + la, other.data, b, b + la);
    }

    /** Whether both hold the same ids in the same order. */
    boolean sameAs(PackedIds other) {
        return count == other.count && Arrays.equals(data, 0, used, other.data, 0, other.used);
    }

    /** Heap bytes of the array (for sizing estimates). */
    long arrayBytes() {
        return data.length == 0 ? 0 : 16 + ((data.length + 7) & ~7);
    }

    private int offsetOf(int i) {
        if (i == count) {
            return used;
        }
        if (i < 0 || i > count) {
            throw new IndexOutOfBoundsException("id " + i + " of " + count);
        }
        int at = 0;
        for (int k = 0; k < i; k++) {
            at += entryBytes(at);
        }
        return at;
    }

    private int entryBytes(int at) {
        int v = prefix(at);
        return prefixBytes(v) + Math.max(0, v - 1);
    }

    private int prefix(int at) {
        int b = data[at] & 0xFF;
        return b < 0x80 ? b : ((b & 0x7F) << 8) | (data[at + 1] & 0xFF);
    }

    private static int prefixBytes(int value) {
        return value < 0x80 ? 1 : 2;
    }

    private void writePrefix(int at, int value) {
        if (value < 0x80) {
            data[at] = (byte) value;
        } else {
            data[at] = (byte) (0x80 | (value >>> 8));
            data[at + 1] = (byte) value;
        }
    }

    /** Makes {@code n} bytes of room at {@code at}, shifting what follows. */
    private void open(int at, int n) {
        if (used + n > data.length) {
            data = Arrays.copyOf(data, Math.max(used + n, Math.min(Math.max(16, data.length * 2), used + n + 256)));
        }
        System.arraycopy(data, at, data, at + n, used - at);
        used += n;
    }

    /** ASCII without NUL: its modified UTF-8 is one byte per character, the character itself. */
    private static boolean isPlainAscii(String s) {
        int n = s.length();
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c == 0 || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void check(int bytes) {
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("transaction id of " + bytes + " bytes; at most " + MAX_BYTES + " are kept");
        }
    }
}
