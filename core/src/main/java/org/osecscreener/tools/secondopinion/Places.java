package org.osecscreener.tools.secondopinion;

import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * The countries the set uses: currency and a rough exchange rate for senders, time zones (with
 * the cities that go with them) for local hours and addresses, the naming style and the dialling
 * code for identifiers.
 *
 * <p>Exchange rates are round mid-2025 figures (units per US dollar), used only to turn the
 * published amounts (given in AUD, EUR, CAD, USD or PHP) into the sender's currency; the set
 * never states a rate anywhere. Every sending currency is one of the 29 the rule pack converts.
 */
final class Places {
    private Places() {
    }

    /** How a country's people are named in this set (see {@link Names}). */
    enum Style { FILIPINO, WESTERN, HISPANIC, WEST_AFRICAN, SOUTH_ASIAN, THAI, VIETNAMESE, MALAY, EAST_EUROPEAN, ARABIC, JAPANESE, KOREAN, CHINESE }

    /** One time zone of a country and the cities written in addresses there. */
    record Zone(ZoneId id, double weight, String[] cities) {
    }

    /**
     * @param country ISO 3166-1 alpha-2
     * @param currency the currency a sender there pays in, or {@code null} for a country that only receives
     * @param perUsd   units of that currency per US dollar
     * @param zones    the zones people live in, weighted
     * @param style    naming style
     * @param dial     international dialling code, digits only
     */
    record Place(String country, Currency currency, double perUsd, Zone[] zones, Style style, String dial) {
        double[] zoneWeights() {
            double[] w = new double[zones.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = zones[i].weight();
            }
            return w;
        }

        Zone zone(Rng r) {
            return zones.length == 1 ? zones[0] : zones[r.weighted(zoneWeights())];
        }
    }

    private static final Map<String, Place> PLACES = new HashMap<>();

    private static Zone z(String zone, double weight, String... cities) {
        return new Zone(ZoneId.of(zone), weight, cities);
    }

    private static void put(String country, String currency, double perUsd, Style style, String dial, Zone... zones) {
        PLACES.put(country, new Place(country, currency == null ? null : Currency.getInstance(currency), perUsd, zones, style, dial));
    }

