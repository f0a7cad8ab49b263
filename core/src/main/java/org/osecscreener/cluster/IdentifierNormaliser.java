package org.osecscreener.cluster;

import java.util.Locale;
import java.util.Objects;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.osecscreener.model.Party;
import org.osecscreener.privacy.PseudonymTokens;

/**
 * Turns a {@link Party} into its {@link PayeeIdentifiers}: the separable first step of
 * payee clustering, cheap to run on any thread before the single-writer resolver.
 *
 * <p>Per field (only for link types the configuration switches on):
 * <ul>
 *   <li><b>phone</b>: parsed by libphonenumber with the party's country (or the configured
 *       default region) as the default region, written in E.164 ({@code +639171234567}). A
 *       number libphonenumber cannot parse, or parses to an impossible number, is kept in
 *       raw-folded form (lower case, whitespace removed) and flagged
 *       {@link NormalisationFlag#UNPARSEABLE_PHONE}; it still links to an identical raw value.
 *       Numbers in the common clean forms ({@code +63 917 123 4567}, {@code 0917-123-4567},
 *       {@code (0917) 123 4567}, {@code 639171234567}: ASCII digits, spaces, {@code - . ( )} and
 *       a leading {@code +}) are read by {@link PhoneFastPath}, which gives exactly
 *       libphonenumber's answer without its free-text parsing (libphonenumber's own metadata and
 *       patterns, compiled once per region) and hands anything else, or anything it is not sure
 *       of, to libphonenumber ({@link #e164Reference}).</li>
 *   <li><b>wallet</b>: if it is written like a phone number (digits, spaces, {@code + - . ( )})
 *       and libphonenumber finds a valid number, it becomes that E.164 phone number, typed
 *       {@code PHONE} when phone links are on (so that it links with the phone field of other
 *       payees; flag {@link NormalisationFlag#WALLET_IS_PHONE}), else typed {@code WALLET}.
 *       Any other wallet id is lower-cased with whitespace removed.</li>
 *   <li><b>account</b>: everything but letters and digits stripped, upper case.</li>
 *   <li><b>email</b>: trimmed, lower case. <b>device</b>: trimmed, as given.</li>
 *   <li><b>address</b> and <b>pick-up location</b>: {@link AddressNormaliser}, prefixed with the
 *       party's country ({@code PH|block 5 lot 3 barangay san isidro}).</li>
 *   <li><b>name</b>: the order-insensitive {@linkplain NameNormaliser#key key}, prefixed with
 *       the party's country: equal names link only within a country.</li>
 * </ul>
 * A placeholder (empty, a configured value such as "N/A", or a number whose digits are all
 * zero) yields no identifier and raises {@link NormalisationFlag#PLACEHOLDER_IGNORED}. Nothing
 * here throws on bad data. The IP address is not an identifier: carrier NAT shares it widely.
 *
 * <p>Identifiers come out in the order phone, wallet, account, email, device, address, name,
 * pick-up location; the resolver links them in that order. Immutable and thread-safe.
 *
 * <p>A field already pseudonymised at ingest ({@link PseudonymTokens}: {@code phone:…} tokens
 * written by {@code org.osecscreener.privacy.ingest.IngestPseudonymiser}) is passed through as it is, with
 * the flags it carries: the pseudonymised party normalises to exactly
 * {@code normalise(raw).pseudonymised(pseudonymiser)}.
 */
public final class IdentifierNormaliser {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int FLAG_UNPARSEABLE = 1 << NormalisationFlag.UNPARSEABLE_PHONE.ordinal();
    private static final int FLAG_WALLET_PHONE = 1 << NormalisationFlag.WALLET_IS_PHONE.ordinal();
    private static final int FLAG_PLACEHOLDER = 1 << NormalisationFlag.PLACEHOLDER_IGNORED.ordinal();

    private final ClusterConfig config;
    private final boolean[] on = new boolean[IdentifierType.values().length];

    /**
     * @param config the clustering configuration (link types, placeholders, default region)
     */
    public IdentifierNormaliser(ClusterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        for (IdentifierType t : config.linkTypes()) {
            on[t.ordinal()] = true;
        }
    }

