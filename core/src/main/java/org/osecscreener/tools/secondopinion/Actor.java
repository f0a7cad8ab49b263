package org.osecscreener.tools.secondopinion;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Label;
import org.osecscreener.model.Party;
import org.osecscreener.tools.secondopinion.Places.Place;

/**
 * One sender and everything it will pay over the year: its party, home zone, payees and plan.
 * Scenario code adds payments in local time with {@link #pay}; the amount is converted from US
 * dollars into the sender's currency and rounded as asked.
 */
final class Actor {
    final SecondOpinionScenario scenario;
    final Label label;
    final Party sender;
    final Place place;
    final ZoneId zone;
    final List<Party> payees = new ArrayList<>(2);
    final Plan plan = new Plan();

    Actor(SecondOpinionScenario scenario, Party sender, Place place, ZoneId zone) {
        this.scenario = scenario;
        this.label = scenario.label();
        this.sender = sender;
        this.place = place;
        this.zone = zone;
    }

    /** Adds a payee and returns its index. Adding the same party twice returns the first index. */
    int payee(Party p) {
        for (int i = 0; i < payees.size(); i++) {
            if (payees.get(i) == p) {
                return i;
            }
        }
        payees.add(p);
        return payees.size() - 1;
    }

    /**
     * Plans one payment.
     *
     * @param day         day index of the local date (0 = 1 March 2025)
     * @param secondOfDay local second of that day, may pass 86,400 into the next day
     * @param usd         the amount in US dollars, before conversion and rounding
     * @param rounding    how the converted amount is rounded
     * @return whether it fell inside the window
     */
    boolean pay(Rng r, int day, int secondOfDay, double usd, Amounts.Rounding rounding, int payee, String purpose, Channel ch) {
        return payIn(r, zone, day, secondOfDay, usd, rounding, payee, purpose, ch);
    }

    /** As {@link #pay}, with the local time of another zone (a seafarer's ship time). */
    boolean payIn(Rng r, ZoneId in, int day, int secondOfDay, double usd, Amounts.Rounding rounding, int payee, String purpose, Channel ch) {
        long at = Timeline.epochSecond(in, day, secondOfDay);
        if (at == Long.MIN_VALUE) {
            return false;
        }
        ZoneOffset off = in.getRules().getOffset(java.time.Instant.ofEpochSecond(at));
        plan.add(at, off.getTotalSeconds(), Amounts.minor(r, usd, place, rounding), payee, purpose, ch);
        return true;
    }

    int size() {
        return plan.size;
    }

}
