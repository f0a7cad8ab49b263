package org.osecscreener.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Fast paths of the keyword folding and of the medians must give exactly what the general code gives. */
class FoldAndStatsTest {
    @Test
    void asciiFold_equalsTheUnicodeFold_onRandomAsciiText() {
        SplittableRandom rnd = new SplittableRandom(20261129);
        for (int k = 0; k < 20_000; k++) {
            char[] c = new char[rnd.nextInt(0, 40)];
            for (int i = 0; i < c.length; i++) {
                // every ASCII character, with letters, digits and spaces more often
                int pick = rnd.nextInt(4);
                c[i] = pick == 0 ? (char) rnd.nextInt(128) : pick == 1 ? ' ' : pick == 2 ? (char) ('A' + rnd.nextInt(26))
                        : (char) ('a' + rnd.nextInt(36) % 26);
            }
            String text = new String(c);
            assertThat(KeywordMatcher.foldAscii(text)).as("'%s'", text).isEqualTo(KeywordMatcher.foldUnicode(text));
        }
        assertThat(KeywordMatcher.fold("  School\tFEES, 2x!! ")).isEqualTo("school fees 2x");
        assertThat(KeywordMatcher.fold("a gíft")).isEqualTo("a gift");
    }

    @Test
    void medianOfARange_equalsTheMedianOfThatRangeCopied() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 5_000; k++) {
            double[] v = new double[rnd.nextInt(1, 40)];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextInt(5) == 0 ? v[rnd.nextInt(i + 1)] : rnd.nextDouble() * 1000;
            }
            int from = rnd.nextInt(v.length + 1);
            int to = rnd.nextInt(from, v.length + 1);
            double expected = Stats.median(Arrays.copyOfRange(v, from, to));
            double actual = Stats.median(v, from, to);
            if (to == from) {
                assertThat(actual).isNaN();
            } else {
                assertThat(actual).isEqualTo(expected);
            }
        }
    }
}
