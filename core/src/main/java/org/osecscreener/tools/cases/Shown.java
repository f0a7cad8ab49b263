package org.osecscreener.tools.cases;

import org.osecscreener.privacy.Mask;

/**
 * How identifiers are shown in exports: masked with {@link Mask} by default, raw only when the
 * caller asked for raw identifiers explicitly. Opaque party ids of the source system (such as
 * {@code S-1042}) are shown as given; ids derived from an identifier ({@code IBAN:…},
 * {@code ACCT:…}, {@code PRXY:…}, {@code NAME:…}, from pacs.008 input) are masked after the prefix.
 */
final class Shown {
    static final Shown MASKED = new Shown(false);
    static final Shown RAW = new Shown(true);

    final boolean raw;

    private Shown(boolean raw) {
        this.raw = raw;
    }

    static Shown of(boolean raw) {
        return raw ? RAW : MASKED;
    }

    String partyId(String id) {
        if (raw || id == null) {
            return id;
        }
        int colon = id.indexOf(':');
        if (colon >= 2 && colon <= 5 && id.substring(0, colon).chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return id.substring(0, colon + 1) + Mask.account(id.substring(colon + 1));
        }
        return id;
    }

    String name(String v) {
        return raw || v == null ? v : Mask.text(v);
    }

    String account(String v) {
        return raw || v == null ? v : Mask.account(v);
    }

    String phone(String v) {
        return raw || v == null ? v : Mask.phone(v.replaceAll("[\\s().-]", ""));
    }

    String email(String v) {
        return raw || v == null ? v : Mask.email(v);
    }

    String address(String v) {
        return raw || v == null ? v : Mask.text(v);
    }
}