    static {
        // Demand-side and diaspora countries (senders).
        put("US", "USD", 1.0, Style.WESTERN, "1",
                z("America/New_York", 0.40, "New York, NY", "Jersey City, NJ", "Philadelphia, PA", "Miami, FL", "Atlanta, GA", "Baltimore, MD"),
                z("America/Chicago", 0.22, "Chicago, IL", "Houston, TX", "Dallas, TX", "Minneapolis, MN"),
                z("America/Denver", 0.05, "Denver, CO", "Salt Lake City, UT"),
                z("America/Phoenix", 0.05, "Phoenix, AZ", "Tucson, AZ"),
                z("America/Los_Angeles", 0.24, "Los Angeles, CA", "San Diego, CA", "Daly City, CA", "Seattle, WA", "Las Vegas, NV"),
                z("Pacific/Honolulu", 0.04, "Honolulu, HI", "Waipahu, HI"));
        put("CA", "CAD", 1.38, Style.WESTERN, "1",
                z("America/Toronto", 0.45, "Toronto, ON", "Mississauga, ON", "Ottawa, ON", "Montreal, QC"),
                z("America/Vancouver", 0.25, "Vancouver, BC", "Surrey, BC"),
                z("America/Edmonton", 0.13, "Calgary, AB", "Edmonton, AB"),
                z("America/Winnipeg", 0.11, "Winnipeg, MB"),
                z("America/Halifax", 0.03, "Halifax, NS"),
                z("America/St_Johns", 0.03, "St. John's, NL"));
        put("GB", "GBP", 0.79, Style.WESTERN, "44", z("Europe/London", 1, "London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol"));
        put("IE", "EUR", 0.92, Style.WESTERN, "353", z("Europe/Dublin", 1, "Dublin", "Cork", "Galway"));
        put("AU", "AUD", 1.55, Style.WESTERN, "61",
                z("Australia/Sydney", 0.35, "Sydney NSW", "Blacktown NSW", "Newcastle NSW"),
                z("Australia/Melbourne", 0.30, "Melbourne VIC", "Geelong VIC"),
                z("Australia/Brisbane", 0.15, "Brisbane QLD", "Cairns QLD", "Townsville QLD"),
                z("Australia/Perth", 0.12, "Perth WA"),
                z("Australia/Adelaide", 0.06, "Adelaide SA"),
                z("Australia/Darwin", 0.02, "Darwin NT"));
        put("NZ", "NZD", 1.70, Style.WESTERN, "64", z("Pacific/Auckland", 1, "Auckland", "Wellington", "Christchurch"));
        put("DE", "EUR", 0.92, Style.WESTERN, "49", z("Europe/Berlin", 1, "Berlin", "Hamburg", "Munich", "Frankfurt am Main", "Cologne"));
        put("FR", "EUR", 0.92, Style.WESTERN, "33", z("Europe/Paris", 1, "Paris", "Lyon", "Marseille"));
        put("NL", "EUR", 0.92, Style.WESTERN, "31", z("Europe/Amsterdam", 1, "Amsterdam", "Rotterdam", "Utrecht"));
        put("BE", "EUR", 0.92, Style.WESTERN, "32", z("Europe/Brussels", 1, "Brussels", "Antwerp"));
        put("AT", "EUR", 0.92, Style.WESTERN, "43", z("Europe/Vienna", 1, "Vienna", "Graz"));
        put("ES", "EUR", 0.92, Style.HISPANIC, "34", z("Europe/Madrid", 0.9, "Madrid", "Barcelona", "Valencia"), z("Atlantic/Canary", 0.1, "Las Palmas"));
        put("IT", "EUR", 0.92, Style.WESTERN, "39", z("Europe/Rome", 1, "Rome", "Milan", "Naples"));
        put("FI", "EUR", 0.92, Style.WESTERN, "358", z("Europe/Helsinki", 1, "Helsinki", "Espoo"));
        put("GR", "EUR", 0.92, Style.WESTERN, "30", z("Europe/Athens", 1, "Athens", "Piraeus"));
        put("CY", "EUR", 0.92, Style.WESTERN, "357", z("Asia/Nicosia", 1, "Limassol", "Nicosia"));
        put("SE", "SEK", 10.5, Style.WESTERN, "46", z("Europe/Stockholm", 1, "Stockholm", "Gothenburg", "Malmo"));
        put("NO", "NOK", 10.8, Style.WESTERN, "47", z("Europe/Oslo", 1, "Oslo", "Bergen", "Stavanger"));
        put("CH", "CHF", 0.88, Style.WESTERN, "41", z("Europe/Zurich", 1, "Zurich", "Geneva", "Basel"));
        put("JP", "JPY", 150, Style.JAPANESE, "81", z("Asia/Tokyo", 1, "Tokyo", "Nagoya", "Osaka", "Yokohama"));
        put("KR", "KRW", 1380, Style.KOREAN, "82", z("Asia/Seoul", 1, "Seoul", "Incheon", "Busan"));
        put("SG", "SGD", 1.34, Style.CHINESE, "65", z("Asia/Singapore", 1, "Singapore"));
        put("HK", "HKD", 7.80, Style.CHINESE, "852", z("Asia/Hong_Kong", 1, "Kowloon, Hong Kong", "Central, Hong Kong", "Tsuen Wan, Hong Kong"));
        put("SA", "SAR", 3.75, Style.ARABIC, "966", z("Asia/Riyadh", 1, "Riyadh", "Jeddah", "Dammam", "Al Khobar"));
        put("AE", "AED", 3.6725, Style.ARABIC, "971", z("Asia/Dubai", 1, "Dubai", "Abu Dhabi", "Sharjah"));
        // Source countries of the typology (they also send, domestically).
        put("PH", "PHP", 57, Style.FILIPINO, "63", z("Asia/Manila", 1, "Quezon City", "Manila", "Caloocan", "Cebu City", "Lapu-Lapu City",
                "Davao City", "Cagayan de Oro", "Iloilo City", "Bacolod", "Angeles City", "Tagum City", "Legazpi City", "General Santos",
                "Taguig", "Pasig", "Antipolo", "Zamboanga City", "Tacloban", "Dumaguete", "Baguio"));
        put("TH", "THB", 34, Style.THAI, "66", z("Asia/Bangkok", 1, "Bangkok", "Pattaya", "Chiang Mai", "Udon Thani"));
        put("IN", "INR", 85, Style.SOUTH_ASIAN, "91", z("Asia/Kolkata", 1, "Mumbai", "Kochi", "Chennai", "Hyderabad", "Delhi"));
        put("MX", "MXN", 19, Style.HISPANIC, "52", z("America/Mexico_City", 0.85, "Ciudad de Mexico", "Guadalajara", "Puebla"),
                z("America/Tijuana", 0.15, "Tijuana", "Mexicali"));
        put("CO", "COP", 4100, Style.HISPANIC, "57", z("America/Bogota", 1, "Bogota", "Medellin", "Cali", "Cartagena"));
        put("DO", "DOP", 60, Style.HISPANIC, "1", z("America/Santo_Domingo", 1, "Santo Domingo", "Santiago de los Caballeros", "Puerto Plata"));
        put("RO", "RON", 4.6, Style.EAST_EUROPEAN, "40", z("Europe/Bucharest", 1, "Bucharest", "Iasi", "Constanta", "Cluj-Napoca"));
        put("GH", "GHS", 15, Style.WEST_AFRICAN, "233", z("Africa/Accra", 1, "Accra", "Kumasi", "Tamale"));
        put("UA", "UAH", 41, Style.EAST_EUROPEAN, "380", z("Europe/Kyiv", 1, "Kyiv", "Lviv", "Odesa", "Dnipro"));
        put("JM", "JMD", 157, Style.WESTERN, "1", z("America/Jamaica", 1, "Kingston", "Montego Bay", "Spanish Town"));
        put("ZA", "ZAR", 18.3, Style.WESTERN, "27", z("Africa/Johannesburg", 1, "Johannesburg", "Durban", "Cape Town", "Pretoria"));
        put("ID", "IDR", 16000, Style.MALAY, "62", z("Asia/Jakarta", 0.8, "Jakarta", "Bandung", "Surabaya"), z("Asia/Makassar", 0.2, "Denpasar", "Makassar"));
        put("VN", "VND", 25500, Style.VIETNAMESE, "84", z("Asia/Ho_Chi_Minh", 1, "Ho Chi Minh City", "Hanoi", "Da Nang"));
        put("MY", "MYR", 4.5, Style.MALAY, "60", z("Asia/Kuala_Lumpur", 1, "Kuala Lumpur", "Johor Bahru", "Kota Kinabalu"));
        // Countries that only receive in this set (the sender pays in its own currency).
        put("NG", null, 0, Style.WEST_AFRICAN, "234", z("Africa/Lagos", 1, "Lagos", "Ibadan", "Benin City", "Abuja"));
        put("CI", null, 0, Style.WEST_AFRICAN, "225", z("Africa/Abidjan", 1, "Abidjan", "Bouake"));
        put("GT", null, 0, Style.HISPANIC, "502", z("America/Guatemala", 1, "Guatemala City", "Quetzaltenango"));
        put("HN", null, 0, Style.HISPANIC, "504", z("America/Tegucigalpa", 1, "Tegucigalpa", "San Pedro Sula"));
        put("SV", null, 0, Style.HISPANIC, "503", z("America/El_Salvador", 1, "San Salvador", "Santa Ana"));
        put("EC", null, 0, Style.HISPANIC, "593", z("America/Guayaquil", 1, "Guayaquil", "Quito"));
        put("PL", null, 0, Style.EAST_EUROPEAN, "48", z("Europe/Warsaw", 1, "Warsaw", "Krakow", "Wroclaw"));
        put("TR", null, 0, Style.ARABIC, "90", z("Europe/Istanbul", 1, "Istanbul", "Ankara", "Izmir"));
        put("PK", null, 0, Style.SOUTH_ASIAN, "92", z("Asia/Karachi", 1, "Karachi", "Lahore", "Faisalabad"));
        put("BD", null, 0, Style.SOUTH_ASIAN, "880", z("Asia/Dhaka", 1, "Dhaka", "Sylhet", "Chittagong"));
        put("NP", null, 0, Style.SOUTH_ASIAN, "977", z("Asia/Kathmandu", 1, "Kathmandu", "Pokhara"));
        put("LK", null, 0, Style.SOUTH_ASIAN, "94", z("Asia/Colombo", 1, "Colombo", "Kandy"));
        put("EG", null, 0, Style.ARABIC, "20", z("Africa/Cairo", 1, "Cairo", "Alexandria"));
        put("MA", null, 0, Style.ARABIC, "212", z("Africa/Casablanca", 1, "Casablanca", "Rabat", "Fes"));
        put("CN", null, 0, Style.CHINESE, "86", z("Asia/Shanghai", 1, "Guangzhou", "Fuzhou", "Shanghai"));
        put("KE", null, 0, Style.WEST_AFRICAN, "254", z("Africa/Nairobi", 1, "Nairobi", "Mombasa"));
        put("FJ", null, 0, Style.WESTERN, "679", z("Pacific/Fiji", 1, "Suva", "Nadi"));
        put("AL", null, 0, Style.EAST_EUROPEAN, "355", z("Europe/Tirane", 1, "Tirana", "Durres"));
        put("SN", null, 0, Style.WEST_AFRICAN, "221", z("Africa/Dakar", 1, "Dakar", "Thies"));
    }

    /** The place of a country this set uses; fails loudly on a country it does not know (a bug). */
    static Place of(String country) {
        Place p = PLACES.get(country);
        if (p == null) {
            throw new IllegalStateException("no place data for country " + country);
        }
        return p;
    }

    /** Whether every place can send: the currencies the rule pack converts, checked at class load. */
    static final String CONVERTIBLE = "USD AUD GBP CAD EUR JPY SGD SAR AED HKD NZD CHF SEK NOK KRW PHP THB INR MXN COP DOP RON GHS UAH JMD ZAR IDR VND MYR";

    static {
        for (Place p : PLACES.values()) {
            if (p.currency() != null && !CONVERTIBLE.contains(p.currency().getCurrencyCode())) {
                throw new IllegalStateException(p.currency() + " is not a currency the rule pack converts");
            }
        }
    }

    /** A country drawn from {@code codes} with {@code weights}. */
    static Place pick(Rng r, String[] codes, double[] weights) {
        return of(codes[r.weighted(weights)]);
    }
}
