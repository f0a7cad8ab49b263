package org.osecscreener.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finding line ends in byte buffers, eight bytes at a time: the readers of JSON lines spend
 * most of their splitting time looking for {@code '\n'} in lines of several hundred bytes, and a
 * byte-by-byte loop with an early exit is not vectorised by the JIT.
 *
 * <p>Stateless and thread-safe.
 */
public final class Newlines {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private Newlines() {
    }

    /**
     * The index of the first {@code '\n'} in {@code b[from, to)}, or -1 if there is none.
     *
     * @throws IndexOutOfBoundsException if the range is not inside {@code b}
     */
    public static int indexOf(byte[] b, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, b.length);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES; // a zero byte where b holds '\n'
            // the lowest flagged byte is always a true zero byte (borrows only flag bytes above one)
            long zero = (x - ONES) & ~x & HIGHS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