    /**
     * Normalises a beneficiary's identifiers. Never throws on bad data.
     *
     * @param party the beneficiary
     * @return its identifiers and flags
     */
    public PayeeIdentifiers normalise(Party party) {
        Identifier[] out = new Identifier[8];
        int n = 0;
        int flags = 0;
        String country = party.country();
        String region = config.defaultRegion() != null ? config.defaultRegion() : country;

        if (PseudonymTokens.isPseudonymised(party.phone())) {
            n = tokens(party.phone(), out, n);
            flags |= tokenFlags(party.phone());
        } else if (on(IdentifierType.PHONE) && party.phone() != null) {
            if (placeholder(party.phone())) {
                flags |= FLAG_PLACEHOLDER;
            } else {
                String e164 = e164(party.phone(), region, false);
                if (e164 == null) {
                    flags |= FLAG_UNPARSEABLE;
                    out[n++] = new Identifier(IdentifierType.PHONE, Fold.raw(party.phone()));
                } else if (e164.isEmpty()) {
                    flags |= FLAG_PLACEHOLDER;
                } else {
                    out[n++] = new Identifier(IdentifierType.PHONE, e164);
                }
            }
        }
        if (PseudonymTokens.isPseudonymised(party.wallet())) {
            n = tokens(party.wallet(), out, n);
            flags |= tokenFlags(party.wallet());
        } else if ((on(IdentifierType.WALLET) || on(IdentifierType.PHONE)) && party.wallet() != null) {
            String wallet = party.wallet();
            if (placeholder(wallet)) {
                flags |= FLAG_PLACEHOLDER;
            } else {
                String e164 = looksLikePhone(wallet) ? e164(wallet, region, true) : null;
                if (e164 != null && e164.isEmpty()) {
                    flags |= FLAG_PLACEHOLDER;
                } else if (e164 != null) {
                    flags |= FLAG_WALLET_PHONE;
                    IdentifierType type = on(IdentifierType.PHONE) ? IdentifierType.PHONE : IdentifierType.WALLET;
                    out[n++] = new Identifier(type, e164);
                } else if (on(IdentifierType.WALLET)) {
                    out[n++] = new Identifier(IdentifierType.WALLET, Fold.raw(wallet));
                }
            }
        }
        if (PseudonymTokens.isPseudonymised(party.account())) {
            n = tokens(party.account(), out, n);
            flags |= tokenFlags(party.account());
        } else if (on(IdentifierType.ACCOUNT) && party.account() != null) {
            String account = account(party.account());
            if (account.isEmpty() || placeholder(party.account())) {
                flags |= FLAG_PLACEHOLDER;
            } else {
                out[n++] = new Identifier(IdentifierType.ACCOUNT, account);
            }
        }
        if (PseudonymTokens.isPseudonymised(party.email())) {
            n = tokens(party.email(), out, n);
            flags |= tokenFlags(party.email());
        } else if (on(IdentifierType.EMAIL) && party.email() != null) {
            if (placeholder(party.email())) {
                flags |= FLAG_PLACEHOLDER;
            } else {
                out[n++] = new Identifier(IdentifierType.EMAIL, party.email().trim().toLowerCase(Locale.ROOT));
            }
        }
        if (PseudonymTokens.isPseudonymised(party.device())) {
            n = tokens(party.device(), out, n);
            flags |= tokenFlags(party.device());
        } else if (on(IdentifierType.DEVICE) && party.device() != null) {
            if (placeholder(party.device())) {
                flags |= FLAG_PLACEHOLDER;
            } else {
                out[n++] = new Identifier(IdentifierType.DEVICE, party.device().trim());
            }
        }
        if (PseudonymTokens.isPseudonymised(party.address())) {
            n = tokens(party.address(), out, n);
            flags |= tokenFlags(party.address());
        } else if (on(IdentifierType.ADDRESS) && party.address() != null) {
            String a = AddressNormaliser.normalise(party.address());
            if (a.isEmpty() || placeholder(party.address())) {
                flags |= FLAG_PLACEHOLDER;
            } else {
                out[n++] = new Identifier(IdentifierType.ADDRESS, country + '|' + a);
            }
        }
        if (PseudonymTokens.isPseudonymised(party.name())) {
            n = tokens(party.name(), out, n);
            flags |= tokenFlags(party.name());
        } else if (on(IdentifierType.NAME) && party.name() != null) {
            String k = NameNormaliser.key(party.name());
            if (k.isEmpty() || placeholder(party.name())) {
                flags |= FLAG_PLACEHOLDER;
            } else {
                out[n++] = new Identifier(IdentifierType.NAME, country + '|' + k);
            }
        }
        if (PseudonymTokens.isPseudonymised(party.pickupLocation())) {
            n = tokens(party.pickupLocation(), out, n);
            flags |= tokenFlags(party.pickupLocation());
        } else if (on(IdentifierType.PICKUP_LOCATION) && party.pickupLocation() != null) {
            String a = AddressNormaliser.normalise(party.pickupLocation());
            if (a.isEmpty() || placeholder(party.pickupLocation())) {
                flags |= FLAG_PLACEHOLDER;
            } else {
                out[n++] = new Identifier(IdentifierType.PICKUP_LOCATION, country + '|' + a);
            }
        }
        Identifier[] ids = n == out.length ? out : java.util.Arrays.copyOf(out, n);
        return PayeeIdentifiers.ofTrusted(ids, flags);
    }

