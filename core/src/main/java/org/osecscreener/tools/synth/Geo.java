package org.osecscreener.tools.synth;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generator's country table: currency, usual UTC offsets (in minutes) and an approximate
 * FX rate (USD per unit, the default rule pack's illustrative rates). A transaction is always in
 * its sender's currency, and only countries whose currency the default rule pack has a rate for
 * may send, so that every generated transaction is screenable.
 *
 * <p>Beneficiary-only countries ({@link Country#beneficiaryOnly()}: Nigeria and Côte d'Ivoire,
 * where sextortion payments are received) may only be paid, never send: the default rule pack
 * has no FX rate for NGN or XOF, so a transfer from them could not be screened. Their rates here
 * are approximate and only document the currency. {@link GeneratorConfig.CountryMix} rejects them
 * in every sender-side mix.
 */
final class Geo {
    record Country(String code, Currency currency, double usdPerUnit, int[] offsetsMinutes, String phonePrefix,
                   double roundMultiple, boolean beneficiaryOnly) {
    }

    private static final Map<String, Country> TABLE = new TreeMap<>();

    static {
        add("US", "USD", 1.0, "+1", 10, -300, -360, -480, -300);
        add("CA", "CAD", 0.72, "+1", 10, -300, -480);
        add("GB", "GBP", 1.27, "+44", 10, 0);
        add("IE", "EUR", 1.08, "+353", 10, 0);
        add("AU", "AUD", 0.66, "+61", 10, 600, 600, 480);
        add("NZ", "NZD", 0.60, "+64", 10, 720);
        add("DE", "EUR", 1.08, "+49", 10, 60);
        add("NL", "EUR", 1.08, "+31", 10, 60);
        add("FR", "EUR", 1.08, "+33", 10, 60);
        add("IT", "EUR", 1.08, "+39", 10, 60);
        add("ES", "EUR", 1.08, "+34", 10, 60);
        add("CH", "CHF", 1.13, "+41", 10, 60);
        add("SE", "SEK", 0.095, "+46", 100, 60);
        add("NO", "NOK", 0.092, "+47", 100, 60);
        add("JP", "JPY", 0.0067, "+81", 1000, 540);
        add("KR", "KRW", 0.00072, "+82", 10000, 540);
        add("SG", "SGD", 0.74, "+65", 10, 480);
        add("HK", "HKD", 0.128, "+852", 100, 480);
        add("SA", "SAR", 0.2667, "+966", 50, 180);
        add("AE", "AED", 0.2723, "+971", 50, 240);
        add("PH", "PHP", 0.0172, "+63", 500, 480);
        add("TH", "THB", 0.029, "+66", 500, 420);
        add("IN", "INR", 0.012, "+91", 1000, 330);
        add("MX", "MXN", 0.055, "+52", 100, -360);
        add("CO", "COP", 0.00025, "+57", 10000, -300);
        add("DO", "DOP", 0.0167, "+1", 500, -240);
        add("RO", "RON", 0.217, "+40", 50, 120);
        add("GH", "GHS", 0.065, "+233", 100, 0);
        add("UA", "UAH", 0.024, "+380", 500, 120);
        add("JM", "JMD", 0.0064, "+1", 1000, -300);
        add("ZA", "ZAR", 0.055, "+27", 100, 120);
        add("ID", "IDR", 0.000063, "+62", 100000, 420);
        add("VN", "VND", 0.000040, "+84", 100000, 420);
        add("MY", "MYR", 0.22, "+60", 50, 480);
        // Beneficiary side only: never a sender country (the rule pack has no FX rate for NGN or XOF).
        TABLE.put("NG", new Country("NG", Currency.getInstance("NGN"), 0.00065, new int[] {60}, "+234", 1000, true));
        TABLE.put("CI", new Country("CI", Currency.getInstance("XOF"), 0.0017, new int[] {0}, "+225", 1000, true));
    }

    private static void add(String code, String currency, double rate, String phone, double round, int... offsets) {
        TABLE.put(code, new Country(code, Currency.getInstance(currency), rate, offsets, phone, round, false));
    }

    private Geo() {
    }

    static boolean known(String code) {
        return TABLE.containsKey(code);
    }

    /** Whether {@code code} is in the table and may send (not {@linkplain Country#beneficiaryOnly() beneficiary-only}). */
    static boolean canSend(String code) {
        Country c = TABLE.get(code);
        return c != null && !c.beneficiaryOnly();
    }

    /** The beneficiary-only codes, sorted. */
    static List<String> beneficiaryOnly() {
        return TABLE.values().stream().filter(Country::beneficiaryOnly).map(Country::code).toList();
    }

    static Country of(String code) {
        Country c = TABLE.get(code);
        if (c == null) {
            throw new IllegalArgumentException("country " + code + " is not in the generator's table; accepted: " + codes());
        }
        return c;
    }

    static List<String> codes() {
        return List.copyOf(TABLE.keySet());
    }
}
