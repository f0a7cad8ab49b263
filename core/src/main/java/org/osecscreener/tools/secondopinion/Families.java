package org.osecscreener.tools.secondopinion;

import java.time.ZoneId;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.tools.secondopinion.Amounts.Rounding;
import org.osecscreener.tools.secondopinion.Names.Name;
import org.osecscreener.tools.secondopinion.Places.Place;
import org.osecscreener.tools.secondopinion.Places.Style;
import org.osecscreener.tools.secondopinion.Schedules.Payday;
import org.osecscreener.tools.secondopinion.Timeline.Hours;

/**
 * Legitimate family flows, the hard negatives the typology names: monthly and weekly support,
 * in-laws, night-shift workers and seafarers, tuition and medical bills, December gifts.
 *
 * <p>A family here: a sender abroad (named in the style of the home country), a household address
 * at home, and one to several relatives. Relatives share the sender's surname, except where the
 * sender is a married woman whose parents and siblings carry her maiden name (her middle name)
 * — one Filipino sender in four — or where the scenario says otherwise (in-laws).
 */
final class Families {
    private Families() {
    }

    /** A sender abroad and the family at home. */
    static final class Family {
        final Actor actor;
        final Place home;
        final Name sender;
        final String familySurname;
        final String household;
        final Rng r;
        final World w;

        Family(World w, Rng r, Actor actor, Place home, Name sender, String familySurname, String household) {
            this.w = w;
            this.r = r;
            this.actor = actor;
            this.home = home;
            this.sender = sender;
            this.familySurname = familySurname;
            this.household = household;
        }

        /** A relative at home: shares the family surname with probability {@code share}; lives in the household with {@code atHome}. */
        int relative(double share, double atHome) {
            Style style = home.style();
            Name n = r.chance(share) ? Names.withSurname(r, style, familySurname) : Names.of(r, style);
            Party p = w.ordinaryPayee(r, home, Names.written(r, n), r.chance(atHome) ? household : null);
            return actor.payee(p);
        }
    }

    /** A family with a sender in a country of the corridor to {@code home} (a random home when null). */
    static Family family(World w, SecondOpinionScenario s, Rng r, String home) {
        Place to = Places.of(home != null ? home : World.FAMILY_TO[r.weighted(World.FAMILY_TO_W)]);
        Place from = World.familySender(r, to.country());
        Style style = to.style();
        Name sender;
        String familySurname;
        if (style == Style.FILIPINO && r.chance(0.25)) {
            String maiden = Names.filipinoSurname(r);
            sender = Names.filipino(r, Names.filipinoSurname(r), maiden);   // a married woman: her family is her middle name
            familySurname = maiden;
        } else {
            sender = Names.of(r, style);
            familySurname = sender.family();
        }
        Actor a = w.person(s, r, from, sender);
        String household = Identifiers.address(r, to, r.pick(to.zones()[0].cities()));
        return new Family(w, r, a, to, sender, familySurname, household);
    }

    static Channel familyChannel(Rng r) {
        return World.channel(r, 45, 20, 20, 15, 0);
    }

    static String supportPurpose(Rng r) {
        return r.pick(new String[] {null, null, null, null, null, null, null, null, null, "family support", "family support", "family support",
                "family support", "support", "support", "allowance", "allowance", "for bills", "monthly", "padala"});
    }

    /**
     * Payday support: on each payday the primary relative gets an amount around {@code primaryUsd}
     * (the same figure every time for 70% of senders, within 20% otherwise, never below
     * {@code floorUsd}), each other relative 60% of the time; never more than {@code capUsd} a transfer.
     */
    static void support(Family f, int[] relatives, Payday p, int from, int to, double primaryUsd, double otherUsd, double floorUsd,
                        double capUsd) {
        Rng r = f.r;
        Rounding rounding = Offenders.rounding(r, 0.6, 0.2);
        boolean fixed = r.chance(0.7);
        Hours hours = r.chance(0.5) ? Hours.DAYTIME : r.chance(0.8) ? Hours.EVENING : Hours.WAKING;
        Channel ch = familyChannel(r);
        String purpose = supportPurpose(r);
        for (int day : Schedules.paydays(r, p, from, to, 0.05)) {
            int sec = hours.second(r);
            for (int k = 0; k < relatives.length; k++) {
                if (k > 0 && !r.chance(0.6)) {
                    continue;
                }
                double base = k == 0 ? primaryUsd : otherUsd;
                double usd = Math.min(capUsd, fixed ? base : base * r.logNormal(1, 0.12, 0.8, 1.25));
                usd = k == 0 ? Math.max(floorUsd, usd) : usd;
                f.actor.pay(r, day, sec + k * r.between(60, 900), usd, rounding, relatives[k], r.chance(0.8) ? purpose : supportPurpose(r), ch);
            }
        }
    }

