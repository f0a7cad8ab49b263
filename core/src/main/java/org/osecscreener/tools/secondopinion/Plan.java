package org.osecscreener.tools.secondopinion;

import java.util.Arrays;

import org.osecscreener.model.Channel;

/**
 * One actor's payments, held compactly (about 30 bytes each: instant, offset, amount, payee,
 * purpose, channel) until the merge turns them into transactions. Built in any order, then
 * {@link #seal() sealed}: sorted by instant, ties kept in the order they were added.
 */
final class Plan {
    private static final Channel[] CHANNELS = Channel.values();

    long[] at = new long[8];
    int[] offset = new int[8];
    long[] minor = new long[8];
    int[] payee = new int[8];
    String[] purpose = new String[8];
    byte[] channel = new byte[8];
    int size;

    void add(long epochSecond, int offsetSeconds, long minorUnits, int payeeIndex, String purposeText, Channel ch) {
        if (size == at.length) {
            int n = size * 2;
            at = Arrays.copyOf(at, n);
            offset = Arrays.copyOf(offset, n);
            minor = Arrays.copyOf(minor, n);
            payee = Arrays.copyOf(payee, n);
            purpose = Arrays.copyOf(purpose, n);
            channel = Arrays.copyOf(channel, n);
        }
        at[size] = epochSecond;
        offset[size] = offsetSeconds;
        minor[size] = minorUnits;
        payee[size] = payeeIndex;
        purpose[size] = purposeText;
        channel[size] = (byte) ch.ordinal();
        size++;
    }

    Channel channel(int i) {
        return CHANNELS[channel[i]];
    }

    /** Sorts by instant (stable) and trims the arrays to size. */
    void seal() {
        Integer[] order = new Integer[size];
        boolean sorted = true;
        for (int i = 0; i < size; i++) {
            order[i] = i;
            if (i > 0 && at[i] < at[i - 1]) {
                sorted = false;
            }
        }
        if (!sorted) {
            Arrays.sort(order, (a, b) -> Long.compare(at[a], at[b]));   // stable: ties keep insertion order
        }
        long[] at2 = new long[size];
        int[] off2 = new int[size];
        long[] min2 = new long[size];
        int[] pay2 = new int[size];
        String[] pur2 = new String[size];
        byte[] ch2 = new byte[size];
        for (int i = 0; i < size; i++) {
            int j = order[i];
            at2[i] = at[j];
            off2[i] = offset[j];
            min2[i] = minor[j];
            pay2[i] = payee[j];
            pur2[i] = purpose[j];
            ch2[i] = channel[j];
        }
        at = at2;
        offset = off2;
        minor = min2;
        payee = pay2;
        purpose = pur2;
        channel = ch2;
    }

}
