package org.osecscreener.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osecscreener.rules.ClusterFanInConfig;
import org.osecscreener.rules.CorridorRiskConfig;
import org.osecscreener.rules.CoverKeywordsConfig;
import org.osecscreener.rules.CoverStoryConfig;
import org.osecscreener.rules.EscalationConfig;
import org.osecscreener.rules.FamilySupportConfig;
import org.osecscreener.rules.LowAndSlowConfig;
import org.osecscreener.rules.NewRelationshipConfig;
import org.osecscreener.rules.OddHoursConfig;
import org.osecscreener.rules.RecurringSmallToClusterConfig;
import org.osecscreener.rules.RoundAmountConfig;
import org.osecscreener.rules.SenderFanOutConfig;
import org.osecscreener.rules.SmallAmountConfig;
import org.osecscreener.score.Hit;

/**
 * A transaction rule's reason kept as its numbers and words, rendered to text only when read.
 *
 * <p>Why: most assessments are never written, and in the Flink job the sender stage's hits
 * travel to the final stage, which writes only what reaches the lowest level written. A reason
 * that is its rule's numbers (counts, amounts, days, the rule's own settings) and words (cluster
 * id, currency, phrases) crosses that boundary as a few numbers instead of a rendered sentence,
 * and is rendered once, in the final stage, for the assessments written out. The text is a pure
 * function of the numbers and words: each rule has a fixed renderer in code ({@link #forRule}),
 * so a reason read back from the wire renders exactly as the one the rule made, whatever the
 * rule bundle in force where it is rendered.
 *
 * <p>Immutable (the arrays are never changed after construction; {@link #numbers()} and
 * {@link #words()} return them, not copies, for the codec: do not change them). Thread-safe.
 */
public final class RuleReason implements Hit.Reason {

    /** Renders one form of a rule's reason from its numbers and words. */
    @FunctionalInterface
    interface Renderer {
        String render(double[] n, String[] w);
    }

    /** The renderers of each rule id, by form. Code, not configuration: the same in every build that knows the rule. */
    private static final Map<String, Renderer[]> RENDERERS = Map.ofEntries(
            Map.entry(SmallAmountConfig.TYPE, new Renderer[] {SmallAmountDetector::reason}),
            Map.entry(RoundAmountConfig.TYPE, new Renderer[] {RoundAmountDetector::reason}),
            Map.entry(CorridorRiskConfig.TYPE, new Renderer[] {CorridorRiskDetector::reason}),
            Map.entry(CoverKeywordsConfig.TYPE, new Renderer[] {CoverKeywordsDetector::reason}),
            Map.entry(ClusterFanInConfig.TYPE, new Renderer[] {ClusterFanInDetector::reason}),
            Map.entry(SenderFanOutConfig.TYPE, new Renderer[] {SenderFanOutDetector::reasonAll,
                    SenderFanOutDetector::reasonUnrelated}),
            Map.entry(NewRelationshipConfig.TYPE, new Renderer[] {NewRelationshipDetector::reason}),
            Map.entry(OddHoursConfig.TYPE, new Renderer[] {OddHoursDetector::reason}),
            Map.entry(RecurringSmallToClusterConfig.TYPE, new Renderer[] {RecurringSmallToClusterDetector::reason}),
            Map.entry(LowAndSlowConfig.TYPE, new Renderer[] {LowAndSlowDetector::reason}),
            Map.entry(CoverStoryConfig.TYPE, new Renderer[] {CoverStoryDetector::reason}),
            Map.entry(EscalationConfig.TYPE, new Renderer[] {EscalationDetector::reason}),
            Map.entry(FamilySupportConfig.TYPE, new Renderer[] {FamilySupportDetector::reason}));

    private static final String[] NO_WORDS = new String[0];

