package org.osecscreener.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.osecscreener.rules.Scoring;

class ScorerTest {
    static Hit hit(String rule, double s, double w, boolean mitigating) {
        return new Hit(rule, s, w, mitigating, () -> rule, List.of());
    }

    @Property(tries = 500, seed = "7")
    void score_isInUnitInterval_andMonotoneInEachPositiveSubScore(@ForAll("hits") List<Hit> hits,
                                                                 @ForAll @IntRange(min = 0, max = 7) int which,
                                                                 @ForAll @DoubleRange(min = 0.0, max = 1.0) double raise) {
        double before = Scorer.score(hits);
        assertThat(before).isBetween(0.0, 1.0);
        if (hits.isEmpty()) {
            return;
        }
        int i = which % hits.size();
        Hit h = hits.get(i);
        double higher = Math.min(1.0, h.subScore() + raise * (1 - h.subScore()));
        List<Hit> raised = new ArrayList<>(hits);
        raised.set(i, hit(h.ruleId(), Math.max(higher, h.subScore()), h.weight(), h.mitigating()));
        double after = Scorer.score(raised);
        if (h.mitigating()) {
            assertThat(after).isLessThanOrEqualTo(before + 1e-12);
        } else {
            assertThat(after).isGreaterThanOrEqualTo(before - 1e-12);
        }
    }

    @Property(tries = 300, seed = "8")
    void singlePositiveIndicator_neverAlerts(@ForAll @DoubleRange(min = 0.01, max = 1.0) double s,
                                             @ForAll @DoubleRange(min = 0.01, max = 1.0) double w) {
        Scoring scoring = new Scoring(0.3, 0.5, 2);
        List<Hit> one = List.of(hit("recurring_small_to_cluster", s, w, false));
        assertThat(Scorer.level(Scorer.score(one), one, scoring)).isNotEqualTo(Level.ALERT);
    }

    @Property(tries = 100, seed = "9")
    void addingAHit_neverLowersTheScore_andAMitigationNeverRaisesIt(@ForAll("hits") List<Hit> hits,
                                                                   @ForAll @DoubleRange(min = 0.01, max = 1.0) double s) {
        double base = Scorer.score(hits);
        List<Hit> plus = new ArrayList<>(hits);
        plus.add(hit("extra", s, 0.5, false));
        assertThat(Scorer.score(plus)).isGreaterThanOrEqualTo(base - 1e-12);
        List<Hit> mitigated = new ArrayList<>(hits);
        mitigated.add(hit("family_support", s, 0.5, true));
        assertThat(Scorer.score(mitigated)).isLessThanOrEqualTo(base + 1e-12);
    }

    @Provide
    Arbitrary<List<Hit>> hits() {
        return Combinators.combine(Arbitraries.doubles().between(0.01, 1.0), Arbitraries.doubles().between(0.01, 1.0),
                        Arbitraries.of(true, false, false, false))
                .as((s, w, m) -> hit(m ? "family_support" : "rule", s, w, m)).list().ofMaxSize(8);
    }

    @org.junit.jupiter.api.Test
    void combination_isNoisyOrTimesMitigation() {
        List<Hit> hits = List.of(hit("a", 1.0, 0.5, false), hit("b", 0.5, 0.4, false), hit("f", 1.0, 0.6, true));
        // positive = 1 - (1-0.5)(1-0.2) = 0.6; mitigated: 0.6 * (1 - 0.6) = 0.24
        assertThat(Scorer.score(hits)).isCloseTo(0.24, org.assertj.core.data.Offset.offset(1e-12));
        Scoring scoring = new Scoring(0.2, 0.5, 2);
        assertThat(Scorer.level(0.24, hits, scoring)).isEqualTo(Level.REVIEW);
        assertThat(Scorer.level(0.6, hits, scoring)).isEqualTo(Level.ALERT);
        assertThat(Scorer.level(0.6, List.of(hits.get(0)), scoring)).isEqualTo(Level.REVIEW);
        assertThat(Scorer.level(0.1, hits, scoring)).isEqualTo(Level.NONE);
    }

    @org.junit.jupiter.api.Test
    void alertIds_areDeterministic_andDifferByEveryInput() {
        String a = AlertIds.of("b", 1, "S-1", "C-1", 20_000);
        assertThat(AlertIds.of("b", 1, "S-1", "C-1", 20_000)).isEqualTo(a).matches("A-[0-9a-f]{20}");
        assertThat(AlertIds.of("b", 1, "S-1", "C-1", 20_000 + 1)).isEqualTo(AlertIds.of("b", 1, "S-1", "C-1", 20_002));
        assertThat(List.of(AlertIds.of("b", 2, "S-1", "C-1", 20_000), AlertIds.of("b", 1, "S-2", "C-1", 20_000),
                AlertIds.of("b", 1, "S-1", "C-2", 20_000), AlertIds.of("b", 1, "S-1", "C-1", 20_000 + AlertIds.PERIOD_DAYS),
                AlertIds.of("c", 1, "S-1", "C-1", 20_000))).doesNotContain(a).doesNotHaveDuplicates();
    }
}
