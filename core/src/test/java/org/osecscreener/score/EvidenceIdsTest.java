package org.osecscreener.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;
import org.osecscreener.model.EvidenceIds;

class EvidenceIdsTest {
    @Provide
    Arbitrary<List<String>> idLists() {
        Arbitrary<String> id = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('0', 'Z').ofMaxLength(14),
                Arbitraries.strings().withChars('\u0000', '\u00e9', '\ud800', '\u4e00', 'T').ofMinLength(1).ofMaxLength(60),
                Arbitraries.strings().ascii().ofMinLength(126).ofMaxLength(200));
        return id.list().ofMaxSize(Hit.MAX_EVIDENCE);
    }

    /** Packed ids read back as the strings they were, and the list is equal to (and hashes as) any list of them. */
    @Property(tries = 300, seed = "20261207")
    void packedIds_areTheListOfTheirStrings(@ForAll("idLists") List<String> ids) {
        EvidenceIds packed = EvidenceIds.copyOf(ids);
        assertThat(packed).containsExactlyElementsOf(ids);
        assertThat(packed).isEqualTo(ids);
        assertThat(ids).isEqualTo(packed);
        assertThat(packed.hashCode()).isEqualTo(ids.hashCode());
        assertThat(EvidenceIds.copyOf(packed)).isSameAs(packed);
        assertThat(new ArrayList<>(packed)).isEqualTo(ids);
    }

    @Test
    void packedIds_refuseNullsAndMalformedPacking_andAreImmutable() {
        List<String> withNull = new ArrayList<>(List.of("T-1"));
        withNull.add(null);
        assertThatThrownBy(() -> EvidenceIds.copyOf(withNull)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EvidenceIds.ofPacked(new byte[] {4, 'T', '-', '1'}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 of 2 ids in 4 bytes");
        assertThatThrownBy(() -> EvidenceIds.ofPacked(new byte[] {4, 'T', '-', '1', 9}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 ids in 4 of 5 bytes");
        assertThatThrownBy(() -> EvidenceIds.ofPacked(new byte[] {0}, 1)).hasMessageContaining("id 0 is null");
        assertThatThrownBy(() -> EvidenceIds.ofPacked(new byte[] {(byte) 0x81}, 1)).hasMessageContaining("torn length");
        EvidenceIds ids = EvidenceIds.ofPacked(new byte[] {4, 'T', '-', '1'}, 1);
        assertThat(ids).containsExactly("T-1");
        assertThatThrownBy(() -> ids.add("T-2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ids.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** A hit keeps packed evidence as it is (copying would decode every id) and still bounds its length. */
    @Test
    void hit_keepsPackedEvidence_andBoundsIt() {
        EvidenceIds ids = EvidenceIds.copyOf(List.of("T-1", "T-2"));
        Hit hit = new Hit("small_amount", 0.5, 0.5, false, () -> "why", ids);
        assertThat(hit.evidence()).isSameAs(ids).containsExactly("T-1", "T-2");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i <= Hit.MAX_EVIDENCE; i++) {
            eleven.add("T-" + i);
        }
        assertThatThrownBy(() -> new Hit("small_amount", 0.5, 0.5, false, () -> "why", EvidenceIds.copyOf(eleven)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11 evidence ids");
        // a plain list is still copied: changing it afterwards does not change the hit
        List<String> plain = new ArrayList<>(List.of("T-1"));
        Hit copied = new Hit("small_amount", 0.5, 0.5, false, () -> "why", plain);
        plain.add("T-2");
        assertThat(copied.evidence()).containsExactly("T-1");
    }
}
