package org.osecscreener.tools.secondopinion;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The set's calendar: 365 days of local dates, 1 March 2025 to 28 February 2026, in every
 * sender's own zone. A payment is placed on a local day and a local second of that day (which
 * may run past midnight into the next day, for evening windows that cross it) and becomes an
 * instant through {@code java.time}, so daylight saving is whatever the zone's rules say on
 * that date (a local time in a spring-forward gap moves forward, as a clock would show it).
 *
 * <p>The window starts in March so that it holds every daylight-saving change of both
 * hemispheres once and a December; payments that would fall after the last local day are dropped.
 */
final class Timeline {
    private Timeline() {
    }

    static final LocalDate START = LocalDate.of(2025, 3, 1);
    static final int DAYS = 365;
    static final int DAY = 86_400;
    private static final LocalDate[] DATES = new LocalDate[DAYS + 2];

    static {
        for (int i = 0; i < DATES.length; i++) {
            DATES[i] = START.plusDays(i);
        }
    }

    static LocalDate date(int day) {
        return DATES[day];
    }

    /** The day index of a date, or -1 outside the window. */
    static int dayOf(LocalDate d) {
        long i = d.toEpochDay() - START.toEpochDay();
        return i < 0 || i >= DAYS ? -1 : (int) i;
    }

    /**
     * The instant (epoch second) of a local day and second in a zone, or {@link Long#MIN_VALUE}
     * when the resulting local date is after the window.
     */
    static long epochSecond(ZoneId zone, int day, int secondOfDay) {
        int d = day + secondOfDay / DAY;
        int s = secondOfDay % DAY;
        if (d < 0 || d >= DAYS) {
            return Long.MIN_VALUE;
        }
        LocalDateTime local = DATES[d].atStartOfDay().plusSeconds(s);
        return ZonedDateTime.of(local, zone).toEpochSecond();
    }

    /** Local-hour windows, as seconds of the day (the end may pass 24:00 into the next day). */
    enum Hours {
        /** Waking hours, most of the day's activity: 07:00–23:00, busiest in the evening. */
        WAKING(7 * 60, 23 * 60),
        /** Daytime, a shop buyer's or a family sender's: 09:00–20:00. */
        DAYTIME(9 * 60, 20 * 60),
        /** Office hours: 09:00–17:30. */
        OFFICE(9 * 60, 17 * 60 + 30),
        /** Evening: 18:00–23:30. */
        EVENING(18 * 60, 23 * 60 + 30),
        /** Late evening (AIC's low-and-slow payers): 20:00–24:00. */
        LATE_EVENING(20 * 60, 24 * 60),
        /** Night: 22:00–04:00 next day. */
        NIGHT(22 * 60, 28 * 60),
        /** Small hours: 00:00–05:30. */
        SMALL_HOURS(0, 5 * 60 + 30),
        /** A night-shift worker's break or end of shift: 23:00–06:30. */
        SHIFT(23 * 60, 30 * 60 + 30),
        /** Any time at all. */
        ANY(0, 24 * 60);

        final int fromMinute;
        final int toMinute;

        Hours(int fromMinute, int toMinute) {
            this.fromMinute = fromMinute;
            this.toMinute = toMinute;
        }

        /** A second of the day in this window, uniform (WAKING leans towards the evening). */
        int second(Rng r) {
            if (this == WAKING) {
                // Two thirds uniform over the day, one third in the evening 18:00–22:30.
                return r.chance(1 / 3.0) ? r.between(18 * 3600, 22 * 3600 + 1800) : r.between(fromMinute * 60, toMinute * 60 - 1);
            }
            return r.between(fromMinute * 60, toMinute * 60 - 1);
        }
    }
}
