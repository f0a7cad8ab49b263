package org.osecscreener.cluster;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

/**
 * A cheap, exact fast path for {@link IdentifierNormaliser}'s E.164 normalisation: for phone
 * numbers written in the common clean forms it gives exactly what libphonenumber's
 * {@code PhoneNumberUtil.parse} followed by {@code isPossibleNumber} / {@code isValidNumber} and
 * {@code format(E164)} gives ({@link IdentifierNormaliser#e164Reference}), without the regular
 * expressions that {@code parse} runs over the whole input to find a number in free text. For
 * anything else it answers {@link #UNSURE} and the caller asks libphonenumber.
 *
 * <p><b>What it covers.</b> Inputs of at most {@value #MAX_CHARS} characters made only of ASCII
 * digits and the separators space, {@code -}, {@code .}, {@code (} and {@code )}, with at most one
 * {@code +}, which must come before the first digit (only separators before it), and 3 to
 * {@value #MAX_DIGITS} digits: {@code +63 917 123 4567}, {@code +639171234567},
 * {@code 0917-123-4567}, {@code (0917) 123-4567}, {@code 639171234567}, {@code +1 (201) 555-0123},
 * {@code 07 01 23 45 67}, with separators before or after the number, for every region with
 * libphonenumber metadata: the forms the synthetic generators write (of 2.5 million phones and
 * phone-like wallets in a main and a second-opinion file, all but 14 Ivorian numbers written with
 * an extra {@code 0}, which reads as the international prefix {@code 00}). It falls back for
 * letters (vanity numbers, extensions such as {@code x12} or {@code ;ext=}), any other character
 * (tabs, no-break spaces, {@code #}, {@code /}, a second {@code +}), non-ASCII digits (Arabic-Indic,
 * full-width), a default region libphonenumber does not know (unless the number starts with
 * {@code +}), a {@code +} followed by {@code 0} or by no known country calling code,
 * non-geographic calling codes ({@code +800}, {@code +882} ...), a national number that begins
 * with the region's international prefix ({@code 0063 ...} in the Philippines), a national prefix
 * written with a carrier code that the metadata rewrites (Brazil, Argentina, Japan, the NANPA
 * islands' seven-digit local numbers, and so on), and national significant numbers shorter than
 * 2 or longer than 17 digits.
 *
 * <p><b>Why it is exact.</b> For such an input libphonenumber's {@code parse} (9.0.19,
 * {@code PhoneNumberUtil.parseHelper}) takes a path this class follows step by step:
 * <ol>
 *   <li>{@code extractPossibleNumber} drops the separators before the {@code +} or the first digit
 *       and after the last digit; no extension pattern, RFC 3966 parameter or second-number marker
 *       can match (each needs a letter, {@code ;}, {@code ,}, {@code #}, {@code ~}, {@code /} or a
 *       full-width character); with three or more digits the number is viable; and normalising it
 *       leaves its ASCII digits (fewer than three letters, so no keypad mapping).</li>
 *   <li>With a {@code +}: the country calling code is the shortest prefix of one to three digits
 *       that libphonenumber knows, the rest is the national number, and the metadata is the one
 *       of the code's main region (whatever the default region).</li>
 *   <li>Without one: the region's international prefix is tried (if it matches, this class falls
 *       back); if the digits start with the region's own calling code, the code is taken off when
 *       the general pattern matches the rest and not the whole (after the national prefix is
 *       stripped from the rest), or when the whole is too long; otherwise the digits are the
 *       national number of the default region.</li>
 *   <li>The national prefix for parsing is stripped if it matches at the start, unless the
 *       number matched the general pattern before and does not after, and the stripped form is
 *       kept only if its length is possible or too long for the region.</li>
 * </ol>
 * Each region-specific decision uses the same metadata (loaded from the same classpath resources
 * through libphonenumber's public {@link DefaultMetadataDependenciesProvider}) and the same
 * regular expressions, compiled from the same strings with the same (default) flags, applied to
 * the same digit strings; only the generic free-text parsing is replaced by a character loop.
 * Possibility ({@code isPossibleNumber}: the length rules of the calling code's main region) and
 * validity ({@code isValidNumber}: the region chosen among those sharing the calling code by
 * leading digits or full validation, then the general pattern and the first matching number
 * type) are computed the same way from precompiled patterns, so they take neither
 * libphonenumber's synchronised pattern cache nor its string building. The national significant
 * number of the parsed number is the digit string itself (leading zeros included: libphonenumber
 * keeps them as "Italian leading zeros"), so its E.164 form is {@code "+" + code + digits}.
 * {@code PhoneFastPathPropertyTest} checks all of this against libphonenumber on generated input
 * of every region, and a fast-path answer never replaces an exception: whenever libphonenumber
 * would throw, this class has already fallen back.
 *
 * <p><b>Cost.</b> Per-region knowledge (calling code, national and international prefixes,
 * possible lengths, general and per-type patterns) is read from libphonenumber's metadata and
 * compiled once per region, on the region's first use (loading all 245 regions at class
 * initialisation would take a few hundred milliseconds and their patterns' memory in every JVM,
 * for regions a deployment never sees); the calling-code tables are built at class
 * initialisation. A lookup is then a few table reads and one or two anchored pattern matches on a
 * string of about ten digits. Stateless apart from those caches (immutable values in concurrent
 * maps), so thread-safe.
 */