    /** The monthly base most of these senders have: 1–3 relatives, US$100–600 per transfer to the first. */
    static int[] monthlyBase(Family f, int from, int to) {
        Rng r = f.r;
        int n = 1 + r.weighted(new double[] {50, 35, 15});
        int[] rel = new int[n];
        rel[0] = f.relative(0.9, 0.8);
        for (int k = 1; k < n; k++) {
            rel[k] = f.relative(0.85, 0.6);
        }
        Payday p = Schedules.payday(r);
        double primary = r.logNormal(220, 0.45, 100, 600) / (Schedules.perMonth(p) > 1 ? 1.6 : 1);
        support(f, rel, p, from, to, Math.max(100, primary), r.logNormal(120, 0.4, 50, 400), 100, 600);
        return rel;
    }

    static int[] span(Rng r) {
        return r.chance(0.12) ? new int[] {r.between(30, 250), Timeline.DAYS} : new int[] {0, Timeline.DAYS};
    }

    // ---- Scenarios --------------------------------------------------------------------------

    static void monthly(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.FAMILY_MONTHLY.ordinal(), i);
            Family f = family(w, SecondOpinionScenario.FAMILY_MONTHLY, r, null);
            int[] s = span(r);
            monthlyBase(f, s[0], s[1]);
        }
    }

    /** A worker sending US$20–50 weekly to a parent (70% sharing the surname or the sender's middle name). */
    static void weekly(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.FAMILY_WEEKLY.ordinal(), i);
            Family f = family(w, SecondOpinionScenario.FAMILY_WEEKLY, r, null);
            int parent = f.relative(0.7, 0.7);
            int[] s = span(r);
            double level = r.uniform(20, 50);
            Rounding rounding = r.chance(0.7) ? Rounding.ROUND : Rounding.WHOLE;
            Hours hours = r.chance(0.5) ? Hours.EVENING : r.chance(0.8) ? Hours.DAYTIME : Hours.NIGHT;
            Channel ch = World.channel(r, 35, 20, 40, 5, 0);
            String purpose = r.pick(new String[] {null, null, null, null, null, null, "allowance", "pang gastos", "for Nanay", "for Tatay",
                    "weekly", "support"});
            for (int day : Schedules.weekly(r, s[0], s[1], 0.08, 0.2)) {
                f.actor.pay(r, day, hours.second(r), Math.min(50, Math.max(20, level * r.logNormal(1, 0.12, 0.7, 1.4))), rounding,
                        parent, purpose, ch);
            }
        }
    }

    static final String[] INLAW_FROM = {"US", "AU", "GB", "CA", "DE", "NO", "SE", "CH", "JP", "KR", "NZ", "NL", "IE", "FR", "AT"};
    static final double[] INLAW_FROM_W = {30, 15, 10, 8, 6, 4, 3, 3, 8, 4, 3, 2, 1, 2, 1};

    /**
     * A foreign spouse supporting the in-laws: the sender is named in the style of its own
     * country; one to three in-laws share their own family surname (80%) and often the house,
     * never the sender's surname. Monthly US$100–400 around payday, plus zero to four extras a
     * year described as "birthday", "gift", "medical", "school fees"...
     */
    static void inlaws(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.INLAW_SUPPORT.ordinal(), i);
            Place from = Places.pick(r, INLAW_FROM, INLAW_FROM_W);
            Place home = Places.of(r.chance(0.85) ? "PH" : r.pick(new String[] {"TH", "CO", "DO", "VN", "ID"}));
            Name sender = Names.of(r, from.style());
            Actor a = w.person(SecondOpinionScenario.INLAW_SUPPORT, r, from, sender);
            String inlawSurname;
            do {
                inlawSurname = Names.surname(r, home.style());
            } while (inlawSurname.equalsIgnoreCase(sender.family()));
            String household = Identifiers.address(r, home, r.pick(home.zones()[0].cities()));
            Family f = new Family(w, r, a, home, sender, inlawSurname, household);
            int n = 1 + r.weighted(new double[] {50, 35, 15});
            int[] rel = new int[n];
            for (int k = 0; k < n; k++) {
                rel[k] = f.relative(0.8, 0.6);
            }
            Payday p = r.chance(0.7) ? Payday.MONTH_END : Payday.SEMI_MONTHLY;
            int[] s = span(r);
            support(f, rel, p, s[0], s[1], r.logNormal(200, 0.35, 100, 400) / Schedules.perMonth(p) * (p == Payday.SEMI_MONTHLY ? 1.3 : 1),
                    r.logNormal(100, 0.3, 50, 300), 100, 400);
            int extras = r.between(0, 4);
            for (int e = 0; e < extras; e++) {
                a.pay(r, r.between(s[0], s[1] - 1), Hours.WAKING.second(r), r.logNormal(120, 0.5, 30, 600), Rounding.ROUND, r.pick(rel),
                        r.pick(new String[] {"birthday", "gift", "medical", "school fees", "for Mama's meds", "Christmas", "fiesta"}),
                        familyChannel(r));
            }
        }
    }

    static final String[] NIGHT_FROM = {"US", "GB", "AU", "CA", "SA", "AE", "IE", "NZ", "SG"};
    static final double[] NIGHT_FROM_W = {35, 15, 12, 10, 8, 8, 5, 4, 3};

    /** A night-shift worker (nurse, carer, warehouse): weekly, 23:00–06:30 local (85%), US$30–150 to one or two relatives. */
    static void nightShift(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.NIGHT_SHIFT_WORKER.ordinal(), i);
            String home = r.chance(0.8) ? "PH" : r.pick(new String[] {"IN", "JM", "GH", "ZA"});
            Place to = Places.of(home);
            Place from = Places.pick(r, NIGHT_FROM, NIGHT_FROM_W);
            Name sender = Names.of(r, to.style());
            Actor a = w.person(SecondOpinionScenario.NIGHT_SHIFT_WORKER, r, from, sender);
            Family f = new Family(w, r, a, to, sender, sender.family(), Identifiers.address(r, to, r.pick(to.zones()[0].cities())));
            int[] rel = r.chance(0.6) ? new int[] {f.relative(0.9, 0.8)} : new int[] {f.relative(0.9, 0.8), f.relative(0.8, 0.5)};
            double level = r.logNormal(70, 0.35, 30, 150);
            Rounding rounding = Offenders.rounding(r, 0.6, 0.3);
            Channel ch = World.channel(r, 50, 5, 40, 5, 0);
            for (int day : Schedules.weekly(r, 0, Timeline.DAYS, 0.1, 0.15)) {
                int sec = (r.chance(0.85) ? Hours.SHIFT : Hours.EVENING).second(r);
                a.pay(r, day, sec, level * r.logNormal(1, 0.15, 0.6, 1.5), rounding, rel[rel.length == 1 || r.chance(0.7) ? 0 : 1],
                        r.chance(0.3) ? "support" : null, ch);
            }
        }
    }

    static final String[] SEA_FROM = {"SG", "NO", "GB", "HK", "JP", "CY", "GR", "NL"};
    static final double[] SEA_FROM_W = {25, 15, 10, 15, 10, 10, 10, 5};
    static final ZoneId[] PORTS = {ZoneId.of("Asia/Singapore"), ZoneId.of("Europe/Amsterdam"), ZoneId.of("America/Panama"),
            ZoneId.of("Asia/Shanghai"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Africa/Lagos"), ZoneId.of("Asia/Dubai"),
            ZoneId.of("Europe/Lisbon"), ZoneId.of("Australia/Perth"), ZoneId.of("America/Santiago"), ZoneId.of("Asia/Tokyo"),
            ZoneId.of("Atlantic/Azores"), ZoneId.of("Indian/Mauritius"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata")};

    /**
     * A Filipino seafarer: the account is held where the manning agency or the bank is; payments
     * are stamped in ship's time, which follows the ports (the offset changes with each voyage
     * leg of 5–20 days). Every 7–21 days while on a 9-month contract, at odd hours (night 40%),
     * US$150–800 to the spouse or a parent; home leave of about two months without transfers.
     */
    static void seafarers(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.SEAFARER.ordinal(), i);
            Place from = Places.pick(r, SEA_FROM, SEA_FROM_W);
            Place to = Places.of("PH");
            Name sender = Names.filipino(r);
            Actor a = w.person(SecondOpinionScenario.SEAFARER, r, from, sender);
            Family f = new Family(w, r, a, to, sender, sender.family(), Identifiers.address(r, to, r.pick(to.zones()[0].cities())));
            int[] rel = r.chance(0.5) ? new int[] {f.relative(0.95, 1)} : new int[] {f.relative(0.95, 1), f.relative(0.7, 0.5)};
            int leaveStart = r.between(0, Timeline.DAYS - 1);
            int leaveEnd = leaveStart + r.between(45, 75);
            double level = r.logNormal(300, 0.4, 150, 800);
            Channel ch = World.channel(r, 60, 0, 30, 10, 0);
            ZoneId port = r.pick(PORTS);
            int nextPort = r.between(5, 20);
            for (double t = r.between(0, 10); t < Timeline.DAYS; t += r.uniform(7, 21)) {
                while (t > nextPort) {
                    port = r.pick(PORTS);
                    nextPort += r.between(5, 20);
                }
                if (t >= leaveStart && t < leaveEnd) {
                    continue;
                }
                int sec = (r.chance(0.4) ? Hours.NIGHT : Hours.ANY).second(r);
                a.payIn(r, port, (int) t, sec, level * r.logNormal(1, 0.2, 0.6, 1.6), r.chance(0.7) ? Rounding.ROUND : Rounding.WHOLE,
                        rel[rel.length == 1 || r.chance(0.75) ? 0 : 1],
                        r.pick(new String[] {null, null, null, "allotment", "for the family", "house", null, "allotment"}), ch);
            }
        }
    }

    private static final String[] SCHOOL_FORM = {"St. %s Academy", "Colegio de %s", "%s Montessori School", "%s Learning Center Inc.",
            "%s Christian School", "University of %s", "%s National High School", "%s Institute of Technology"};

    /**
     * Tuition to a school: monthly support as usual, plus two to four payments a year to a school
     * (an ORGANIZATION with a bank account) at the start of the school year (June–August),
     * the second term (November) and the third (January), US$200–1,200, exact fee amounts,
     * described as "school fees", "tuition fee 1st sem"...
     */
    static void tuitionSchool(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.TUITION_SCHOOL.ordinal(), i);
            Family f = family(w, SecondOpinionScenario.TUITION_SCHOOL, r, r.chance(0.85) ? "PH" : null);
            monthlyBase(f, 0, Timeline.DAYS);
            World.PayeeSpec s = new World.PayeeSpec();
            s.type = PartyType.ORGANIZATION;
            s.account = Identifiers.account(r, f.home.country());
            if (r.chance(0.5)) {
                s.address = Identifiers.address(r, f.home, r.pick(f.home.zones()[0].cities()));
            }
            String stem = f.home.country().equals("PH") ? (r.chance(0.5) ? Identifiers.barangay(r) : Names.filipinoSurname(r))
                    : Names.surname(r, f.home.style());
            Party school = w.payee(f.home, String.format(r.pick(SCHOOL_FORM), stem), s);
            int sp = f.actor.payee(school);
            String child = Names.firstWord(Names.withSurname(r, f.home.style(), f.familySurname).given());
            double fee = r.logNormal(450, 0.45, 200, 1200);
            int[][] terms = {{2025, 6, 1, 25}, {2025, 8, 1, 20}, {2025, 11, 1, 20}, {2026, 1, 5, 25}};
            for (int[] term : terms) {
                if (term[1] == 8 && r.chance(0.6) || term[1] == 1 && r.chance(0.5)) {
                    continue;
                }
                int day = Schedules.day(term[0], term[1], r.between(term[2], term[3]));
                String purpose = r.pick(new String[] {"school fees", "tuition fee 1st sem", "tuition fee 2nd sem", "tuition - Grade " + r.between(1, 12),
                        "school fees for " + child, "enrolment fee", "tuition and misc fees"});
                f.actor.pay(r, day, Hours.OFFICE.second(r), fee * r.logNormal(1, 0.1, 0.7, 1.4), Rounding.EXACT, sp, purpose,
                        r.chance(0.6) ? Channel.BANK : Channel.ONLINE);
            }
        }
    }

    /**
     * Tuition to a relative who shares the surname (a sibling in college, a child with the
     * grandparents): three to six payments a year, US$150–900, around the terms and at other
     * times, mostly round, "school fees", "tuition", "books and uniform".
     */
    static void tuitionRelative(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.TUITION_RELATIVE.ordinal(), i);
            Family f = family(w, SecondOpinionScenario.TUITION_RELATIVE, r, null);
            monthlyBase(f, 0, Timeline.DAYS);
            int student = f.relative(1.0, 0.5);
            int n = r.between(3, 6);
            int[] anchors = {Schedules.day(2025, 6, 5), Schedules.day(2025, 8, 5), Schedules.day(2025, 11, 3), Schedules.day(2026, 1, 8)};
            for (int k = 0; k < n; k++) {
                int day = k < anchors.length && r.chance(0.7) ? anchors[k] + r.between(-5, 15) : r.between(0, Timeline.DAYS - 1);
                f.actor.pay(r, Math.max(0, day), Hours.WAKING.second(r), r.logNormal(350, 0.5, 150, 900), Offenders.rounding(r, 0.6, 0.25),
                        student, r.pick(new String[] {"school fees", "tuition", "tuition fee", "for tuition", "school fees - 2nd sem",
                                "books and uniform", "school project", "board and lodging"}), familyChannel(r));
            }
        }
    }

    /**
     * Medical bills: one to three episodes in the year, each one to four payments within ten
     * days to a relative sharing the surname (the monthly payee half the time), US$100–1,500,
     * mostly round; a third also pay small monthly "maintenance meds".
     */
    static void medical(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.MEDICAL_BILLS.ordinal(), i);
            Family f = family(w, SecondOpinionScenario.MEDICAL_BILLS, r, null);
            int[] rel = monthlyBase(f, 0, Timeline.DAYS);
            int patient = r.chance(0.5) ? rel[0] : f.relative(0.95, 0.7);
            int episodes = r.between(1, 3);
            for (int e = 0; e < episodes; e++) {
                double t = r.between(0, Timeline.DAYS - 1);
                int n = r.between(1, 4);
                for (int k = 0; k < n; k++) {
                    f.actor.pay(r, (int) t, Hours.WAKING.second(r), r.logNormal(300, 0.6, 100, 1500), Offenders.rounding(r, 0.65, 0.2),
                            patient, r.pick(new String[] {"medical bills", "hospital bill", "for Tatay's meds", "medicine", "check-up",
                                    "lab tests", "hospital", "medical"}), familyChannel(r));
                    t += r.uniform(0.2, 3.5);
                }
            }
            if (r.chance(1 / 3.0)) {
                for (int day : Schedules.paydays(r, Payday.MONTH_START, 0, Timeline.DAYS, 0.1)) {
                    f.actor.pay(r, day, Hours.DAYTIME.second(r), r.uniform(30, 60), Rounding.ROUND, patient, "maintenance meds", familyChannel(r));
                }
            }
        }
    }

    /**
     * December gifts: monthly support, plus five to twelve relatives paid on one to three days
     * between 10 and 24 December (many of them never paid before in the year), US$20–150 each,
     * round, "Merry Christmas", "pamasko", "gift"; a third also send New Year money in January.
     */
    static void december(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.DECEMBER_GIFTS.ordinal(), i);
            Family f = family(w, SecondOpinionScenario.DECEMBER_GIFTS, r, r.chance(0.8) ? "PH" : null);
            int[] rel = monthlyBase(f, 0, Timeline.DAYS);
            int n = r.between(5, 12);
            int[] days = new int[r.between(1, 3)];
            for (int d = 0; d < days.length; d++) {
                days[d] = Schedules.day(2025, 12, r.between(10, 24));
            }
            Hours hours = r.chance(0.6) ? Hours.DAYTIME : Hours.EVENING;
            Channel ch = familyChannel(r);
            int[] gifted = new int[n];
            for (int k = 0; k < n; k++) {
                gifted[k] = k < rel.length ? rel[k] : f.relative(0.75, 0.4);
                f.actor.pay(r, days[r.between(0, days.length - 1)], hours.second(r), r.logNormal(50, 0.5, 20, 150), Offenders.rounding(r, 0.85, 0.1),
                        gifted[k], r.pick(new String[] {"Merry Christmas", "pamasko", "gift", "Christmas gift", null, "Merry Xmas", "pamasko"}), ch);
            }
            if (r.chance(1 / 3.0)) {
                int day = Schedules.day(2026, 1, r.between(1, 3));
                for (int k = 0; k < Math.min(3, n); k++) {
                    f.actor.pay(r, day, hours.second(r), r.logNormal(30, 0.4, 10, 100), Rounding.ROUND, gifted[r.between(0, n - 1)],
                            "Happy New Year", ch);
                }
            }
        }
    }
}
