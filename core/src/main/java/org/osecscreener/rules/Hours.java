package org.osecscreener.rules;

/** A period of local hours of day, [start, end), wrapping midnight when start > end. */
final class Hours {
    private Hours() {
    }

    static void check(String owner, int startHour, int endHour) {
        Check.range(owner + ".startHour", startHour, 0, 23);
        Check.range(owner + ".endHour", endHour, 0, 23);
        if (startHour == endHour) {
            throw new IllegalArgumentException(owner + ".startHour and endHour are both " + startHour
                    + "; they must differ (start > end wraps midnight)");
        }
    }

    static boolean in(int hour, int startHour, int endHour) {
        return startHour < endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
    }
}