final class PhoneFastPath {
    /**
     * Returned by {@link #e164} when the fast path is not certain of libphonenumber's answer
     * (compared by identity; never a valid result).
     */
    static final String UNSURE = new String("?");

    /** Inputs longer than this fall back (libphonenumber's own limit is 250). */
    static final int MAX_CHARS = 64;
    /** At most this many digits (a national significant number has at most 17, plus a code). */
    static final int MAX_DIGITS = 20;

    /** libphonenumber's bounds on the national significant number ({@code MIN/MAX_LENGTH_FOR_NSN}). */
    private static final int MIN_NSN = 2;
    private static final int MAX_NSN = 17;
    private static final String NON_GEO_REGION = "001";

    // Results of libphonenumber's testNumberLength, by length.
    private static final byte IS_POSSIBLE = 0;
    private static final byte IS_POSSIBLE_LOCAL_ONLY = 1;
    private static final byte TOO_SHORT = 2;
    private static final byte TOO_LONG = 3;
    private static final byte INVALID_LENGTH = 4;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final Set<String> SUPPORTED_REGIONS = PHONES.getSupportedRegions();

    /** Calling codes libphonenumber knows (geographic or not), by value. */
    private static final boolean[] KNOWN_CODE = new boolean[1000];
    /** The regions sharing each geographic calling code, main region first; null for others. */
    private static final String[][] CODE_REGIONS = new String[1000][];

    static {
        for (int code : PHONES.getSupportedCallingCodes()) {
            if (code <= 0 || code >= 1000) {
                continue;   // cannot be written in three digits: never extracted
            }
            KNOWN_CODE[code] = true;
            List<String> regions = PHONES.getRegionCodesForCountryCode(code);
            if (!regions.isEmpty() && !regions.contains(NON_GEO_REGION)) {
                CODE_REGIONS[code] = regions.toArray(new String[0]);
            }
        }
    }

    private static final ConcurrentHashMap<String, Region> REGIONS = new ConcurrentHashMap<>();

    private PhoneFastPath() {
    }

    /**
     * The E.164 normalisation of {@code raw} read with {@code region} as default region, exactly
     * as {@link IdentifierNormaliser#e164Reference} gives it, or {@link #UNSURE}.
     *
     * @param raw          the number as written
     * @param region       the default region (any string; libphonenumber's region codes are upper case)
     * @param requireValid whether the number must be valid (wallets) rather than only possible
     * @return the E.164 form, {@code ""} for a national number of zero, {@code null} for an
     *         impossible (or, with {@code requireValid}, invalid) number, or {@link #UNSURE}
     */
    static String e164(String raw, String region, boolean requireValid) {
        Parsed p = parse(raw, region);
        if (p == null) {
            return UNSURE;
        }
        if (allZero(p.nsn)) {
            return "";   // national number 0
        }
        if (requireValid) {
            int v = valid(p.countryCode, p.nsn);
            if (v < 0) {
                return UNSURE;
            }
            if (v == 0) {
                return null;
            }
        } else {
            int v = possible(p.countryCode, p.nsn);
            if (v < 0) {
                return UNSURE;
            }
            if (v == 0) {
                return null;
            }
        }
        return "+" + p.countryCode + p.nsn;
    }

    /** A number the fast path parsed: calling code and national significant number (digits). */
    static final class Parsed {
        final int countryCode;
        final String nsn;

        Parsed(int countryCode, String nsn) {
            this.countryCode = countryCode;
            this.nsn = nsn;
        }

