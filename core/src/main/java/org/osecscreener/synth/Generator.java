package org.osecscreener.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.osecscreener.io.TransactionWriter;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Label;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;
import org.osecscreener.synth.GeneratorConfig.Scenario;

/**
 * Generates labelled synthetic remittance traffic: legitimate flows in many corridors (with
 * every hard negative of the OSEC typologies) and OSEC payment scenarios, in event-time order.
 *
 * <pre>{@code
 * Generator g = Generator.of(GeneratorConfig.defaults(), 42);
 * try (TransactionWriter w = new TransactionWriter(out)) {
 *     g.write(1_000_000, w, n -> {});
 * }
 * }</pre>
 *
 * <p><b>Determinism.</b> The same configuration, seed and count always give the same
 * transactions, hence the same bytes: every random choice comes from a {@link SplittableRandom}
 * seeded with {@code seed}, split per actor in a fixed order, and ties in event time are broken
 * by actor number.
 *
 * <p><b>How it works.</b> The population (senders, their payees, facilitators and rings) is
 * sized so that {@code n} transactions span about {@code config.days()}; each sender is an
 * actor with its own schedule (paydays, weekly, Poisson, bursts), and a priority queue on the
 * next event time merges them into one stream. Memory grows with the population, never with the
 * number of transactions: nothing written is kept.
 *
 * <p>Each transaction carries a {@link Label}: {@code osec} true for OSEC scenario transfers,
 * with the scenario's name (see {@link Scenarios}). Generators are not thread-safe; create one
 * per thread.
 */
public final class Generator {
    private static final int DAY = 86_400;
    private static final String[] COVER = {"school fees", "gift", "uniform", "medical bills", "accommodation",
            "family support", "education", "treat", "birthday", "invoice", "expenses", "fees"};
    private static final String[] OSEC_PLAIN = {null, null, "hi", "for you", "help", "thanks", "load", "ok", "send"};
    private static final String[] FAMILY = {"family support", "allowance", "for mama", "padala", "monthly support",
            "bills", "pang-gastos", "rent and food", null, null, null};
    private static final String[] WEEKLY = {"allowance", "pang-gastos", "family support", "food", "for papa", null, null};
    private static final String[] GIFTS = {"gift", "Merry Christmas", "pamasko", "christmas gift", "for the kids"};
    private static final String[] TUITION = {"school fees", "tuition", "medical bills", "hospital bill", "education",
            "enrolment", "medicine"};
    private static final String[] PAYROLL = {"VA services", "contractor payout", "weekly payout", "services rendered"};
    private static final String[] PAYROLL_COVER = {"invoice", "contractor fees", "fees"};
    private static final String[] CHARITY = {"donation", "feeding program", "sponsorship", "for the children"};
    private static final String[] DOMESTIC = {"rent", "utang", "bills", "load", "payment", "share", null, null};
    private static final Channel[] LEGIT_CHANNELS = {Channel.BANK, Channel.ONLINE, Channel.AGENT, Channel.MOBILE_WALLET};
    private static final Channel[] OSEC_CHANNELS = {Channel.ONLINE, Channel.MOBILE_WALLET, Channel.ONLINE, Channel.CARD,
            Channel.AGENT};

    private final GeneratorConfig config;
    private final long seed;

