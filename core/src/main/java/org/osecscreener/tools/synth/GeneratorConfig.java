package org.osecscreener.tools.synth;

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
 * @param start             first day of the period, ISO date {@code yyyy-mm-dd} (00:00 UTC)
 * @param days              length of the simulated period in days; the population is sized so
 *                          that the requested number of transactions spans about this period
 * @param transactions      default number of transactions to write (the CLI's {@code --transactions} overrides it)
 * @param osecSenderShare   share of senders that are OSEC offenders, in [0, 0.5]
 * @param victimSenderShare share of senders that are sextortion victims, in [0, 0.1]
 * @param legitimate        legitimate scenarios by name (see {@link Scenarios#LEGITIMATE})
 * @param osec              OSEC scenarios by name (see {@link Scenarios#OSEC})
 * @param victims           victim scenarios by name (see {@link Scenarios#VICTIMS})
 * @param offenders         traits shared by all OSEC scenarios (heavy tail, cover words, facilitators)
 * @param patterns          the shapes of the scenarios whose common fields cannot express them
 * @param households        how legitimate families are shared by several senders abroad
 * @param countries         corridor mixes
 */
public record GeneratorConfig(String start, int days, long transactions, double osecSenderShare,
                              double victimSenderShare, Map<String, Scenario> legitimate, Map<String, Scenario> osec,
                              Map<String, Scenario> victims, Offenders offenders, Patterns patterns,
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
        check(victimSenderShare >= 0 && victimSenderShare <= 0.1, "victimSenderShare", victimSenderShare, "[0, 0.1]");
        legitimate = scenarios("legitimate", legitimate, Scenarios.LEGITIMATE);
        osec = scenarios("osec", osec, Scenarios.OSEC);
        victims = scenarios("victims", victims, Scenarios.VICTIMS);
        if (legitimate.values().stream().mapToDouble(Scenario::share).sum() <= 0) {
            throw new IllegalArgumentException("legitimate: the shares must not all be 0");
        }
        if (osecSenderShare > 0 && osec.values().stream().mapToDouble(Scenario::share).sum() <= 0) {
            throw new IllegalArgumentException("osec: the shares must not all be 0 when osecSenderShare > 0");
        }
        if (victimSenderShare > 0 && victims.values().stream().mapToDouble(Scenario::share).sum() <= 0) {
            throw new IllegalArgumentException("victims: the shares must not all be 0 when victimSenderShare > 0");
        }
        Objects.requireNonNull(offenders, "offenders is required");
        Objects.requireNonNull(patterns, "patterns is required");
        Objects.requireNonNull(households, "households is required");
        Objects.requireNonNull(countries, "countries is required");
        Scenario slow = osec.get(Scenarios.LOW_AND_SLOW);
        if (slow != null && slow.nightShare() + patterns.lowAndSlow().lateShare() > 1) {
            throw new IllegalArgumentException("osec.low_and_slow.nightShare (" + slow.nightShare()
                    + ") plus patterns.lowAndSlow.lateShare (" + patterns.lowAndSlow().lateShare()
                    + ") is more than 1; accepted: a sum of at most 1 (the rest is 18:00-20:59)");
        }
    }

    private static Map<String, Scenario> scenarios(String field, Map<String, Scenario> m, List<String> known) {
        Objects.requireNonNull(m, field + " is required");
        for (Map.Entry<String, Scenario> e : m.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new IllegalArgumentException(field + "." + e.getKey() + ": unknown scenario; accepted: " + known);
            }
            Objects.requireNonNull(e.getValue(), field + "." + e.getKey() + " must be a scenario mapping");
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(m));
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
            // Where in the file: the mapping whose values were refused (osec.ring_customer, ...).
            StringBuilder where = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
                if (r.getFieldName() != null) {
                    where.append(where.length() == 0 ? "" : ".").append(r.getFieldName());
                }
            }
            String msg = c.getMessage();
            String at = where.length() == 0 || msg.startsWith(where.toString()) ? "" : where + ": ";
            throw new IllegalArgumentException(file + ": " + at + msg, c);
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
                            double customersPerFacilitator, double customersPerRing, Range ringSize,
                            double ringSharedIdentifier, double escalationGrowth, double alsoFamilyShare) {
        public Offenders {
            check(activityTailAlpha > 0.5 && activityTailAlpha <= 10, "offenders.activityTailAlpha", activityTailAlpha, "(0.5, 10]");
            check(maxActivityMultiplier >= 1, "offenders.maxActivityMultiplier", maxActivityMultiplier, ">= 1");
            check(startWithin > 0 && startWithin <= 1, "offenders.startWithin", startWithin, "(0, 1]");
            check(customersPerFacilitator >= 1, "offenders.customersPerFacilitator", customersPerFacilitator, ">= 1");
            check(customersPerRing >= 1 && customersPerRing <= 1000, "offenders.customersPerRing", customersPerRing, "1..1000");
            Objects.requireNonNull(ringSize, "offenders.ringSize is required");
            check(ringSize.min() >= 2 && ringSize.max() <= 10, "offenders.ringSize", ringSize, "2..10");
            check(ringSharedIdentifier >= 0 && ringSharedIdentifier <= 1, "offenders.ringSharedIdentifier",
                    ringSharedIdentifier, "[0, 1]");
            check(escalationGrowth >= 1 && escalationGrowth <= 20, "offenders.escalationGrowth", escalationGrowth, "[1, 20]");
            check(alsoFamilyShare >= 0 && alsoFamilyShare <= 1, "offenders.alsoFamilyShare", alsoFamilyShare, "[0, 1]");
        }
    }

    /**
     * The shapes of the scenarios whose common fields ({@link Scenario}) cannot express them. Each
     * applies only when its scenario has a share above 0.
     *
     * @param ringCustomer     {@code ring_customer}: how many times a customer pays in all, and when
     * @param lowAndSlow       {@code low_and_slow}: cadence, hours and life
     * @param sextortionVictim {@code sextortion_victim}: the burst of payments to a new recipient abroad
     * @param onlineShop       {@code online_shop}: buyers per shop and repeat purchases
     */
    public record Patterns(RingCustomer ringCustomer, LowAndSlow lowAndSlow, SextortionBurst sextortionVictim,
                           OnlineShop onlineShop) {
        public Patterns {
            Objects.requireNonNull(ringCustomer, "patterns.ringCustomer is required");
            Objects.requireNonNull(lowAndSlow, "patterns.lowAndSlow is required");
            Objects.requireNonNull(sextortionVictim, "patterns.sextortionVictim is required");
            Objects.requireNonNull(onlineShop, "patterns.onlineShop is required");
        }
    }

    /**
     * A customer of a facilitator ring who pays only a few times (AIC 2020).
     *
     * @param payments weights of the number of payments a customer makes in all (keys 1..50)
     * @param gapDays  whole days between one payment and the next, uniform (0..365)
     */
    public record RingCustomer(Map<Integer, Double> payments, Range gapDays) {
        public RingCustomer {
            payments = weights("patterns.ringCustomer.payments", payments, 1, 50);
            Objects.requireNonNull(gapDays, "patterns.ringCustomer.gapDays is required");
            check(gapDays.max() <= 365 && Math.floor(gapDays.max()) >= Math.ceil(gapDays.min()),
                    "patterns.ringCustomer.gapDays", gapDays, "whole days in 0..365 (at least one whole day in the range)");
        }
    }

    /**
     * Low and slow (AIC 2021): small sums at intervals under 20 days, late in the evening, for months.
     *
     * @param intervalDays whole days from one payment's evening to the next, uniform (1..90)
     * @param lateShare    share of payments made 21:00-23:59 sender local time; the scenario's
     *                     {@code nightShare} are made after midnight (00:00-04:59, the same evening),
     *                     the rest 18:00-20:59
     * @param activeMonths how long each sender keeps paying, in 30-day months (uniform)
     */
    public record LowAndSlow(Range intervalDays, double lateShare, Range activeMonths) {
        public LowAndSlow {
            Objects.requireNonNull(intervalDays, "patterns.lowAndSlow.intervalDays is required");
            check(intervalDays.min() >= 1 && intervalDays.max() <= 90
                            && Math.floor(intervalDays.max()) >= Math.ceil(intervalDays.min()),
                    "patterns.lowAndSlow.intervalDays", intervalDays, "whole days in 1..90");
            check(lateShare >= 0 && lateShare <= 1, "patterns.lowAndSlow.lateShare", lateShare, "[0, 1]");
            Objects.requireNonNull(activeMonths, "patterns.lowAndSlow.activeMonths is required");
            check(activeMonths.min() > 0 && activeMonths.max() <= 120, "patterns.lowAndSlow.activeMonths", activeMonths,
                    "(0, 120]");
        }
    }

    /**
     * The victim side of sextortion (FATF 2025, FinCEN FIN-2025-NTC2): once in the period, a burst
     * of payments to one new recipient abroad, then nothing more to that recipient.
     *
     * @param payments   weights of the number of payments in the burst (keys 1..20)
     * @param hours      the burst's span from first to last payment, in hours (uniform, (0, 720])
     * @param firstUsd   the first payment, USD equivalent
     * @param stepFactor each later payment is this many times the previous one (uniform, in (0, 10])
     * @param capUsd     the burst's total stays at or under this (later steps are flattened, then
     *                   the first payment lowered, to fit)
     * @param lateShare  share of bursts starting 21:00-04:59 sender local time (the rest 05:00-20:59)
     */
    public record SextortionBurst(Map<Integer, Double> payments, Range hours, Range firstUsd, Range stepFactor,
                                  double capUsd, double lateShare) {
        public SextortionBurst {
            payments = weights("patterns.sextortionVictim.payments", payments, 1, 20);
            Objects.requireNonNull(hours, "patterns.sextortionVictim.hours is required");
            check(hours.min() > 0 && hours.max() <= 720, "patterns.sextortionVictim.hours", hours, "(0, 720]");
            Objects.requireNonNull(firstUsd, "patterns.sextortionVictim.firstUsd is required");
            check(firstUsd.min() >= 1, "patterns.sextortionVictim.firstUsd.min", firstUsd.min(), ">= 1");
            Objects.requireNonNull(stepFactor, "patterns.sextortionVictim.stepFactor is required");
            check(stepFactor.min() > 0 && stepFactor.max() <= 10, "patterns.sextortionVictim.stepFactor", stepFactor,
                    "(0, 10]");
            check(capUsd >= firstUsd.min(), "patterns.sextortionVictim.capUsd", capUsd,
                    "at least firstUsd.min (" + firstUsd.min() + ")");
            check(lateShare >= 0 && lateShare <= 1, "patterns.sextortionVictim.lateShare", lateShare, "[0, 1]");
        }
    }

    /**
     * Small online sellers paid once or twice by many foreign buyers.
     *
     * @param buyersPerShop    buyers (senders) per shop over the period (uniform, 1..100000)
     * @param twiceShare       share of buyers who buy a second time
     * @param secondWithinDays whole days from the first purchase to the second (uniform, 0..365)
     * @param businessShare    share of shops registered as a business (the rest are persons)
     */
    public record OnlineShop(Range buyersPerShop, double twiceShare, Range secondWithinDays, double businessShare) {
        public OnlineShop {
            Objects.requireNonNull(buyersPerShop, "patterns.onlineShop.buyersPerShop is required");
            check(buyersPerShop.min() >= 1 && buyersPerShop.max() <= 100_000, "patterns.onlineShop.buyersPerShop",
                    buyersPerShop, "1..100000");
            check(twiceShare >= 0 && twiceShare <= 1, "patterns.onlineShop.twiceShare", twiceShare, "[0, 1]");
            Objects.requireNonNull(secondWithinDays, "patterns.onlineShop.secondWithinDays is required");
            check(secondWithinDays.max() <= 365 && Math.floor(secondWithinDays.max()) >= Math.ceil(secondWithinDays.min()),
                    "patterns.onlineShop.secondWithinDays", secondWithinDays, "whole days in 0..365");
            check(businessShare >= 0 && businessShare <= 1, "patterns.onlineShop.businessShare", businessShare, "[0, 1]");
        }
    }

    /** Validates a map of whole numbers to weights and returns it sorted and unmodifiable. */
    static Map<Integer, Double> weights(String field, Map<Integer, Double> m, int min, int max) {
        Objects.requireNonNull(m, field + " is required");
        if (m.isEmpty()) {
            throw new IllegalArgumentException(field + " must name at least one count");
        }
        List<String> bad = new ArrayList<>();
        m.forEach((k, v) -> {
            if (k == null || k < min || k > max || v == null || !(v > 0) || !Double.isFinite(v)) {
                bad.add(k + ": " + v);
            }
        });
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(field + ": " + bad + " not accepted; accepted: counts " + min + ".." + max
                    + " with weights > 0");
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(m));
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
     * <p>Nigeria ({@code NG}) and Côte d'Ivoire ({@code CI}) are beneficiary-only: accepted where
     * payees live ({@code osecDestinations}, {@code sextortionRecipients}, the {@code TO} of a corridor),
     * rejected where senders live (the default rule pack has no FX rate for their currencies).
     *
     * @param diaspora             where legitimate senders into the Philippines live
     * @param osecOrigins          where offenders pay from
     * @param osecDestinations     where facilitators are paid
     * @param domestic             countries of domestic traffic
     * @param otherCorridors       unrelated corridors {@code FROM>TO} (for example {@code US>MX})
     * @param sextortionVictims    where sextortion victims live
     * @param sextortionRecipients where sextortion victims' payments go
     * @param shopBuyers           where the foreign buyers of Philippine online shops live
     */
    public record CountryMix(Map<String, Double> diaspora, Map<String, Double> osecOrigins,
                             Map<String, Double> osecDestinations, Map<String, Double> domestic,
                             Map<String, Double> otherCorridors, Map<String, Double> sextortionVictims,
                             Map<String, Double> sextortionRecipients, Map<String, Double> shopBuyers) {
        public CountryMix {
            diaspora = checked("countries.diaspora", diaspora, Side.SENDER);
            osecOrigins = checked("countries.osecOrigins", osecOrigins, Side.SENDER);
            osecDestinations = checked("countries.osecDestinations", osecDestinations, Side.BENEFICIARY);
            domestic = checked("countries.domestic", domestic, Side.SENDER);
            otherCorridors = checked("countries.otherCorridors", otherCorridors, Side.CORRIDOR);
            sextortionVictims = checked("countries.sextortionVictims", sextortionVictims, Side.SENDER);
            sextortionRecipients = checked("countries.sextortionRecipients", sextortionRecipients, Side.BENEFICIARY);
            shopBuyers = checked("countries.shopBuyers", shopBuyers, Side.SENDER);
        }

        private enum Side { SENDER, BENEFICIARY, CORRIDOR }

        private static Map<String, Double> checked(String field, Map<String, Double> m, Side side) {
            Objects.requireNonNull(m, field + " is required");
            if (m.isEmpty()) {
                throw new IllegalArgumentException(field + " must name at least one entry");
            }
            boolean corridors = side == Side.CORRIDOR;
            List<String> bad = new ArrayList<>();
            List<String> payeeOnly = new ArrayList<>();
            m.forEach((k, v) -> {
                String[] parts = corridors ? k.split(">", -1) : new String[] {k};
                boolean ok = corridors ? parts.length == 2 : true;
                for (String p : parts) {
                    ok &= Geo.known(p);
                }
                if (!ok || v == null || !(v > 0) || !Double.isFinite(v)) {
                    bad.add(k);
                } else if (side != Side.BENEFICIARY && !Geo.canSend(parts[0])) {
                    payeeOnly.add(k);
                }
            });
            if (!bad.isEmpty()) {
                throw new IllegalArgumentException(field + ": " + bad + " not accepted; accepted: "
                        + (corridors ? "FROM>TO pairs of " : "") + "countries " + Geo.codes() + " with weights > 0");
            }
            if (!payeeOnly.isEmpty()) {
                throw new IllegalArgumentException(field + ": " + payeeOnly + " not accepted: " + Geo.beneficiaryOnly()
                        + " may only receive (the default rule pack has no FX rate for their currencies), never send; "
                        + "use them in osecDestinations, sextortionRecipients or as the TO of a corridor");
            }
            return Collections.unmodifiableSortedMap(new TreeMap<>(m));
        }
    }
}
