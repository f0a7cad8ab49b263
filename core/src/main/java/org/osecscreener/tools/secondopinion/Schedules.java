package org.osecscreener.tools.secondopinion;

import java.time.LocalDate;
import java.time.YearMonth;

/** Calendars of ordinary life: paydays, weekly habits. Days are indices into {@link Timeline}. */
final class Schedules {
    private Schedules() {
    }

    /** How a worker is paid, and so when family support goes out. */
    enum Payday { MONTH_END, MONTH_START, SEMI_MONTHLY, BIWEEKLY }

    static Payday payday(Rng r) {
        return switch (r.weighted(new double[] {35, 20, 30, 15})) {
            case 0 -> Payday.MONTH_END;
            case 1 -> Payday.MONTH_START;
            case 2 -> Payday.SEMI_MONTHLY;
            default -> Payday.BIWEEKLY;
        };
    }

    /** Transfers per month for a payday pattern (for splitting a monthly budget). */
    static double perMonth(Payday p) {
        return p == Payday.SEMI_MONTHLY ? 2 : p == Payday.BIWEEKLY ? 26 / 12.0 : 1;
    }

    /**
     * The days a worker sends on, within {@code [from, to)}: at or a day or two after pay day,
     * a month skipped now and then ({@code skip} per occurrence).
     */
    static int[] paydays(Rng r, Payday p, int from, int to, double skip) {
        IntList out = new IntList();
        if (p == Payday.BIWEEKLY) {
            for (int d = from + r.between(0, 13); d < to; d += 14) {
                if (!r.chance(skip)) {
                    out.add(Math.min(to - 1, d + r.between(0, 1)));
                }
            }
            return out.toArray();
        }
        YearMonth ym = YearMonth.from(Timeline.START);
        for (int m = 0; m < 13; m++, ym = ym.plusMonths(1)) {
            int[] doms = switch (p) {
                case MONTH_END -> new int[] {ym.lengthOfMonth() - r.between(0, 3)};
                case MONTH_START -> new int[] {r.between(1, 5)};
                case SEMI_MONTHLY -> new int[] {15 + r.between(0, 2), Math.min(ym.lengthOfMonth(), 30) - r.between(0, 1)};
                default -> throw new IllegalStateException();
            };
            for (int dom : doms) {
                int d = Timeline.dayOf(LocalDate.of(ym.getYear(), ym.getMonth(), dom));
                if (d >= from && d < to && !r.chance(skip)) {
                    out.add(d);
                }
            }
        }
        return out.toArray();
    }

    /** Once a week on a fixed weekday, within {@code [from, to)}, a week skipped or moved a day now and then. */
    static int[] weekly(Rng r, int from, int to, double skip, double move) {
        IntList out = new IntList();
        for (int d = from + r.between(0, 6); d < to; d += 7) {
            if (r.chance(skip)) {
                continue;
            }
            int day = r.chance(move) ? d + (r.chance(0.5) ? 1 : -1) : d;
            if (day >= from && day < to) {
                out.add(day);
            }
        }
        return out.toArray();
    }

    /** The day index of a calendar date (month 1–12, year as given), or -1 outside the window. */
    static int day(int year, int month, int dom) {
        return Timeline.dayOf(LocalDate.of(year, month, dom));
    }

    /** A growable int array. */
    static final class IntList {
        private int[] a = new int[16];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
