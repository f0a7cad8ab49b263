package org.osecscreener.tools.synth;

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
import org.osecscreener.tools.synth.GeneratorConfig.Scenario;

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
 * <p>Some schedules are finite (a ring customer's few payments, a shop buyer's one or two, a
 * sextortion victim's burst): an actor whose schedule has ended leaves the queue.
 *
 * <p>Each transaction carries a {@link Label}: {@code osec} true for OSEC scenario transfers,
 * with the scenario's name (see {@link Scenarios}); a sextortion victim's burst is labelled
 * {@code sextortion_victim} with {@code osec} false. Generators are not thread-safe; create one
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
    /** Cover phrases of {@code cover_story} (AUSTRAC, FATF 2025, ACAMS Today). */
    private static final String[] COVER_STORY = {"school fees", "medical bills", "uniform", "accommodation", "tuition",
            "hospital bill"};
    /** What a sextortion victim writes, if anything. */
    private static final String[] VICTIM_REFS = {"ok", "please", "sent", null, null};
    private static final Channel[] VICTIM_CHANNELS = {Channel.MOBILE_WALLET, Channel.ONLINE};
    private static final Channel[] SHOP_CHANNELS = {Channel.ONLINE, Channel.CARD, Channel.MOBILE_WALLET, Channel.ONLINE};
    /** Event time of an actor whose schedule has ended (beyond any period, still a valid heap key). */
    static final long NEVER = 1L << 39;

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
     * @return the number written: {@code n}, fewer only if every sender's schedule ended first (a
     *         configuration of finite scenarios alone, such as {@code online_shop})
     * @throws IOException if the writer fails
     */
    public long write(long n, TransactionWriter out, LongConsumer progress) throws IOException {
        try {
            return generate(n, tx -> {
                try {
                    out.write(tx);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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
     * @return the number written (as {@link #write(long, TransactionWriter, LongConsumer)})
     * @throws IOException if the target fails
     */
    public long write(long n, java.io.OutputStream out, LongConsumer progress) throws IOException {
        try (LineWriter w = new LineWriter(out)) {
            return generate(n, tx -> {
                try {
                    w.write(tx);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Generates {@code n} transactions in event-time order and hands each to {@code sink}.
     *
     * @param n        how many, 0 or more
     * @param sink     receives each transaction
     * @param progress called with the count so far every 65,536 transactions and at the end
     * @return the number generated: {@code n}, fewer only if every sender's schedule ended first
     */
    public long generate(long n, Consumer<? super Transaction> sink, LongConsumer progress) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, was " + n);
        }
        Objects.requireNonNull(sink, "sink");
        if (n == 0) {
            progress.accept(0);
            return 0;
        }
        return run(new World(config, seed, n), n, sink, progress);
    }

    /** Merges the actors of {@code w} into one stream of at most {@code n} transactions. */
    static long run(World w, long n, Consumer<? super Transaction> sink, LongConsumer progress) {
        List<Actor> actors = w.actors;
        if (actors.size() >= 1 << SEQ_BITS) {
            throw new IllegalStateException("population of " + actors.size() + " actors exceeds " + (1 << SEQ_BITS));
        }
        // A binary min-heap of primitive keys (next event second << SEQ_BITS | actor number): the
        // same order as comparing (next, seq), without chasing a pointer per comparison.
        long[] heap = new long[actors.size()];
        int size = 0;
        for (Actor a : actors) {
            if (a.next < NEVER) {
                heap[size] = key(a);
                siftUp(heap, size++);
            }
        }
        long i = 0;
        for (; i < n && size > 0; i++) {
            Actor a = actors.get((int) (heap[0] & SEQ_MASK));
            sink.accept(a.emit(i));
            if (a.next >= NEVER) {
                // A finite schedule (ring customer, shop buyer, burst) has ended: drop the actor.
                heap[0] = heap[--size];
            } else {
                heap[0] = key(a);
            }
            if (size > 0) {
                siftDown(heap, size);
            }
            if ((i & 0xFFFF) == 0xFFFF) {
                progress.accept(i + 1);
            }
        }
        progress.accept(i);
        return i;
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
        /** The online shop buyers are currently assigned to, and how many more buyers it takes. */
        Party shop;
        long shopBuyersLeft;
        int shopSeq;

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
            double victimTotal = total(c.victims());
            double legitShare = 1 - c.osecSenderShare() - c.victimSenderShare();
            double perSender = 0;
            for (Map.Entry<String, Scenario> e : c.legitimate().entrySet()) {
                perSender += legitShare * e.getValue().share() / legitTotal * expected(e.getKey(), e.getValue());
            }
            if (c.osecSenderShare() > 0) {
                for (Map.Entry<String, Scenario> e : c.osec().entrySet()) {
                    perSender += c.osecSenderShare() * e.getValue().share() / osecTotal * expected(e.getKey(), e.getValue());
                }
            }
            if (c.victimSenderShare() > 0) {
                for (Map.Entry<String, Scenario> e : c.victims().entrySet()) {
                    perSender += c.victimSenderShare() * e.getValue().share() / victimTotal * expected(e.getKey(), e.getValue());
                }
            }
            long senders = Math.max(1, Math.round(n / Math.max(perSender, 1e-9)));
            long osecSenders = c.osecSenderShare() > 0 ? Math.max(1, Math.round(senders * c.osecSenderShare())) : 0;
            long victimSenders = c.victimSenderShare() > 0 ? Math.max(1, Math.round(senders * c.victimSenderShare())) : 0;
            long legitSenders = Math.max(1, senders - osecSenders - victimSenders);

            charities = new Party[1 + (int) Math.min(40, legitSenders / 4000)];
            for (int i = 0; i < charities.length; i++) {
                charities[i] = charity(i);
            }
            // OSEC counts per scenario first, to size the facilitator pool.
            Map<String, Long> osecCounts = counts(c.osec(), osecTotal, osecSenders);
            long singleDemand = 0;
            for (Map.Entry<String, Long> e : osecCounts.entrySet()) {
                if (!e.getKey().equals(Scenarios.FACILITATOR_RING) && !e.getKey().equals(Scenarios.RING_CUSTOMER)) {
                    double payees = e.getKey().equals(Scenarios.FAN_OUT) ? mid(c.osec().get(e.getKey()).payees()) : 1;
                    singleDemand += Math.round(e.getValue() * payees);
                }
            }
            double cpf = c.offenders().customersPerFacilitator();
            facilitators = new Party[(int) Math.max(1, Math.ceil(singleDemand / cpf))];
            for (int i = 0; i < facilitators.length; i++) {
                facilitators[i] = facilitator(null, null, null, rng.split());
            }
            // Rings are paid by facilitator_ring offenders and by the (many more) ring customers.
            long ringOffenders = osecCounts.getOrDefault(Scenarios.FACILITATOR_RING, 0L)
                    + osecCounts.getOrDefault(Scenarios.RING_CUSTOMER, 0L);
            rings = new Party[(int) Math.max(1, Math.ceil(ringOffenders / c.offenders().customersPerRing()))][];
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
            Map<String, Long> victimCounts = counts(c.victims(), victimTotal, victimSenders);
            for (String name : Scenarios.VICTIMS) {
                Scenario s = c.victims().get(name);
                for (long i = victimCounts.getOrDefault(name, 0L); i > 0; i--) {
                    victim(s, rng.split());
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

        /** The mean of a count distribution given as weights. */
        static double meanCount(Map<Integer, Double> weights) {
            double sum = 0;
            double total = 0;
            for (Map.Entry<Integer, Double> e : weights.entrySet()) {
                sum += e.getKey() * e.getValue();
                total += e.getValue();
            }
            return sum / total;
        }

        /** A count drawn from weights (iterated in key order). */
        static int weightedCount(Map<Integer, Double> weights, SplittableRandom r) {
            double total = 0;
            for (double v : weights.values()) {
                total += v;
            }
            double x = r.nextDouble() * total;
            int last = 1;
            for (Map.Entry<Integer, Double> e : weights.entrySet()) {
                last = e.getKey();
                x -= e.getValue();
                if (x < 0) {
                    return last;
                }
            }
            return last;
        }

        /** A whole number of days uniform in the range's whole days. */
        static int wholeDays(GeneratorConfig.Range range, SplittableRandom r) {
            int lo = (int) Math.ceil(range.min());
            int hi = (int) Math.floor(range.max());
            return lo + r.nextInt(hi - lo + 1);
        }

        /** Share of night-shift senders whose rate (uniform in {@code perMonth}) makes them weekly (3 or more a month). */
        static double weeklyShare(GeneratorConfig.Range perMonth) {
            if (perMonth.max() <= perMonth.min()) {
                return perMonth.min() >= 3 ? 1 : 0;
            }
            return Math.max(0, Math.min(1, (perMonth.max() - 3) / (perMonth.max() - perMonth.min())));
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
                case Scenarios.NIGHT_SHIFT: {
                    double weekly = weeklyShare(s.perMonth());
                    return (weekly * 30.0 / 7 + (1 - weekly) * 2) * months;
                }
                case Scenarios.ONLINE_SHOP:
                    return 1 + c.patterns().onlineShop().twiceShare();
                case Scenarios.SEXTORTION_VICTIM:
                    return rate * months + meanCount(c.patterns().sextortionVictim().payments());
                default:
                    break;
            }
            double familyTx = c.offenders().alsoFamilyShare() * 1.5 * months;
            switch (name) {
                case Scenarios.RING_CUSTOMER:
                    return meanCount(c.patterns().ringCustomer().payments()) + familyTx;
                case Scenarios.COVER_STORY:
                    return rate * months * (1 - c.offenders().startWithin() / 2) + familyTx;
                case Scenarios.LOW_AND_SLOW: {
                    // Active days, cut by the period's end: the start is uniform in [0, startWithin * days).
                    GeneratorConfig.LowAndSlow p = c.patterns().lowAndSlow();
                    double activeDays = 0;
                    for (int i = 0; i < 100; i++) {
                        double startDay = (i + 0.5) / 100 * c.offenders().startWithin() * c.days();
                        activeDays += Math.min(mid(p.activeMonths()) * 30, c.days() - startDay) / 100;
                    }
                    return 1 + activeDays / mid(p.intervalDays()) + familyTx;
                }
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
            if (g.beneficiaryOnly()) {
                // The configuration rejects this; a transfer in NGN or XOF could not be screened.
                throw new IllegalStateException("country " + country + " may only receive, never send");
            }
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
            String ph = phone != null ? phone : mobile(country, p);
            // E-wallets: GCash and Maya in the Philippines, Orange/MTN/Moov Money in Côte d'Ivoire.
            if (r.nextDouble() < 0.35 && (country.equals("PH") || country.equals("CI"))) {
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
            return switch (country) {
                case "PH" -> Names.phAddress(h, r);
                case "NG", "CI" -> Names.westAfricaAddress(country, h);
                default -> Names.streetAddress(h, "City " + country);
            };
        }

        /** A unique mobile number for person {@code p}, in the local style where the generator has one. */
        static String mobile(String country, long p) {
            return switch (country) {
                case "PH" -> Names.phMobile(p);
                case "NG" -> Names.ngMobile(p);
                case "CI" -> Names.ciMobile(p);
                default -> Names.intlPhone(Geo.of(country).phonePrefix(), p);
            };
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
            String phone = mobile(country, p);
            String surname = Names.pick(Names.PH_SURNAME, r);
            Party[] members = new Party[size];
            boolean[] sharesPhone = new boolean[size];
            for (int i = 0; i < size; i++) {
                sharesPhone[i] = r.nextDouble() < c.offenders().ringSharedIdentifier();
            }
            int firstSharer = -1;
            for (int i = 0; i < size && firstSharer < 0; i++) {
                firstSharer = sharesPhone[i] ? i : -1;
            }
            for (int i = 0; i < size; i++) {
                String s = r.nextDouble() < 0.4 ? surname : null;
                // A member with the ring's phone may live elsewhere, except the first one, who stays
                // at the ring's address with every member without the phone: so every member shares
                // the phone or the address with another member.
                String a = sharesPhone[i] && i != firstSharer && r.nextBoolean() ? address(country, r) : address;
                Party m = payee(country, country.equals("PH") ? Names.filipino(s != null ? s : Names.pick(Names.PH_SURNAME, r),
                                Names.pick(Names.PH_SURNAME, r), r) : Names.pick(Names.OTHER_GIVEN, r) + " " + Names.pick(Names.OTHER_SURNAME, r),
                        a, sharesPhone[i] ? phone : null, r);
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
                case Scenarios.FAMILY_SUPPORT, Scenarios.WEEKLY_SUPPORT, Scenarios.DECEMBER_GIFTS, Scenarios.NIGHT_SHIFT ->
                        family(name, s, r, households, weighted(c.countries().diaspora(), r), false);
                case Scenarios.ONLINE_SHOP -> shopBuyer(s, r);
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
            if (name.equals(Scenarios.NIGHT_SHIFT)) {
                // Weekly when the sender's own rate is 3 a month or more, else twice a month on paydays.
                kind = between(s.perMonth(), r) >= 3 ? Kind.WEEKLY : Kind.PAYDAY;
            }
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

        /**
         * A foreign buyer of a small Philippine online shop: one purchase, or two within a few days.
         * Buyers are assigned to shops in order, each shop taking {@code buyersPerShop} of them.
         */
        private void shopBuyer(Scenario s, SplittableRandom r) {
            GeneratorConfig.OnlineShop p = c.patterns().onlineShop();
            if (shopBuyersLeft <= 0) {
                shop = shop(r);
                shopBuyersLeft = count(p.buyersPerShop(), r);
            }
            shopBuyersLeft--;
            String country = weighted(c.countries().shopBuyers(), r);
            String name = r.nextDouble() < 0.6 ? Names.pick(Names.WEST_GIVEN, r) + " " + Names.pick(Names.WEST_SURNAME, r)
                    : Names.filipino(Names.pick(Names.PH_SURNAME, r), Names.pick(Names.PH_SURNAME, r), r);
            Party sender = sender(country, name, PartyType.PERSON, r);
            long start = startSecond + (long) (r.nextDouble() * c.days() * DAY);
            Actor a = new Actor(this, Scenarios.ONLINE_SHOP, false, sender, new Party[] {shop}, s, r, Kind.COUNTED, start);
            a.left = r.nextDouble() < p.twiceShare() ? 2 : 1;
            a.gapDays = p.secondWithinDays();
            add(a);
        }

        /** A small online seller in the Philippines: a person, or now and then a registered business. */
        private Party shop(SplittableRandom r) {
            int i = shopSeq++;
            String surname = Names.pick(Names.PH_SURNAME, r);
            if (r.nextDouble() < c.patterns().onlineShop().businessShare()) {
                return Party.builder(beneficiaryId(), "PH").type(PartyType.BUSINESS)
                        .name(surname + " " + Names.pick(new String[] {"Trading", "Online Shop", "Enterprises", "Crafts",
                                "General Merchandise", "Store"}, r))
                        .account("PH-SHOP-" + (10_000 + i)).address(address("PH", r)).phone(Names.phMobile(personSeq++)).build();
            }
            return payee("PH", Names.filipino(surname, Names.pick(Names.PH_SURNAME, r), r), address("PH", r), null, r);
        }

        /**
         * A sextortion victim (FATF 2025, FinCEN FIN-2025-NTC2): ordinary domestic transfers for the
         * whole period, and once a burst of payments to a new recipient abroad.
         */
        private void victim(Scenario s, SplittableRandom r) {
            GeneratorConfig.SextortionBurst p = c.patterns().sextortionVictim();
            String country = weighted(c.countries().sextortionVictims(), r);
            String surname = Names.pick(Names.WEST_SURNAME, r);
            Party sender = sender(country, Names.pick(Names.WEST_GIVEN, r) + " " + surname, PartyType.PERSON, r);
            int k = count(s.payees(), r);
            Party[] domestic = new Party[k];
            for (int i = 0; i < k; i++) {
                String sn = r.nextDouble() < s.familyNameShare() ? surname : Names.pick(Names.WEST_SURNAME, r);
                domestic[i] = payee(country, Names.pick(Names.WEST_GIVEN, r) + " " + sn, address(country, r), null, r);
            }
            add(new Actor(this, Scenarios.DOMESTIC, false, sender, domestic, s, r.split(), Kind.POISSON, startSecond));

            Party recipient = sextortionRecipient(sender.name(), r);
            // At one random time between 10% and 90% of the period, so that there is ordinary
            // history before the burst and silence after it.
            long day = startSecond + (long) ((0.1 + 0.8 * r.nextDouble()) * c.days() * DAY);
            Actor a = new Actor(this, Scenarios.SEXTORTION_VICTIM, false, sender, new Party[] {recipient}, s, r, Kind.BURST, day);
            a.burst(p);
            add(a);
        }

        /** A new recipient of sextortion payments: a person abroad who shares no name with the victim. */
        private Party sextortionRecipient(String victimName, SplittableRandom r) {
            String country = weighted(c.countries().sextortionRecipients(), r);
            String name;
            do {
                name = switch (country) {
                    case "NG" -> Names.pick(Names.NG_GIVEN, r) + " " + Names.pick(Names.NG_SURNAME, r);
                    case "CI" -> Names.pick(Names.CI_GIVEN, r) + " " + Names.pick(Names.CI_SURNAME, r);
                    case "GH" -> Names.pick(Names.GH_GIVEN, r) + " " + Names.pick(Names.GH_SURNAME, r);
                    case "PH" -> Names.filipino(Names.pick(Names.PH_SURNAME, r), Names.pick(Names.PH_SURNAME, r), r);
                    default -> Names.pick(Names.OTHER_GIVEN, r) + " " + Names.pick(Names.OTHER_SURNAME, r);
                };
            } while (sharesAName(victimName, name));
            return payee(country, name, address(country, r), null, r);
        }

        /** Whether two names share any word (a surname, a middle name, or a given name). */
        static boolean sharesAName(String a, String b) {
            if (a == null || b == null) {
                return false;
            }
            for (String x : a.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
                if (x.length() < 2) {
                    continue;
                }
                for (String y : b.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
                    if (x.equals(y)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * A facilitator from the shared pool who shares no name with the sender (an unrelated payee);
         * a new facilitator if 20 picks all shared one. Addresses are never shared: senders have none.
         */
        private Party unrelatedFacilitator(String senderName, SplittableRandom r) {
            for (int i = 0; i < 20; i++) {
                Party f = facilitators[r.nextInt(facilitators.length)];
                if (!sharesAName(senderName, f.name())) {
                    return f;
                }
            }
            Party f;
            do {
                f = facilitator(null, null, null, r);
            } while (sharesAName(senderName, f.name()));
            return f;
        }

        private void offender(String name, Scenario s, SplittableRandom r, List<Household> households) {
            String country = weighted(c.countries().osecOrigins(), r);
            boolean filipinoName = r.nextDouble() < 0.1;
            String name0 = filipinoName ? Names.filipino(Names.pick(Names.PH_SURNAME, r), Names.pick(Names.PH_SURNAME, r), r)
                    : Names.pick(Names.WEST_GIVEN, r) + " " + Names.pick(Names.WEST_SURNAME, r);
            Party sender = sender(country, name0, PartyType.PERSON, r);
            Party[] payees;
            switch (name) {
                case Scenarios.FACILITATOR_RING, Scenarios.RING_CUSTOMER -> payees = rings[r.nextInt(rings.length)];
                case Scenarios.LOW_AND_SLOW, Scenarios.COVER_STORY -> payees = new Party[] {unrelatedFacilitator(name0, r)};
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
            Actor a;
            switch (name) {
                case Scenarios.RING_CUSTOMER -> {
                    // A few payments in all (AIC 2020), spaced by whole-day gaps; no heavy-tailed rate.
                    a = new Actor(this, name, true, sender, payees, s, r, Kind.COUNTED, start);
                    a.left = weightedCount(c.patterns().ringCustomer().payments(), r);
                    a.gapDays = c.patterns().ringCustomer().gapDays();
                }
                case Scenarios.LOW_AND_SLOW -> {
                    // A steady trickle at intervals under 20 days, for a few months (AIC 2021).
                    a = new Actor(this, name, true, sender, payees, s, r, Kind.INTERVAL, start);
                    a.gapDays = c.patterns().lowAndSlow().intervalDays();
                    a.until = start + (long) (between(c.patterns().lowAndSlow().activeMonths(), r) * 30 * DAY);
                    a.roundDown = true;   // "under about A$55": rounding never lifts an amount over the range
                }
                case Scenarios.COVER_STORY -> {
                    // Poisson at the scenario's own rate; each sender its own share of round amounts.
                    a = new Actor(this, name, true, sender, payees, s, r, Kind.POISSON, start);
                    a.roundShare = Math.max(0, Math.min(1, s.roundShare() - 0.1 + 0.2 * r.nextDouble()));
                }
                default -> {
                    a = new Actor(this, name, true, sender, payees, s, r, Kind.POISSON, start);
                    double u = 1 - r.nextDouble();
                    a.multiplier = Math.min(c.offenders().maxActivityMultiplier(), Math.pow(u, -1 / c.offenders().activityTailAlpha()));
                    a.escalates = name.equals(Scenarios.ESCALATION);
                    a.rate *= a.multiplier;
                    a.next = a.firstAfter(start);
                }
            }
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

    /**
     * How an actor's transfers are scheduled: around paydays, weekly, Poisson, payroll runs; or
     * finite: {@code COUNTED} ({@code left} transfers spaced by whole-day gaps), {@code INTERVAL}
     * (whole-day intervals until {@code until}), {@code BURST} (precomputed times).
     */
    enum Kind { PAYDAY, WEEKLY, POISSON, PAYROLL, COUNTED, INTERVAL, BURST }

    /** Which hours of the local day an actor's transfers fall in. */
    enum Hours {
        /** 07:00-22:59, {@code nightShare} 00:00-04:59. */
        DAY,
        /** 17:00-23:59, {@code nightShare} 00:00-04:59. */
        EVENING,
        /** 21:00-23:59 ({@code lateShare}), {@code nightShare} after midnight the same evening, else 18:00-20:59. */
        LATE_EVENING,
        /** 08:00-19:59 (shops' buyers). */
        DAYTIME,
        /** Any hour, {@code lateShare} of them 21:00-04:59. */
        ANY
    }

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
        final Hours hours;
        final Channel[] channels;
        double roundShare;
        boolean roundDown;                // round amounts never above the drawn amount (a hard ceiling)
        int left;                         // COUNTED: transfers still to make
        GeneratorConfig.Range gapDays;    // COUNTED, INTERVAL: whole days between transfers
        long until = Long.MAX_VALUE;      // INTERVAL: no transfer after this
        long[] burstAt;                   // BURST: event times
        double[] burstUsd;                // BURST: amounts in USD
        int burstNext;

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
            this.hours = switch (scenario) {
                case Scenarios.LOW_AND_SLOW -> Hours.LATE_EVENING;
                case Scenarios.ONLINE_SHOP -> Hours.DAYTIME;
                case Scenarios.SEXTORTION_VICTIM -> Hours.ANY;
                default -> osec ? Hours.EVENING : Hours.DAY;
            };
            this.channels = switch (scenario) {
                case Scenarios.ONLINE_SHOP -> SHOP_CHANNELS;
                case Scenarios.SEXTORTION_VICTIM -> VICTIM_CHANNELS;
                default -> osec ? OSEC_CHANNELS : LEGIT_CHANNELS;
            };
            this.roundShare = s.roundShare();
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
            this.next = switch (kind) {
                case POISSON -> firstAfter(start);
                case COUNTED, INTERVAL, BURST -> placeInDay(start);
                default -> firstScheduled();
            };
        }

        /**
         * Lays out a sextortion burst from {@link #next} (already placed on its day): the number of
         * payments, their times spread over the burst's span, and amounts that grow step by step
         * within the cap.
         */
        void burst(GeneratorConfig.SextortionBurst p) {
            int k = World.weightedCount(p.payments(), r);
            long span = (long) (World.between(p.hours(), r) * 3600);
            burstAt = new long[k];
            burstAt[0] = next;
            if (k > 1) {
                double[] at = new double[k - 2];
                for (int i = 0; i < at.length; i++) {
                    at[i] = r.nextDouble();
                }
                java.util.Arrays.sort(at);
                for (int i = 1; i < k - 1; i++) {
                    burstAt[i] = next + (long) (at[i - 1] * span);
                }
                burstAt[k - 1] = next + span;
                for (int i = 1; i < k; i++) {
                    burstAt[i] = Math.max(burstAt[i], burstAt[i - 1] + 60);
                }
            }
            double first = World.between(p.firstUsd(), r);
            double[] steps = new double[k];
            for (int i = 1; i < k; i++) {
                steps[i] = World.between(p.stepFactor(), r);
            }
            burstUsd = burstAmounts(first, steps, p.capUsd());
            burstNext = 0;
        }

        /**
         * Amounts {@code first, first*steps[1], ...} kept at or under {@code cap} in all: if they
         * exceed it, every step is flattened toward 1 by the same fraction (bisection); if even flat
         * steps exceed it, the first payment is lowered to an equal share of the cap.
         */
        static double[] burstAmounts(double first, double[] steps, double cap) {
            int k = steps.length;
            double[] usd = new double[k];
            double lo = 0;
            double hi = 1;
            if (total(first, steps, 1) > cap) {
                if (first * k > cap) {
                    first = cap / k;
                    hi = 0;
                } else {
                    for (int i = 0; i < 50; i++) {
                        double f = (lo + hi) / 2;
                        if (total(first, steps, f) > cap) {
                            hi = f;
                        } else {
                            lo = f;
                        }
                    }
                    hi = lo;
                }
            }
            double x = first;
            for (int i = 0; i < k; i++) {
                if (i > 0) {
                    x *= 1 + (steps[i] - 1) * hi;
                }
                usd[i] = x;
            }
            return usd;
        }

        private static double total(double first, double[] steps, double f) {
            double x = first;
            double sum = first;
            for (int i = 1; i < steps.length; i++) {
                x *= 1 + (steps[i] - 1) * f;
                sum += x;
            }
            return sum;
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
            return placeDate(localDate(t));
        }

        LocalDate localDate(long t) {
            return LocalDate.ofEpochDay(Math.floorDiv(t + offset.getTotalSeconds(), DAY));
        }

        long placeDate(LocalDate d) {
            int hour;
            switch (hours) {
                case LATE_EVENING -> {
                    double x = r.nextDouble();
                    if (x < w.c.patterns().lowAndSlow().lateShare()) {
                        hour = 21 + r.nextInt(3);
                    } else if (x < w.c.patterns().lowAndSlow().lateShare() + s.nightShare()) {
                        hour = 24 + r.nextInt(5);   // after midnight, the same evening
                    } else {
                        hour = 18 + r.nextInt(3);
                    }
                }
                case DAYTIME -> hour = 8 + r.nextInt(12);
                case ANY -> hour = r.nextDouble() < w.c.patterns().sextortionVictim().lateShare()
                        ? (21 + r.nextInt(8)) % 24 : 5 + r.nextInt(16);
                default -> {
                    if (r.nextDouble() < s.nightShare()) {
                        hour = r.nextInt(5);
                    } else if (hours == Hours.EVENING) {
                        hour = 17 + r.nextInt(7);           // evenings
                    } else {
                        hour = 7 + r.nextInt(16);            // 07:00-22:59
                    }
                }
            }
            int second = r.nextInt(3600);
            LocalDateTime local = (hour >= 24 ? d.plusDays(1) : d).atTime(hour % 24, second / 60, second % 60);
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
            if (kind == Kind.BURST) {
                usd = burstUsd[burstNext];
            }
            if (escalates) {
                double frac = Math.min(1, (t - start) / (double) Math.max(DAY, w.endSecond - start));
                usd *= 1 + (w.c.offenders().escalationGrowth() - 1) * frac;
            }
            Money amount = amount(usd);
            Channel channel = channels[r.nextInt(channels.length)];
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
                if (scenario.equals(Scenarios.COVER_STORY)) {
                    return cover ? Names.pick(COVER_STORY, r) : Names.pick(OSEC_PLAIN, r);
                }
                return cover ? Names.pick(COVER, r) : Names.pick(OSEC_PLAIN, r);
            }
            switch (scenario) {
                case Scenarios.SEXTORTION_VICTIM:
                    return Names.pick(VICTIM_REFS, r);
                case Scenarios.ONLINE_SHOP: {
                    String order = switch (r.nextInt(4)) {
                        case 0 -> "order #" + (10_000 + r.nextInt(90_000));
                        case 1 -> "inv " + (1_000 + r.nextInt(9_000));
                        case 2 -> "item " + (100 + r.nextInt(900)) + " + shipping";
                        default -> "order " + (100_000 + r.nextInt(900_000));
                    };
                    return cover ? order + " gift" : order;
                }
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
            if (r.nextDouble() < roundShare) {
                double m = country.roundMultiple();
                minor = Math.max(1, roundDown ? (long) Math.floor(local / m) : Math.round(local / m)) * (long) (m * scale);
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
            switch (kind) {
                case COUNTED -> {
                    if (--left <= 0) {
                        next = NEVER;
                    } else {
                        next = Math.max(placeDate(localDate(t).plusDays(World.wholeDays(gapDays, r))), t + 60);
                    }
                    return;
                }
                case INTERVAL -> {
                    // Whole days from this payment's evening (a payment after midnight belongs to the evening before).
                    LocalDateTime local = LocalDateTime.ofEpochSecond(t, 0, offset);
                    LocalDate evening = local.getHour() < 5 ? local.toLocalDate().minusDays(1) : local.toLocalDate();
                    long after = Math.max(placeDate(evening.plusDays(World.wholeDays(gapDays, r))), t + 60);
                    next = after > until ? NEVER : after;
                    return;
                }
                case BURST -> {
                    burstNext++;
                    next = burstNext < burstAt.length ? burstAt[burstNext] : NEVER;
                    return;
                }
                default -> {
                }
            }
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
