package org.osecscreener.tools.secondopinion;

import java.util.Locale;

import org.osecscreener.tools.secondopinion.Names.Name;
import org.osecscreener.tools.secondopinion.Places.Place;

/**
 * Synthetic identifiers: phone numbers, e-wallets, accounts, addresses, pick-up agents, e-mails,
 * devices and IP addresses.
 *
 * <p>Numbers are random in each country's usual shape (Philippine mobiles with real network
 * prefixes, 0917, 0998 ..., because the typology is about how those are written: the same number
 * appears as {@code 0917 123 4567}, {@code +63 917 123 4567}, {@code 639171234567} or as an
 * e-wallet id). The fictional ranges (US 555-01xx, UK 07700 900xxx) hold only a few hundred
 * numbers each, far too few for a million-transaction set without unrelated parties colliding,
 * so they are not used; a random number may coincide with a real one, as in any synthetic data,
 * but belongs to nobody here. E-mails are at {@code example.com/.net/.org}; IP addresses are in
 * the IPv6 documentation prefix {@code 2001:db8::/32} (a tenth in the IPv4 documentation ranges,
 * which hold only 762 addresses). Brands of pick-up agents are invented; agent numbers are
 * unique per run.
 */
final class Identifiers {
    private Identifiers() {
    }

    private static final String[] PH_PREFIX = {"905", "906", "915", "916", "917", "918", "919", "920", "921", "926", "927", "928", "929",
            "939", "945", "947", "949", "951", "955", "956", "961", "965", "966", "977", "995", "997", "998", "999"};

    /** A Philippine mobile as its ten national digits after the trunk 0, e.g. {@code 9171234567}. */
    static String phMobile(Rng r) {
        return r.pick(PH_PREFIX) + r.digits(7, false);
    }

    /** A national mobile number (digits after the country code) for any country. */
    static String mobile(Rng r, Place p) {
        return switch (p.country()) {
            case "PH" -> phMobile(r);
            case "US", "CA" -> r.between(201, 989) + "" + r.between(200, 999) + r.digits(4, false);
            case "GB" -> "7" + r.digits(9, false);
            case "AU" -> "4" + r.digits(8, false);
            case "DO" -> "809" + r.digits(7, false);
            case "JM" -> "876" + r.digits(7, false);
            case "TH" -> (r.chance(0.5) ? "8" : "9") + r.digits(8, false);
            case "NG" -> r.pick(new String[] {"803", "806", "813", "816", "903", "906", "810"}) + r.digits(7, false);
            case "CI" -> r.pick(new String[] {"07", "05", "01"}) + r.digits(8, false);
            case "SG", "HK" -> (r.chance(0.5) ? "9" : "8") + r.digits(7, false);
            default -> (r.chance(0.5) ? "7" : "6") + r.digits(8, false);
        };
    }

