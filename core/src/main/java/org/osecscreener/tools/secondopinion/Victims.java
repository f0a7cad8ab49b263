package org.osecscreener.tools.secondopinion;

import java.util.ArrayList;
import java.util.List;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Party;
import org.osecscreener.tools.secondopinion.Amounts.Rounding;
import org.osecscreener.tools.secondopinion.Names.Name;
import org.osecscreener.tools.secondopinion.Places.Place;
import org.osecscreener.tools.secondopinion.Timeline.Hours;

/**
 * Sextortion victims (FATF 2025; FinCEN FIN-2025-NTC2): the customer pays, not the offender.
 *
 * <p>A victim pays a burst of 2–8 person-to-person transfers within hours to at most five days,
 * to a recipient in a jurisdiction of concern (Nigeria 50%, Côte d'Ivoire 20%, the Philippines
 * 20%, Ghana 10%) that the victim has never paid and shares nothing with; one in five is moved on
 * to a second new recipient during the burst. The first payment is under €250 (median €90); the
 * rest mostly under €600, one in twenty €600–1,500 and one in fifty up to €2,500 ("rarely above
 * about €1,500"). Then the payments stop. Extortion accounts are reused: each serves one to several
 * victims (Zipf), so a recipient can be a fan-in from unrelated young senders.
 *
 * <p>Two in three victims have ordinary domestic traffic, before and after the burst (which then
 * starts after at least 30 days of history); the rest have none (a new or co-signed account). Three
 * in ten accounts are joint, written with two names. Nothing in the data says the victim is young.
 */
final class Victims {
    private Victims() {
    }

    static final String[] WHERE = {"NG", "CI", "PH", "GH"};
    static final double[] WHERE_W = {50, 20, 20, 10};
    static final String[] FROM = {"US", "GB", "CA", "AU", "DE", "SE", "NL", "IE"};
    static final double[] FROM_W = {60, 10, 10, 10, 3, 3, 2, 2};

    static List<Party> extortionAccounts(World w, int count) {
        List<Party> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            Rng r = w.rng(World.S_EXTORTION, j);
            Place place = Places.pick(r, WHERE, WHERE_W);
            Name n = Names.of(r, place.style());
            World.PayeeSpec s = new World.PayeeSpec();
            String mobile = Identifiers.mobile(r, place);
            if (r.chance(0.6)) {
                s.wallet = Identifiers.wallet(r, place, mobile);
            }
            if (s.wallet == null || r.chance(0.5)) {
                s.account = Identifiers.account(r, place.country());
            }
            if (r.chance(0.4)) {
                s.phone = Identifiers.writePhone(r, place, mobile);
            }
            out.add(w.payee(place, Names.written(r, n), s));
        }
        return out;
    }

    static void victims(World w, int count) {
        int accounts = Math.max(1, (int) Math.round(count * 0.6));
        List<Party> recipients = extortionAccounts(w, accounts);
        double[] weights = Rng.zipf(accounts, 0.8);
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.SEXTORTION_VICTIM.ordinal(), i);
            Place place = Places.pick(r, FROM, FROM_W);
            Name n = Names.of(r, place.style());
            Actor a;
            if (r.chance(0.3)) {
                Name co = Names.withSurname(r, place.style(), n.family());
                String joint = n.given() + " " + n.surname() + " & " + co.given() + " " + co.surname();
                Places.Zone zone = place.zone(r);
                a = w.add(new Actor(SecondOpinionScenario.SEXTORTION_VICTIM,
                        w.sender(r, place, zone, joint, n, org.osecscreener.model.PartyType.PERSON), place, zone.id()));
            } else {
                a = w.person(SecondOpinionScenario.SEXTORTION_VICTIM, r, place, n);
            }
            boolean history = r.chance(2 / 3.0);
            int burstDay = history ? r.between(30, Timeline.DAYS - 2) : r.between(0, Timeline.DAYS - 2);
            if (history) {
                Background.routine(w, r, a, r.between(3, 25), 0, Timeline.DAYS);
            }
            int first = a.payee(recipients.get(r.cumulative(weights)));
            int second = -1;
            if (r.chance(0.2)) {
                Party other = recipients.get(r.cumulative(weights));
                second = other == a.payees.get(first) ? a.payee(Offenders.standalonePayee(w, r, Places.of(r.pick(WHERE))))
                        : a.payee(other);
            }
            int n2 = 2 + r.weighted(new double[] {25, 25, 18, 12, 10, 6, 4});
            Channel ch = World.channel(r, 35, 0, 40, 0, 25);
            long start = (long) burstDay * Timeline.DAY + (r.chance(0.55) ? Hours.NIGHT : Hours.WAKING).second(r);
            long limit = start + 5L * Timeline.DAY;
            long t = start;
            for (int j = 0; j < n2 && t < limit; j++) {
                double eur;
                if (j == 0) {
                    eur = r.logNormal(90, 0.6, 20, 249);
                } else {
                    double x = r.unit();
                    eur = x < 0.93 ? r.logNormal(150, 0.7, 20, 600) : x < 0.98 ? r.uniform(600, 1500) : r.uniform(1500, 2500);
                }
                int p = second >= 0 && j >= n2 / 2 ? second : first;
                String ref = r.chance(0.2) ? r.pick(new String[] {"ok", "sent", "here", "pls", "done"}) : null;
                a.pay(r, (int) (t / Timeline.DAY), (int) (t % Timeline.DAY), eur / 0.92, r.chance(0.55) ? Rounding.ROUND : Rounding.EXACT,
                        p, ref, ch);
                t += Math.max(600, (long) r.exponential(8 * 3600));
            }
        }
    }
}
