package org.osecscreener.tools.secondopinion;

import java.util.ArrayList;
import java.util.List;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.tools.secondopinion.Amounts.Rounding;
import org.osecscreener.tools.secondopinion.Names.Name;
import org.osecscreener.tools.secondopinion.Places.Place;
import org.osecscreener.tools.secondopinion.Schedules.Payday;
import org.osecscreener.tools.secondopinion.Timeline.Hours;

/**
 * Legitimate flows with the shape of an OSEC pattern: fan-in to shops, charities and
 * freelancers; fan-out from payroll; many names on one phone (siblings) or one pick-up agent
 * (a hub); a new foreign partner paying round sums to a new payee.
 */
final class LookAlikes {
    private LookAlikes() {
    }

    static Actor foreigner(World w, SecondOpinionScenario s, Rng r) {
        Place place = Places.pick(r, World.BUYERS, World.BUYERS_W);
        return w.person(s, r, place, Names.of(r, place.style()));
    }

    // ---- Shops ----------------------------------------------------------------------------

    static final String[] SELLER_AT = {"PH", "TH", "ID", "VN", "IN", "MX", "CO"};
    static final double[] SELLER_AT_W = {70, 6, 5, 5, 5, 5, 4};
    private static final String[] SHOP_FORM = {"%s Crafts", "%s Trading", "Isla %s Shop", "%s Handmade", "%s Dried Fruits", "%s Boutique"};

