package org.osecscreener.tools.synth;

import static org.osecscreener.tools.synth.Generator.DAY;
import static org.osecscreener.tools.synth.Parties.between;
import static org.osecscreener.tools.synth.Parties.weighted;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.tools.synth.Actor.Kind;
import org.osecscreener.tools.synth.GeneratorConfig.Scenario;

/**
 * Everyone in one run: actors, facilitators, rings, charities; built deterministically. The
 * population is sized here from the configuration and the number of transactions asked for, and
 * each scenario's senders are built here as {@link Actor}s; the parties themselves (ids, names,
 * identifiers, addresses) are made by {@link Parties}.
 */
final class World {
    final GeneratorConfig c;
    final SplittableRandom rng;
    final long startSecond;
    final long endSecond;
    final List<Actor> actors = new ArrayList<>();
    /** Ids, senders, payees, addresses: every party of the run is made here. */
    final Parties parties;
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
        this.parties = new Parties(c, rng, rng.nextLong());
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
            charities[i] = parties.charity(i);
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
            facilitators[i] = parties.facilitator(null, null, null, rng.split());
        }
        // Rings are paid by facilitator_ring offenders and by the (many more) ring customers.
        long ringOffenders = osecCounts.getOrDefault(Scenarios.FACILITATOR_RING, 0L)
                + osecCounts.getOrDefault(Scenarios.RING_CUSTOMER, 0L);
        rings = new Party[(int) Math.max(1, Math.ceil(ringOffenders / c.offenders().customersPerRing()))][];
        for (int i = 0; i < rings.length; i++) {
            rings[i] = parties.ring(rng.split());
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
                Party sender = parties.sender(country, (filipino ? Names.pick(Names.PH_GIVEN, r) : Names.pick(Names.WEST_GIVEN, r))
                        + " " + surname, PartyType.PERSON, r);
                int k = count(s.payees(), r);
                Party[] payees = new Party[k];
                for (int i = 0; i < k; i++) {
                    boolean org = r.nextDouble() < 0.5;
                    payees[i] = org ? Party.builder(parties.beneficiaryId(), "PH").type(PartyType.ORGANIZATION)
                            .name(Names.pick(new String[] {"St. Mary's Academy", "Holy Cross College", "Our Lady of Fatima Hospital",
                                    "University of San Carlos", "Doctors Hospital", "Colegio de San Juan"}, r) + " " + Names.pick(Names.PH_CITY, r))
                            .account("PH-" + (1_000_000 + parties.personSeq++)).address(parties.address("PH", r)).build()
                            : parties.payee("PH", Names.filipino(r.nextDouble() < s.familyNameShare() ? surname : Names.pick(Names.PH_SURNAME, r),
                            Names.pick(Names.PH_SURNAME, r), r), parties.address("PH", r), null, r);
                }
                add(new Actor(this, name, false, sender, payees, s, r, Kind.POISSON, startSecond));
            }
            case Scenarios.BUSINESS_PAYROLL -> {
                String country = weighted(c.countries().osecOrigins(), r);
                Party sender = parties.sender(country, Names.pick(new String[] {"Remote Staffing", "Virtual Assist", "Outsource Partners",
                        "Digital Support", "Cloud Talent", "BPO Works"}, r) + " " + Names.pick(Names.WEST_SURNAME, r) + " Ltd",
                        PartyType.BUSINESS, r);
                int k = count(s.payees(), r);
                Party[] payees = new Party[k];
                for (int i = 0; i < k; i++) {
                    payees[i] = parties.payee("PH", Names.filipino(Names.pick(Names.PH_SURNAME, r), Names.pick(Names.PH_SURNAME, r), r),
                            parties.address("PH", r), null, r);
                }
                add(new Actor(this, name, false, sender, payees, s, r, Kind.PAYROLL, startSecond));
            }
            case Scenarios.CHARITY_DONATION -> {
                String country = weighted(c.countries().osecOrigins(), r);
                Party sender = parties.sender(country, Names.pick(Names.WEST_GIVEN, r) + " " + Names.pick(Names.WEST_SURNAME, r),
                        PartyType.PERSON, r);
                Party[] payees = {charities[r.nextInt(charities.length)]};
                add(new Actor(this, name, false, sender, payees, s, r, Kind.POISSON, startSecond));
            }
            case Scenarios.DOMESTIC -> {
                String country = weighted(c.countries().domestic(), r);
                boolean ph = country.equals("PH");
                String surname = ph ? Names.pick(Names.PH_SURNAME, r) : Names.pick(Names.OTHER_SURNAME, r);
                Party sender = parties.sender(country, (ph ? Names.pick(Names.PH_GIVEN, r) : Names.pick(Names.OTHER_GIVEN, r)) + " " + surname,
                        PartyType.PERSON, r);
                int k = count(s.payees(), r);
                Party[] payees = new Party[k];
                for (int i = 0; i < k; i++) {
                    String sn = r.nextDouble() < s.familyNameShare() ? surname : ph ? Names.pick(Names.PH_SURNAME, r) : Names.pick(Names.OTHER_SURNAME, r);
                    payees[i] = parties.payee(country, ph ? Names.filipino(sn, Names.pick(Names.PH_SURNAME, r), r)
                            : Names.pick(Names.OTHER_GIVEN, r) + " " + sn, parties.address(country, r), null, r);
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
            String address = parties.address("PH", r);
            int k = name.equals(Scenarios.WEEKLY_SUPPORT) ? 1 : Math.min(3, count(s.payees(), r));
            if (name.equals(Scenarios.DECEMBER_GIFTS)) {
                k = 1 + r.nextInt(2);
            }
            Party[] members = new Party[k];
            for (int i = 0; i < k; i++) {
                // A parent or sibling; siblings carry the mother's maiden name as middle name.
                String sn = i > 0 && r.nextDouble() < 0.2 ? Names.pick(Names.PH_SURNAME, r) : surname;
                members[i] = parties.payee("PH", Names.filipino(sn, i == 0 ? Names.pick(Names.PH_SURNAME, r) : mother, r), address, null, r);
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
        Party sender = parties.sender(country, senderName, PartyType.PERSON, r);
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
                String addr = r.nextDouble() < 0.3 ? h.address : parties.address("PH", r);
                gifts[i] = parties.payee("PH", Names.filipino(sn, Names.pick(Names.PH_SURNAME, r), r), addr, null, r);
            }
            a.gifts = gifts;
        }
        return a;
    }

    private void otherFamily(Scenario s, SplittableRandom r, String from, String to) {
        String surname = Names.pick(Names.OTHER_SURNAME, r);
        String address = parties.address(to, r);
        int k = count(s.payees(), r);
        Party[] members = new Party[k];
        for (int i = 0; i < k; i++) {
            String sn = r.nextDouble() < s.familyNameShare() ? surname : Names.pick(Names.OTHER_SURNAME, r);
            members[i] = parties.payee(to, Names.pick(Names.OTHER_GIVEN, r) + " " + sn, address, null, r);
        }
        Party sender = parties.sender(from, Names.pick(Names.OTHER_GIVEN, r) + " " + surname, PartyType.PERSON, r);
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
        Party sender = parties.sender(country, name, PartyType.PERSON, r);
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
            return Party.builder(parties.beneficiaryId(), "PH").type(PartyType.BUSINESS)
                    .name(surname + " " + Names.pick(new String[] {"Trading", "Online Shop", "Enterprises", "Crafts",
                            "General Merchandise", "Store"}, r))
                    .account("PH-SHOP-" + (10_000 + i)).address(parties.address("PH", r)).phone(Names.phMobile(parties.personSeq++)).build();
        }
        return parties.payee("PH", Names.filipino(surname, Names.pick(Names.PH_SURNAME, r), r), parties.address("PH", r), null, r);
    }

    /**
     * A sextortion victim (FATF 2025, FinCEN FIN-2025-NTC2): ordinary domestic transfers for the
     * whole period, and once a burst of payments to a new recipient abroad.
     */
    private void victim(Scenario s, SplittableRandom r) {
        GeneratorConfig.SextortionBurst p = c.patterns().sextortionVictim();
        String country = weighted(c.countries().sextortionVictims(), r);
        String surname = Names.pick(Names.WEST_SURNAME, r);
        Party sender = parties.sender(country, Names.pick(Names.WEST_GIVEN, r) + " " + surname, PartyType.PERSON, r);
        int k = count(s.payees(), r);
        Party[] domestic = new Party[k];
        for (int i = 0; i < k; i++) {
            String sn = r.nextDouble() < s.familyNameShare() ? surname : Names.pick(Names.WEST_SURNAME, r);
            domestic[i] = parties.payee(country, Names.pick(Names.WEST_GIVEN, r) + " " + sn, parties.address(country, r), null, r);
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
        return parties.payee(country, name, parties.address(country, r), null, r);
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
            f = parties.facilitator(null, null, null, r);
        } while (sharesAName(senderName, f.name()));
        return f;
    }

    private void offender(String name, Scenario s, SplittableRandom r, List<Household> households) {
        String country = weighted(c.countries().osecOrigins(), r);
        boolean filipinoName = r.nextDouble() < 0.1;
        String name0 = filipinoName ? Names.filipino(Names.pick(Names.PH_SURNAME, r), Names.pick(Names.PH_SURNAME, r), r)
                : Names.pick(Names.WEST_GIVEN, r) + " " + Names.pick(Names.WEST_SURNAME, r);
        Party sender = parties.sender(country, name0, PartyType.PERSON, r);
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
                Party[] members = {parties.payee("PH", Names.filipino(surname, Names.pick(Names.PH_SURNAME, r), r), parties.address("PH", r), null, r)};
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
}
