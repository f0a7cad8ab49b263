package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * {@code watchlist_match}: an identifier of the sender or the beneficiary (phone, wallet,
 * account, ...) is on a watchlist: a findings list shared by partners, or a hotline's tip list
 * ({@code docs/findings.md}). The sub-score is the matched entry's confidence.
 *
 * <p>The bundle names lists; the list files are supplied to the screener (the builder, or
 * {@code --watchlist FILE}), never named by path here.
 *
 * @param enabled          whether the detector runs; default {@code true}
 * @param weight           weight in (0, 1]; required
 * @param lists            names of the supplied lists that apply; empty (the default) means every supplied list
 * @param checkSender      whether the sender's identifiers are looked up; default {@code true}
 * @param checkBeneficiary whether the beneficiary's identifiers are looked up; default {@code true}
 * @param types            identifier types looked up (tags such as {@code phone}); default the strong
 *                         types {@code phone, wallet, account, email, device}
 * @param minConfidence    entries below this confidence are ignored, in [0, 1]; default 0
 */
public record WatchlistMatchConfig(boolean enabled, double weight, List<String> lists, boolean checkSender,
                                   boolean checkBeneficiary, List<String> types, double minConfidence)
        implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "watchlist_match";
    /** Default of {@code types}: the strong identifier types. */
    public static final List<String> DEFAULT_TYPES = List.of("phone", "wallet", "account", "email", "device");
    /** Every accepted identifier type tag. */
    public static final List<String> TYPE_TAGS = List.of("phone", "wallet", "account", "email", "device", "address",
            "name", "pickup_location");

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public WatchlistMatchConfig {
        Check.weight(TYPE + ".weight", weight);
        lists = Check.list(TYPE + ".lists", lists);
        for (String l : lists) {
            if (!Names.isListName(l)) {
                throw new IllegalArgumentException(TYPE + ".lists: list name '" + l + "' is not accepted; "
                        + Names.LIST_NAME_RULE);
            }
        }
        if (new HashSet<>(lists).size() != lists.size()) {
            throw new IllegalArgumentException(TYPE + ".lists names a list more than once");
        }
        if (!checkSender && !checkBeneficiary) {
            throw new IllegalArgumentException(TYPE + ": checkSender and checkBeneficiary are both false; the rule"
                    + " could never fire (disable it with enabled: false instead)");
        }
        types = Check.list(TYPE + ".types", types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException(TYPE + ".types must name at least one identifier type");
        }
        for (String t : types) {
            if (!TYPE_TAGS.contains(t)) {
                throw new IllegalArgumentException(TYPE + ".types: '" + t + "' is not accepted; accepted: "
                        + String.join(", ", TYPE_TAGS));
            }
        }
        Check.share(TYPE + ".minConfidence", minConfidence);
    }

    @JsonCreator
    static WatchlistMatchConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                         @JsonProperty(value = "weight", required = true) Double weight,
                                         @JsonProperty("lists") List<String> lists,
                                         @JsonProperty("checkSender") Boolean checkSender,
                                         @JsonProperty("checkBeneficiary") Boolean checkBeneficiary,
                                         @JsonProperty("types") List<String> types,
                                         @JsonProperty("minConfidence") Double minConfidence) {
        return new WatchlistMatchConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                lists == null ? List.of() : new ArrayList<>(lists), checkSender == null || checkSender,
                checkBeneficiary == null || checkBeneficiary, types == null ? DEFAULT_TYPES : types,
                minConfidence == null ? 0.0 : minConfidence);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int stateDays() {
        return 0;
    }
}
