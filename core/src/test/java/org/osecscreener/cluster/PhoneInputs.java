package org.osecscreener.cluster;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Synthetic phone-number input for the fast-path tests, written the ways people and systems write
 * numbers, and worse. Numbers start from libphonenumber's own example numbers (every region, every
 * type), so that valid, possible and impossible numbers of every region all occur, and are then
 * changed (digits redrawn, lengthened, shortened, zeroed) and written (with {@code +}, national
 * prefix, bare calling code or international prefix; grouped with spaces, dashes, dots or
 * parentheses; surrounded by blanks; with letters, extensions, non-ASCII digits or other
 * characters mixed in). No real person's number is used: example numbers are libphonenumber's
 * documentation values, and every other digit is drawn at random.
 */
final class PhoneInputs {
    private PhoneInputs() {
    }

    static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** Every region libphonenumber knows, sorted (a stable order for fixed seeds). */
    static final List<String> REGIONS = List.copyOf(new TreeSet<>(PHONES.getSupportedRegions()));

    /** The countries the synthetic generators write numbers for, drawn more often. */
    static final List<String> COMMON = List.of("PH", "US", "CA", "GB", "IE", "AU", "NZ", "DE", "NL", "FR", "IT", "ES", "CH",
            "SE", "NO", "JP", "KR", "SG", "HK", "SA", "AE", "TH", "IN", "MX", "CO", "DO", "RO", "GH", "UA", "JM", "ZA", "ID",
            "VN", "MY", "NG", "CI", "BE", "AT", "FI", "GR", "CY", "GT", "HN", "SV", "EC", "PL", "TR", "PK", "BD", "NP", "LK",
            "EG", "MA", "CN", "KE", "FJ");

    /** Default regions that libphonenumber does not accept (and {@code null}). */
    static final List<String> ODD_REGIONS = java.util.Arrays.asList("XX", "ph", "", "001", "ZZ", "UK", null, "P H");

    private static final PhoneNumberType[] TYPES = PhoneNumberType.values();
    private static final String SEPARATORS = " -.()";
    private static final char[] ODD_CHARS = {'\t', '\u00A0', '\u2013', '\uFF0B', '\uFF0D', '/', '#', '*', ',', ';', 'x', 'X',
            'e', 'A', 'o', 'O', 'l', '~', '\u3000', '\u200B', '\n', '_', ':', '\'', '"', '[', ']', '\u0660', '\uFF11', '\u0966'};

    /** A default region: mostly the generators' countries, sometimes any region, now and then an odd one. */
    static String region(Random r) {
        int k = r.nextInt(100);
        if (k < 60) {
            return COMMON.get(r.nextInt(COMMON.size()));
        }
        if (k < 95) {
            return REGIONS.get(r.nextInt(REGIONS.size()));
        }
        return ODD_REGIONS.get(r.nextInt(ODD_REGIONS.size()));
    }

    /** The national significant number of an example number of the region (or random digits). */
    static String exampleNsn(Random r, String region) {
        PhoneNumber ex = null;
        if (region != null && PHONES.getSupportedRegions().contains(region)) {
            for (int tries = 0; tries < 4 && ex == null; tries++) {
                ex = PHONES.getExampleNumberForType(region, TYPES[r.nextInt(TYPES.length)]);
            }
        }
        return ex != null ? PHONES.getNationalSignificantNumber(ex) : digits(r, 4 + r.nextInt(10));
    }

    /** The example number changed: kept (often), digits redrawn, lengthened, shortened or zeroed. */
    static String mutate(Random r, String nsn) {
        int k = r.nextInt(100);
        if (k < 30) {
            return nsn;
        }
        StringBuilder sb = new StringBuilder(nsn);
        if (k < 70) {
            // keep a prefix (the number's range), redraw the rest
            int keep = r.nextInt(nsn.length() + 1);
            for (int i = keep; i < sb.length(); i++) {
                sb.setCharAt(i, (char) ('0' + r.nextInt(10)));
            }
        } else if (k < 82) {
            sb.append(digits(r, 1 + r.nextInt(4)));
        } else if (k < 92) {
            sb.setLength(Math.max(0, sb.length() - 1 - r.nextInt(Math.max(1, sb.length()))));
        } else if (k < 96) {
            sb.setLength(0);
            sb.append("0".repeat(1 + r.nextInt(14)));
        } else {
            sb.setLength(0);
            sb.append(digits(r, r.nextInt(22)));
        }
        return sb.toString();
    }

