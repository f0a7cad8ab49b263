package org.osecscreener.tools.secondopinion;

import java.util.ArrayList;
import java.util.List;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Party;
import org.osecscreener.tools.secondopinion.Amounts.Rounding;
import org.osecscreener.tools.secondopinion.Names.Name;
import org.osecscreener.tools.secondopinion.Places.Place;
import org.osecscreener.tools.secondopinion.Places.Style;
import org.osecscreener.tools.secondopinion.Timeline.Hours;

/**
 * The OSEC scenarios: demand-side senders and the facilitators they pay.
 *
 * <p>Why the amounts look as they do: the typology's figures (A$10–100 per payment, €10–200 per
 * session, under C$200, up to about US$200, 81% of Philippine receipts PHP 1,000–10,000) all
 * sit around a median of about US$40; a log-normal with median US$40 and spread 0.8 puts 82% of
 * payments between PHP 1,000 and 10,000. One payment in twenty is a PHP 50–300 "image or
 * subscription" sum (PH DOJ 2024).
 */
final class Offenders {
    private Offenders() {
    }

    // ---- Facilitator rings ------------------------------------------------------------------

    /** A facilitator syndicate: one or several payee names linked by a shared identifier. */
    static final class Ring {
        final Place place;
        final List<Party> members = new ArrayList<>();
        final double priceUsd;
        final String handle;
        final String link;

        Ring(Place place, double priceUsd, String handle, String link) {
            this.place = place;
            this.priceUsd = priceUsd;
            this.handle = handle;
            this.link = link;
        }
    }

