package org.osecscreener.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PseudonymiserTest {
    private static final byte[] KEY = "synthetic-test-key-0123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sameKeyAndValue_samePseudonym_differentTagOrKey_differs() {
        Pseudonymiser p = Pseudonymiser.withKey(KEY);
        String a = p.pseudonym("phone", "+639171234567");
        assertThat(a).startsWith("phone:").hasSize("phone:".length() + 22);
        assertThat(p.pseudonym("phone", "+639171234567")).isEqualTo(a);
        assertThat(p.pseudonym("wallet", "+639171234567")).isNotEqualTo(a);
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(Pseudonymiser.withKey(other).pseudonym("phone", "+639171234567")).isNotEqualTo(a);
        assertThat(a).doesNotContain("917");
    }

    @Test
    void shortOrConstantKey_rejectedWithLength() {
        assertThatThrownBy(() -> Pseudonymiser.withKey(new byte[15]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15 bytes").hasMessageContaining("16");
        assertThatThrownBy(() -> Pseudonymiser.withKey(new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equal");
    }

    @Test
    void keyArray_copied_andNotShownInToString() {
        byte[] key = KEY.clone();
        Pseudonymiser p = Pseudonymiser.withKey(key);
        String before = p.pseudonym("email", "a@b.c");
        key[3] ^= 7;
        assertThat(p.pseudonym("email", "a@b.c")).isEqualTo(before);
        assertThat(p.toString()).doesNotContain("synthetic");
    }

    @Test
    void concurrentUse_givesSamePseudonyms() {
        Pseudonymiser p = Pseudonymiser.withKey(KEY);
        ConcurrentHashMap<Integer, String> seen = new ConcurrentHashMap<>();
        IntStream.range(0, 20_000).parallel().forEach(i -> {
            String v = p.pseudonym("account", "ACC" + (i % 100));
            String prev = seen.putIfAbsent(i % 100, v);
            assertThat(prev == null || prev.equals(v)).isTrue();
        });
        assertThat(seen).hasSize(100);
    }
}