    /**
     * A phone number in E.164, read with the given default region.
     *
     * @param phone  the number as given
     * @param region the region for numbers without a country code, for example {@code PH}
     * @return the E.164 form, or {@code null} if libphonenumber cannot make a possible number of it
     */
    public static String toE164(String phone, String region) {
        String e = e164(phone, region, false);
        return e == null || e.isEmpty() ? null : e;
    }

    /**
     * Adds the identifier token of a pseudonymised field (see {@code IngestPseudonymiser}): the
     * first pseudonym whose tag names a link type that is on, as it is. A field yields at most one
     * identifier, as a raw field does (only a crafted value holds more than one).
     */
    private int tokens(String value, Identifier[] out, int n) {
        for (String t : PseudonymTokens.tokens(value)) {
            if (t.charAt(0) == '!') {
                continue;
            }
            IdentifierType type = typeOfTag(t.substring(0, t.indexOf(':')));
            if (type != null && on(type)) {
                out[n++] = new Identifier(type, t);
                return n;
            }
        }
        return n;
    }

    /** The flags carried by a pseudonymised field ({@code !u}, {@code !w}, {@code !p}). */
    private static int tokenFlags(String value) {
        int f = 0;
        for (String t : PseudonymTokens.tokens(value)) {
            if (t.equals("!u")) {
                f |= FLAG_UNPARSEABLE;
            } else if (t.equals("!w")) {
                f |= FLAG_WALLET_PHONE;
            } else if (t.equals("!p")) {
                f |= FLAG_PLACEHOLDER;
            }
        }
        return f;
    }

    private static IdentifierType typeOfTag(String tag) {
        for (IdentifierType t : IdentifierType.values()) {
            if (t.tag().equals(tag)) {
                return t;
            }
        }
        return null;
    }

    private boolean on(IdentifierType t) {
        return on[t.ordinal()];
    }

    private boolean placeholder(String value) {
        String key = Fold.placeholderKey(value);
        return key.isEmpty() || config.placeholders().contains(key) || Fold.allZeroNumber(value);
    }

    /**
     * E.164, {@code ""} for an all-zero national number, {@code null} if unparseable (or, with
     * {@code requireValid}, invalid; else impossible). Common clean forms take
     * {@link PhoneFastPath}, which gives exactly what {@link #e164Reference} gives; anything it is
     * not certain of goes to libphonenumber.
     */
    static String e164(String raw, String region, boolean requireValid) {
        String fast = PhoneFastPath.e164(raw, region, requireValid);
        return fast != PhoneFastPath.UNSURE ? fast : e164Reference(raw, region, requireValid);
    }

    /**
     * {@link #e164} by libphonenumber alone ({@code parse}, then {@code isPossibleNumber} or
     * {@code isValidNumber}, then {@code format(E164)}): the definition the fast path is tested
     * against, and its fallback.
     */
    static String e164Reference(String raw, String region, boolean requireValid) {
        try {
            PhoneNumber pn = PHONES.parse(raw, region);
            if (pn.getNationalNumber() == 0) {
                return "";
            }
            if (requireValid ? !PHONES.isValidNumber(pn) : !PHONES.isPossibleNumber(pn)) {
                return null;
            }
            return PHONES.format(pn, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a wallet id is written like a phone number (at least 7 digits; digits, spaces and {@code + - . ( )} only). */
    static boolean looksLikePhone(String s) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != ' ' && c != '+' && c != '-' && c != '.' && c != '(' && c != ')') {
                return false;
            }
        }
        return digits >= 7;
    }

    private static String account(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }
}
