package org.osecscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The records guard themselves: a bundle built in code cannot be invalid either. */
class RecordsTest {

    /** Every detector type, built with a given weight (or mitigation). */
    static Stream<Arguments> detectorFactories() {
        return Stream.of(
                Arguments.of("small_amount", (DoubleFunction<DetectorConfig>) w ->
                        new SmallAmountConfig(true, w, SmallAmountConfig.DEFAULT_BANDS)),
                Arguments.of("corridor_risk", (DoubleFunction<DetectorConfig>) w -> new CorridorRiskConfig(true, w)),
                Arguments.of("recurring_small_to_cluster", (DoubleFunction<DetectorConfig>) w ->
                        new RecurringSmallToClusterConfig(true, w, 14, 4, 12, 200, 0.3)),
                Arguments.of("sender_fan_out", (DoubleFunction<DetectorConfig>) w ->
                        new SenderFanOutConfig(true, w, 30, 3, 8, 0.8, false)),
                Arguments.of("cluster_fan_in", (DoubleFunction<DetectorConfig>) w ->
                        new ClusterFanInConfig(true, w, 30, 4, 2, 15, null, 0.9)),
                Arguments.of("new_relationship", (DoubleFunction<DetectorConfig>) w ->
                        new NewRelationshipConfig(true, w, 3, 7)),
                Arguments.of("escalation", (DoubleFunction<DetectorConfig>) w -> new EscalationConfig(true, w, 60, 6, 1.5)),
                Arguments.of("odd_hours", (DoubleFunction<DetectorConfig>) w -> new OddHoursConfig(true, w, 0, 5, 30, 3)),
                Arguments.of("cover_keywords", (DoubleFunction<DetectorConfig>) w ->
                        new CoverKeywordsConfig(true, w, List.of("cover_words"))),
                Arguments.of("round_amount", (DoubleFunction<DetectorConfig>) w -> new RoundAmountConfig(true, w, 10, Map.of())),
                Arguments.of("linked_to_alerted", (DoubleFunction<DetectorConfig>) w -> new LinkedToAlertedConfig(true, w, 90)),
                Arguments.of("family_support", (DoubleFunction<DetectorConfig>) w -> new FamilySupportConfig(true, w, 3, 5, true)),
                Arguments.of("watchlist_match", (DoubleFunction<DetectorConfig>) w -> new WatchlistMatchConfig(true, w,
                        List.of(), true, true, WatchlistMatchConfig.DEFAULT_TYPES, 0)),
                Arguments.of("low_and_slow", (DoubleFunction<DetectorConfig>) w -> new LowAndSlowConfig(true, w, 120, 5, 10,
                        60, 20, 42, 21, 5, 0.5, 0)),
                Arguments.of("cover_story", (DoubleFunction<DetectorConfig>) w -> new CoverStoryConfig(true, w,
                        List.of("cover_words"), 90, 3, 6, 500, 0.5, 21, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectorFactories")
    void everyDetector_acceptsWeightsInTheUnitInterval_andRejectsOthers(String type, DoubleFunction<DetectorConfig> make) {
        assertThat(make.apply(1.0).type()).isEqualTo(type);
        assertThat(make.apply(0.01).enabled()).isTrue();
        for (double bad : new double[] {0.0, -0.1, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> make.apply(bad)).as("%s with %s", type, bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(type);
        }
    }

    @Test
    void detectorTypes_coverTheSealedInterface() {
        assertThat(DetectorConfig.class.getPermittedSubclasses()).hasSize(Detectors.TYPES.size());
        assertThat(detectorFactories().map(a -> (String) a.get()[0]).toList()).containsExactlyElementsOf(Detectors.TYPES);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 367})
    void windows_outside1To366_areRejected(int days) {
        assertThatThrownBy(() -> new LinkedToAlertedConfig(true, 0.4, days))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 366]");
    }

    @Test
    void saturation_belowMinimum_isRejected() {
        assertThatThrownBy(() -> new SenderFanOutConfig(true, 0.4, 30, 5, 4, 0.8, false))
                .hasMessageContaining("saturationClusters was 4; it must be at least minClusters (5)");
    }

    @Test
    void bands_mustBeOrderedAndDisjoint() {
        assertThatThrownBy(() -> new SmallAmountConfig(true, 0.3,
                List.of(new AmountBand(5, 60, 1), new AmountBand(50, 100, 0.5))))
                .hasMessageContaining("bands must be ordered and must not overlap");
        assertThatThrownBy(() -> new AmountBand(60, 60, 1)).hasMessageContaining("must be below max");
    }

    @Test
    void smallAmount_scoresTheBandHoldingTheAmount_minInclusiveMaxExclusive() {
        SmallAmountConfig c = new SmallAmountConfig(true, 0.3, SmallAmountConfig.DEFAULT_BANDS);
        assertThat(c.scoreOf(4.99)).isZero();
        assertThat(c.scoreOf(5)).isEqualTo(1.0);
        assertThat(c.scoreOf(59.99)).isEqualTo(1.0);
        assertThat(c.scoreOf(60)).isEqualTo(0.6);
        assertThat(c.scoreOf(200)).isZero();
    }

    @Test
    void oddHours_wrapMidnight_whenStartIsAfterEnd() {
        OddHoursConfig night = new OddHoursConfig(true, 0.3, 22, 4, 30, 3);
        assertThat(night.isOddHour(22)).isTrue();
        assertThat(night.isOddHour(0)).isTrue();
        assertThat(night.isOddHour(3)).isTrue();
        assertThat(night.isOddHour(4)).isFalse();
        assertThat(night.isOddHour(12)).isFalse();
        OddHoursConfig early = new OddHoursConfig(true, 0.3, 0, 5, 30, 3);
        assertThat(early.isOddHour(4)).isTrue();
        assertThat(early.isOddHour(5)).isFalse();
        assertThatThrownBy(() -> new OddHoursConfig(true, 0.3, 3, 3, 30, 3)).hasMessageContaining("must differ");
    }

    @Test
    void roundAmount_usesThePerCurrencyMultiple_elseTheDefault() {
        RoundAmountConfig c = new RoundAmountConfig(true, 0.1, 10, Map.of("JPY", 1000.0));
        assertThat(c.multipleFor(Currency.getInstance("JPY"))).isEqualTo(1000.0);
        assertThat(c.multipleFor(Currency.getInstance("GBP"))).isEqualTo(10.0);
        assertThatThrownBy(() -> new RoundAmountConfig(true, 0.1, 10, Map.of("XXY", 5.0)))
                .hasMessageContaining("not an ISO 4217 currency code");
    }

    @Test
    void scoring_needsReviewBelowAlert_andAtLeastTwoIndicators() {
        assertThatThrownBy(() -> new Scoring(0.7, 0.7, 2)).hasMessageContaining("must be below scoring.alert");
        assertThatThrownBy(() -> new Scoring(0.4, 0.7, 1)).hasMessageContaining("[2, 14]");
        assertThat(new Scoring(0.4, 0.7, 2).alert()).isEqualTo(0.7);
    }

    @Test
    void suppression_needsAReason_andRefusesPathLikeIds() {
        assertThatThrownBy(() -> new Suppression(SuppressionKind.SENDER, "S-1", null, " "))
                .hasMessageContaining("reason is required");
        assertThatThrownBy(() -> new Suppression(SuppressionKind.SENDER, "../S-1", null, "x"))
                .hasMessageContaining("not accepted");
        assertThatThrownBy(() -> new Suppression(SuppressionKind.SENDER, "https://x", null, "x"))
                .hasMessageContaining("not accepted");
    }

    @Test
    void suppression_appliesUntilItsExpiryDay() {
        Suppression s = new Suppression(SuppressionKind.CLUSTER, "C-1", LocalDate.of(2027, 1, 1), "cleared");
        assertThat(s.isActiveOn(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(s.isActiveOn(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(new Suppression(SuppressionKind.CLUSTER, "C-1", null, "cleared").isActiveOn(LocalDate.MAX)).isTrue();
    }

    @Test
    void bundle_checksReferencesBetweenSections() {
        Detectors d = new Detectors(null, null, null, null, null, null, null, null,
                new CoverKeywordsConfig(true, 0.2, List.of("missing")), null, null, null);
        assertThatThrownBy(() -> new RuleBundle("b", 1, null, "me", LocalDate.of(2026, 1, 1),
                Currency.getInstance("USD"), Map.of(), new CountryRisk(List.of(), Map.of()), Map.of(), Map.of(), d,
                new Scoring(0.4, 0.7, 2), List.of()))
                .hasMessageContaining("keyword list 'missing' is not defined");
    }

    @Test
    void bundle_collectionsAreImmutable() {
        RuleBundle b = RuleBundleLoader.defaultBundle();
        assertThatThrownBy(() -> b.fxRates().put("XAU", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> b.keywordList("cover_words").add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> b.suppressions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> b.detectors().smallAmount().bands().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void detectors_needAtLeastOne() {
        assertThatThrownBy(() -> new Detectors(null, null, null, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("at least one detector");
    }

    @Test
    void validationError_rendersLikeACompilerMessage() {
        assertThat(new ValidationError("rules.yaml", 14, 7, "cover_keywords", "detectors.cover_keywords.lists[0]",
                "keyword list 'cover_wrods' is not defined; defined lists: cover_words"))
                .hasToString("rules.yaml:14:7 [cover_keywords] detectors.cover_keywords.lists[0]: keyword list "
                        + "'cover_wrods' is not defined; defined lists: cover_words");
        assertThat(new ValidationError("big.yaml", 0, 0, null, null, "too big")).hasToString("big.yaml too big");
    }
}
