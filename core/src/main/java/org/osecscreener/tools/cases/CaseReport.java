package org.osecscreener.tools.cases;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.ClusterAssessment;

/**
 * Groups alerts into cases and exports them for analysts: {@code cases.json}, one self-contained
 * HTML report per case and an {@code index.html} (see {@code docs/cases.md}). OSEC cases hold
 * the alerts on one payee cluster per period, with the cluster's own assessments and the senders
 * alerted by look-back; sextortion cases hold the {@code sextortion_victim} alerts on one
 * customer per period, who may be the victim.
 *
 * <pre>{@code
 * CaseReport report = CaseReport.builder().build();          // 30-day periods, masked identifiers
 * List<Case> cases = report.group(alerts, clusterAssessments, transactions);
 * report.writeTo(Path.of("out/cases"), cases);
 * }</pre>
 *
 * <p>Immutable and thread-safe once built. Identifiers are masked in every export unless the
 * builder was told {@link Builder#rawIdentifiers(boolean) rawIdentifiers(true)}.
 */
public final class CaseReport {
    /** The default case period: 30 days from a case's first alert. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    /** The longest case period accepted. */
    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final Duration period;
    private final ClusterConfig clusterConfig;
    private final List<StrKeyTerms> keyTerms;
    private final String keyTermsSource;
    private final boolean rawIdentifiers;