    private Generator(GeneratorConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    /**
     * @param config the configuration ({@link GeneratorConfig#defaults()} for the default mix)
     * @param seed   the seed; the same seed and configuration give the same output
     */
    public static Generator of(GeneratorConfig config, long seed) {
        return new Generator(Objects.requireNonNull(config, "config"), seed);
    }

    /** The configuration. */
    public GeneratorConfig config() {
        return config;
    }

    /**
     * Writes {@code n} transactions in event-time order.
     *
     * @param n        how many, 0 or more
     * @param out      the writer (not closed here)
     * @param progress called with the count written every 65,536 transactions and at the end
     * @return the number written
     * @throws IOException if the writer fails
     */
    public long write(long n, TransactionWriter out, LongConsumer progress) throws IOException {
        try {
            generate(n, tx -> {
                try {
                    out.write(tx);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return n;
    }

    /**
     * Writes {@code n} transactions as JSON lines to {@code out} by the fast path: the same lines
     * as {@link #write(long, TransactionWriter, LongConsumer)} (without the space Jackson puts
     * before every line after the first), faster because each party is rendered once. Closes
     * {@code out}.
     *
     * @param n        how many, 0 or more
     * @param out      the target, buffered internally; closed at the end
     * @param progress called with the count written every 65,536 transactions and at the end
     * @return the number written
     * @throws IOException if the target fails
     */
    public long write(long n, java.io.OutputStream out, LongConsumer progress) throws IOException {
        try (LineWriter w = new LineWriter(out)) {
            generate(n, tx -> {
                try {
                    w.write(tx);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return n;
    }

    /**
     * Generates {@code n} transactions in event-time order and hands each to {@code sink}.
     *
     * @param n        how many, 0 or more
     * @param sink     receives each transaction
     * @param progress called with the count so far every 65,536 transactions and at the end
     */
    public void generate(long n, Consumer<? super Transaction> sink, LongConsumer progress) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, was " + n);
        }
        Objects.requireNonNull(sink, "sink");
        if (n == 0) {
            progress.accept(0);
            return;
        }
        World w = new World(config, seed, n);
        List<Actor> actors = w.actors;
        if (actors.size() >= 1 << SEQ_BITS) {
            throw new IllegalStateException("population of " + actors.size() + " actors exceeds " + (1 << SEQ_BITS));
        }
        // A binary min-heap of primitive keys (next event second << SEQ_BITS | actor number): the
        // same order as comparing (next, seq), without chasing a pointer per comparison.
        long[] heap = new long[actors.size()];
        int size = 0;
        for (Actor a : actors) {
            heap[size] = key(a);
            siftUp(heap, size++);
        }
        for (long i = 0; i < n && size > 0; i++) {
            Actor a = actors.get((int) (heap[0] & SEQ_MASK));
            sink.accept(a.emit(i));
            heap[0] = key(a);
            siftDown(heap, size);
            if ((i & 0xFFFF) == 0xFFFF) {
                progress.accept(i + 1);
            }
        }
        progress.accept(n);
    }

    private static final int SEQ_BITS = 23;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

    private static long key(Actor a) {
        return (a.next << SEQ_BITS) | a.seq;
    }

    private static void siftUp(long[] h, int i) {
        long x = h[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (h[parent] <= x) {
                break;
            }
            h[i] = h[parent];
            i = parent;
        }
        h[i] = x;
    }

    private static void siftDown(long[] h, int size) {
        long x = h[0];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && h[child + 1] < h[child]) {
                child++;
            }
            if (x <= h[child]) {
                break;
            }
            h[i] = h[child];
            i = child;
        }
        h[i] = x;
    }

    // ---------------------------------------------------------------------------------------
    // The population.

    /** Everyone in one run: actors, facilitators, rings, charities; built deterministically. */
    static final class World {
        final GeneratorConfig c;
        final SplittableRandom rng;
        final long startSecond;
        final long endSecond;
        final List<Actor> actors = new ArrayList<>();
        final long idSalt;
        long personSeq;
        long householdSeq;
        long senderSeq;
        long beneficiarySeq;
        Party[] facilitators = new Party[0];
        Party[][] rings = new Party[0][];
        Party[] charities = new Party[0];

        World(GeneratorConfig c, long seed, long n) {
            this.c = c;
            this.rng = new SplittableRandom(seed);
            this.idSalt = rng.nextLong();
            this.startSecond = c.startDate().toEpochDay() * DAY;
            this.endSecond = startSecond + (long) c.days() * DAY;
            build(n);
        }

        private void build(long n) {
            double legitTotal = total(c.legitimate());
            double osecTotal = total(c.osec());
            double perSender = 0;
            for (Map.Entry<String, Scenario> e : c.legitimate().entrySet()) {
                perSender += (1 - c.osecSenderShare()) * e.getValue().share() / legitTotal * expected(e.getKey(), e.getValue());
            }
            if (c.osecSenderShare() > 0) {
                for (Map.Entry<String, Scenario> e : c.osec().entrySet()) {
                    perSender += c.osecSenderShare() * e.getValue().share() / osecTotal * expected(e.getKey(), e.getValue());
                }
            }
            long senders = Math.max(1, Math.round(n / Math.max(perSender, 1e-9)));
            long osecSenders = c.osecSenderShare() > 0 ? Math.max(1, Math.round(senders * c.osecSenderShare())) : 0;
            long legitSenders = Math.max(1, senders - osecSenders);

            charities = new Party[1 + (int) Math.min(40, legitSenders / 4000)];
            for (int i = 0; i < charities.length; i++) {
                charities[i] = charity(i);
            }
            // OSEC counts per scenario first, to size the facilitator pool.
            Map<String, Long> osecCounts = counts(c.osec(), osecTotal, osecSenders);
            long singleDemand = 0;
            for (Map.Entry<String, Long> e : osecCounts.entrySet()) {
                if (!e.getKey().equals(Scenarios.FACILITATOR_RING)) {
                    double payees = e.getKey().equals(Scenarios.FAN_OUT) ? mid(c.osec().get(e.getKey()).payees()) : 1;
                    singleDemand += Math.round(e.getValue() * payees);
                }
            }
            double cpf = c.offenders().customersPerFacilitator();
            facilitators = new Party[(int) Math.max(1, Math.ceil(singleDemand / cpf))];
            for (int i = 0; i < facilitators.length; i++) {
                facilitators[i] = facilitator(null, null, null, rng.split());
            }
            long ringOffenders = osecCounts.getOrDefault(Scenarios.FACILITATOR_RING, 0L);
            rings = new Party[(int) Math.max(1, Math.ceil(ringOffenders / cpf))][];
            for (int i = 0; i < rings.length; i++) {
                rings[i] = ring(rng.split());
            }
            Map<String, Long> legitCounts = counts(c.legitimate(), legitTotal, legitSenders);
            List<Household> households = new ArrayList<>();
            for (String name : Scenarios.LEGITIMATE) {
                Scenario s = c.legitimate().get(name);
                for (long i = legitCounts.getOrDefault(name, 0L); i > 0; i--) {
                    legit(name, s, rng.split(), households);
                }
            }
            for (String name : Scenarios.OSEC) {
                Scenario s = c.osec().get(name);
                for (long i = osecCounts.getOrDefault(name, 0L); i > 0; i--) {
                    offender(name, s, rng.split(), households);
                }
            }
        }

        private static double total(Map<String, Scenario> m) {
            return m.values().stream().mapToDouble(Scenario::share).sum();
        }

        private static Map<String, Long> counts(Map<String, Scenario> m, double total, long n) {
            Map<String, Long> out = new java.util.TreeMap<>();
            if (total <= 0) {
                return out;
            }
            long assigned = 0;
            String largest = null;
            for (Map.Entry<String, Scenario> e : m.entrySet()) {
                long k = Math.round(n * e.getValue().share() / total);
                out.put(e.getKey(), k);
                assigned += k;
                if (largest == null || e.getValue().share() > m.get(largest).share()) {
                    largest = e.getKey();
                }
            }
            out.put(largest, Math.max(0, out.get(largest) + n - assigned));
            return out;
        }

        static double mid(GeneratorConfig.Range r) {
            return (r.min() + r.max()) / 2;
        }

        /** Expected transfers per sender of a scenario over the period (to size the population). */
        private double expected(String name, Scenario s) {
            double months = c.days() / 30.0;
            double rate = mid(s.perMonth());
            switch (name) {
                case Scenarios.BUSINESS_PAYROLL:
                    return rate * months * mid(s.payees());
                case Scenarios.DECEMBER_GIFTS:
                    return rate * months + mid(s.payees()) * Math.min(1, months / 12 * 2);
                case Scenarios.FAMILY_SUPPORT:
                case Scenarios.OTHER_CORRIDOR:
                    return Math.max(1, Math.round(rate)) * months;
                case Scenarios.WEEKLY_SUPPORT:
                    return 30.0 / 7 * months;
                default:
                    break;
            }
            if (Scenarios.OSEC.contains(name)) {
                GeneratorConfig.Offenders o = c.offenders();
                double a = o.activityTailAlpha();
                double cap = o.maxActivityMultiplier();
                double mean = Math.abs(a - 1) < 1e-9 ? 1 + Math.log(cap) : 1 + (Math.pow(cap, 1 - a) - 1) / (1 - a);
                double growth = name.equals(Scenarios.ESCALATION) ? (1 + o.escalationGrowth()) / 2 : 1;
                double family = o.alsoFamilyShare() * 1.5;
                return (rate * mean * growth + family) * months * (1 - o.startWithin() / 2);
            }
            return rate * months;
        }

        // -------------------------------------------------------------------------------------
        // Parties.

        String senderId() {
            return "S-" + hex(senderSeq++);
        }

        String beneficiaryId() {
            return "B-" + hex(beneficiarySeq++ + (1L << 40));
        }

        private String hex(long n) {
            long z = n + idSalt;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            z = z ^ (z >>> 31);
            return Long.toHexString(z >>> 16 | 1L << 47).substring(1).toUpperCase(java.util.Locale.ROOT);
        }

        static String pad10(long v) {
            String d = Long.toString(v);
            return d.length() >= 10 ? d : "0000000000".substring(d.length()) + d;
        }

        static String emailLocal(String name) {
            StringBuilder b = new StringBuilder(name.length());
            boolean dot = false;
            for (int i = 0; i < name.length(); i++) {
                char c = Character.toLowerCase(name.charAt(i));
                if (c >= 'a' && c <= 'z') {
                    b.append(c);
                    dot = false;
                } else if (!dot && b.length() > 0) {
                    b.append('.');
                    dot = true;
                }
            }
            return b.toString();
        }

        Party sender(String country, String name, PartyType type, SplittableRandom r) {
            Geo.Country g = Geo.of(country);
            long p = personSeq++;
            Party.Builder b = Party.builder(senderId(), country).type(type).name(name)
                    .account("AC" + country + pad10(Names.scramble7(p) * 1000 + p % 1000))
                    .phone(Names.intlPhone(g.phonePrefix(), p))
                    .device("d-" + Long.toHexString(r.nextLong() >>> 20));
            if (r.nextDouble() < 0.5) {
                b.email(name == null ? "user" + p + "@example.com"
                        : emailLocal(name) + p % 100 + "@example.com");
            }
            return b.build();
        }

        /** A payee in the Philippines (or another country) at the given address. */
        Party payee(String country, String name, String address, String phone, SplittableRandom r) {
            Party.Builder b = Party.builder(beneficiaryId(), country).name(name).address(address);
            long p = personSeq++;
            String ph = phone != null ? phone
                    : country.equals("PH") ? Names.phMobile(p) : Names.intlPhone(Geo.of(country).phonePrefix(), p);
            if (r.nextDouble() < 0.35 && country.equals("PH")) {
                b.wallet(ph.replace(" ", ""));
            } else {
                b.phone(ph);
            }
            if (r.nextDouble() < 0.3) {
                b.account(country + "-" + pad10(Names.scramble7(p) * 1000 + p % 1000));
            }
            if (r.nextDouble() < 0.3) {
                b.pickupLocation("Agent " + (100 + r.nextInt(900)) + " " + (country.equals("PH")
                        ? Names.pick(Names.PH_CITY, r) : country));
            }
            return b.build();
        }

        String address(String country, SplittableRandom r) {
            long h = householdSeq++;
            return country.equals("PH") ? Names.phAddress(h, r) : Names.streetAddress(h, "City " + country);
        }

        Party facilitator(String address, String phone, String surname, SplittableRandom r) {
            String country = weighted(c.countries().osecDestinations(), r);
            String name = country.equals("PH")
                    ? Names.filipino(surname != null ? surname : Names.pick(Names.PH_SURNAME, r), Names.pick(Names.PH_SURNAME, r), r)
                    : Names.pick(Names.OTHER_GIVEN, r) + " " + Names.pick(Names.OTHER_SURNAME, r);
            return payee(country, name, address != null ? address : address(country, r), phone, r);
        }

        Party[] ring(SplittableRandom r) {
            int size = (int) Math.round(between(c.offenders().ringSize(), r));
            String country = weighted(c.countries().osecDestinations(), r);
            String address = address(country, r);
            long p = personSeq++;
            String phone = country.equals("PH") ? Names.phMobile(p) : Names.intlPhone(Geo.of(country).phonePrefix(), p);
            String surname = Names.pick(Names.PH_SURNAME, r);
            Party[] members = new Party[size];
            for (int i = 0; i < size; i++) {
                boolean sharesPhone = r.nextDouble() < c.offenders().ringSharedIdentifier();
                String s = r.nextDouble() < 0.4 ? surname : null;
                String a = sharesPhone && r.nextBoolean() ? address(country, r) : address;
                Party m = payee(country, country.equals("PH") ? Names.filipino(s != null ? s : Names.pick(Names.PH_SURNAME, r),
                                Names.pick(Names.PH_SURNAME, r), r) : Names.pick(Names.OTHER_GIVEN, r) + " " + Names.pick(Names.OTHER_SURNAME, r),
                        a, sharesPhone ? phone : null, r);
                members[i] = m;
            }
            return members;
        }

        Party charity(int i) {
            SplittableRandom r = rng.split();
            return Party.builder(beneficiaryId(), "PH").type(PartyType.ORGANIZATION)
                    .name(Names.pick(new String[] {"Bahay", "Kalinga", "Pag-asa", "Tahanan", "Liwanag"}, r) + " Foundation " + (i + 1))
                    .account("PH-CHARITY-" + (1000 + i)).address(address("PH", r)).phone(Names.phMobile(personSeq++)).build();
        }

        static double between(GeneratorConfig.Range range, SplittableRandom r) {
            return range.min() + (range.max() - range.min()) * r.nextDouble();
        }

        static String weighted(Map<String, Double> m, SplittableRandom r) {
            double total = 0;
            for (double v : m.values()) {
                total += v;
            }
            double x = r.nextDouble() * total;
            String last = null;
            for (Map.Entry<String, Double> e : m.entrySet()) {
                last = e.getKey();
                x -= e.getValue();
                if (x < 0) {
                    return last;
                }
            }
            return last;
        }

        // -------------------------------------------------------------------------------------
        // Actors.

        private void legit(String name, Scenario s, SplittableRandom r, List<Household> households) {
            switch (name) {
                case Scenarios.FAMILY_SUPPORT, Scenarios.WEEKLY_SUPPORT, Scenarios.DECEMBER_GIFTS -> family(name, s, r,
                        households, weighted(c.countries().diaspora(), r), false);
                case Scenarios.OTHER_CORRIDOR -> {
                    String[] corridor = weighted(c.countries().otherCorridors(), r).split(">");
                    otherFamily(s, r, corridor[0], corridor[1]);
                }
                case Scenarios.TUITION_MEDICAL -> {
                    String country = weighted(c.countries().diaspora(), r);
                    boolean filipino = r.nextDouble() < 0.7;
                    String surname = filipino ? Names.pick(Names.PH_SURNAME, r) : Names.pick(Names.WEST_SURNAME, r);
                    Party sender = sender(country, (filipino ? Names.pick(Names.PH_GIVEN, r) : Names.pick(Names.WEST_GIVEN, r))
                            + " " + surname, PartyType.PERSON, r);
                    int k = count(s.payees(), r);
                    Party[] payees = new Party[k];
                    for (int i = 0; i < k; i++) {
                        boolean org = r.nextDouble() < 0.5;
                        payees[i] = org ? Party.builder(beneficiaryId(), "PH").type(PartyType.ORGANIZATION)
                                .name(Names.pick(new String[] {"St. Mary's Academy", "Holy Cross College", "Our Lady of Fatima Hospital",
                                        "University of San Carlos", "Doctors Hospital", "Colegio de San Juan"}, r) + " " + Names.pick(Names.PH_CITY, r))
                                .account("PH-" + (1_000_000 + personSeq++)).address(address("PH", r)).build()
                                : payee("PH", Names.filipino(r.nextDouble() < s.familyNameShare() ? surname : Names.pick(Names.PH_SURNAME, r),
                                Names.pick(Names.PH_SURNAME, r), r), address("PH", r), null, r);
                    }
                    add(new Actor(this, name, false, sender, payees, s, r, Kind.POISSON, startSecond));
                }
                case Scenarios.BUSINESS_PAYROLL -> {
                    String country = weighted(c.countries().osecOrigins(), r);
                    Party sender = sender(country, Names.pick(new String[] {"Remote Staffing", "Virtual Assist", "Outsource Partners",
                            "Digital Support", "Cloud Talent", "BPO Works"}, r) + " " + Names.pick(Names.WEST_SURNAME, r) + " Ltd",
                            PartyType.BUSINESS, r);
                    int k = count(s.payees(), r);
                    Party[] payees = new Party[k];
                    for (int i = 0; i < k; i++) {
                        payees[i] = payee("PH", Names.filipino(Names.pick(Names.PH_SURNAME, r), Names.pick(Names.PH_SURNAME, r), r),
                                address("PH", r), null, r);
                    }
                    add(new Actor(this, name, false, sender, payees, s, r, Kind.PAYROLL, startSecond));
                }
                case Scenarios.CHARITY_DONATION -> {
                    String country = weighted(c.countries().osecOrigins(), r);
                    Party sender = sender(country, Names.pick(Names.WEST_GIVEN, r) + " " + Names.pick(Names.WEST_SURNAME, r),
                            PartyType.PERSON, r);
                    Party[] payees = {charities[r.nextInt(charities.length)]};
                    add(new Actor(this, name, false, sender, payees, s, r, Kind.POISSON, startSecond));
                }
                case Scenarios.DOMESTIC -> {
                    String country = weighted(c.countries().domestic(), r);
                    boolean ph = country.equals("PH");
                    String surname = ph ? Names.pick(Names.PH_SURNAME, r) : Names.pick(Names.OTHER_SURNAME, r);
                    Party sender = sender(country, (ph ? Names.pick(Names.PH_GIVEN, r) : Names.pick(Names.OTHER_GIVEN, r)) + " " + surname,
                            PartyType.PERSON, r);
                    int k = count(s.payees(), r);
                    Party[] payees = new Party[k];
                    for (int i = 0; i < k; i++) {
                        String sn = r.nextDouble() < s.familyNameShare() ? surname : ph ? Names.pick(Names.PH_SURNAME, r) : Names.pick(Names.OTHER_SURNAME, r);
                        payees[i] = payee(country, ph ? Names.filipino(sn, Names.pick(Names.PH_SURNAME, r), r)
                                : Names.pick(Names.OTHER_GIVEN, r) + " " + sn, address(country, r), null, r);
                    }
                    add(new Actor(this, name, false, sender, payees, s, r, Kind.POISSON, startSecond));
                }
                default -> throw new IllegalStateException(name);
            }
        }

        /** A diaspora family: sender abroad, a household of relatives in the Philippines. */
        private void family(String name, Scenario s, SplittableRandom r, List<Household> households, String country,
                            boolean offenderFamily) {
            Household h = null;
            if (!offenderFamily && !households.isEmpty() && r.nextDouble() < c.households().sharedShare()) {
                Household candidate = households.get(r.nextInt(households.size()));
                if (candidate.senders < c.households().maxSenders()) {
                    h = candidate;
                }
            }
            boolean sharedName = r.nextDouble() < s.familyNameShare();
            if (h == null) {
                String surname = Names.pick(Names.PH_SURNAME, r);
                String mother = Names.pick(Names.PH_SURNAME, r);
                String address = address("PH", r);
                int k = name.equals(Scenarios.WEEKLY_SUPPORT) ? 1 : Math.min(3, count(s.payees(), r));
                if (name.equals(Scenarios.DECEMBER_GIFTS)) {
                    k = 1 + r.nextInt(2);
                }
                Party[] members = new Party[k];
                for (int i = 0; i < k; i++) {
                    // A parent or sibling; siblings carry the mother's maiden name as middle name.
                    String sn = i > 0 && r.nextDouble() < 0.2 ? Names.pick(Names.PH_SURNAME, r) : surname;
                    members[i] = payee("PH", Names.filipino(sn, i == 0 ? Names.pick(Names.PH_SURNAME, r) : mother, r), address, null, r);
                }
                h = new Household(surname, mother, address, members);
                if (!offenderFamily) {
                    households.add(h);
                }
            }
            h.senders++;
            String senderName = sharedName ? Names.filipino(h.surname, h.mother, r)
                    : r.nextBoolean() ? Names.pick(Names.WEST_GIVEN, r) + " " + Names.pick(Names.WEST_SURNAME, r)
                    : Names.filipino(Names.pick(Names.PH_SURNAME, r), Names.pick(Names.PH_SURNAME, r), r);
            Party sender = sender(country, senderName, PartyType.PERSON, r);
            add(familyActor(name, s, r, sender, h));
        }

        private Actor familyActor(String name, Scenario s, SplittableRandom r, Party sender, Household h) {
            Party[] payees = h.members;
            Kind kind = name.equals(Scenarios.WEEKLY_SUPPORT) ? Kind.WEEKLY : Kind.PAYDAY;
            Actor a = new Actor(this, name, false, sender, payees, s, r, kind, startSecond);
            if (name.equals(Scenarios.DECEMBER_GIFTS)) {
                int k = count(s.payees(), r);
                Party[] gifts = new Party[k];
                for (int i = 0; i < k; i++) {
                    // Relatives: cousins, aunts, godchildren; most share the family surname or the mother's.
                    double x = r.nextDouble();
                    String sn = x < 0.5 ? h.surname : x < 0.75 ? h.mother : Names.pick(Names.PH_SURNAME, r);
                    String addr = r.nextDouble() < 0.3 ? h.address : address("PH", r);
                    gifts[i] = payee("PH", Names.filipino(sn, Names.pick(Names.PH_SURNAME, r), r), addr, null, r);
                }
                a.gifts = gifts;
            }
            return a;
        }

        private void otherFamily(Scenario s, SplittableRandom r, String from, String to) {
            String surname = Names.pick(Names.OTHER_SURNAME, r);
            String address = address(to, r);
            int k = count(s.payees(), r);
            Party[] members = new Party[k];
            for (int i = 0; i < k; i++) {
                String sn = r.nextDouble() < s.familyNameShare() ? surname : Names.pick(Names.OTHER_SURNAME, r);
                members[i] = payee(to, Names.pick(Names.OTHER_GIVEN, r) + " " + sn, address, null, r);
            }
            Party sender = sender(from, Names.pick(Names.OTHER_GIVEN, r) + " " + surname, PartyType.PERSON, r);
            add(new Actor(this, Scenarios.OTHER_CORRIDOR, false, sender, members, s, r, Kind.PAYDAY, startSecond));
        }

        private void offender(String name, Scenario s, SplittableRandom r, List<Household> households) {
            String country = weighted(c.countries().osecOrigins(), r);
            boolean filipinoName = r.nextDouble() < 0.1;
            String name0 = filipinoName ? Names.filipino(Names.pick(Names.PH_SURNAME, r), Names.pick(Names.PH_SURNAME, r), r)
                    : Names.pick(Names.WEST_GIVEN, r) + " " + Names.pick(Names.WEST_SURNAME, r);
            Party sender = sender(country, name0, PartyType.PERSON, r);
            Party[] payees;
            switch (name) {
                case Scenarios.FACILITATOR_RING -> payees = rings[r.nextInt(rings.length)];
                case Scenarios.FAN_OUT -> {
                    int k = count(s.payees(), r);
                    payees = new Party[k];
                    for (int i = 0; i < k; i++) {
                        payees[i] = facilitators[r.nextInt(facilitators.length)];
                    }
                }
                default -> payees = new Party[] {facilitators[r.nextInt(facilitators.length)]};
            }
            long start = startSecond + (long) (r.nextDouble() * c.offenders().startWithin() * c.days() * DAY);
            Actor a = new Actor(this, name, true, sender, payees, s, r, Kind.POISSON, start);
            double u = 1 - r.nextDouble();
            a.multiplier = Math.min(c.offenders().maxActivityMultiplier(), Math.pow(u, -1 / c.offenders().activityTailAlpha()));
            a.escalates = name.equals(Scenarios.ESCALATION);
            a.rate *= a.multiplier;
            a.next = a.firstAfter(start);
            add(a);
            if (r.nextDouble() < c.offenders().alsoFamilyShare()) {
                Scenario fam = c.legitimate().get(Scenarios.FAMILY_SUPPORT);
                if (fam != null) {
                    String surname = Names.pick(Names.PH_SURNAME, r);
                    Party[] members = {payee("PH", Names.filipino(surname, Names.pick(Names.PH_SURNAME, r), r), address("PH", r), null, r)};
                    add(new Actor(this, Scenarios.FAMILY_SUPPORT, false, sender, members, fam, r.split(), Kind.PAYDAY, startSecond));
                }
            }
        }

        private void add(Actor a) {
            a.seq = actors.size();
            actors.add(a);
        }

        static int count(GeneratorConfig.Range range, SplittableRandom r) {
            return (int) Math.max(1, Math.round(between(range, r)));
        }
    }

    /** Relatives sharing one address, possibly supported by several senders abroad. */
    static final class Household {
        final String surname;
        final String mother;
        final String address;
        final Party[] members;
        int senders;

        Household(String surname, String mother, String address, Party[] members) {
            this.surname = surname;
            this.mother = mother;
            this.address = address;
            this.members = members;
        }
    }

    enum Kind { PAYDAY, WEEKLY, POISSON, PAYROLL }

    /** One sender's schedule and choices. */
    static final class Actor {
        final World w;
        final String scenario;
        final boolean osec;
        final Label label;
        final Party sender;
        final Party[] payees;
        final Scenario s;
        final SplittableRandom r;
        final Kind kind;
        final Geo.Country country;
        final ZoneOffset offset;
        final long start;
        int seq;
        long next;
        double rate;          // transfers per day (Poisson)
        double multiplier = 1;
        boolean escalates;
        double amountLo;
        double amountHi;
        int paydayA;
        int paydayB;          // 0 when monthly
        Party[] gifts;
        int giftsLeft;
        int burstLeft;        // payroll: payees still to pay in this run
        long lastEmitted;
        int preferred;

        Actor(World w, String scenario, boolean osec, Party sender, Party[] payees, Scenario s, SplittableRandom r,
              Kind kind, long start) {
            this.w = w;
            this.scenario = scenario;
            this.osec = osec;
            this.label = new Label(osec, scenario);
            this.sender = sender;
            this.payees = payees;
            this.s = s;
            this.r = r;
            this.kind = kind;
            this.country = Geo.of(sender.country());
            int[] offs = country.offsetsMinutes();
            this.offset = ZoneOffset.ofTotalSeconds(offs[r.nextInt(offs.length)] * 60);
            this.start = start;
            this.rate = World.between(s.perMonth(), r) / 30.0;
            double lo = s.amountUsd().min();
            double hi = s.amountUsd().max();
            // Each sender has a habitual amount range inside the scenario's range.
            double a = lo + (hi - lo) * r.nextDouble();
            double b = lo + (hi - lo) * r.nextDouble();
            this.amountLo = Math.min(a, b);
            this.amountHi = Math.max(a, b);
            if (amountHi - amountLo < (hi - lo) * 0.2) {
                amountHi = Math.min(hi, amountLo + (hi - lo) * 0.2);
            }
            int perMonth = (int) Math.max(1, Math.round(World.between(s.perMonth(), r)));
            int[] days = {15, 30, 5, 10, 25, 28, 7, 20};
            this.paydayA = perMonth >= 2 ? 15 : days[r.nextInt(days.length)];
            this.paydayB = perMonth >= 2 ? 30 : 0;
            this.preferred = r.nextInt(payees.length);
            this.next = kind == Kind.POISSON ? firstAfter(start) : firstScheduled();
        }

        /** The first Poisson event after {@code from}. */
        long firstAfter(long from) {
            return placeInDay(from + gap());
        }

        private long firstScheduled() {
            LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(w.startSecond, DAY));
            switch (kind) {
                case WEEKLY:
                    return placeInDay(w.startSecond + (long) r.nextInt(7) * DAY);
                case PAYROLL:
                    burstLeft = payees.length;
                    return placeInDay(w.startSecond + (long) r.nextInt(14) * DAY);
                default:
                    return payday(d.withDayOfMonth(1), true);
            }
        }

        /** The next payday on or after the first of {@code month}'s month, with jitter. */
        private long payday(LocalDate month, boolean first) {
            LocalDate m = month.withDayOfMonth(1);
            int day = Math.min(paydayA, m.lengthOfMonth());
            long t = placeDate(m.withDayOfMonth(day).plusDays(jitter()));
            if (first && t < w.startSecond) {
                return payday(m.plusMonths(1), false);
            }
            return t;
        }

        private int jitter() {
            return r.nextInt(5) - 2;
        }

        /** Mean gap of the Poisson schedule at time t, in seconds, exponentially distributed. */
        private long gap() {
            double perDay = rate;
            if (escalates && next > start) {
                double frac = Math.min(1, (next - start) / (double) Math.max(DAY, w.endSecond - start));
                perDay *= 1 + (w.c.offenders().escalationGrowth() - 1) * frac;
            }
            double mean = DAY / Math.max(perDay, 1e-6);
            return (long) Math.max(600, -Math.log(1 - r.nextDouble()) * mean);
        }

        /** Keeps the local day of {@code t} and picks an hour by the scenario's profile. */
        long placeInDay(long t) {
            LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(t + offset.getTotalSeconds(), DAY));
            return placeDate(d);
        }

        long placeDate(LocalDate d) {
            int hour;
            if (r.nextDouble() < s.nightShare()) {
                hour = r.nextInt(5);
            } else if (osec) {
                hour = 17 + r.nextInt(7);           // evenings
            } else {
                hour = 7 + r.nextInt(16);            // 07:00-22:59
            }
            int second = r.nextInt(3600);
            LocalDateTime local = d.atTime(hour, second / 60, second % 60);
            return Math.max(local.toEpochSecond(offset), lastEmitted + 60);
        }

        Transaction emit(long index) {
            long t = next;
            lastEmitted = t;
            Party payee;
            double usdLo = amountLo;
            double usdHi = amountHi;
            String purpose;
            boolean inGiftBurst = giftsLeft > 0;
            if (inGiftBurst) {
                payee = gifts[gifts.length - giftsLeft];
                giftsLeft--;
                usdLo = Math.max(10, amountLo * 0.3);
                usdHi = Math.max(usdLo + 10, amountHi * 0.6);
                purpose = Names.pick(GIFTS, r);
            } else if (kind == Kind.PAYROLL) {
                payee = payees[payees.length - burstLeft];
                burstLeft--;
                purpose = r.nextDouble() < s.coverShare() ? Names.pick(PAYROLL_COVER, r) + " " + (1000 + r.nextInt(9000))
                        : Names.pick(PAYROLL, r);
            } else {
                payee = pickPayee();
                purpose = purpose();
            }
            double usd = usdLo + (usdHi - usdLo) * r.nextDouble();
            if (escalates) {
                double frac = Math.min(1, (t - start) / (double) Math.max(DAY, w.endSecond - start));
                usd *= 1 + (w.c.offenders().escalationGrowth() - 1) * frac;
            }
            Money amount = amount(usd);
            Channel channel = osec ? OSEC_CHANNELS[r.nextInt(OSEC_CHANNELS.length)] : LEGIT_CHANNELS[r.nextInt(LEGIT_CHANNELS.length)];
            OffsetDateTime ts = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(t), offset);
            Transaction tx = new Transaction(txId(index), ts, amount, channel,
                    purpose, sender, payee, label);
            schedule(t, inGiftBurst);
            return tx;
        }

        private static String txId(long index) {
            String d = Long.toString(index);
            if (d.length() >= 9) {
                return "T-" + d;
            }
            return "T-" + "000000000".substring(d.length()) + d;
        }

        private Party pickPayee() {
            if (payees.length == 1) {
                return payees[0];
            }
            if (osec && !scenario.equals(Scenarios.FAN_OUT)) {
                // Ring customers mostly stick to one member, sometimes pay another.
                return r.nextDouble() < 0.6 ? payees[preferred] : payees[r.nextInt(payees.length)];
            }
            if (!osec && r.nextDouble() < 0.7) {
                return payees[0];
            }
            return payees[r.nextInt(payees.length)];
        }

        private String purpose() {
            boolean cover = r.nextDouble() < s.coverShare();
            if (osec) {
                return cover ? Names.pick(COVER, r) : Names.pick(OSEC_PLAIN, r);
            }
            switch (scenario) {
                case Scenarios.TUITION_MEDICAL:
                    return cover ? Names.pick(TUITION, r) : "payment";
                case Scenarios.CHARITY_DONATION:
                    return cover ? "gift" : Names.pick(CHARITY, r);
                case Scenarios.DOMESTIC:
                    return cover ? Names.pick(new String[] {"birthday", "gift", "school fees"}, r) : Names.pick(DOMESTIC, r);
                case Scenarios.WEEKLY_SUPPORT:
                    return cover ? "family support" : Names.pick(WEEKLY, r);
                default:
                    return cover ? Names.pick(new String[] {"family support", "school fees", "medical bills", "birthday"}, r)
                            : Names.pick(FAMILY, r);
            }
        }

        Money amount(double usd) {
            double local = usd / country.usdPerUnit();
            int digits = country.currency().getDefaultFractionDigits();
            long scale = digits == 0 ? 1 : digits == 2 ? 100 : (long) Math.pow(10, digits);
            long minor;
            if (r.nextDouble() < s.roundShare()) {
                double m = country.roundMultiple();
                minor = Math.max(1, Math.round(local / m)) * (long) (m * scale);
            } else {
                minor = Math.max(1, Math.round(local * scale));
                long unit = (long) (country.roundMultiple() * scale);
                if (minor % unit == 0) {
                    minor += 1 + r.nextInt((int) Math.min(unit - 1, 99) + 1);
                }
            }
            return new Money(minor, country.currency());
        }

        private void schedule(long t, boolean inGiftBurst) {
            if (giftsLeft > 0) {
                next = Math.max(t + 60, t + 60 + r.nextInt(2 * 3600));
                return;
            }
            if (kind == Kind.PAYROLL && burstLeft > 0) {
                next = t + 30 + r.nextInt(240);
                return;
            }
            long after;
            switch (kind) {
                case WEEKLY -> after = placeInDay(t + 7L * DAY + (long) (r.nextInt(3) - 1) * DAY);
                case PAYROLL -> {
                    burstLeft = payees.length;
                    int days = rate * 30 >= 3 ? 7 : 14;
                    after = placeInDay(t + (long) days * DAY);
                }
                case POISSON -> after = placeInDay(t + gap());
                default -> {
                    LocalDate local = LocalDate.ofEpochDay(Math.floorDiv(t + offset.getTotalSeconds(), DAY));
                    if (paydayB != 0 && local.getDayOfMonth() < 22) {
                        int day = Math.min(paydayB, local.lengthOfMonth());
                        after = placeDate(local.withDayOfMonth(day).plusDays(jitter()));
                    } else {
                        after = payday(local.plusMonths(local.getDayOfMonth() < 10 && paydayA > 20 ? 0 : 1), false);
                    }
                }
            }
            after = Math.max(after, t + 60);
            if (gifts != null && !inGiftBurst) {
                // December: a burst of gifts to relatives between the 12th and the 23rd.
                LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(t + offset.getTotalSeconds(), DAY));
                LocalDate burst = LocalDate.of(d.getYear(), 12, 12 + (Long.hashCode(sender.id().hashCode()) & 0x7FFFFFFF) % 12);
                long burstAt = placeDate(burst);
                if (burstAt > t && burstAt < after) {
                    giftsLeft = gifts.length;
                    next = burstAt;
                    return;
                }
            }
            next = after;
        }
    }
}
