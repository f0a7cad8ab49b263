package org.osecscreener.tools.secondopinion;

import org.osecscreener.model.Channel;
import org.osecscreener.tools.secondopinion.Amounts.Rounding;
import org.osecscreener.tools.secondopinion.Names.Name;
import org.osecscreener.tools.secondopinion.Places.Place;
import org.osecscreener.tools.secondopinion.Timeline.Hours;

/**
 * Background traffic: transfers in other corridors, and domestic payments in every country.
 * The domestic filler is what makes the total exactly the number of transactions asked for.
 */
final class Background {
    private Background() {
    }

    private static final String[] DOMESTIC_WORDS = {null, null, null, null, null, "rent", "dinner", "groceries", "load", "utang", "bayad",
            "thanks", "share", "gas", "bills", "tickets", "lunch", "birthday"};

    /**
     * An actor's ordinary domestic life: {@code count} payments between days {@code from} and
     * {@code to} to one to four people in its own country (friends, a landlord, relatives),
     * at waking hours mostly, US$5–500.
     */
    static void routine(World w, Rng r, Actor a, int count, int from, int to) {
        int n = r.between(1, 4);
        int[] payees = new int[n];
        for (int k = 0; k < n; k++) {
            Name name = r.chance(0.3) && a.sender.name() != null ? Names.withSurname(r, a.place.style(), Names.of(r, a.place.style()).family())
                    : Names.of(r, a.place.style());
            payees[k] = a.payee(w.ordinaryPayee(r, a.place, Names.written(r, name), null));
        }
        Channel ch = World.channel(r, 40, 0, 40, 20, 0);
        for (int j = 0; j < count; j++) {
            int day = r.between(from, to - 1);
            Hours h = r.chance(0.85) ? Hours.WAKING : r.chance(0.7) ? Hours.NIGHT : Hours.ANY;
            a.pay(r, day, h.second(r), r.logNormal(40, 0.9, 3, 500), Offenders.rounding(r, 0.4, 0.3), payees[r.between(0, n - 1)],
                    r.pick(DOMESTIC_WORDS), ch);
        }
    }

    static final String[] OTHER = {"US:GT", "US:HN", "US:SV", "US:CN", "US:EC", "GB:PL", "GB:NG", "GB:PK", "DE:TR", "DE:PL", "AE:IN", "AE:PK",
            "AE:EG", "AE:BD", "AE:NP", "SA:EG", "SA:PK", "SA:BD", "SG:CN", "SG:MY", "JP:CN", "AU:NZ", "AU:CN", "AU:FJ", "CA:CN", "CA:IN",
            "FR:MA", "FR:SN", "ES:MA", "ES:EC", "IT:AL", "IT:MA", "MY:ID", "HK:CN", "NZ:FJ", "GB:LK", "US:KE"};

    /**
     * Transfers in corridors outside the typology's (US to Central America, the Gulf to South
     * Asia, Europe to North Africa...): monthly support to one or two relatives (60%) or a few
     * irregular transfers (40%), US$50–800.
     */
    static void otherCorridors(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.OTHER_CORRIDOR.ordinal(), i);
            String[] c = r.pick(OTHER).split(":");
            Place from = Places.of(c[0]);
            Place to = Places.of(c[1]);
            Name sender = Names.of(r, to.style());
            Actor a = w.person(SecondOpinionScenario.OTHER_CORRIDOR, r, from, sender);
            Families.Family f = new Families.Family(w, r, a, to, sender, sender.family(),
                    Identifiers.address(r, to, r.pick(to.zones()[0].cities())));
            if (r.chance(0.6)) {
                int[] rel = r.chance(0.6) ? new int[] {f.relative(0.8, 0.8)} : new int[] {f.relative(0.8, 0.8), f.relative(0.7, 0.5)};
                Families.support(f, rel, Schedules.payday(r), 0, Timeline.DAYS, r.logNormal(250, 0.5, 50, 800), r.logNormal(100, 0.4, 50, 400),
                        50, 800);
            } else {
                int p = f.relative(0.6, 0.5);
                int n = r.between(2, 8);
                for (int k = 0; k < n; k++) {
                    a.pay(r, r.between(0, Timeline.DAYS - 1), Hours.WAKING.second(r), r.logNormal(200, 0.7, 50, 800), Offenders.rounding(r, 0.5, 0.3),
                            p, r.chance(0.3) ? "family support" : null, Families.familyChannel(r));
                }
            }
        }
    }

    /** Countries of domestic senders: the source countries weigh heavily (e-wallet P2P), then the rest. */
    static final String[] DOMESTIC_AT = {"PH", "US", "GB", "AU", "CA", "DE", "JP", "SG", "TH", "IN", "MX", "CO", "ID", "VN", "MY", "ZA", "RO",
            "UA", "GH", "JM", "DO", "SA", "AE", "KR", "HK", "NZ", "FR", "ES", "IT", "NL", "SE", "NO", "CH"};
    static final double[] DOMESTIC_AT_W = {22, 14, 5, 4, 3, 3, 3, 2, 3, 4, 3, 2, 3, 2, 2, 2, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1};

    /** One domestic sender with exactly {@code count} payments over the year. */
    static void domestic(World w, long index, int count) {
        Rng r = w.rng(World.S_FILLER, index);
        Place place = Places.pick(r, DOMESTIC_AT, DOMESTIC_AT_W);
        Actor a = w.person(SecondOpinionScenario.DOMESTIC, r, place, Names.of(r, place.style()));
        // Unlike routine(), the count must be exact, so every payment lands inside the window:
        // seconds are drawn so that they stay on the same local day.
        int n = r.between(1, 5);
        int[] payees = new int[n];
        for (int k = 0; k < n; k++) {
            payees[k] = a.payee(w.ordinaryPayee(r, place, Names.written(r, Names.of(r, place.style())), null));
        }
        Channel ch = World.channel(r, 40, 5, 40, 15, 0);
        Rounding rounding = Offenders.rounding(r, 0.4, 0.3);
        while (a.size() < count) {
            int day = r.between(0, Timeline.DAYS - 1);
            int sec = r.chance(0.85) ? Hours.WAKING.second(r) : Hours.SMALL_HOURS.second(r);
            a.pay(r, day, sec, r.logNormal(35, 1.0, 1, 3000), rounding, payees[r.between(0, n - 1)], r.pick(DOMESTIC_WORDS), ch);
        }
    }

    /** How many payments the next domestic sender makes: 1–60, geometric-like with mean about 10. */
    static int domesticCount(Rng r) {
        return (int) Math.min(60, 1 + Math.floor(r.exponential(9)));
    }
}