    /** A whole input: a number of some region written in some form for the default region {@code region}. */
    static String written(Random r, String region) {
        int k = r.nextInt(100);
        if (k < 6) {
            return hostile(r);
        }
        // the number's own region: mostly the default region, sometimes another
        String own = region != null && PHONES.getSupportedRegions().contains(region) && r.nextInt(4) > 0
                ? region : REGIONS.get(r.nextInt(REGIONS.size()));
        String nsn = mutate(r, exampleNsn(r, own));
        int cc = PHONES.getCountryCodeForRegion(own);
        String ndd = PHONES.getNddPrefixForRegion(own, true);
        String idd = iddOf(r, region);
        String body;
        switch (r.nextInt(8)) {
            case 0, 1 -> body = "+" + cc + sep(r) + group(r, nsn);
            case 2 -> body = "+" + cc + nsn;
            case 3 -> body = (ndd == null ? "" : ndd) + group(r, nsn);
            case 4 -> body = (ndd == null ? "" : ndd) + nsn;
            case 5 -> body = cc + group(r, nsn);
            case 6 -> body = idd + sep(r) + cc + sep(r) + group(r, nsn);
            default -> body = nsn;
        }
        if (r.nextInt(10) == 0) {
            body = "(" + body.replaceFirst(" ", ") ");
        }
        if (r.nextInt(8) == 0) {
            body = " ".repeat(r.nextInt(3)) + body + " ".repeat(r.nextInt(3));
        }
        int damage = r.nextInt(100);
        if (damage < 8) {
            body = insert(r, body, ODD_CHARS[r.nextInt(ODD_CHARS.length)]);
        } else if (damage < 12) {
            body = body + extension(r);
        } else if (damage < 16) {
            body = foreignDigits(r, body);
        } else if (damage < 19) {
            body = insert(r, body, (char) ('a' + r.nextInt(26)));
        } else if (damage < 21) {
            body = body.replace('+', r.nextBoolean() ? '\uFF0B' : '+') + (r.nextBoolean() ? "+" : "");
        } else if (damage < 23) {
            body = "+" + body;
        } else if (damage < 24) {
            body = body + "0".repeat(r.nextInt(300));
        }
        return body;
    }

    /** Random text over an alphabet of digits, separators, letters and odd characters. */
    static String hostile(Random r) {
        int k = r.nextInt(10);
        if (k == 0) {
            return new String[] {"", "+", " ", "++", "+ ", "()", "-", "0", "00", "000", "+0", "+1", "+63", "63", "tel:+639171234567",
                    "+639171234567;ext=12", "+63 917 123 4567 x 12", "0917 123 4567 #", "0917 123 4567/x12", "+1 800 FLOWERS",
                    "1-800-FLOWERS", "0917 123 4567 / 0918 765 4321", "+1 201-555-0123 ext. 7", "0917.123.4567.",
                    "tel:0917-123-4567;phone-context=+63", "+63(0)917 123 4567"}[r.nextInt(26)];
        }
        if (k == 1) {
            return "9".repeat(r.nextInt(400));
        }
        String alphabet = "0123456789 -.()+";
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(k < 6 ? 24 : 80);
        for (int i = 0; i < n; i++) {
            sb.append(k < 6 ? alphabet.charAt(r.nextInt(alphabet.length()))
                    : r.nextInt(4) == 0 ? ODD_CHARS[r.nextInt(ODD_CHARS.length)] : alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String iddOf(Random r, String region) {
        if (region == null || !PHONES.getSupportedRegions().contains(region)) {
            return "00";
        }
        String[] common = {"00", "011", "009", "001", "0011", "010", "810"};
        return r.nextBoolean() ? common[r.nextInt(common.length)] : "00";
    }

    private static String group(Random r, String nsn) {
        int style = r.nextInt(6);
        if (style == 0 || nsn.length() < 4) {
            return nsn;
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        boolean first = true;
        while (i < nsn.length()) {
            int len = Math.min(nsn.length() - i, 2 + r.nextInt(3));
            String part = nsn.substring(i, i + len);
            if (first && style == 1) {
                sb.append('(').append(part).append(") ");
            } else {
                if (!first) {
                    sb.append(style == 2 ? "-" : style == 3 ? "." : style == 4 ? sep(r) : " ");
                }
                sb.append(part);
            }
            first = false;
            i += len;
        }
        return sb.toString();
    }

    private static String sep(Random r) {
        int k = r.nextInt(8);
        return k < 4 ? " " : k < 6 ? "" : String.valueOf(SEPARATORS.charAt(r.nextInt(SEPARATORS.length())));
    }

    private static String insert(Random r, String s, char c) {
        int at = r.nextInt(s.length() + 1);
        return s.substring(0, at) + c + s.substring(at);
    }

    private static String extension(Random r) {
        String[] labels = {" x", " ext. ", ";ext=", " #", "#", " extn ", ",,", ",", " int ", "x", " - "};
        return labels[r.nextInt(labels.length)] + digits(r, 1 + r.nextInt(6)) + (r.nextInt(3) == 0 ? "#" : "");
    }

    /** Some or all ASCII digits replaced by Arabic-Indic, full-width or Devanagari ones. */
    private static String foreignDigits(Random r, String s) {
        char zero = new char[] {'\u0660', '\uFF10', '\u0966', '\u06F0'}[r.nextInt(4)];
        boolean all = r.nextBoolean();
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= '0' && c <= '9' && (all || r.nextInt(4) == 0) ? (char) (zero + (c - '0')) : c);
        }
        return sb.toString();
    }

    static String digits(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

}