    /**
     * Rule ids a record between stages names by number ({@link #ruleCode}): every rule of this
     * build, in a fixed order. Append only (a number, once written, keeps its rule).
     */
    private static final List<String> RULE_CODES = List.of(SmallAmountConfig.TYPE, RoundAmountConfig.TYPE,
            CorridorRiskConfig.TYPE, CoverKeywordsConfig.TYPE, ClusterFanInConfig.TYPE, SenderFanOutConfig.TYPE,
            NewRelationshipConfig.TYPE, OddHoursConfig.TYPE, RecurringSmallToClusterConfig.TYPE, LowAndSlowConfig.TYPE,
            CoverStoryConfig.TYPE, EscalationConfig.TYPE, FamilySupportConfig.TYPE,
            org.osecscreener.rules.WatchlistMatchConfig.TYPE, org.osecscreener.rules.LinkedToAlertedConfig.TYPE,
            org.osecscreener.rules.SextortionConfig.TYPE);

    /** The number of a known rule id for records between stages (0 to 254), or -1 for any other id. */
    public static int ruleCode(String ruleId) {
        return RULE_CODES.indexOf(ruleId);
    }

    /**
     * The rule id of a number from {@link #ruleCode} (the same String instance for every record).
     *
     * @throws IllegalArgumentException if the number names no rule of this build
     */
    public static String ruleOf(int code) {
        if (code < 0 || code >= RULE_CODES.size()) {
            throw new IllegalArgumentException("no rule number " + code + " in this build");
        }
        return RULE_CODES.get(code);
    }

    private final String ruleId;
    private final int form;
    private final Renderer renderer;
    private final double[] numbers;
    private final String[] words;

    private RuleReason(String ruleId, int form, Renderer renderer, double[] numbers, String[] words) {
        this.ruleId = ruleId;
        this.form = form;
        this.renderer = renderer;
        this.numbers = numbers;
        this.words = words;
    }

    /** A reason of form 0 of {@code ruleId}: what its rule builds (the renderer is the rule's own). */
    static RuleReason of(String ruleId, Renderer renderer, double[] numbers, String... words) {
        return new RuleReason(ruleId, 0, renderer, numbers, words.length == 0 ? NO_WORDS : words);
    }

    /** {@link #of} for a rule with more than one form of reason. */
    static RuleReason of(String ruleId, int form, Renderer renderer, double[] numbers, String... words) {
        return new RuleReason(ruleId, form, renderer, numbers, words.length == 0 ? NO_WORDS : words);
    }

    /**
     * A reason read back (by {@code BinaryCodec}): {@code ruleId}'s renderer of {@code form} over
     * these numbers and words. The reason takes the arrays as they are (the codec reads fresh ones
     * for each hit, on the final stage's path): do not change them afterwards.
     *
     * @throws IllegalArgumentException if this build has no renderer for that rule and form
     */
    public static RuleReason forRule(String ruleId, int form, double[] numbers, String[] words) {
        Renderer[] forms = RENDERERS.get(Objects.requireNonNull(ruleId, "ruleId"));
        if (forms == null || form < 0 || form >= forms.length) {
            throw new IllegalArgumentException("no reason of form " + form + " for rule " + ruleId + " in this build");
        }
        return new RuleReason(ruleId, form, forms[form], numbers, words);
    }

    @Override
    public String text() {
        return renderer.render(numbers, words);
    }

    /** The rule whose reason this is. */
    public String ruleId() {
        return ruleId;
    }

    /** Which of the rule's sentences this is (0 for most rules). */
    public int form() {
        return form;
    }

    /** The numbers, in the rule's order (not a copy: read only). */
    public double[] numbers() {
        return numbers;
    }

    /** The words, in the rule's order (not a copy: read only). */
    public String[] words() {
        return words;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleReason r && r.ruleId.equals(ruleId) && r.form == form
                && Arrays.equals(r.numbers, numbers) && Arrays.equals(r.words, words);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, form, Arrays.hashCode(numbers), Arrays.hashCode(words));
    }

    @Override
    public String toString() {
        return text();
    }
}
