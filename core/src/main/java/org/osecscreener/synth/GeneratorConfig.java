package org.osecscreener.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The configuration of the synthetic traffic generator: the period, the traffic mix and every
 * scenario's parameters. Bound from YAML with every property required and unknown properties
 * rejected; the default mix ships as the resource {@code default-generator.yaml} next to this
 * class ({@link #defaults()}). Field reference: {@code docs/generator.md}.
 *
 * <p>Immutable and thread-safe; validated in the compact constructors (messages name the field).
 *
 * @param start           first day of the period, ISO date {@code yyyy-mm-dd} (00:00 UTC)
 * @param days            length of the simulated period in days; the population is sized so
 *                        that the requested number of transactions spans about this period
 * @param transactions    default number of transactions to write (the CLI's {@code --transactions} overrides it)
 * @param osecSenderShare share of senders that are OSEC offenders, in [0, 0.5]
 * @param legitimate      legitimate scenarios by name (see {@link Scenarios#LEGITIMATE})
 * @param osec            OSEC scenarios by name (see {@link Scenarios#OSEC})
 * @param offenders       traits shared by all OSEC scenarios (heavy tail, cover words, facilitators)
 * @param households      how legitimate families are shared by several senders abroad
 * @param countries       corridor mixes
 */
public record GeneratorConfig(String start, int days, long transactions, double osecSenderShare,
                              Map<String, Scenario> legitimate, Map<String, Scenario> osec, Offenders offenders,
                              Households households, CountryMix countries) {

    /** Name of the default configuration resource, next to this class. */
    public static final String DEFAULT_RESOURCE = "default-generator.yaml";

    public GeneratorConfig {
        Objects.requireNonNull(start, "start is required");
        LocalDate d;
        try {
            d = LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("start was '" + start + "'; accepted: an ISO date yyyy-mm-dd");
        }
        check(d.getYear() >= 1970 && d.getYear() <= 9000, "start", start, "an ISO date from 1970-01-01 to 9000-12-31");
        check(days >= 1 && days <= 3660, "days", days, "1..3660");
        check(transactions >= 0, "transactions", transactions, "0 or more");
        check(osecSenderShare >= 0 && osecSenderShare <= 0.5, "osecSenderShare", osecSenderShare, "[0, 0.5]");
        legitimate = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(legitimate, "legitimate is required")));
        osec = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(osec, "osec is required")));
        for (String k : legitimate.keySet()) {
            if (!Scenarios.LEGITIMATE.contains(k)) {
                throw new IllegalArgumentException("legitimate." + k + ": unknown scenario; accepted: " + Scenarios.LEGITIMATE);
            }
        }
        for (String k : osec.keySet()) {
            if (!Scenarios.OSEC.contains(k)) {
                throw new IllegalArgumentException("osec." + k + ": unknown scenario; accepted: " + Scenarios.OSEC);
            }
        }
        if (legitimate.values().stream().mapToDouble(Scenario::share).sum() <= 0) {
            throw new IllegalArgumentException("legitimate: the shares must not all be 0");
        }
        if (osecSenderShare > 0 && osec.values().stream().mapToDouble(Scenario::share).sum() <= 0) {
            throw new IllegalArgumentException("osec: the shares must not all be 0 when osecSenderShare > 0");
        }
        Objects.requireNonNull(offenders, "offenders is required");
        Objects.requireNonNull(households, "households is required");
        Objects.requireNonNull(countries, "countries is required");
    }

    /** The first day of the period. */
    public LocalDate startDate() {
        return LocalDate.parse(start);
    }

    /** The default mix shipped in the jar. */
    public static GeneratorConfig defaults() {
        try (InputStream in = GeneratorConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return MAPPER.readValue(in, GeneratorConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException("the shipped " + DEFAULT_RESOURCE + " is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a configuration file (YAML; JSON is YAML too).
     *
     * @throws IOException              if the file cannot be read or does not bind (unknown or missing
     *                                  property, wrong type); the message names the field
     * @throws IllegalArgumentException if a value is out of range
     */
    public static GeneratorConfig load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readValue(in, GeneratorConfig.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(file + ": " + c.getMessage(), c);
        }
    }

    /** This configuration as YAML (every field). */
    public String toYaml() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    static void check(boolean ok, String field, Object value, String accepted) {
        if (!ok) {
            throw new IllegalArgumentException(field + " was " + value + "; accepted: " + accepted);
        }
    }

    /**
     * An inclusive range of numbers.
     *
     * @param min lower bound
     * @param max upper bound, at least {@code min}
     */
    public record Range(double min, double max) {
        public Range {
            check(min >= 0 && max >= min && Double.isFinite(max), "range", "[" + min + ", " + max + "]",
                    "0 <= min <= max");
        }
    }

    /**
     * One scenario's parameters. Each field's meaning per scenario is documented in
     * {@code docs/generator.md}.
     *
     * @param share           relative share of its group's senders (legitimate or OSEC); 0 turns it off
     * @param amountUsd       amount per transfer, in USD equivalent, converted to the sender's currency
     * @param perMonth        transfers per month per sender (OSEC: the base rate before the heavy tail)
     * @param payees          number of payees per sender (December gifts: relatives in the burst;
     *                        payroll: contractors)
     * @param nightShare      share of transfers made between 00:00 and 05:00 sender local time
     * @param coverShare      share of transfers whose reference holds a cover-like word
     * @param roundShare      share of transfers with a round amount in the sending currency
     * @param familyNameShare share of payees that share the sender's surname
     */
    public record Scenario(double share, Range amountUsd, Range perMonth, Range payees, double nightShare,
                           double coverShare, double roundShare, double familyNameShare) {
        public Scenario {
            check(share >= 0, "share", share, ">= 0");
            Objects.requireNonNull(amountUsd, "amountUsd is required");
            Objects.requireNonNull(perMonth, "perMonth is required");
            Objects.requireNonNull(payees, "payees is required");
            check(amountUsd.min() >= 1, "amountUsd.min", amountUsd.min(), ">= 1");
            check(payees.min() >= 1 && payees.max() <= 60, "payees", payees, "1..60");
            check(perMonth.max() <= 200, "perMonth.max", perMonth.max(), "<= 200");
            for (double v : new double[] {nightShare, coverShare, roundShare, familyNameShare}) {
                check(v >= 0 && v <= 1, "shares", v, "[0, 1]");
            }
        }
    }

    /**
     * Traits of every OSEC scenario.
     *
     * @param activityTailAlpha        Pareto shape of each offender's activity multiplier (smaller: heavier tail;
     *                                 about 1.16 is "20% make 80%")
     * @param maxActivityMultiplier    cap of the multiplier
     * @param startWithin              offenders start at a uniform time within this fraction of the period
     * @param customersPerFacilitator  mean offenders per facilitator (fan-in)
     * @param ringSize                 payees per facilitator ring
     * @param ringSharedIdentifier     share of ring members that share the ring's phone/wallet (the rest
     *                                 share its address only)
     * @param escalationGrowth         factor by which an escalating offender's amount and rate grow over
     *                                 its life (1 = none)
     * @param alsoFamilyShare          share of offenders who also send ordinary family support to
     *                                 relatives (noise: those transfers are labelled legitimate)
     */
    public record Offenders(double activityTailAlpha, double maxActivityMultiplier, double startWithin,
                            double customersPerFacilitator, Range ringSize, double ringSharedIdentifier,
                            double escalationGrowth, double alsoFamilyShare) {
        public Offenders {
            check(activityTailAlpha > 0.5 && activityTailAlpha <= 10, "offenders.activityTailAlpha", activityTailAlpha, "(0.5, 10]");
            check(maxActivityMultiplier >= 1, "offenders.maxActivityMultiplier", maxActivityMultiplier, ">= 1");
            check(startWithin > 0 && startWithin <= 1, "offenders.startWithin", startWithin, "(0, 1]");
            check(customersPerFacilitator >= 1, "offenders.customersPerFacilitator", customersPerFacilitator, ">= 1");
            Objects.requireNonNull(ringSize, "offenders.ringSize is required");
            check(ringSize.min() >= 2 && ringSize.max() <= 10, "offenders.ringSize", ringSize, "2..10");
            check(ringSharedIdentifier >= 0 && ringSharedIdentifier <= 1, "offenders.ringSharedIdentifier",
                    ringSharedIdentifier, "[0, 1]");
            check(escalationGrowth >= 1 && escalationGrowth <= 20, "offenders.escalationGrowth", escalationGrowth, "[1, 20]");
            check(alsoFamilyShare >= 0 && alsoFamilyShare <= 1, "offenders.alsoFamilyShare", alsoFamilyShare, "[0, 1]");
        }
    }

    /**
     * Families supported by several relatives abroad (a legitimate fan-in).
     *
     * @param sharedShare share of family-support senders who join an existing household instead of founding one
     * @param maxSenders  most senders per household
     */
    public record Households(double sharedShare, int maxSenders) {
        public Households {
            check(sharedShare >= 0 && sharedShare < 1, "households.sharedShare", sharedShare, "[0, 1)");
            check(maxSenders >= 1 && maxSenders <= 10, "households.maxSenders", maxSenders, "1..10");
        }
    }

    /**
     * Corridor mixes: relative weights of countries (ISO 3166-1 alpha-2; each must be in the
     * generator's country table, see {@code docs/generator.md}).
     *
     * @param diaspora         where legitimate senders into the Philippines live
     * @param osecOrigins      where offenders pay from
     * @param osecDestinations where facilitators are paid
     * @param domestic         countries of domestic traffic
     * @param otherCorridors   unrelated corridors {@code FROM>TO} (for example {@code US>MX})
     */
    public record CountryMix(Map<String, Double> diaspora, Map<String, Double> osecOrigins,
                             Map<String, Double> osecDestinations, Map<String, Double> domestic,
                             Map<String, Double> otherCorridors) {
        public CountryMix {
            diaspora = checked("countries.diaspora", diaspora, false);
            osecOrigins = checked("countries.osecOrigins", osecOrigins, false);
            osecDestinations = checked("countries.osecDestinations", osecDestinations, false);
            domestic = checked("countries.domestic", domestic, false);
            otherCorridors = checked("countries.otherCorridors", otherCorridors, true);
        }

        private static Map<String, Double> checked(String field, Map<String, Double> m, boolean corridors) {
            Objects.requireNonNull(m, field + " is required");
            if (m.isEmpty()) {
                throw new IllegalArgumentException(field + " must name at least one entry");
            }
            List<String> bad = new ArrayList<>();
            m.forEach((k, v) -> {
                String[] parts = corridors ? k.split(">", -1) : new String[] {k};
                boolean ok = corridors ? parts.length == 2 : true;
                for (String p : parts) {
                    ok &= Geo.known(p);
                }
                if (!ok || v == null || !(v > 0)) {
                    bad.add(k);
                }
            });
            if (!bad.isEmpty()) {
                throw new IllegalArgumentException(field + ": " + bad + " not accepted; accepted: "
                        + (corridors ? "FROM>TO pairs of " : "") + "countries " + Geo.codes() + " with weights > 0");
            }
            return Collections.unmodifiableSortedMap(new TreeMap<>(m));
        }
    }
}
