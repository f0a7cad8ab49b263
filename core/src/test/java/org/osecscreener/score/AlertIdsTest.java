package org.osecscreener.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AlertIdsTest {
    /** The documented construction, computed independently of {@link AlertIds}. */
    private static String expected(String bundle, int version, String sender, String cluster, long day) throws Exception {
        String key = bundle + '\u0000' + version + '\u0000' + sender + '\u0000' + cluster + '\u0000' + Math.floorDiv(day, 7);
        byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return "A-" + HexFormat.of().formatHex(d, 0, 10);
    }

    @Test
    void id_isTwentyHexDigitsOfSha256_sharedWithinAPeriod_andDistinctAcrossPeriods() throws Exception {
        String a = AlertIds.of("osec-default", 3, "S-1", "C-88", 20_500);
        assertThat(a).isEqualTo(expected("osec-default", 3, "S-1", "C-88", 20_500)).matches("A-[0-9a-f]{20}");
        assertThat(AlertIds.of("osec-default", 3, "S-1", "C-88", 20_500 + 1))
                .as("same 7-day period (20500 / 7 = 20501 / 7)").isEqualTo(a);
        assertThat(AlertIds.of("osec-default", 3, "S-1", "C-88", 20_510)).isNotEqualTo(a);
        assertThat(AlertIds.of("osec-default", 4, "S-1", "C-88", 20_500)).isNotEqualTo(a);
        assertThat(AlertIds.of("osec-default", 3, "S-1", "C-89", -3)).isEqualTo(expected("osec-default", 3, "S-1", "C-89", -3));
    }

    @Test
    void id_isTheSameFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> all = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!AlertIds.of("b", 1, "S-" + i, "C-" + (i % 13), i).equals(expected("b", 1, "S-" + i, "C-" + (i % 13), i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : all) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