    /**
     * Builds the rings. Each has 1 name (15%) or 2–6; the names share a phone (and e-wallet on
     * the same number) in 45% of rings, an address in 25%, a pick-up agent in 20%, and in 10% the
     * ring is chained (two phones, one member holding both). Identifiers are written in varied
     * forms; half the rings are a family operation (one surname); a quarter include a second
     * spelling of one member's name under a separate payee id.
     */
    static List<Ring> rings(World w, int count) {
        List<Ring> rings = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            Rng r = w.rng(World.S_RING, j);
            Place place = Places.pick(r, World.SOURCE, World.SOURCE_W);
            int size = r.chance(0.15) ? 1 : 2 + r.weighted(new double[] {30, 30, 20, 12, 8});
            String city = r.pick(place.zone(r).cities());
            String[] links = {"phone", "address", "pickup", "chained"};
            String link = size == 1 ? "single" : links[r.weighted(new double[] {45, 25, 20, 10})];
            Ring ring = new Ring(place, r.logNormal(40, 0.4, 15, 120), "@" + Names.ascii(Names.filipinoSurname(r)) + r.between(1, 99), link);
            boolean family = r.chance(0.5);
            String familySurname = Names.surname(r, place.style());
            String phoneA = Identifiers.mobile(r, place);
            String phoneB = Identifiers.mobile(r, place);
            String address = Identifiers.address(r, place, city);
            String[] agent = Identifiers.pickupAgent(r, place, city, w.agentNumber());
            Name first = null;
            String firstWritten = null;
            for (int k = 0; k < size; k++) {
                Name n = family ? Names.withSurname(r, place.style(), familySurname) : Names.of(r, place.style());
                String written = null;
                if (k > 0 && r.chance(0.25)) {
                    written = Names.variant(r, first);      // the same person under a second spelling
                    if (written.equals(firstWritten)) {
                        written = null;
                    }
                }
                if (written == null) {
                    written = Names.written(r, n);
                }
                if (first == null) {
                    first = n;
                    firstWritten = written;
                }
                World.PayeeSpec s = new World.PayeeSpec();
                String own = Identifiers.mobile(r, place);
                switch (link) {
                    case "phone", "single" -> {
                        if (r.chance(0.7) || place.country().equals("PH") && r.chance(0.4)) {
                            s.phone = Identifiers.writePhone(r, place, phoneA);
                        }
                        if (s.phone == null || place.country().equals("PH") && r.chance(0.5)) {
                            s.wallet = Identifiers.wallet(r, place, phoneA);
                        }
                        if (r.chance(0.2)) {
                            s.pickup = agent[r.between(0, 2)];
                        }
                    }
                    case "address" -> {
                        s.address = Identifiers.rewriteAddress(r, address);
                        s.phone = Identifiers.writePhone(r, place, own);
                        if (place.country().equals("PH") && r.chance(0.5)) {
                            s.wallet = Identifiers.wallet(r, place, own);
                        }
                    }
                    case "pickup" -> {
                        s.pickup = agent[r.between(0, 2)];
                        if (r.chance(0.6)) {
                            s.phone = Identifiers.writePhone(r, place, own);
                        }
                    }
                    default -> {   // chained: the first half on phone A, the rest on phone B, member 0 holds both
                        boolean onA = k < (size + 1) / 2;
                        s.phone = Identifiers.writePhone(r, place, onA ? phoneA : phoneB);
                        if (k == 0) {
                            s.wallet = Identifiers.wallet(r, place, phoneB);
                        }
                        if (r.chance(0.3)) {
                            s.address = Identifiers.rewriteAddress(r, address);
                        }
                    }
                }
                if (r.chance(0.2)) {
                    s.account = Identifiers.account(r, place.country());
                }
                ring.members.add(w.payee(place, written, s));
            }
            rings.add(ring);
        }
        return rings;
    }

    /** A payee of an offender outside any ring: one person in a source country, no link to anyone. */
    static Party standalonePayee(World w, Rng r, Place place) {
        Name n = Names.of(r, place.style());
        World.PayeeSpec s = new World.PayeeSpec();
        String mobile = Identifiers.mobile(r, place);
        if (r.chance(0.75)) {
            s.phone = Identifiers.writePhone(r, place, mobile);
        }
        if (place.country().equals("PH") && r.chance(0.5)) {
            s.wallet = Identifiers.wallet(r, place, mobile);
        }
        if (s.phone == null && s.wallet == null || r.chance(0.3)) {
            s.pickup = w.townAgent(r, place);
        }
        if (r.chance(0.25)) {
            s.account = Identifiers.account(r, place.country());
        }
        if (r.chance(0.3)) {
            s.address = Identifiers.address(r, place, r.pick(place.zones()[0].cities()));
        }
        return w.payee(place, Names.written(r, n), s);
    }

    /** An offender: mostly named like the country's majority, sometimes from a diaspora. */
    static Actor offender(World w, SecondOpinionScenario s, Rng r) {
        Place place = Places.pick(r, World.DEMAND, World.DEMAND_W);
        Style style = r.chance(0.85) ? place.style()
                : new Style[] {Style.FILIPINO, Style.HISPANIC, Style.SOUTH_ASIAN, Style.WESTERN}[r.weighted(new double[] {8, 4, 3, 3})];
        Name n = Names.of(r, style);
        return w.person(s, r, place, n);
    }

    /** A payment amount of a live-streaming customer, in US dollars: median US$40; 5% PHP 50–300. */
    static double sessionUsd(Rng r, double level) {
        if (r.chance(0.05)) {
            return r.uniform(50, 300) / 57.0;
        }
        return Math.min(400, level * r.logNormal(1, 0.25, 0.4, 2.5));
    }

    static Rounding rounding(Rng r, double round, double whole) {
        double x = r.unit();
        return x < round ? Rounding.ROUND : x < round + whole ? Rounding.WHOLE : Rounding.EXACT;
    }

    static Hours offenderHours(Rng r) {
        return new Hours[] {Hours.EVENING, Hours.NIGHT, Hours.WAKING}[r.weighted(new double[] {35, 30, 35})];
    }

    /** A customer's reference: mostly none; a cover word, the ring's handle or a short word otherwise. */
    static String reference(Rng r, Ring ring) {
        double x = r.unit();
        if (x < 0.62) {
            return null;
        }
        if (x < 0.77) {
            return r.pick(World.COVER);
        }
        if (x < 0.85 && ring != null) {
            return ring.handle;
        }
        return r.pick(new String[] {"ty", "for u", "help", "load", "pang load", "thanks", "as agreed", "snacks"});
    }

    /**
     * How many times a ring customer pays in the year: a discrete Pareto with exponent 1, capped
     * at 300 ({@code P(K >= k) = 1/k}). Half pay once, three in four at most three times, and the
     * top 3% (33 payments or more) make about half of all payments, as AIC found (256 offenders,
     * 2,714 payments, 3% of offenders made half).
     */
    static int heavyTailCount(double u) {
        return (int) Math.min(300, Math.floor(1 / (1 - u)));
    }

    /**
     * The payment counts of {@code n} customers, stratified (one draw per {@code 1/n} quantile
     * slice, then shuffled) so that even a small population has the AIC shape rather than the
     * luck of a few draws from a heavy tail.
     */
    static int[] heavyTailCounts(Rng r, int n) {
        List<Integer> counts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            counts.add(heavyTailCount((i + r.unit()) / n));
        }
        r.shuffle(counts);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = counts.get(i);
        }
        return out;
    }

    // ---- Scenarios ----------------------------------------------------------------------------

    static void ringCustomers(World w, List<Ring> rings, double[] ringWeights, int count) {
        int[] counts = heavyTailCounts(w.rng(SecondOpinionScenario.RING_CUSTOMER.ordinal(), -1), count);
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.RING_CUSTOMER.ordinal(), i);
            Ring ring = rings.get(r.cumulative(ringWeights));
            Actor a = offender(w, SecondOpinionScenario.RING_CUSTOMER, r);
            int k = counts[i];
            int[] payees = ringPayees(r, a, ring);
            double level = ring.priceUsd * r.logNormal(1, 0.5, 0.3, 4);
            Rounding rounding = rounding(r, 0.45, 0.25);
            Hours hours = offenderHours(r);
            Channel ch = World.channel(r, 45, 15, 25, 5, 10);
            double gapDays = k <= 3 ? 4 : r.logNormal(6, 0.6, 0.7, 30);
            int start = r.between(0, Timeline.DAYS - 2);
            if (k > 3 && start + gapDays * k > Timeline.DAYS) {
                start = Math.max(0, (int) (Timeline.DAYS - gapDays * k));
                gapDays = Math.min(gapDays, (Timeline.DAYS - start) / (double) k);
            }
            double t = start + r.unit();
            int made = 0;
            while (made < k && t < Timeline.DAYS) {
                int day = (int) t;
                int sec = (r.chance(0.7) ? hours : Hours.WAKING).second(r);
                int session = made + 1 < k && r.chance(0.3) ? 2 : 1;   // a second payment in the same session
                for (int j = 0; j < session && made < k; j++) {
                    a.pay(r, day, sec + j * r.between(600, 5400), sessionUsd(r, level), rounding, r.pick(payees), reference(r, ring), ch);
                    made++;
                }
                t += k <= 3 ? r.exponential(gapDays) : gapDays * r.logNormal(1, 0.5, 0.05, 4);
            }
        }
    }

    /** One member (70%) or two or three members of the ring, as this customer's payees. */
    static int[] ringPayees(Rng r, Actor a, Ring ring) {
        int n = Math.min(ring.members.size(), r.chance(0.7) ? 1 : r.between(2, 3));
        List<Party> members = new ArrayList<>(ring.members);
        r.shuffle(members);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = a.payee(members.get(i));
        }
        return idx;
    }

    /**
     * AUSTRAC's case: 826 payments of A$20–80 over three years (about 275 a year, ~A$50k),
     * "about two a day": read here as about two a day on the days he pays, paying on 38% of days
     * (0.72 a day on average), to one or two members of a ring.
     */
    static void prolific(World w, List<Ring> rings, double[] ringWeights, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.PROLIFIC_PAYER.ordinal(), i);
            Place place = r.chance(0.55) ? Places.of("AU") : Places.pick(r, World.DEMAND, World.DEMAND_W);
            Actor a = w.person(SecondOpinionScenario.PROLIFIC_PAYER, r, place, Names.of(r, place.style()));
            Ring ring = rings.get(r.cumulative(ringWeights));
            int[] payees = ringPayees(r, a, ring);
            Channel ch = World.channel(r, 50, 10, 30, 5, 5);
            int start = r.chance(0.7) ? 0 : r.between(0, 60);
            for (int day = start; day < Timeline.DAYS; day++) {
                if (!r.chance(0.38)) {
                    continue;
                }
                int n = 1 + r.weighted(new double[] {35, 40, 25});
                int sec = (r.chance(0.7) ? Hours.NIGHT : Hours.WAKING).second(r);
                for (int j = 0; j < n; j++) {
                    double aud = r.uniform(20, 80);
                    a.pay(r, day, sec, aud / 1.55, rounding(r, 0.3, 0.6), r.pick(payees), reference(r, ring), ch);
                    sec += r.between(20 * 60, 4 * 3600);
                }
            }
        }
    }

    /** A payee for a non-ring offender: a ring member with probability {@code ringShare}, else a standalone person. */
    static Party payeeFor(World w, Rng r, List<Ring> rings, double[] ringWeights, double ringShare) {
        if (!rings.isEmpty() && r.chance(ringShare)) {
            Ring ring = rings.get(r.cumulative(ringWeights));
            return r.pick(ring.members);
        }
        return standalonePayee(w, r, Places.pick(r, World.SOURCE, World.SOURCE_W));
    }

    /**
     * Escalation (AIC 2020: heavier users pay more and more often): from the onset, the gap
     * between payments shrinks geometrically from 20–30 days to 2–4 days and the amount grows
     * five- to tenfold from US$12–30; night payments become more frequent as it goes.
     */
    static void escalation(World w, List<Ring> rings, double[] ringWeights, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.ESCALATION.ordinal(), i);
            Actor a = offender(w, SecondOpinionScenario.ESCALATION, r);
            int p1 = a.payee(payeeFor(w, r, rings, ringWeights, 0.5));
            int p2 = r.chance(0.3) ? a.payee(payeeFor(w, r, rings, ringWeights, 0.5)) : p1;
            int onset = r.between(0, 220);
            double span = Timeline.DAYS - onset;
            double g0 = r.uniform(20, 30);
            double gf = r.uniform(2, 4);
            double a0 = r.uniform(12, 30);
            double af = Math.min(400, a0 * r.uniform(5, 10));
            Channel ch = World.channel(r, 45, 15, 25, 5, 10);
            double t = onset;
            while (t < Timeline.DAYS) {
                double f = (t - onset) / span;
                Hours h = r.chance(0.2 + 0.5 * f) ? Hours.NIGHT : Hours.WAKING;
                double usd = a0 * Math.pow(af / a0, f) * r.logNormal(1, 0.2, 0.6, 1.6);
                String ref = r.chance(0.2 + 0.2 * f) ? r.pick(World.COVER) : null;
                a.pay(r, (int) t, h.second(r), usd, rounding(r, 0.5, 0.3), f > 0.5 ? p2 : p1, ref, ch);
                t += g0 * Math.pow(gf / g0, f) * r.logNormal(1, 0.3, 0.3, 3);
            }
        }
    }

    /**
     * Fan-out (FINTRAC 2020, AMLC 2020: "multiple non-familial counterparties"): 3–8 beneficiaries
     * in source countries, none sharing a surname with the sender or each other, added over the
     * months; each paid 1–6 times; a quarter of them belong to rings.
     */
    static void fanOut(World w, List<Ring> rings, double[] ringWeights, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.FAN_OUT.ordinal(), i);
            Actor a = offender(w, SecondOpinionScenario.FAN_OUT, r);
            int n = r.between(3, 8);
            int start = r.between(0, 200);
            int span = r.between(60, Timeline.DAYS - start);
            Hours hours = offenderHours(r);
            Rounding rounding = rounding(r, 0.5, 0.3);
            Channel ch = World.channel(r, 45, 20, 20, 5, 10);
            for (int b = 0; b < n; b++) {
                int p = a.payee(payeeFor(w, r, rings, ringWeights, 0.25));
                int first = start + (int) (span * (b / (double) n) * r.uniform(0.5, 1));
                int times = r.between(1, 6);
                double t = first;
                for (int j = 0; j < times && t < Timeline.DAYS; j++) {
                    a.pay(r, (int) t, hours.second(r), r.logNormal(40, 0.6, 10, 250), rounding, p, reference(r, null), ch);
                    t += r.exponential(12) + 1;
                }
            }
        }
    }

    /**
     * Low and slow (AIC 2021): under A$55 (A$15–54) at intervals under 20 days (5–19), in the
     * late evening of the sender's time (20:00–24:00, 90%), to one unrelated payee, for four
     * months to the rest of the year.
     */
    static void lowAndSlow(World w, List<Ring> rings, double[] ringWeights, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.LOW_AND_SLOW.ordinal(), i);
            Actor a = offender(w, SecondOpinionScenario.LOW_AND_SLOW, r);
            int p = a.payee(payeeFor(w, r, rings, ringWeights, 0.3));
            int start = r.between(0, 240);
            int end = Math.min(Timeline.DAYS, start + r.between(120, 365));
            Rounding rounding = rounding(r, 0.3, 0.5);
            Channel ch = World.channel(r, 50, 15, 25, 5, 5);
            double level = r.uniform(20, 50);
            for (int d = start; d < end; d += r.between(5, 19)) {
                double aud = Math.min(54.99, Math.max(15, level * r.logNormal(1, 0.15, 0.7, 1.4)));
                int sec = (r.chance(0.9) ? Hours.LATE_EVENING : Hours.EVENING).second(r);
                a.pay(r, d, sec, aud / 1.55, rounding, p, r.chance(0.1) ? r.pick(World.COVER) : null, ch);
            }
        }
    }

    /**
     * Cover story (AUSTRAC, FATF, ACAMS Today): round amounts (US$50–300 rounded in the sender's
     * currency) with one to three cover phrases, repeated every 7–30 days to one payee with no
     * family link, for three months to a year.
     */
    static void coverStory(World w, List<Ring> rings, double[] ringWeights, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.COVER_STORY.ordinal(), i);
            Actor a = offender(w, SecondOpinionScenario.COVER_STORY, r);
            int p = a.payee(payeeFor(w, r, rings, ringWeights, 0.2));
            String[] phrases = new String[r.between(1, 3)];
            for (int j = 0; j < phrases.length; j++) {
                phrases[j] = r.pick(World.COVER);
            }
            int start = r.between(0, 270);
            int end = Math.min(Timeline.DAYS, start + r.between(90, 365));
            double gap = r.uniform(10, 25);
            double level = r.logNormal(110, 0.45, 50, 300);
            Hours hours = r.chance(0.2) ? Hours.NIGHT : r.chance(0.5) ? Hours.EVENING : Hours.WAKING;
            Channel ch = World.channel(r, 50, 20, 20, 10, 0);
            for (double t = start; t < end; t += Math.max(7, Math.min(30, gap * r.logNormal(1, 0.3, 0.3, 3)))) {
                a.pay(r, (int) t, hours.second(r), level * r.logNormal(1, 0.2, 0.5, 2), Rounding.ROUND, p, r.pick(phrases), ch);
            }
        }
    }

    /**
     * Several indicators in one offender: an ordinary domestic history from the start of the
     * year, then from day 60–280 a new payee abroad (a ring member in 40%): two to four payments
     * in the first week, then every 3–14 days, at night (65%), round (70%), growing 1.5–4-fold,
     * cover words in 40%; a third of them add a second new payee later.
     */
    static void mixed(World w, List<Ring> rings, double[] ringWeights, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.MIXED_OFFENDER.ordinal(), i);
            Actor a = offender(w, SecondOpinionScenario.MIXED_OFFENDER, r);
            Background.routine(w, r, a, r.between(8, 30), 0, Timeline.DAYS);
            int onset = r.between(60, 280);
            int p1 = a.payee(payeeFor(w, r, rings, ringWeights, 0.4));
            int p2 = r.chance(1 / 3.0) ? a.payee(payeeFor(w, r, rings, ringWeights, 0.4)) : -1;
            int secondFrom = onset + r.between(30, 90);
            double a0 = r.logNormal(35, 0.4, 12, 120);
            double growth = r.uniform(1.5, 4);
            boolean covers = r.chance(0.4);
            Channel ch = World.channel(r, 45, 15, 25, 5, 10);
            double t = onset;
            int n = 0;
            while (t < Timeline.DAYS) {
                double f = (t - onset) / (Timeline.DAYS - onset);
                int p = p2 >= 0 && t >= secondFrom && r.chance(0.5) ? p2 : p1;
                Hours h = r.chance(0.65) ? Hours.NIGHT : Hours.WAKING;
                a.pay(r, (int) t, h.second(r), a0 * (1 + (growth - 1) * f) * r.logNormal(1, 0.2, 0.6, 1.6),
                        r.chance(0.7) ? Rounding.ROUND : Rounding.EXACT, p, covers && r.chance(0.6) ? r.pick(World.COVER) : null, ch);
                n++;
                t += n < r.between(2, 4) ? r.uniform(0.3, 3) : r.uniform(3, 14);
            }
        }
    }
}