    /**
     * A mobile written in one of the forms people and systems use. For the Philippines:
     * {@code 0917 123 4567}, {@code +63 917 123 4567}, {@code 639171234567}, {@code 09171234567},
     * {@code +639171234567}, {@code 0917-123-4567}, {@code (0917) 123-4567}.
     */
    static String writePhone(Rng r, Place p, String national) {
        if (p.country().equals("PH")) {
            return writePh(r.between(0, 6), national);
        }
        String dial = p.dial();
        return switch (r.between(0, 3)) {
            case 0 -> "+" + dial + " " + group(national);
            case 1 -> "+" + dial + national;
            case 2 -> dial + national;
            default -> (dial.equals("1") ? "(" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6)
                    : "0" + national);
        };
    }

    static String writePh(int form, String n) {
        return switch (form) {
            case 0 -> "0" + n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
            case 1 -> "+63 " + n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
            case 2 -> "63" + n;
            case 3 -> "0" + n;
            case 4 -> "+63" + n;
            case 5 -> "0" + n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6);
            default -> "(0" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6);
        };
    }

    private static String group(String n) {
        if (n.length() <= 4) {
            return n;
        }
        return n.substring(0, 3) + " " + n.substring(3, Math.min(6, n.length())) + (n.length() > 6 ? " " + n.substring(6) : "");
    }

    /** An e-wallet id: the owner's mobile number (as in the Philippines, and for mobile money elsewhere), in one of several forms. */
    static String wallet(Rng r, Place p, String national) {
        if (p.country().equals("PH")) {
            return switch (r.between(0, 2)) {
                case 0 -> "0" + national;
                case 1 -> "63" + national;
                default -> "+63" + national;
            };
        }
        return r.chance(0.6) ? "0" + national : p.dial() + national;   // mobile money: the number is the wallet
    }

    /** A bank account or IBAN-like number in the country's usual shape (not check-digit valid). */
    static String account(Rng r, String country) {
        return switch (country) {
            case "US" -> r.digits(r.between(9, 12), true);
            case "CA" -> r.digits(5, false) + "-" + r.digits(3, false) + "-" + r.digits(7, false);
            case "GB" -> r.digits(2, true) + "-" + r.digits(2, false) + "-" + r.digits(2, false) + " " + r.digits(8, false);
            case "AU" -> "0" + r.digits(2, false) + "-" + r.digits(3, false) + " " + r.digits(8, false);
            case "NZ" -> r.digits(2, false) + "-" + r.digits(4, false) + "-" + r.digits(7, false) + "-" + r.digits(2, false);
            case "DE", "FR", "NL", "BE", "AT", "ES", "IT", "IE", "FI", "GR", "CY", "SE", "NO", "CH", "RO", "UA", "PL", "AL", "TR" ->
                    country + r.digits(2, false) + " " + r.digits(4, false) + " " + r.digits(4, false) + " " + r.digits(4, false) + " "
                            + r.digits(4, false) + (r.chance(0.5) ? " " + r.digits(2, false) : "");
            case "PH" -> r.chance(0.5) ? "PH-" + r.digits(10, true) : r.digits(4, false) + "-" + r.digits(4, false) + "-" + r.digits(4, false);
            default -> r.digits(r.between(10, 14), true);
        };
    }

    private static final String[] PH_BRGY = {"San Isidro", "Poblacion", "Santo Niño", "Bagong Silang", "San Roque", "Mabini", "Rizal",
            "San Jose", "Bagumbayan", "Malinis", "Maligaya", "Kalayaan", "Masagana", "Sampaguita", "San Vicente", "Santa Cruz"};
    private static final String[] STREET_END = {" St", " Ave", " Rd", " Street", " Lane", " Dr"};

    /** A Philippine barangay name: a common place name or an invented one. */
    static String barangay(Rng r) {
        return Names.plainEnye(r, r.chance(0.5) ? r.pick(PH_BRGY) : Names.filipinoSurname(r));
    }

    /** A postal address on one line, in the country's city for the zone. */
    static String address(Rng r, Place p, String city) {
        if (p.country().equals("PH")) {
            return switch (r.between(0, 3)) {
                case 0 -> "Blk " + r.between(1, 40) + " Lot " + r.between(1, 30) + ", Brgy. " + barangay(r) + ", " + city;
                case 1 -> "Purok " + r.between(1, 9) + ", Brgy. " + barangay(r) + ", " + city;
                case 2 -> r.between(1, 999) + " " + Names.filipinoSurname(r) + " St., Brgy. " + barangay(r) + ", " + city;
                default -> "Sitio " + Names.filipinoSurname(r) + ", Brgy. " + barangay(r) + ", " + city;
            };
        }
        return r.between(1, 480) + " " + Names.surname(r, p.style() == Places.Style.FILIPINO ? Places.Style.WESTERN : p.style())
                + r.pick(STREET_END) + ", " + city;
    }

    /**
     * The same Philippine address written another way: abbreviated, upper case, without the
     * barangay prefix. Used for linked payees that share an address.
     */
    static String rewriteAddress(Rng r, String address) {
        return switch (r.between(0, 3)) {
            case 0 -> address.replace("Blk ", "B").replace(" Lot ", " L").replace("Brgy. ", "Brgy ");
            case 1 -> address.toUpperCase(Locale.ROOT);
            case 2 -> address.replace("Brgy. ", "Barangay ").replace(", ", " ");
            default -> address;
        };
    }

    private static final String[] AGENT_BRANDS = {"Kabayan Padala", "Sulit Remit", "Agila Express", "Tulay Cash", "Bahay Padala",
            "Bayanihan Remit", "Sinag Money Center"};

    /** A pick-up agent: brand, branch number and area, e.g. {@code Agent 2231 Cebu Colon}. */
    static String[] pickupAgent(Rng r, Place p, String city, int number) {
        String brand = r.pick(AGENT_BRANDS);
        String area = p.country().equals("PH") ? barangay(r) : Names.surname(r, p.style());
        // The forms the same agent is written in by different systems and clerks.
        return new String[] {
                "Agent " + number + " " + city + " " + area,
                brand + " - " + area + ", " + city + " (Agent " + number + ")",
                (brand + " " + number + " " + area).toUpperCase(Locale.ROOT)};
    }

    static String email(Rng r, Name n) {
        String local = Names.ascii(Names.firstWord(n.given())) + (r.chance(0.5) ? "." : "") + Names.ascii(n.family());
        if (r.chance(0.7)) {
            local += r.between(1, 9999);
        }
        return local + "@example." + r.pick(new String[] {"com", "net", "org"});
    }

    static String device(Rng r) {
        return "d-" + Long.toHexString(r.betweenLong(0x10000000L, 0xFFFFFFFFL));
    }

    static String ip(Rng r) {
        if (r.chance(0.1)) {
            return r.pick(new String[] {"192.0.2.", "198.51.100.", "203.0.113."}) + r.between(1, 254);
        }
        return "2001:db8:" + Integer.toHexString(r.between(0, 0xffff)) + ":" + Integer.toHexString(r.between(0, 0xffff)) + "::"
                + Integer.toHexString(r.between(1, 0xffff));
    }
}
