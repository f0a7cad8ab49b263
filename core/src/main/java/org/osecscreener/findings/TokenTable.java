package org.osecscreener.findings;

import java.io.Serializable;

/**
 * A set of 128-bit tokens with an int per token, in primitive arrays: open addressing with
 * linear probing, two longs per slot.
 *
 * <p>Why not a {@code HashSet<String>}: a million pseudonyms as strings cost about 100 bytes
 * each and a hash of the string per lookup. The tokens are already uniformly distributed HMAC
 * output, so the low bits of one long are the slot directly; a lookup is one or two cache
 * lines. The capacity is a power of two at most half full, so an absent token ends its probe
 * quickly.
 *
 * <p>Assumptions and guarantees: the all-zero token is reserved as "empty" and cannot be
 * stored (an HMAC gives it with probability 2<sup>-128</sup>; {@link #put} refuses it).
 * Built once, then only read: reads are thread-safe after construction is published.
 */
final class TokenTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] slots;
    private final int[] values;
    private final int mask;
    private int size;

    /** @param expected the number of tokens it will hold (it never grows) */
    TokenTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        if (capacity <= 0 || capacity > (1 << 29)) {
            throw new IllegalArgumentException("a watchlist of " + expected + " entries is too large; at most "
                    + (1 << 27) + " are accepted");
        }
        slots = new long[capacity * 2];
        values = new int[capacity];
        mask = capacity - 1;
    }

    /**
     * Adds a token, or finds it.
     *
     * @return the slot's index if the token was already present (its value unchanged), else
     *         {@code -1 - slot} after storing {@code value}
     * @throws IllegalArgumentException for the all-zero token
     * @throws IllegalStateException    if the table is full
     */
    int put(long hi, long lo, int value) {
        if (hi == 0 && lo == 0) {
            throw new IllegalArgumentException("the all-zero token cannot be stored");
        }
        if (size * 2 >= values.length) {
            throw new IllegalStateException("token table is full at " + size + " entries");
        }
        int i = (int) lo & mask;
        while (true) {
            long h = slots[2 * i];
            long l = slots[2 * i + 1];
            if (h == 0 && l == 0) {
                slots[2 * i] = hi;
                slots[2 * i + 1] = lo;
                values[i] = value;
                size++;
                return -1 - i;
            }
            if (h == hi && l == lo) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /** The value of a token, or {@code -1} if absent. No allocation. */
    int get(long hi, long lo) {
        int i = (int) lo & mask;
        while (true) {
            long h = slots[2 * i];
            long l = slots[2 * i + 1];
            if (h == hi && l == lo) {
                return (h == 0 && l == 0) ? -1 : values[i];
            }
            if (h == 0 && l == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** The value stored at a slot returned by {@link #put}. */
    int valueAt(int slot) {
        return values[slot];
    }

    /** The number of tokens. */
    int size() {
        return size;
    }

    /** Bytes held by the arrays (for sizing). */
    long bytes() {
        return slots.length * 8L + values.length * 4L;
    }
}
