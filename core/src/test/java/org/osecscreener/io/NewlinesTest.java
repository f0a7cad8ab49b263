package org.osecscreener.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NewlinesTest {
    private static int naive(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void indexOf_agreesWithAByteLoop_onRandomBuffersAndRanges() {
        SplittableRandom rnd = new SplittableRandom(20261129);
        // bytes near '\n' (0x09, 0x0B), 0x00, 0x80 and 0xFF are the ones a word-at-a-time trick gets wrong
        byte[] alphabet = {'\n', 0x09, 0x0B, 0x00, (byte) 0x80, (byte) 0xFF, (byte) 0x8A, 'a', '"', 0x01};
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[rnd.nextInt(0, 80)];
            int density = rnd.nextInt(1, 40);
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextInt(density) == 0 ? (byte) '\n' : alphabet[1 + rnd.nextInt(alphabet.length - 1)];
            }
            int from = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
            int to = from + rnd.nextInt(b.length - from + 1);
            assertThat(Newlines.indexOf(b, from, to)).as("round %d, [%d, %d)", round, from, to).isEqualTo(naive(b, from, to));
        }
    }

    @Test
    void indexOf_findsTheFirstOfAdjacentNewlines_inEveryLanePosition() {
        for (int lane = 0; lane < 16; lane++) {
            byte[] b = new byte[24];
            java.util.Arrays.fill(b, (byte) 'x');
            b[lane] = '\n';
            b[lane + 1] = '\n';
            assertThat(Newlines.indexOf(b, 0, b.length)).isEqualTo(lane);
            assertThat(Newlines.indexOf(b, lane + 1, b.length)).isEqualTo(lane + 1);
            assertThat(Newlines.indexOf(b, 0, lane)).isEqualTo(-1);
        }
    }

    @Test
    void indexOf_rangeOutsideTheBuffer_isRefused() {
        assertThatThrownBy(() -> Newlines.indexOf(new byte[4], 2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