    private CaseReport(Builder b) {
        this.period = b.period == null ? DEFAULT_PERIOD : b.period;
        this.clusterConfig = b.clusterConfig == null ? ClusterConfig.defaults() : b.clusterConfig;
        this.keyTerms = b.keyTerms == null ? StrKeyTerms.defaults() : b.keyTerms;
        this.keyTermsSource = b.keyTermsSource != null ? b.keyTermsSource
                : b.keyTerms == null ? "built-in defaults (FinCEN FIN-2021-NTC3, FinCEN FIN-2025-NTC2, AMLC)" : "the caller";
        this.rawIdentifiers = b.rawIdentifiers;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The case period. */
    public Duration period() {
        return period;
    }

    /** The payee-cluster configuration used to re-resolve clusters; should match the screener's. */
    public ClusterConfig clusterConfig() {
        return clusterConfig;
    }

    /** The STR/SAR key terms of every typology. */
    public List<StrKeyTerms> keyTerms() {
        return keyTerms;
    }

    /**
     * The STR/SAR key terms a case of the given typology shows: OSEC cases the {@code osec} terms
     * only, sextortion cases the {@code sextortion} terms only.
     */
    public List<StrKeyTerms> keyTerms(Typology typology) {
        Objects.requireNonNull(typology, "typology");
        return keyTerms.stream().filter(k -> k.typology() == typology).toList();
    }

    /**
     * Where the key terms came from: {@code rule bundle id@version} when read from a bundle
     * ({@link Builder#keyTerms(org.osecscreener.rules.RuleBundle)}); shown in every case.
     */
    public String keyTermsSource() {
        return keyTermsSource;
    }

    /** Whether exports show raw identifiers instead of masked ones. */
    public boolean rawIdentifiers() {
        return rawIdentifiers;
    }

    /**
     * Groups alerts into cases without payee clusters' assessments: {@code group(alerts, List.of(), transactions)}.
     *
     * @param alerts       the sender assessments (REVIEW or ALERT), any order
     * @param transactions the screened transactions, in screening order
     * @return the cases, ordered by opening time
     */
    public List<Case> group(Collection<Assessment> alerts, List<Transaction> transactions) {
        return group(alerts, List.of(), transactions);
    }

    /**
     * Groups alerts into cases. OSEC cases: one per payee cluster per period, holding the
     * transaction and look-back alerts on the cluster and its own assessments; later ones in the
     * period are appended to it. Sextortion cases: one per customer per period, holding the
     * {@code sextortion_victim} alerts (never in an OSEC case). Clusters are re-resolved by
     * feeding {@code transactions}, in order, through a fresh resolver; NONE and duplicate
     * assessments are ignored.
     *
     * @param alerts       the sender assessments (REVIEW or ALERT) of every kind, any order
     * @param clusters     the payee clusters' own assessments, any order
     * @param transactions the screened transactions, in screening order; they supply cluster
     *                     membership, party details and the transaction table
     * @return the cases of both typologies, ordered by opening time
     */
    public List<Case> group(Collection<Assessment> alerts, Collection<ClusterAssessment> clusters,
                            List<Transaction> transactions) {
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(transactions, "transactions");
        return CaseGrouper.group(alerts, clusters, transactions, period, clusterConfig);
    }

    /**
     * The per-sender view across the given cases, ordered by sender id: the OSEC cases each sender
     * paid into, their OSEC alerts, and the sextortion cases in which they are the customer.
     */
    public List<SenderSummary> senders(List<Case> cases) {
        Map<String, List<String>> caseIds = new TreeMap<>();
        Map<String, List<String>> victimCaseIds = new HashMap<>();
        Map<String, Integer> alerts = new HashMap<>();
        Map<String, Map<String, Transaction>> transfers = new HashMap<>();
        Map<String, String> countries = new HashMap<>();
        for (Case c : cases) {
            for (String s : c.senderIds()) {
                caseIds.computeIfAbsent(s, k -> new ArrayList<>());
                if (c.isVictimCase()) {
                    victimCaseIds.computeIfAbsent(s, k -> new ArrayList<>()).add(c.caseId());
                } else {
                    caseIds.get(s).add(c.caseId());
                }
                Party p = c.parties().get(s);
                if (p != null) {
                    countries.put(s, p.country());
                }
            }
            if (!c.isVictimCase()) {
                for (Assessment a : c.alerts()) {
                    alerts.merge(a.senderId(), 1, Integer::sum);
                }
            }
            for (Transaction t : c.transactions()) {
                // a transfer can be in two cases' tables (overlapping windows): counted once
                transfers.computeIfAbsent(t.sender().id(), k -> new LinkedHashMap<>()).putIfAbsent(t.id(), t);
            }
        }
        List<SenderSummary> out = new ArrayList<>(caseIds.size());
        for (Map.Entry<String, List<String>> e : caseIds.entrySet()) {
            Map<String, BigDecimal> totals = new TreeMap<>();
            Collection<Transaction> sent = transfers.getOrDefault(e.getKey(), Map.of()).values();
            for (Transaction t : sent) {
                totals.merge(t.amount().currency().getCurrencyCode(), t.amount().toBigDecimal(), BigDecimal::add);
            }
            List<String> sums = new ArrayList<>();
            totals.forEach((ccy, v) -> sums.add(v.toPlainString() + " " + ccy));
            out.add(new SenderSummary(e.getKey(), countries.get(e.getKey()), e.getValue(), alerts.getOrDefault(e.getKey(), 0),
                    sent.size(), sums, victimCaseIds.getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    /**
     * The neutral, factual STR/SAR narrative of a case, led by the narrative key terms of its
     * typology ({@link #keyTerms(Typology)}). OSEC cases: counts, dates, amounts, countries, how
     * the payees are linked, the rules that fired, the cluster's own alert and the look-back.
     * Sextortion cases: the customer's payments, told from the customer's side as a possible
     * victim. No identifiers, no speculation, no demographics.
     */
    public String narrative(Case c) {
        return Narrative.of(c, keyTerms(c.typology()));
    }

    /**
     * Writes the cases and the per-sender view as one JSON document.
     *
     * @throws IOException if the target fails
     */
    public void writeJson(List<Case> cases, OutputStream out) throws IOException {
        CaseJson.write(this, cases, out);
    }

    /** One case as a self-contained HTML page (inline CSS and SVG, no scripts, no links out). */
    public String html(Case c) {
        return CaseHtml.render(this, c);
    }

    /** The index page: every case with a link to its page, and the per-sender view. */
    public String indexHtml(List<Case> cases) {
        return CaseHtml.index(this, cases);
    }

    /**
     * Writes {@code cases.json}, {@code index.html} and {@code CASE-….html} per case into a directory,
     * creating it if needed.
     *
     * @return the files written, {@code cases.json} and {@code index.html} first
     * @throws IOException if a file cannot be written
     */
    public List<Path> writeTo(Path dir, List<Case> cases) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Path json = dir.resolve("cases.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(json))) {
            writeJson(cases, out);
        }
        written.add(json);
        Path index = dir.resolve("index.html");
        Files.writeString(index, indexHtml(cases), StandardCharsets.UTF_8);
        written.add(index);
        for (Case c : cases) {
            Path page = dir.resolve(c.caseId() + ".html");
            Files.writeString(page, html(c), StandardCharsets.UTF_8);
            written.add(page);
        }
        return written;
    }

    /** Configures a {@link CaseReport}; not thread-safe. Each setting may be set once. */
    public static final class Builder {
        private Duration period;
        private ClusterConfig clusterConfig;
        private List<StrKeyTerms> keyTerms;
        private String keyTermsSource;
        private boolean rawIdentifiers;
        private boolean rawSet;

        private Builder() {
        }

        /**
         * The case period (default 30 days): alerts on a cluster within this long of the case's
         * first alert join that case.
         *
         * @throws IllegalArgumentException if not positive or longer than {@link #MAX_PERIOD}
         * @throws IllegalStateException    if already set
         */
        public Builder period(Duration value) {
            Objects.requireNonNull(value, "period");
            if (period != null) {
                throw new IllegalStateException("period was already set to " + period);
            }
            if (value.isNegative() || value.isZero() || value.compareTo(MAX_PERIOD) > 0) {
                throw new IllegalArgumentException("period must be more than zero and at most " + MAX_PERIOD + ", was " + value);
            }
            period = value;
            return this;
        }

        /** The payee-cluster configuration (default {@link ClusterConfig#defaults()}). @throws IllegalStateException if already set */
        public Builder clusterConfig(ClusterConfig value) {
            Objects.requireNonNull(value, "clusterConfig");
            if (clusterConfig != null) {
                throw new IllegalStateException("clusterConfig was already set");
            }
            clusterConfig = value;
            return this;
        }

        /**
         * The STR/SAR key terms of every typology (default {@link StrKeyTerms#defaults()}); each case
         * shows those of its own typology.
         *
         * @throws IllegalStateException if already set
         */
        public Builder keyTerms(List<StrKeyTerms> value) {
            Objects.requireNonNull(value, "keyTerms");
            if (keyTerms != null) {
                throw new IllegalStateException("keyTerms was already set");
            }
            keyTerms = List.copyOf(value);
            return this;
        }

        /**
         * The STR/SAR key terms of a rule bundle ({@code reporting.keyTerms}), of both typologies;
         * every case then names the bundle's {@code id@version} as their source. A bundle without
         * the section gives none.
         *
         * @throws IllegalStateException if key terms were already set
         */
        public Builder keyTerms(org.osecscreener.rules.RuleBundle bundle) {
            Objects.requireNonNull(bundle, "bundle");
            keyTerms(bundle.reporting().keyTerms().stream().map(StrKeyTerms::of).toList());
            keyTermsSource = "rule bundle " + bundle.id() + "@" + bundle.version();
            return this;
        }

        /**
         * Whether exports show raw identifiers (default {@code false}: masked). Only for an analyst
         * who needs the raw values, behind an explicit flag.
         *
         * @throws IllegalStateException if already set
         */
        public Builder rawIdentifiers(boolean value) {
            if (rawSet) {
                throw new IllegalStateException("rawIdentifiers was already set to " + rawIdentifiers);
            }
            rawSet = true;
            rawIdentifiers = value;
            return this;
        }

        /** The report settings, immutable. */
        public CaseReport build() {
            return new CaseReport(this);
        }
    }
}
