package org.osecscreener.cluster;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Normalises postal addresses (and cash pick-up locations) for equality.
 *
 * <p>Case, diacritics, punctuation and whitespace are folded, then each token is replaced by
 * its unified spelling from {@link #abbreviations()}: {@code "Blk 5 Lot 3, Brgy. San Isidro"}
 * and {@code "BLOCK 5 LOT 3 BARANGAY SAN ISIDRO"} both become
 * {@code "block 5 lot 3 barangay san isidro"}. Token order is kept: addresses are not
 * reordered. The list is documented in {@code docs/clustering.md}; {@code st} always means
 * street (never saint), which is harmless because both sides of a comparison map it alike.
 *
 * <p>Stateless and thread-safe.
 */
public final class AddressNormaliser {
    private static final Map<String, String> ABBREVIATIONS;

    static {
        TreeMap<String, String> m = new TreeMap<>();
        put(m, "street", "st", "str", "strt");
        put(m, "avenue", "ave", "av", "avn");
        put(m, "road", "rd");
        put(m, "boulevard", "blvd", "bvd");
        put(m, "drive", "dr");
        put(m, "lane", "ln");
        put(m, "highway", "hwy");
        put(m, "extension", "ext");
        put(m, "corner", "cor");
        put(m, "barangay", "brgy", "bgy", "brg", "bgry");
        put(m, "block", "blk", "bk");
        put(m, "lot", "lt");
        put(m, "phase", "ph");
        put(m, "subdivision", "subd", "sub");
        put(m, "village", "vill", "vlg");
        put(m, "building", "bldg", "bld");
        put(m, "floor", "flr", "fl");
        put(m, "apartment", "apt");
        put(m, "room", "rm");
        put(m, "number", "no", "num", "nbr");
        put(m, "poblacion", "pob");
        put(m, "municipality", "mun");
        put(m, "province", "prov");
        put(m, "city", "cty");
        put(m, "heights", "hts");
        put(m, "compound", "cmpd", "cpd");
        put(m, "santa", "sta");
        put(m, "santo", "sto");
        put(m, "san", "sn");
        put(m, "north", "n");
        put(m, "south", "s");
        put(m, "east", "e");
        put(m, "west", "w");
        ABBREVIATIONS = Collections.unmodifiableMap(m);
    }

    private AddressNormaliser() {
    }

    private static void put(Map<String, String> m, String full, String... abbreviations) {
        for (String a : abbreviations) {
            m.put(a, full);
        }
    }

    /**
     * Normalises an address.
     *
     * @param address the address as given, may be {@code null}
     * @return the folded tokens joined by single spaces, abbreviations unified; {@code ""} if
     *         nothing was left
     */
    public static String normalise(String address) {
        List<String> tokens = Fold.tokens(address);
        StringBuilder sb = new StringBuilder(address == null ? 0 : address.length() + 16);
        for (String t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(ABBREVIATIONS.getOrDefault(t, t));
        }
        return sb.toString();
    }

    /** The abbreviation list: folded abbreviation to unified spelling, sorted by abbreviation. */
    public static Map<String, String> abbreviations() {
        return ABBREVIATIONS;
    }
}
