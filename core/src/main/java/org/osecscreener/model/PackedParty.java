package org.osecscreener.model;

import java.util.Objects;

/**
 * A party's content packed into one string, to tell whether a party read now equals one kept
 * from earlier without walking the kept party's twelve fields through memory: a cache keyed by a
 * party id (the payee caches of the screener and of the Flink parse stage) checks on every
 * transaction that the party is unchanged, and the kept party is usually cold in the CPU caches.
 * A packed form is one object; the party read now is hot.
 *
 * <p>Encoding: the type's ordinal, then per field (id, name, country, account, phone, wallet,
 * email, address, pick-up location, device, IP) a length prefix (one char: 0 for {@code null},
 * else length + 1) and the field's chars. Length-prefixed, so two parties pack equal exactly when
 * they are {@linkplain Party#equals equal}. Fields longer than 65,533 chars (beyond every
 * {@link Limits} bound) do not pack: {@link #of} returns {@code null} and callers compare parties.
 */
public final class PackedParty {
    private static final int MAX_FIELD = Character.MAX_VALUE - 2;

    private PackedParty() {
    }

    /** The packed content of {@code p}, or {@code null} if a field is too long to pack. */
    public static String of(Party p) {
        StringBuilder sb = new StringBuilder(64);
        sb.append((char) (p.type() == null ? 0 : p.type().ordinal() + 1));
        if (!field(sb, p.id()) || !field(sb, p.name()) || !field(sb, p.country()) || !field(sb, p.account())
                || !field(sb, p.phone()) || !field(sb, p.wallet()) || !field(sb, p.email()) || !field(sb, p.address())
                || !field(sb, p.pickupLocation()) || !field(sb, p.device()) || !field(sb, p.ip())) {
            return null;
        }
        return sb.toString();
    }

    private static boolean field(StringBuilder sb, String s) {
        if (s == null) {
            sb.append((char) 0);
            return true;
        }
        if (s.length() > MAX_FIELD) {
            return false;
        }
        sb.append((char) (s.length() + 1)).append(s);
        return true;
    }

    /**
     * Whether {@code p} equals the party {@code packed} was made of ({@code packed} from {@link #of};
     * {@code false} for {@code null}).
     */
    public static boolean matches(String packed, Party p) {
        Objects.requireNonNull(p, "p");
        if (packed == null || packed.charAt(0) != (char) (p.type() == null ? 0 : p.type().ordinal() + 1)) {
            return false;
        }
        int at = 1;
        at = match(packed, at, p.id());
        at = match(packed, at, p.name());
        at = match(packed, at, p.country());
        at = match(packed, at, p.account());
        at = match(packed, at, p.phone());
        at = match(packed, at, p.wallet());
        at = match(packed, at, p.email());
        at = match(packed, at, p.address());
        at = match(packed, at, p.pickupLocation());
        at = match(packed, at, p.device());
        at = match(packed, at, p.ip());
        return at == packed.length();
    }

    /** The position after field {@code s} at {@code at} if it matches, else a position past the end. */
    private static int match(String packed, int at, String s) {
        if (at >= packed.length()) {
            return Integer.MAX_VALUE / 2;
        }
        int len = packed.charAt(at);
        if (s == null) {
            return len == 0 ? at + 1 : Integer.MAX_VALUE / 2;
        }
        if (len != s.length() + 1 || !packed.regionMatches(at + 1, s, 0, s.length())) {
            return Integer.MAX_VALUE / 2;
        }
        return at + 1 + s.length();
    }
}
