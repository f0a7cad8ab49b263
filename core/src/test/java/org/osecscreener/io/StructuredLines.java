package org.osecscreener.io;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Well-formed JSON lines with hostile values: each known field may be dropped, given twice,
 * given a value of the wrong type, an edge or out-of-range value, a huge number, odd unicode, a
 * very long string or deep nesting; unknown fields with deep values are mixed in. Complements the
 * byte-level mutations, which rarely get past the JSON syntax.
 */
final class StructuredLines {
    private StructuredLines() {
    }

    private static final String[] GENERIC = {
        "null", "true", "false", "0", "-1", "1.5", "1e999999999", "1e-999999999", "-1e-999999999",
        "123456789012345678901234567890", "9223372036854775808", "-0.0", "0.1e1", "1E+12", "{}", "[]",
        "[null]", "{\"a\":[1,{\"b\":null}]}", "\"\"", "\" \"", "\"\\u0000\"", "\"\\uD800\"", "\"\\uDC00x\"",
        "\"\\uD83D\\uDE00\"", "\"\u202E\u2028\u00A0\"", "\"e\u0301\u0130\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
        "\"../../etc/passwd\"", "\"${jndi:ldap://x/a}\"", "\"<script>\"",
    };
    private static final String[] TIMESTAMPS = {
        "2026-03-01T22:15:00+10:00", "2026-03-01T22:15:00Z", "2026-03-01T22:15:00", "2026-02-30T10:00:00Z",
        "2026-03-01T24:00:00Z", "2026-03-01T22:15:00+18:00", "2026-03-01T22:15:00+18:01", "2026-03-01T22:15:00-19:00",
        "2026-03-01T22:15:00.1234567891Z", "2026-03-01T22:15:00.Z", "+999999999-12-31T23:59:59+18:00",
        "-999999999-01-01T00:00:00-18:00", "+1000000000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
        "2026-03-01t22:15:00z", "2026-03-01T22:15:00+05:30:45", "2026-03-01T22:15:60Z", "2026-3-1T22:15:00Z",
        "2026-03-01T22:15:00+1000", "\u0662\u0660\u0662\u0666-03-01T22:15:00Z", "2026-03-01T22:15:00ZZ", "yesterday", "",
    };
    private static final String[] AMOUNTS = {
        "\"45.00\"", "\"45.001\"", "\"0\"", "\"0.00\"", "\"-5\"", "\"+5\"", "\"5.\"", "\".5\"", "\"1e2\"", "\"1E-2\"",
        "\"1e999999999\"", "\"1e-999999999\"", "\"1000000000000\"", "\"1000000000000.01\"", "\"1000000000001\"",
        "\"99999999999999\"", "\"0x10\"", "\"\u0664\u0665\"", "\"45,00\"", "\" 45\"", "\"NaN\"", "\"Infinity\"",
        "45", "45.5", "45.001", "1e2", "1e999999999", "1e-999999999", "-0", "0.0000000000000000000000000000000000001",
        "99999999999999999999999999999999999999", "1E+12", "\"00000000000000000000000000000000000045\"",
    };
    private static final String[] CURRENCIES = {
        "USD", "AUD", "JPY", "KWD", "CLF", "XAU", "XXX", "XTS", "usd", "US", "USDX", "\u00dcSD", "ZWL", "BOV", "",
    };
    private static final String[] COUNTRIES = {"PH", "AU", "XK", "ph", "P", "PHL", "ZZ", "EU", "\u0130T", ""};
    private static final String[] ENUMS = {"ONLINE", "AGENT", "PERSON", "BUSINESS", "online", "PIGEON", "", "ONLINE "};
    private static final String[] PARTY_FIELDS = {
        "id", "type", "name", "country", "account", "phone", "wallet", "email", "address", "pickupLocation", "device", "ip",
    };

