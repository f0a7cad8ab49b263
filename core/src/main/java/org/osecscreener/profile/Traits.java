package org.osecscreener.profile;

/**
 * What a transfer carries besides time and amount, packed in an int for the profiles: the local
 * hour of day in the sender's zone (from the timestamp's offset), whether the reference holds a
 * cover phrase, whether the amount is round, whether sender and payee share a surname or address
 * (a family link), and whether the reference marks a purchase (excluded from the
 * sextortion-victim rule), and 16 bits of the beneficiary's id hash (to tell the payees of one
 * cluster apart).
 *
 * <p>Zero means "not known" (a transfer read from a profile written before traits existed): no
 * hour, no flag.
 */
public final class Traits {
    private static final int HOUR_MASK = 0x1F;
    /** The reference holds a cover phrase. */
    public static final int COVER = 1 << 5;
    /** The amount is round in the sending currency. */
    public static final int ROUND = 1 << 6;
    /** Sender and payee share a surname or an address. */
    public static final int RELATED = 1 << 7;
    /** The reference marks a purchase or bill (a sextortion exclusion list matched). */
    public static final int PURCHASE = 1 << 8;

    private Traits() {
    }

    /** Traits of a transfer at local {@code hour} (0..23) with the given flags. */
    public static int of(int hour, int flags) {
        return of(hour, flags, 0);
    }

    /** Traits of a transfer at local {@code hour} (0..23) with the given flags, to a beneficiary with this 16-bit id hash. */
    public static int of(int hour, int flags, int beneficiary16) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour " + hour + " outside 0..23");
        }
        return (hour + 1) | (flags & 0xFFE0) | ((beneficiary16 & 0xFFFF) << 16);
    }

    /** The 16-bit beneficiary id hash, 0 when not known. */
    public static int beneficiary(int traits) {
        return traits >>> 16;
    }

    /** A non-zero 16-bit hash of a beneficiary id, for {@link #of(int, int, int)}. */
    public static int beneficiary16(String beneficiaryId) {
        int h = (int) (Hashing.hash64(beneficiaryId) & 0xFFFF);
        return h == 0 ? 1 : h;
    }

    /** The local hour, 0..23, or -1 if not known. */
    public static int hour(int traits) {
        return (traits & HOUR_MASK) - 1;
    }

    /** Whether {@code traits} has {@code flag}. */
    public static boolean has(int traits, int flag) {
        return (traits & flag) != 0;
    }
}
