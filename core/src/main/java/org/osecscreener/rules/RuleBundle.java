package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A versioned, validated rule bundle: the whole configuration the detectors and the scorer
 * run with. Immutable and thread-safe; build it with {@link RuleBundleLoader}.
 *
 * <p>The compact constructor enforces every cross-field rule (references to keyword and id
 * lists exist, every currency has an FX rate, ...), so an invalid bundle cannot be built in
 * code either; {@link RuleBundleLoader} reports the same rules with file, line and field.
 *
 * @param id            bundle id ({@link Names#BUNDLE_ID_RULE})
 * @param version       positive version; versions only move forward (the Screener enforces that at reload)
 * @param description   free text; default empty
 * @param approvedBy    who approved the bundle, for the audit trail
 * @param effectiveFrom the day from which the bundle applies
 * @param baseCurrency  the currency amounts are converted to before banding (ISO 4217)
 * @param fxRates       units of base currency per one unit of a currency; the base currency
 *                      is implicitly 1; an amount in a currency with no rate is a run-time
 *                      rejection, not a load error
 * @param countries     demand-side and source-side countries
 * @param keywords      named keyword lists (cover words and phrases), matched case-insensitively
 * @param idLists       named lists of party or cluster ids (e.g. allow-listed charities)
 * @param detectors     the detector configurations
 * @param scoring       thresholds
 * @param suppressions  suppressed parties and clusters; default empty
 * @param reporting     what case reports carry for suspicious transaction reports (key terms);
 *                      default {@link Reporting#NONE}
 * @param clusterRisk   payee clusters as risk entities, look-back and look-forward alerts;
 *                      default {@link ClusterRiskConfig#DISABLED} (clusters are not scored)
 * @param sextortion    the sextortion victim-side rule, or {@code null} (not screened)
 * @param queue         how outcomes become analyst queue items; default {@link QueueConfig#DEFAULT}
 */
public record RuleBundle(
        @JsonProperty("id") String id,
        @JsonProperty("version") int version,
        @JsonProperty("description") String description,
        @JsonProperty("approvedBy") String approvedBy,
        @JsonProperty("effectiveFrom") LocalDate effectiveFrom,
        @JsonProperty("baseCurrency") Currency baseCurrency,
        @JsonProperty("fxRates") Map<String, Double> fxRates,
        @JsonProperty("countries") CountryRisk countries,
        @JsonProperty("keywords") Map<String, List<String>> keywords,
        @JsonProperty("idLists") Map<String, List<String>> idLists,
        @JsonProperty("detectors") Detectors detectors,
        @JsonProperty("scoring") Scoring scoring,
        @JsonProperty("suppressions") List<Suppression> suppressions,
        @JsonProperty("reporting") Reporting reporting,
        @JsonProperty("clusterRisk") ClusterRiskConfig clusterRisk,
        @JsonProperty("sextortion") SextortionConfig sextortion,
        @JsonProperty("queue") QueueConfig queue) {

    /** Longest accepted description. */
    public static final int MAX_DESCRIPTION = 2000;
    /** Longest accepted approvedBy. */
    public static final int MAX_APPROVED_BY = 200;

    /**
     * @throws IllegalArgumentException if any field or cross-field rule is violated (message names the field)
     * @throws NullPointerException     if a required component is {@code null}
     */
    public RuleBundle {
        if (!Names.isBundleId(id)) {
            throw new IllegalArgumentException("id '" + id + "' is not accepted; " + Names.BUNDLE_ID_RULE);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version was " + version + "; accepted: a positive integer");
        }
        description = description == null ? "" : description;
        Check.text("approvedBy", approvedBy, MAX_APPROVED_BY);
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        Objects.requireNonNull(effectiveFrom, "effectiveFrom is required");
        Objects.requireNonNull(baseCurrency, "baseCurrency is required");
        fxRates = Check.map("fxRates", fxRates);
        for (Map.Entry<String, Double> e : fxRates.entrySet()) {
            Names.currency("fxRates", e.getKey());
            Check.positive("fxRates." + e.getKey(), e.getValue());
            if (e.getKey().equals(baseCurrency.getCurrencyCode()) && e.getValue() != 1.0) {
                throw new IllegalArgumentException("fxRates." + e.getKey() + " is the base currency; its rate must be 1");
            }
        }
        Objects.requireNonNull(countries, "countries is required");
        keywords = immutableLists("keywords", keywords);
        idLists = immutableLists("idLists", idLists);
        idLists.forEach((name, ids) -> ids.forEach(i -> {
            if (!Names.isPartyId(i)) {
                throw new IllegalArgumentException("idLists." + name + ": id '" + i + "' is not accepted; "
                        + Names.PARTY_ID_RULE);
            }
        }));
        Objects.requireNonNull(detectors, "detectors is required");
        Objects.requireNonNull(scoring, "scoring is required");
        suppressions = Check.list("suppressions", suppressions);
        reporting = reporting == null ? Reporting.NONE : reporting;
        clusterRisk = clusterRisk == null ? ClusterRiskConfig.DISABLED : clusterRisk;
        queue = queue == null ? QueueConfig.DEFAULT : queue;

        if (detectors.coverKeywords() != null) {
            for (String list : detectors.coverKeywords().lists()) {
                if (!keywords.containsKey(list)) {
                    throw new IllegalArgumentException("cover_keywords.lists: keyword list '" + list
                            + "' is not defined; defined lists: " + String.join(", ", keywords.keySet()));
                }
            }
        }
        if (detectors.coverStory() != null) {
            requireKeywordLists("cover_story.lists", detectors.coverStory().lists(), keywords);
        }
        if (clusterRisk.enabled()) {
            requireKeywordLists("clusterRisk.coverLists", clusterRisk.coverLists(), keywords);
            if (clusterRisk.allowList() != null && !idLists.containsKey(clusterRisk.allowList())) {
                throw new IllegalArgumentException("clusterRisk.allowList: id list '" + clusterRisk.allowList()
                        + "' is not defined; defined lists: " + String.join(", ", idLists.keySet()));
            }
        }
        if (sextortion != null) {
            requireKeywordLists("sextortion.excludeLists", sextortion.excludeLists(), keywords);
        }
        if (detectors.clusterFanIn() != null && detectors.clusterFanIn().allowList() != null
                && !idLists.containsKey(detectors.clusterFanIn().allowList())) {
            throw new IllegalArgumentException("cluster_fan_in.allowList: id list '"
                    + detectors.clusterFanIn().allowList() + "' is not defined; defined lists: "
                    + String.join(", ", idLists.keySet()));
        }
        if (detectors.roundAmount() != null) {
            for (String code : detectors.roundAmount().perCurrency().keySet()) {
                if (!code.equals(baseCurrency.getCurrencyCode()) && !fxRates.containsKey(code)) {
                    throw new IllegalArgumentException("round_amount.perCurrency names " + code
                            + ", which has no entry in fxRates");
                }
            }
        }
        Set<String> suppressed = new HashSet<>();
        for (Suppression s : suppressions) {
            if (!suppressed.add(s.kind() + "/" + s.id())) {
                throw new IllegalArgumentException("suppressions lists " + s.kind() + " " + s.id() + " more than once");
            }
        }
    }

    private static void requireKeywordLists(String field, List<String> names, Map<String, List<String>> keywords) {
        for (String list : names) {
            if (!keywords.containsKey(list)) {
                throw new IllegalArgumentException(field + ": keyword list '" + list + "' is not defined; defined lists: "
                        + String.join(", ", keywords.keySet()));
            }
        }
    }

    /**
     * A bundle without the {@code clusterRisk}, {@code sextortion} and {@code queue} sections (for
     * callers that build bundles in code): clusters are not scored, sextortion is not screened, and
     * the queue has its default period.
     *
     * @throws IllegalArgumentException as the canonical constructor does
     */
    public RuleBundle(String id, int version, String description, String approvedBy, LocalDate effectiveFrom,
                      Currency baseCurrency, Map<String, Double> fxRates, CountryRisk countries,
                      Map<String, List<String>> keywords, Map<String, List<String>> idLists, Detectors detectors,
                      Scoring scoring, List<Suppression> suppressions, Reporting reporting) {
        this(id, version, description, approvedBy, effectiveFrom, baseCurrency, fxRates, countries, keywords, idLists,
                detectors, scoring, suppressions, reporting, null, null, null);
    }

    /**
     * A bundle without a {@code reporting} section (for callers that build bundles in code).
     *
     * @throws IllegalArgumentException as the canonical constructor does
     */
    public RuleBundle(String id, int version, String description, String approvedBy, LocalDate effectiveFrom,
                      Currency baseCurrency, Map<String, Double> fxRates, CountryRisk countries,
                      Map<String, List<String>> keywords, Map<String, List<String>> idLists, Detectors detectors,
                      Scoring scoring, List<Suppression> suppressions) {
        this(id, version, description, approvedBy, effectiveFrom, baseCurrency, fxRates, countries, keywords, idLists,
                detectors, scoring, suppressions, null);
    }

    private static Map<String, List<String>> immutableLists(String field, Map<String, List<String>> lists) {
        Map<String, List<String>> copy = Check.map(field, lists);
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        copy.forEach((name, l) -> {
            if (!Names.isListName(name)) {
                throw new IllegalArgumentException(field + ": list name '" + name + "' is not accepted; "
                        + Names.LIST_NAME_RULE);
            }
            out.put(name, Check.list(field + "." + name, l));
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The FX rate of a currency: units of base currency per one unit.
     *
     * @param currency the currency
     * @return 1 for the base currency, its {@code fxRates} entry, or empty if it has none (the
     *         caller must then reject the transaction, not guess)
     */
    public OptionalDouble fxRate(Currency currency) {
        String code = currency.getCurrencyCode();
        if (code.equals(baseCurrency.getCurrencyCode())) {
            return OptionalDouble.of(1.0);
        }
        Double r = fxRates.get(code);
        return r == null ? OptionalDouble.empty() : OptionalDouble.of(r);
    }

    /**
     * A keyword list by name.
     *
     * @param name the list name
     * @return the list, empty if not defined
     */
    public List<String> keywordList(String name) {
        return keywords.getOrDefault(name, List.of());
    }

    /**
     * An id list by name.
     *
     * @param name the list name
     * @return the ids, empty if not defined
     */
    public List<String> idList(String name) {
        return idLists.getOrDefault(name, List.of());
    }

    /**
     * The suppressions of one party or cluster that apply on a day.
     *
     * @param kind what {@code id} names
     * @param id   the id
     * @param day  the day
     * @return the matching, unexpired suppressions (usually zero or one)
     */
    public List<Suppression> activeSuppressions(SuppressionKind kind, String id, LocalDate day) {
        List<Suppression> out = new ArrayList<>(1);
        for (Suppression s : suppressions) {
            if (s.kind() == kind && s.id().equals(id) && s.isActiveOn(day)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The longest history, in days, any enabled detector or section needs
     * ({@link DetectorConfig#stateDays()}, {@link ClusterRiskConfig#stateDays()},
     * {@link SextortionConfig#stateDays()}, the queue period): the time-to-live of profile state. At least 1.
     *
     * @return the longest window in days
     */
    public int longestWindowDays() {
        int max = 1;
        for (DetectorConfig c : detectors.enabled()) {
            max = Math.max(max, c.stateDays());
        }
        max = Math.max(max, clusterRisk.stateDays());
        max = Math.max(max, queue.periodDays());
        if (sextortion != null) {
            max = Math.max(max, sextortion.stateDays());
        }
        return max;
    }

    /** Whether the sextortion victim-side rule runs. */
    public boolean screensSextortion() {
        return sextortion != null && sextortion.enabled();
    }
}
