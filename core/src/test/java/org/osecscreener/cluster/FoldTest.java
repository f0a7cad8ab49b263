package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

class FoldTest {
    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().withChars("aZ09 '`-.,/#\t\n\u0000\u007f_").ofMaxLength(20),
                Arbitraries.of("Blk 5 Lot 3, Brgy. San Isidro", "O'Brien", "dela Cruz", "  ", "", "N/A", "#12-B Mabini St."));
    }

    @Property(tries = 3000, seed = "20261207")
    void asciiFastPath_givesTheGeneralPathsTokens(@ForAll("ascii") String text) {
        assertThat(Fold.tokens(text)).isEqualTo(Fold.tokensSlow(text, new ArrayList<>()));
    }

    @Test
    void tokens_foldCaseDropApostrophesAndSplitOnEverythingElse() {
        assertThat(Fold.tokens("Blk 5, O'Brien St.")).isEqualTo(List.of("blk", "5", "obrien", "st"));
        assertThat(Fold.tokens("Peña")).isEqualTo(List.of("pena"));
        assertThat(Fold.tokens(null)).isEmpty();
        assertThat(Fold.tokens(" - ")).isEmpty();
    }
}
