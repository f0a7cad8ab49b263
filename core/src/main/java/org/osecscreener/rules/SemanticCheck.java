package org.osecscreener.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.osecscreener.model.Countries;

import org.osecscreener.privacy.Mask;

/**
 * The rules of a bundle that a JSON Schema cannot say (or cannot say well): references
 * between sections, ordering of bands and thresholds, codes that must exist in ISO lists.
 *
 * <p>Works on the raw tree, after the schema check, and is defensive: a node of the wrong
 * type was already reported by the schema, so it is skipped here rather than reported twice.
 * That is what lets one run report every error of a file. Stateless and thread-safe.
 */
final class SemanticCheck {
    private static final Pattern THREE_UPPER = Pattern.compile("[A-Z]{3}");
    private static final Pattern TWO_UPPER = Pattern.compile("[A-Z]{2}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private SemanticCheck() {
    }

    static void check(JsonNode root, Problems p) {
        if (!root.isObject()) {
            return; // the schema reported it
        }
        JsonNode id = root.path("id");
        if (id.isTextual() && Names.BUNDLE_ID.matcher(id.asText()).matches() && id.asText().contains("..")) {
            p.at("/id", "'" + id.asText() + "' is not accepted: ids must not contain '..' (no paths)");
        }
        date(root.path("effectiveFrom"), "/effectiveFrom", p);

        String base = null;
        JsonNode baseNode = root.path("baseCurrency");
        if (baseNode.isTextual() && THREE_UPPER.matcher(baseNode.asText()).matches()) {
            if (Names.isCurrency(baseNode.asText())) {
                base = baseNode.asText();
            } else {
                p.at("/baseCurrency", "'" + baseNode.asText() + "' is not an ISO 4217 currency code");
            }
        }

        JsonNode fx = root.path("fxRates");
        Set<String> rated = new TreeSet<>();
        if (fx.isObject()) {
            for (Map.Entry<String, JsonNode> e : fx.properties()) {
                String ptr = "/fxRates/" + Located.escape(e.getKey());
                if (!Names.isCurrency(e.getKey())) {
                    p.at(ptr, "'" + e.getKey() + "' is not an ISO 4217 currency code (three upper-case letters)");
                    continue;
                }
                rated.add(e.getKey());
                if (e.getKey().equals(base) && e.getValue().isNumber() && e.getValue().asDouble() != 1.0) {
                    p.at(ptr, e.getKey() + " is the base currency; its rate is 1 by definition (was "
                            + e.getValue() + "); remove the entry or set it to 1");
                }
            }
        }

        JsonNode countries = root.path("countries");
        JsonNode demand = countries.path("demandSide");
        if (demand.isArray()) {
            for (int i = 0; i < demand.size(); i++) {
                JsonNode c = demand.get(i);
                if (c.isTextual() && TWO_UPPER.matcher(c.asText()).matches() && !Countries.isValid(c.asText())) {
                    p.at("/countries/demandSide/" + i, "'" + c.asText()
                            + "' is not an ISO 3166-1 alpha-2 country code");
                }
            }
        }
        JsonNode source = countries.path("sourceSide");
        if (source.isObject()) {
            source.fieldNames().forEachRemaining(c -> {
                if (!Countries.isValid(c)) {
                    p.at("/countries/sourceSide/" + Located.escape(c), "'" + c
                            + "' is not an ISO 3166-1 alpha-2 country code (two upper-case letters)");
                }
            });
        }

        List<String> keywordLists = listNames(root.path("keywords"), "/keywords", p);
        List<String> idLists = listNames(root.path("idLists"), "/idLists", p);
        JsonNode ids = root.path("idLists");
        if (ids.isObject()) {
            ids.properties().forEach(e -> {
                JsonNode arr = e.getValue();
                for (int i = 0; arr.isArray() && i < arr.size(); i++) {
                    if (arr.get(i).isTextual() && Names.PARTY_ID.matcher(arr.get(i).asText()).matches()
                            && arr.get(i).asText().contains("..")) {
                        p.at("/idLists/" + Located.escape(e.getKey()) + "/" + i, "'" + Mask.text(arr.get(i).asText())
                                + "' (masked: a party id) is not accepted: ids must not contain '..' (no paths)");
                    }
                }
            });
        }

        JsonNode d = root.path("detectors");
        if (d.isObject()) {
            bands(d.path(SmallAmountConfig.TYPE).path("bands"), p);
            saturation(d, RecurringSmallToClusterConfig.TYPE, "saturationCount", "minCount",
                    RecurringSmallToClusterConfig.DEFAULT_SATURATION_COUNT,
                    RecurringSmallToClusterConfig.DEFAULT_MIN_COUNT, p);
            saturation(d, SenderFanOutConfig.TYPE, "saturationClusters", "minClusters",
                    SenderFanOutConfig.DEFAULT_SATURATION_CLUSTERS, SenderFanOutConfig.DEFAULT_MIN_CLUSTERS, p);
            saturation(d, ClusterFanInConfig.TYPE, "saturationSenders", "minSenders",
                    ClusterFanInConfig.DEFAULT_SATURATION_SENDERS, ClusterFanInConfig.DEFAULT_MIN_SENDERS, p);
            hours(d.path(OddHoursConfig.TYPE), p);
            coverLists(d.path(CoverKeywordsConfig.TYPE), keywordLists, p);
            allowList(d.path(ClusterFanInConfig.TYPE), idLists, p);
            perCurrency(d.path(RoundAmountConfig.TYPE).path("perCurrency"), base, rated, fx.isObject(), p);
            watchlist(d.path(WatchlistMatchConfig.TYPE), p);
        }
        keyTerms(root.path("reporting").path("keyTerms"), p);

        JsonNode scoring = root.path("scoring");
        JsonNode review = scoring.path("review");
        JsonNode alert = scoring.path("alert");
        if (review.isNumber() && alert.isNumber() && review.asDouble() >= alert.asDouble()) {
            p.at("/scoring/review", "review (" + review + ") must be below alert (" + alert
                    + "); accepted: 0 < review < alert < 1");
        }

        pathLike(root, "", p);

        JsonNode sup = root.path("suppressions");
        if (sup.isArray()) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < sup.size(); i++) {
                JsonNode s = sup.get(i);
                String ptr = "/suppressions/" + i;
                JsonNode sid = s.path("id");
                if (sid.isTextual() && Names.PARTY_ID.matcher(sid.asText()).matches() && sid.asText().contains("..")) {
                    p.at(ptr + "/id", "'" + Mask.text(sid.asText())
                            + "' (masked: a party id) is not accepted: ids must not contain '..' (no paths)");
                }
                date(s.path("expires"), ptr + "/expires", p);
                if (s.path("kind").isTextual() && sid.isTextual()) {
                    String key = s.path("kind").asText() + " " + sid.asText();
                    Integer first = seen.putIfAbsent(key, i);
                    if (first != null) {
                        p.at(ptr, "suppresses " + s.path("kind").asText() + " " + Mask.text(sid.asText())
                                + " again (already suppressions[" + first + "]); list each party once");
                    }
                }
            }
        }
    }

    /**
     * The first control character other than tab and line feed, or text-direction formatting
     * character (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), in {@code s}; -1 if none.
     * YAML refuses raw control characters, but escapes ({@code "\u0007"}) and direction marks pass.
     */
    static int hiddenCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
            boolean direction = c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069);
            if (control || direction) {
                return c;
            }
        }
        return -1;
    }

    /** Every string value that looks like a path or URL, unless its field was already reported. */
    private static void pathLike(JsonNode n, String ptr, Problems p) {
        if (n.isTextual()) {
            int hidden = hiddenCharacter(n.asText());
            if (hidden >= 0 && !p.hasErrorAt(ptr)) {
                p.at(ptr, "contains the invisible character U+" + String.format(java.util.Locale.ROOT, "%04X", hidden)
                        + " (a control or text-direction character, perhaps written as an escape), which can make"
                        + " the text display differently from what it is in reports and logs; remove it");
                return;
            }
            String word = PathLike.find(n.asText());
            if (word != null && !p.hasErrorAt(ptr)) {
                p.at(ptr, "'" + word + "' looks like a file path or URL; a rule file is data and never refers to"
                        + " files or addresses (no field of the format is a path): remove it or write it as plain words");
            }
        } else if (n.isObject()) {
            n.properties().forEach(e -> pathLike(e.getValue(), ptr + "/" + Located.escape(e.getKey()), p));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                pathLike(n.get(i), ptr + "/" + i, p);
            }
        }
    }

    private static void date(JsonNode n, String ptr, Problems p) {
        if (n.isTextual() && DATE.matcher(n.asText()).matches()) {
            try {
                LocalDate.parse(n.asText());
            } catch (DateTimeParseException e) {
                p.at(ptr, "'" + n.asText() + "' is not a calendar date; accepted: yyyy-mm-dd");
            }
        }
    }

    private static List<String> listNames(JsonNode lists, String ptr, Problems p) {
        List<String> names = new ArrayList<>();
        if (lists.isObject()) {
            lists.fieldNames().forEachRemaining(n -> {
                if (Names.isListName(n)) {
                    names.add(n);
                } else {
                    p.at(ptr + "/" + Located.escape(n), "list name '" + n + "' is not accepted; "
                            + Names.LIST_NAME_RULE);
                }
            });
        }
        return names;
    }

    private static void bands(JsonNode bands, Problems p) {
        if (!bands.isArray()) {
            return;
        }
        String base = "/detectors/" + SmallAmountConfig.TYPE + "/bands/";
        double prevMin = Double.NaN;
        double prevMax = Double.NaN;
        for (int i = 0; i < bands.size(); i++) {
            JsonNode min = bands.get(i).path("min");
            JsonNode max = bands.get(i).path("max");
            if (!min.isNumber() || !max.isNumber()) {
                prevMin = Double.NaN;
                continue;
            }
            double lo = min.asDouble();
            double hi = max.asDouble();
            if (lo >= hi) {
                p.at(base + i + "/max", "band max (" + max + ") must be above its min (" + min + ")");
            }
            if (!Double.isNaN(prevMin)) {
                if (lo < prevMin) {
                    p.at(base + i + "/min", "bands are not ordered: this band starts at " + min
                            + ", before the band above it (starts at " + num(prevMin)
                            + "); list bands by increasing min");
                } else if (lo < prevMax) {
                    p.at(base + i + "/min", "band [" + min + ", " + max + ") overlaps the band above it ["
                            + num(prevMin) + ", " + num(prevMax) + "); bands must not overlap (min inclusive, max exclusive)");
                }
            }
            prevMin = lo;
            prevMax = hi;
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static void saturation(JsonNode detectors, String type, String satField, String minField,
                                   int satDefault, int minDefault, Problems p) {
        JsonNode c = detectors.path(type);
        if (!c.isObject()) {
            return;
        }
        JsonNode sat = c.path(satField);
        JsonNode min = c.path(minField);
        if ((!sat.isMissingNode() && !sat.isInt()) || (!min.isMissingNode() && !min.isInt())) {
            return;
        }
        int s = sat.isMissingNode() ? satDefault : sat.asInt();
        int m = min.isMissingNode() ? minDefault : min.asInt();
        if (s < m) {
            p.at("/detectors/" + type + "/" + (sat.isMissingNode() ? minField : satField), satField + " (" + s
                    + (sat.isMissingNode() ? ", the default" : "") + ") must be at least " + minField + " (" + m + ")");
        }
    }

    private static void hours(JsonNode c, Problems p) {
        if (!c.isObject()) {
            return;
        }
        JsonNode start = c.path("startHour");
        JsonNode end = c.path("endHour");
        if ((!start.isMissingNode() && !start.isInt()) || (!end.isMissingNode() && !end.isInt())) {
            return;
        }
        int s = start.isMissingNode() ? OddHoursConfig.DEFAULT_START_HOUR : start.asInt();
        int e = end.isMissingNode() ? OddHoursConfig.DEFAULT_END_HOUR : end.asInt();
        if (s == e) {
            p.at("/detectors/" + OddHoursConfig.TYPE + "/" + (end.isMissingNode() ? "startHour" : "endHour"),
                    "startHour and endHour are both " + s + "; the odd period would be empty. Accepted: two "
                            + "different hours 0..23 (start > end wraps midnight, e.g. 22 to 5)");
        }
    }

    private static void coverLists(JsonNode c, List<String> defined, Problems p) {
        if (!c.isObject()) {
            return;
        }
        String ptr = "/detectors/" + CoverKeywordsConfig.TYPE;
        JsonNode lists = c.path("lists");
        if (lists.isMissingNode()) {
            for (String name : CoverKeywordsConfig.DEFAULT_LISTS) {
                if (!defined.contains(name)) {
                    p.at(ptr, "the default keyword list '" + name + "' is not defined; define it under keywords"
                            + " or set lists; " + defined(defined));
                }
            }
            return;
        }
        for (int i = 0; lists.isArray() && i < lists.size(); i++) {
            JsonNode n = lists.get(i);
            if (n.isTextual() && Names.isListName(n.asText()) && !defined.contains(n.asText())) {
                p.at(ptr + "/lists/" + i, "keyword list '" + n.asText() + "' is not defined; " + defined(defined));
            }
        }
    }

    private static void allowList(JsonNode c, List<String> defined, Problems p) {
        JsonNode a = c.path("allowList");
        if (a.isTextual() && Names.isListName(a.asText()) && !defined.contains(a.asText())) {
            p.at("/detectors/" + ClusterFanInConfig.TYPE + "/allowList", "id list '" + a.asText()
                    + "' is not defined; " + defined(defined).replace("defined lists", "defined idLists"));
        }
    }

    private static void watchlist(JsonNode c, Problems p) {
        if (c.path("checkSender").isBoolean() && c.path("checkBeneficiary").isBoolean()
                && !c.path("checkSender").asBoolean() && !c.path("checkBeneficiary").asBoolean()) {
            p.at("/detectors/" + WatchlistMatchConfig.TYPE + "/checkBeneficiary", "checkSender and checkBeneficiary"
                    + " are both false: the rule could never fire; set one to true, or disable the rule with enabled: false");
        }
    }

    private static void keyTerms(JsonNode terms, Problems p) {
        if (!terms.isArray()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            JsonNode t = terms.get(i);
            JsonNode j = t.path("jurisdiction");
            if (j.isTextual() && TWO_UPPER.matcher(j.asText()).matches() && !Countries.isValid(j.asText())) {
                p.at("/reporting/keyTerms/" + i + "/jurisdiction", "'" + j.asText()
                        + "' is not an ISO 3166-1 alpha-2 country code");
            }
            if (t.path("authority").isTextual() && t.path("reference").isTextual()) {
                String key = t.path("authority").asText() + " " + t.path("reference").asText();
                Integer first = seen.putIfAbsent(key, i);
                if (first != null) {
                    p.at("/reporting/keyTerms/" + i, "lists " + key + " again (already keyTerms[" + first
                            + "]); list each authority and reference once");
                }
            }
        }
    }

    private static String defined(List<String> names) {
        return names.isEmpty() ? "no lists are defined" : "defined lists: " + String.join(", ", names);
    }

    private static void perCurrency(JsonNode per, String base, Set<String> rated, boolean haveFx, Problems p) {
        if (!per.isObject()) {
            return;
        }
        per.fieldNames().forEachRemaining(code -> {
            String ptr = "/detectors/" + RoundAmountConfig.TYPE + "/perCurrency/" + Located.escape(code);
            if (!Names.isCurrency(code)) {
                p.at(ptr, "'" + code + "' is not an ISO 4217 currency code (three upper-case letters)");
            } else if (!code.equals(base) && !rated.contains(code)) {
                p.at(ptr, "no FX rate for " + code + ": every currency the bundle names needs an entry in fxRates"
                        + (base == null ? "" : " (units of " + base + " per 1 " + code + ")")
                        + (haveFx ? "; rated: " + (rated.isEmpty() ? "none" : String.join(", ", rated)) : ""));
            }
        });
    }
}