    /** One line. */
    static String next(SplittableRandom r) {
        List<String[]> top = new ArrayList<>();
        top.add(new String[] {"id", str("T-" + r.nextInt(1000))});
        top.add(new String[] {"timestamp", str("2026-03-01T22:15:00+10:00")});
        top.add(new String[] {"amount", "\"45.00\""});
        top.add(new String[] {"currency", str("AUD")});
        if (r.nextBoolean()) {
            top.add(new String[] {"channel", str("ONLINE")});
        }
        if (r.nextBoolean()) {
            top.add(new String[] {"purpose", str("school fees")});
        }
        top.add(new String[] {"sender", party(r, "S", "AU")});
        top.add(new String[] {"beneficiary", party(r, "B", "PH")});
        if (r.nextBoolean()) {
            top.add(new String[] {"label", r.nextBoolean() ? "{\"osec\":true,\"scenario\":\"x\"}" : "{\"scenario\":\"x\"}"});
        }
        mutateFields(top, r, false);
        return object(top);
    }

    private static String party(SplittableRandom r, String id, String country) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"id", str(id + "-" + r.nextInt(100))});
        fields.add(new String[] {"country", str(country)});
        int extra = r.nextInt(4);
        for (int i = 0; i < extra; i++) {
            fields.add(new String[] {PARTY_FIELDS[r.nextInt(PARTY_FIELDS.length)], str("v" + i)});
        }
        mutateFields(fields, r, true);
        return object(fields);
    }

    private static void mutateFields(List<String[]> fields, SplittableRandom r, boolean party) {
        int changes = r.nextInt(3);
        for (int c = 0; c < changes && !fields.isEmpty(); c++) {
            int i = r.nextInt(fields.size());
            switch (r.nextInt(6)) {
                case 0 -> fields.remove(i);
                case 1 -> fields.add(r.nextInt(fields.size() + 1), new String[] {fields.get(i)[0], value(fields.get(i)[0], r, party)});
                case 2 -> fields.add(r.nextInt(fields.size() + 1), new String[] {"x" + r.nextInt(3), deep(r)});
                default -> fields.get(i)[1] = value(fields.get(i)[0], r, party);
            }
        }
    }

    private static String value(String field, SplittableRandom r, boolean party) {
        if (r.nextInt(4) == 0) {
            return r.nextBoolean() ? GENERIC[r.nextInt(GENERIC.length)] : longString(r);
        }
        return switch (field) {
            case "timestamp" -> str(TIMESTAMPS[r.nextInt(TIMESTAMPS.length)]);
            case "amount" -> AMOUNTS[r.nextInt(AMOUNTS.length)];
            case "currency" -> str(CURRENCIES[r.nextInt(CURRENCIES.length)]);
            case "country" -> str(COUNTRIES[r.nextInt(COUNTRIES.length)]);
            case "channel", "type" -> str(ENUMS[r.nextInt(ENUMS.length)]);
            case "label" -> r.nextBoolean() ? "{\"osec\":\"yes\"}" : "{\"osec\":false,\"osec\":true}";
            default -> party || r.nextBoolean() ? longString(r) : GENERIC[r.nextInt(GENERIC.length)];
        };
    }

    /** A string near a length bound (in characters, some of them multi-byte or escaped). */
    private static String longString(SplittableRandom r) {
        int[] around = {40, 64, 128, 200, 254, 300, 500, 4096, 20_000};
        int n = around[r.nextInt(around.length)] + r.nextInt(3) - 1;
        String unit = switch (r.nextInt(4)) {
            case 0 -> "a";
            case 1 -> "\u00e9";
            case 2 -> "\\u00e9";
            default -> "\uD83D\uDE00";
        };
        return "\"" + unit.repeat(Math.max(0, n)) + "\"";
    }

    private static String deep(SplittableRandom r) {
        int depth = 1 + r.nextInt(r.nextBoolean() ? 10 : 2000);
        return r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String str(String s) {
        return "\"" + s + "\"";
    }

    private static String object(List<String[]> fields) {
        StringBuilder sb = new StringBuilder("{");
        for (String[] f : fields) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(f[0]).append("\":").append(f[1]);
        }
        return sb.append('}').toString();
    }
}