        /** The {@link PhoneNumber} that {@code PhoneNumberUtil.parse} builds for the same input. */
        PhoneNumber toPhoneNumber() {
            PhoneNumber pn = new PhoneNumber();
            pn.setCountryCode(countryCode);
            // PhoneNumberUtil.setItalianLeadingZerosForPhoneNumber
            if (nsn.length() > 1 && nsn.charAt(0) == '0') {
                pn.setItalianLeadingZero(true);
                int zeros = 1;
                while (zeros < nsn.length() - 1 && nsn.charAt(zeros) == '0') {
                    zeros++;
                }
                if (zeros != 1) {
                    pn.setNumberOfLeadingZeros(zeros);
                }
            }
            pn.setNationalNumber(Long.parseLong(nsn));
            return pn;
        }
    }

    /**
     * Parses {@code raw} as {@code PhoneNumberUtil.parse(raw, region)} does, or returns
     * {@code null} when the input is outside the covered forms (see the class comment). A
     * non-null result means that {@code parse} succeeds and returns a number equal to
     * {@link Parsed#toPhoneNumber()}.
     */
    static Parsed parse(String raw, String region) {
        if (raw == null || raw.length() > MAX_CHARS) {
            return null;
        }
        char[] digits = new char[MAX_DIGITS];
        int n = 0;
        boolean plus = false;
        boolean started = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (n == MAX_DIGITS) {
                    return null;
                }
                digits[n++] = c;
                started = true;
            } else if (c == '+') {
                if (started) {
                    return null;   // a second '+', or one after a digit
                }
                plus = true;
                started = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return null;
            }
        }
        if (n < 3) {
            return null;
        }
        String all = new String(digits, 0, n);
        Region home = region(region);
        int countryCode;
        String national;
        Region meta;
        if (plus) {
            // maybeExtractCountryCode: '+' stripped, shortest known calling code of 1 to 3 digits.
            if (all.charAt(0) == '0') {
                return null;
            }
            int code = 0;
            int len = 0;
            for (int i = 1; i <= 3 && i <= n; i++) {
                int candidate = Integer.parseInt(all, 0, i, 10);
                if (KNOWN_CODE[candidate]) {
                    code = candidate;
                    len = i;
                    break;
                }
            }
            if (code == 0 || CODE_REGIONS[code] == null) {
                return null;   // unknown (libphonenumber retries oddly) or non-geographic
            }
            countryCode = code;
            national = all.substring(len);
            meta = mainRegion(code);
        } else {
            if (home == null) {
                return null;
            }
            if (home.internationalPrefixAt(all)) {
                return null;
            }
            countryCode = 0;
            national = all;
            meta = home;
            if (all.startsWith(home.countryCodeDigits)) {
                // maybeExtractCountryCode: the region's own calling code written without '+'.
                String rest = home.stripNationalPrefix(all.substring(home.countryCodeDigits.length()));
                if (rest == null) {
                    return null;
                }
                if (!home.matchesGeneral(all) && home.matchesGeneral(rest) || home.length(all.length()) == TOO_LONG) {
                    countryCode = home.countryCode;
                    national = rest;
                    meta = mainRegion(countryCode);
                }
            }
            if (countryCode == 0) {
                countryCode = home.countryCode;
            }
        }
        if (meta == null || national.length() < MIN_NSN) {
            return null;
        }
        String stripped = meta.stripNationalPrefix(national);
        if (stripped == null) {
            return null;
        }
        byte fit = meta.length(stripped.length());
        if (fit != TOO_SHORT && fit != IS_POSSIBLE_LOCAL_ONLY && fit != INVALID_LENGTH) {
            national = stripped;
        }
        if (national.length() < MIN_NSN || national.length() > MAX_NSN) {
            return null;
        }
        return new Parsed(countryCode, national);
    }

    /**
     * {@code PhoneNumberUtil.isPossibleNumber} for a geographic calling code and a national
     * significant number of 2 to 17 digits (the length rules of the code's main region): 1
     * possible, 0 not, -1 unsure (the region's metadata could not be loaded).
     */
    static int possible(int countryCode, String nsn) {
        Region main = mainRegion(countryCode);
        if (main == null) {
            return -1;
        }
        byte fit = main.length(nsn.length());
        return fit == IS_POSSIBLE || fit == IS_POSSIBLE_LOCAL_ONLY ? 1 : 0;
    }

    /**
     * {@code PhoneNumberUtil.isValidNumber} for a geographic calling code and a national
     * significant number: 1 valid, 0 not, -1 unsure (a region's metadata could not be loaded).
     */
    static int valid(int countryCode, String nsn) {
        String[] regions = CODE_REGIONS[countryCode];
        if (regions.length == 1) {
            Region r = region(regions[0]);
            return r == null ? -1 : r.validHere(countryCode, nsn) ? 1 : 0;
        }
        // getRegionCodeForNumberFromRegionList, then isValidNumberForRegion on the region found.
        for (String code : regions) {
            Region r = region(code);
            if (r == null) {
                return -1;
            }
            if (r.leadingDigits != null) {
                if (r.leadingDigits.matcher(nsn).lookingAt()) {
                    return r.validHere(countryCode, nsn) ? 1 : 0;
                }
            } else if (r.hasKnownType(nsn)) {
                return r.countryCode == countryCode ? 1 : 0;   // validHere, its type already known
            }
        }
        return 0;
    }

    /**
     * The metadata {@code parseHelper} uses once a calling code is known: the main region's (the
     * default region's if that is the main region: the same metadata).
     */
    private static Region mainRegion(int countryCode) {
        return region(CODE_REGIONS[countryCode][0]);
    }

    private static boolean allZero(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** The region's compiled knowledge, or {@code null} for an unknown region or unusable metadata. */
    private static Region region(String code) {
        if (code == null) {
            return null;
        }
        Region r = REGIONS.get(code);
        if (r == null) {
            if (!SUPPORTED_REGIONS.contains(code)) {
                return null;   // never cache arbitrary strings
            }
            r = REGIONS.computeIfAbsent(code, Region::load);
        }
        return r.usable ? r : null;
    }

    /** A number-type description: possible lengths (null: any) and pattern (null: matches nothing). */
    private static final class Desc {
        final int[] lengths;
        final Pattern pattern;

        Desc(PhoneNumberDesc d) {
            List<Integer> l = d.getPossibleLengthList();
            this.lengths = l.isEmpty() ? null : l.stream().mapToInt(Integer::intValue).toArray();
            this.pattern = d.getNationalNumberPattern().isEmpty() ? null : Pattern.compile(d.getNationalNumberPattern());
        }

        /** {@code PhoneNumberUtil.isNumberMatchingDesc}. */
        boolean matches(String nsn) {
            if (lengths != null) {
                boolean fits = false;
                for (int l : lengths) {
                    fits |= l == nsn.length();
                }
                if (!fits) {
                    return false;
                }
            }
            return pattern != null && pattern.matcher(nsn).matches();
        }
    }

    /** What the fast path needs of one region's metadata, with its patterns compiled. */
    private static final class Region {
        static final Region UNUSABLE = new Region();

        final boolean usable;
        final int countryCode;
        final String countryCodeDigits;
        final String internationalPrefixLiteral;
        final Pattern internationalPrefix;
        final String nationalPrefixLiteral;
        final Pattern nationalPrefix;
        final boolean transformsNationalPrefix;
        final Pattern generalPattern;
        final byte[] lengths;
        final Pattern leadingDigits;
        /**
         * General description, then the types {@code getNumberTypeHelper} tries: mobile (absent
         * when the metadata says it is the fixed-line pattern: then libphonenumber does not try
         * it) and fixed line first, the commonest, then the others. Whether any matches does not
         * depend on the order.
         */
        final Desc[] types;

        private Region() {
            usable = false;
            countryCode = 0;
            countryCodeDigits = null;
            internationalPrefixLiteral = null;
            internationalPrefix = null;
            nationalPrefixLiteral = null;
            nationalPrefix = null;
            transformsNationalPrefix = false;
            generalPattern = null;
            lengths = null;
            leadingDigits = null;
            types = null;
        }

        private Region(PhoneMetadata m, byte[] lengths) {
            usable = true;
            countryCode = m.getCountryCode();
            countryCodeDigits = String.valueOf(countryCode);
            String idd = m.getInternationalPrefix();
            internationalPrefixLiteral = isDigits(idd) ? idd : null;
            internationalPrefix = isDigits(idd) ? null : Pattern.compile(idd);
            String npp = m.getNationalPrefixForParsing();
            nationalPrefixLiteral = !npp.isEmpty() && isDigits(npp) ? npp : null;
            nationalPrefix = npp.isEmpty() || isDigits(npp) ? null : Pattern.compile(npp);
            transformsNationalPrefix = !m.getNationalPrefixTransformRule().isEmpty();
            String general = m.getGeneralDesc().getNationalNumberPattern();
            generalPattern = general.isEmpty() ? null : Pattern.compile(general);
            this.lengths = lengths;
            leadingDigits = m.hasLeadingDigits() ? Pattern.compile(m.getLeadingDigits()) : null;
            types = new Desc[] {new Desc(m.getGeneralDesc()),
                    m.getSameMobileAndFixedLinePattern() ? null : new Desc(m.getMobile()), new Desc(m.getFixedLine()),
                    new Desc(m.getPremiumRate()), new Desc(m.getTollFree()), new Desc(m.getSharedCost()), new Desc(m.getVoip()),
                    new Desc(m.getPersonalNumber()), new Desc(m.getPager()), new Desc(m.getUan()), new Desc(m.getVoicemail())};
        }

        static Region load(String code) {
            try {
                PhoneMetadata m = METADATA.getMetadataForRegion(code);
                if (m == null) {
                    return UNUSABLE;
                }
                byte[] lengths = lengths(m.getGeneralDesc());
                return lengths == null ? UNUSABLE : new Region(m, lengths);
            } catch (RuntimeException e) {
                return UNUSABLE;   // libphonenumber would fail too; let it
            }
        }

        /**
         * {@code PhoneNumberUtil.testNumberLength(number, metadata)} (type UNKNOWN: the general
         * description) for every length up to {@link #MAX_DIGITS}; null if it would throw.
         */
        private static byte[] lengths(PhoneNumberDesc general) {
            List<Integer> possible = general.getPossibleLengthList();
            List<Integer> local = general.getPossibleLengthLocalOnlyList();
            if (possible.isEmpty()) {
                return null;
            }
            byte[] out = new byte[MAX_DIGITS + 1];
            for (int len = 0; len <= MAX_DIGITS; len++) {
                if (possible.get(0) == -1) {
                    out[len] = INVALID_LENGTH;
                } else if (local.contains(len)) {
                    out[len] = IS_POSSIBLE_LOCAL_ONLY;
                } else if (possible.get(0) == len) {
                    out[len] = IS_POSSIBLE;
                } else if (possible.get(0) > len) {
                    out[len] = TOO_SHORT;
                } else if (possible.get(possible.size() - 1) < len) {
                    out[len] = TOO_LONG;
                } else {
                    out[len] = possible.subList(1, possible.size()).contains(len) ? IS_POSSIBLE : INVALID_LENGTH;
                }
            }
            return out;
        }

        private static boolean isDigits(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return false;
                }
            }
            return !s.isEmpty();
        }

        byte length(int len) {
            return lengths[len];
        }

        /** {@code matchNationalNumber(number, generalDesc, false)}. */
        boolean matchesGeneral(String digits) {
            return generalPattern != null && generalPattern.matcher(digits).matches();
        }

        /** Whether the international prefix matches at the start of the digits ({@code parsePrefixAsIdd}'s test). */
        boolean internationalPrefixAt(String digits) {
            return internationalPrefixLiteral != null ? digits.startsWith(internationalPrefixLiteral)
                    : internationalPrefix.matcher(digits).lookingAt();
        }

        /**
         * {@code maybeStripNationalPrefixAndCarrierCode}: the digits with the national prefix
         * stripped, the digits themselves if it is not, or {@code null} (unsure) where the
         * metadata would rewrite them with its transform rule.
         */
        String stripNationalPrefix(String digits) {
            if (digits.isEmpty() || nationalPrefixLiteral == null && nationalPrefix == null) {
                return digits;
            }
            int end;
            if (nationalPrefixLiteral != null) {
                if (!digits.startsWith(nationalPrefixLiteral)) {
                    return digits;
                }
                if (transformsNationalPrefix) {
                    return null;
                }
                end = nationalPrefixLiteral.length();
            } else {
                Matcher m = nationalPrefix.matcher(digits);
                if (!m.lookingAt()) {
                    return digits;
                }
                if (transformsNationalPrefix && m.group(m.groupCount()) != null) {
                    return null;
                }
                end = m.end();
            }
            String rest = digits.substring(end);
            if (matchesGeneral(digits) && !matchesGeneral(rest)) {
                return digits;
            }
            return rest;
        }

        /** {@code isValidNumberForRegion} for this region (the region's calling code, then a known type). */
        boolean validHere(int code, String nsn) {
            return code == countryCode && hasKnownType(nsn);
        }

        /**
         * {@code getNumberTypeHelper(nsn, metadata) != UNKNOWN}: the general description matches
         * and so does one of the types libphonenumber tries.
         */
        boolean hasKnownType(String nsn) {
            if (!types[0].matches(nsn)) {
                return false;
            }
            for (int i = 1; i < types.length; i++) {
                if (types[i] != null && types[i].matches(nsn)) {
                    return true;
                }
            }
            return false;
        }
    }
}
