package org.osecscreener.tools.synth;

import static org.osecscreener.tools.synth.Generator.DAY;
import static org.osecscreener.tools.synth.Generator.NEVER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Label;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.tools.synth.GeneratorConfig.Scenario;

/** One sender's schedule and choices. */
final class Actor {
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
        this.rate = Parties.between(s.perMonth(), r) / 30.0;
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
        int perMonth = (int) Math.max(1, Math.round(Parties.between(s.perMonth(), r)));
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
        long span = (long) (Parties.between(p.hours(), r) * 3600);
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
        double first = Parties.between(p.firstUsd(), r);
        double[] steps = new double[k];
        for (int i = 1; i < k; i++) {
            steps[i] = Parties.between(p.stepFactor(), r);
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