    static List<Party> sellers(World w, int count) {
        List<Party> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            Rng r = w.rng(World.S_SELLER, j);
            Place place = Places.pick(r, SELLER_AT, SELLER_AT_W);
            Name n = Names.of(r, place.style());
            World.PayeeSpec s = new World.PayeeSpec();
            String name = Names.written(r, n);
            if (r.chance(0.3)) {
                s.type = PartyType.BUSINESS;
                name = String.format(r.pick(SHOP_FORM), r.chance(0.5) ? Names.firstWord(n.given()) + "'s" : n.family());
            }
            String mobile = Identifiers.mobile(r, place);
            s.phone = Identifiers.writePhone(r, place, mobile);
            if (place.country().equals("PH") && r.chance(0.7)) {
                s.wallet = Identifiers.wallet(r, place, mobile);
            }
            if (r.chance(0.5)) {
                s.account = Identifiers.account(r, place.country());
            }
            if (r.chance(0.6)) {
                s.address = Identifiers.address(r, place, r.pick(place.zones()[0].cities()));
            }
            out.add(w.payee(place, name, s));
        }
        return out;
    }

    static String orderRef(Rng r) {
        return switch (r.between(0, 5)) {
            case 0 -> "order #" + r.digits(4, true);
            case 1 -> "inv " + r.digits(4, true);
            case 2 -> "Order " + r.digits(5, true);
            case 3 -> "payment for order " + r.digits(4, true);
            case 4 -> "INV-2025-" + r.digits(4, false);
            default -> "ord" + r.digits(6, true);
        };
    }

    /**
     * A foreign buyer paying a small seller once (75%) or twice (25%, a second order 3–60 days
     * later): US$8–120 at shop prices (to the cent), with an order or invoice number, in the
     * buyer's daytime. Sellers' popularity is Zipf (exponent 0.7), about 33 buyers per seller on average.
     */
    static void shopBuyers(World w, int count) {
        int sellers = Math.max(1, (int) Math.round(count / 33.0));
        List<Party> shops = sellers(w, sellers);
        double[] cum = Rng.zipf(sellers, 0.7);
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.SHOP_BUYER.ordinal(), i);
            Actor a = foreigner(w, SecondOpinionScenario.SHOP_BUYER, r);
            int p = a.payee(shops.get(r.cumulative(cum)));
            int times = r.chance(0.75) ? 1 : 2;
            int day = r.between(0, Timeline.DAYS - 1);
            Channel ch = World.channel(r, 50, 0, 20, 0, 30);
            for (int k = 0; k < times; k++) {
                a.pay(r, day, Hours.DAYTIME.second(r), r.logNormal(28, 0.6, 8, 120), r.chance(0.75) ? Rounding.EXACT : Rounding.WHOLE, p,
                        orderRef(r), ch);
                day += r.between(3, 60);
            }
        }
    }

    // ---- Payroll --------------------------------------------------------------------------

    static final String[] PAYROLL_AT = {"US", "AU", "GB", "SG", "CA", "NZ", "DE"};
    static final double[] PAYROLL_AT_W = {35, 20, 15, 10, 10, 5, 5};
    static final String[] CONTRACTOR_AT = {"PH", "IN", "CO", "MX", "VN"};
    static final double[] CONTRACTOR_AT_W = {80, 8, 5, 4, 3};
    private static final String[] FIRM_FORM = {"%s Digital LLC", "%s Support Pty Ltd", "%s Outsourcing Ltd", "%s Media Inc.", "%s Remote Staffing"};

    /**
     * A business paying 12–120 contractors (median 30) small sums on its pay cycle (biweekly,
     * semi-monthly or monthly), US$80–600 per period at exact amounts, in one batch in office
     * hours; contractors join and leave during the year.
     */
    static void payroll(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.PAYROLL.ordinal(), i);
            Place place = Places.pick(r, PAYROLL_AT, PAYROLL_AT_W);
            String firm = String.format(r.pick(FIRM_FORM), Names.surname(r, place.style()));
            Actor a = w.business(SecondOpinionScenario.PAYROLL, r, place, firm, PartyType.BUSINESS);
            int contractors = (int) r.logNormal(30, 0.5, 12, 120);
            Payday cycle = new Payday[] {Payday.BIWEEKLY, Payday.SEMI_MONTHLY, Payday.MONTH_END}[r.weighted(new double[] {5, 3, 2})];
            int[] paydays = Schedules.paydays(r, cycle, 0, Timeline.DAYS, 0);
            int batchSecond = Hours.OFFICE.second(r);
            Channel ch = r.chance(0.6) ? Channel.BANK : Channel.ONLINE;
            int[] payee = new int[contractors];
            int[] from = new int[contractors];
            int[] to = new int[contractors];
            double[] rate = new double[contractors];
            for (int c = 0; c < contractors; c++) {
                Place cp = Places.pick(r, CONTRACTOR_AT, CONTRACTOR_AT_W);
                Party p = w.ordinaryPayee(r, cp, Names.written(r, Names.of(r, cp.style())), null);
                payee[c] = a.payee(p);
                from[c] = r.chance(0.3) ? r.between(0, 300) : 0;
                to[c] = r.chance(0.2) ? r.between(from[c] + 30, Timeline.DAYS + 30) : Timeline.DAYS;
                rate[c] = r.logNormal(250, 0.45, 80, 600) / Schedules.perMonth(cycle) * 1.5;
            }
            for (int day : paydays) {
                int sec = batchSecond;
                String ref = r.pick(new String[] {"payroll " + Timeline.date(day).toString().substring(0, 7), "contractor payment",
                        "salary period " + Timeline.date(day).getMonthValue(), "invoice " + r.digits(4, true)});
                for (int c = 0; c < contractors; c++) {
                    if (day < from[c] || day >= to[c]) {
                        continue;
                    }
                    sec += r.between(2, 20);
                    a.pay(r, day, sec, Math.max(40, rate[c] * r.logNormal(1, 0.1, 0.7, 1.3)), Rounding.EXACT, payee[c], ref, ch);
                }
            }
        }
    }

    // ---- Charities ------------------------------------------------------------------------

    static final String[] CHARITY_AT = {"PH", "IN", "CO", "TH", "GH", "ZA", "KE", "MX"};
    static final double[] CHARITY_AT_W = {60, 10, 5, 5, 5, 5, 5, 5};
    private static final String[] CHARITY_FORM = {"%s Foundation Inc.", "Bayanihan %s Feeding Program", "Hope for %s Inc.",
            "%s Scholarship Fund", "%s Community Kitchen", "%s Relief Mission"};

    /**
     * Donors to charities (ORGANIZATION payees with an account and a donations e-mail): one-off
     * gifts (55%, a fifth of them in December), occasional (25%, two to four a year) or monthly
     * (20%, the same round amount on the same day each month). Round amounts, US$10–200.
     */
    static void donors(World w, int count) {
        int n = Math.max(1, (int) Math.round(count / 130.0));
        List<Party> charities = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            Rng r = w.rng(World.S_CHARITY, j);
            Place place = Places.pick(r, CHARITY_AT, CHARITY_AT_W);
            String stem = place.country().equals("PH") ? r.chance(0.5) ? Identifiers.barangay(r) : r.pick(place.zones()[0].cities()).split(" ")[0]
                    : Names.surname(r, place.style());
            World.PayeeSpec s = new World.PayeeSpec();
            s.type = PartyType.ORGANIZATION;
            s.account = Identifiers.account(r, place.country());
            s.email = "donate@" + Names.ascii(stem) + "-foundation.example.org";
            s.address = Identifiers.address(r, place, r.pick(place.zones()[0].cities()));
            charities.add(w.payee(place, String.format(r.pick(CHARITY_FORM), stem), s));
        }
        double[] cum = Rng.zipf(n, 0.8);
        String[] words = {"donation", "donation", "monthly donation", "feeding program", "school supplies drive", "scholarship fund",
                "typhoon relief", null, null};
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.CHARITY_DONOR.ordinal(), i);
            Actor a = foreigner(w, SecondOpinionScenario.CHARITY_DONOR, r);
            int p = a.payee(charities.get(r.cumulative(cum)));
            Channel ch = World.channel(r, 60, 0, 10, 10, 20);
            double x = r.unit();
            if (x < 0.55) {
                int day = r.chance(0.2) ? Schedules.day(2025, 12, r.between(1, 31)) : r.between(0, Timeline.DAYS - 1);
                a.pay(r, day, Hours.WAKING.second(r), r.logNormal(40, 0.6, 10, 200), Rounding.ROUND, p, r.pick(words), ch);
            } else if (x < 0.80) {
                int times = r.between(2, 4);
                for (int k = 0; k < times; k++) {
                    a.pay(r, r.between(0, Timeline.DAYS - 1), Hours.WAKING.second(r), r.logNormal(40, 0.6, 10, 200), Rounding.ROUND, p,
                            r.pick(words), ch);
                }
            } else {
                double amount = r.logNormal(25, 0.5, 10, 50);
                int dom = r.between(1, 28);
                int start = r.between(0, 200);
                String word = r.chance(0.5) ? "monthly donation" : r.pick(words);
                int sec = Hours.WAKING.second(r);
                for (int m = 0; m < 12; m++) {
                    int day = Timeline.dayOf(Timeline.START.plusMonths(m).withDayOfMonth(dom));
                    if (day >= start) {
                        a.pay(r, day, sec, amount, Rounding.ROUND, p, word, ch);
                    }
                }
            }
        }
    }

    // ---- Freelancers ----------------------------------------------------------------------

    static final String[] FREELANCER_AT = {"PH", "IN", "CO", "MX"};
    static final double[] FREELANCER_AT_W = {85, 5, 5, 5};

    /**
     * Clients paying freelancers (virtual assistants, designers): about five clients per
     * freelancer, each engaged for one to twelve months, paying weekly (40%, US$60–250),
     * biweekly (30%), monthly (15%) or per task (15%, US$15–150), with invoice or service
     * references, in the client's office hours or waking hours. Half the clients are businesses.
     */
    static void freelanceClients(World w, int count) {
        int n = Math.max(1, (int) Math.round(count / 5.0));
        List<Party> freelancers = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            Rng r = w.rng(World.S_FREELANCER, j);
            Place place = Places.pick(r, FREELANCER_AT, FREELANCER_AT_W);
            Name name = Names.of(r, place.style());
            World.PayeeSpec s = new World.PayeeSpec();
            String mobile = Identifiers.mobile(r, place);
            if (r.chance(0.6)) {
                s.wallet = Identifiers.wallet(r, place, mobile);
            }
            if (r.chance(0.7) || s.wallet == null) {
                s.account = Identifiers.account(r, place.country());
            }
            if (r.chance(0.8)) {
                s.email = Identifiers.email(r, name);
            }
            if (r.chance(0.5)) {
                s.phone = Identifiers.writePhone(r, place, mobile);
            }
            freelancers.add(w.payee(place, Names.written(r, name), s));
        }
        double[] cum = Rng.zipf(n, 0.5);
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.FREELANCE_CLIENT.ordinal(), i);
            Actor a;
            if (r.chance(0.5)) {
                Place place = Places.pick(r, World.BUYERS, World.BUYERS_W);
                a = w.business(SecondOpinionScenario.FREELANCE_CLIENT, r, place,
                        String.format(r.pick(FIRM_FORM), Names.surname(r, place.style())), PartyType.BUSINESS);
            } else {
                a = foreigner(w, SecondOpinionScenario.FREELANCE_CLIENT, r);
            }
            int p = a.payee(freelancers.get(r.cumulative(cum)));
            int start = r.between(0, 330);
            int end = Math.min(Timeline.DAYS, start + r.between(30, 365));
            int mode = r.weighted(new double[] {40, 30, 15, 15});
            double weekly = r.logNormal(120, 0.4, 60, 250);
            Hours hours = r.chance(0.5) ? Hours.OFFICE : Hours.WAKING;
            Rounding rounding = Offenders.rounding(r, 0.2, 0.3);
            Channel ch = r.chance(0.7) ? Channel.ONLINE : Channel.BANK;
            double t = start;
            int k = 0;
            while (t < end) {
                double usd = switch (mode) {
                    case 0 -> weekly;
                    case 1 -> weekly * 2;
                    case 2 -> weekly * 4;
                    default -> r.logNormal(50, 0.6, 15, 150);
                };
                k++;
                String ref = switch (r.between(0, 6)) {
                    case 0 -> "VA services wk " + (Timeline.date((int) t).get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                    case 1 -> "invoice " + r.digits(4, true);
                    case 2 -> "inv " + r.digits(4, true);
                    case 3 -> "milestone " + k;
                    case 4 -> "social media mgmt - " + Timeline.date((int) t).getMonth().toString().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
                    case 5 -> r.pick(new String[] {"logo design", "transcription", "bookkeeping", "video editing", "data entry"});
                    default -> null;
                };
                a.pay(r, (int) t, hours.second(r), usd * r.logNormal(1, 0.1, 0.7, 1.4), rounding, p, ref, ch);
                t += switch (mode) {
                    case 0 -> 7;
                    case 1 -> 14;
                    case 2 -> r.uniform(28, 32);
                    default -> r.uniform(3, 30);
                };
            }
        }
    }

    // ---- Hubs -----------------------------------------------------------------------------

    /**
     * Family support collected at a hub: one of a few very busy pick-up agents, each written in
     * two or three forms, used by every payee of this scenario (about a hundred payees per hub
     * at 110,000 transactions). Senders follow the monthly or the weekly family pattern.
     */
    static void hubFamilies(World w, int count) {
        int hubs = Math.max(1, (int) Math.round(count / 100.0));
        List<String[]> agents = new ArrayList<>(hubs);
        Place ph = Places.of("PH");
        for (int j = 0; j < hubs; j++) {
            Rng r = w.rng(World.S_HUB, j);
            agents.add(Identifiers.pickupAgent(r, ph, r.pick(ph.zones()[0].cities()), w.agentNumber()));
        }
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.HUB_AGENT_FAMILY.ordinal(), i);
            Families.Family f = Families.family(w, SecondOpinionScenario.HUB_AGENT_FAMILY, r, "PH");
            String[] hub = agents.get(r.between(0, hubs - 1));
            int n = r.chance(0.7) ? 1 : 2;
            int[] rel = new int[n];
            for (int k = 0; k < n; k++) {
                Name name = Names.withSurname(r, f.home.style(), f.familySurname);
                World.PayeeSpec s = new World.PayeeSpec();
                s.pickup = hub[r.between(0, hub.length - 1)];
                if (r.chance(0.6)) {
                    s.phone = Identifiers.writePhone(r, f.home, Identifiers.mobile(r, f.home));
                }
                if (r.chance(0.4)) {
                    s.address = f.household;
                }
                rel[k] = f.actor.payee(w.payee(f.home, Names.written(r, name), s));
            }
            if (r.chance(0.5)) {
                Payday p = Schedules.payday(r);
                Families.support(f, rel, p, 0, Timeline.DAYS, r.logNormal(200, 0.4, 100, 600) / Math.max(1, Schedules.perMonth(p) * 0.8),
                        r.logNormal(100, 0.3, 50, 300), 100, 600);
            } else {
                double level = r.uniform(20, 50);
                for (int day : Schedules.weekly(r, 0, Timeline.DAYS, 0.1, 0.2)) {
                    f.actor.pay(r, day, Hours.DAYTIME.second(r), level, Rounding.ROUND, rel[0], null, Channel.AGENT);
                }
            }
        }
    }

    // ---- Siblings sharing a phone -----------------------------------------------------------

    /**
     * A household of two to four siblings (and a parent) sharing one phone and e-wallet, written
     * differently on each payee record; each member supported by one or two relatives abroad
     * (siblings, 70% sharing the surname; married sisters carry it as a middle name). Several
     * names on one number, each paid by different foreign senders: the shape of a ring.
     */
    static void siblings(World w, int count) {
        int households = Math.max(1, (int) Math.round(count / 2.5));
        List<Party> members = new ArrayList<>();
        List<String> surnames = new ArrayList<>();
        Place ph = Places.of("PH");
        for (int j = 0; j < households; j++) {
            Rng r = w.rng(World.S_HOUSEHOLD, j);
            String surname = Names.filipinoSurname(r);
            String phone = Identifiers.phMobile(r);
            String address = Identifiers.address(r, ph, r.pick(ph.zones()[0].cities()));
            int size = r.between(2, 4);
            for (int k = 0; k < size; k++) {
                Name n = r.chance(0.15) ? Names.filipino(r, Names.filipinoSurname(r), surname) : Names.filipino(r, surname);
                World.PayeeSpec s = new World.PayeeSpec();
                if (r.chance(0.8)) {
                    s.phone = Identifiers.writePh(r.between(0, 6), phone);
                }
                if (s.phone == null || r.chance(0.4)) {
                    s.wallet = Identifiers.wallet(r, ph, phone);
                }
                if (r.chance(0.5)) {
                    s.address = Identifiers.rewriteAddress(r, address);
                }
                members.add(w.payee(ph, Names.written(r, n), s));
                surnames.add(surname);
            }
        }
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.SIBLINGS_SHARED_PHONE.ordinal(), i);
            int m = i < members.size() ? i : r.between(0, members.size() - 1);   // every member gets someone first
            String surname = surnames.get(m);
            Name sender = r.chance(0.7) ? Names.filipino(r, surname) : Names.filipino(r, Names.filipinoSurname(r), surname);
            Place from = Places.pick(r, World.OFW, World.OFW_W);
            Actor a = w.person(SecondOpinionScenario.SIBLINGS_SHARED_PHONE, r, from, sender);
            int p = a.payee(members.get(m));
            double x = r.unit();
            Rounding rounding = Offenders.rounding(r, 0.6, 0.3);
            Channel ch = World.channel(r, 30, 10, 50, 10, 0);
            if (x < 0.5) {
                for (int day : Schedules.paydays(r, Schedules.payday(r), 0, Timeline.DAYS, 0.05)) {
                    a.pay(r, day, Hours.EVENING.second(r), r.logNormal(150, 0.4, 30, 300), rounding, p, Families.supportPurpose(r), ch);
                }
            } else {
                double level = r.uniform(30, 80);
                for (int day : Schedules.weekly(r, 0, Timeline.DAYS, 0.1, 0.2)) {
                    a.pay(r, day, Hours.DAYTIME.second(r), level, rounding, p, null, ch);
                }
            }
        }
    }

    // ---- A new partner ----------------------------------------------------------------------

    /**
     * A foreign partner (named in the style of its country) who begins, some time in the year, to
     * support a new partner in the Philippines (or Thailand, Colombia, the Dominican Republic): a new
     * payee with no shared surname, every 7–30 days, US$50–300, round (80%), "rent", "bills",
     * "for you", evening or night calls across time zones, amounts growing as the relationship does.
     * Legitimate here; it is the look-alike of the mixed offender.
     */
    static void newPartners(World w, int count) {
        for (int i = 0; i < count; i++) {
            Rng r = w.rng(SecondOpinionScenario.NEW_PARTNER_SUPPORT.ordinal(), i);
            Place from = Places.pick(r, Families.INLAW_FROM, Families.INLAW_FROM_W);
            Actor a = w.person(SecondOpinionScenario.NEW_PARTNER_SUPPORT, r, from, Names.of(r, from.style()));
            Place home = Places.of(r.chance(0.8) ? "PH" : r.pick(new String[] {"TH", "CO", "DO"}));
            int p = a.payee(w.ordinaryPayee(r, home, Names.written(r, Names.of(r, home.style())), null));
            int start = r.between(0, 300);
            double level = r.logNormal(100, 0.4, 50, 300);
            double growth = r.uniform(1, 2);
            Hours hours = new Hours[] {Hours.EVENING, Hours.WAKING, Hours.NIGHT}[r.weighted(new double[] {40, 40, 20})];
            Channel ch = World.channel(r, 50, 20, 25, 5, 0);
            for (double t = start; t < Timeline.DAYS; t += r.uniform(7, 30)) {
                double f = (t - start) / (Timeline.DAYS - start);
                a.pay(r, (int) t, hours.second(r), Math.min(300, level * (1 + (growth - 1) * f) * r.logNormal(1, 0.2, 0.6, 1.6)),
                        r.chance(0.8) ? Rounding.ROUND : Rounding.WHOLE, p,
                        r.pick(new String[] {"rent", "bills", "for you", "allowance", "groceries", null, null, "phone", "birthday"}), ch);
            }
        }
    }
}
