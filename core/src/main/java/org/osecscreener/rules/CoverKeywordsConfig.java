package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code cover_keywords} (typology indicator 5): the payment reference contains a cover word
 * or phrase ("school fees", "gift", "uniform", ...) from the named {@code keywords} lists.
 *
 * @param enabled whether the detector runs; default {@code true}
 * @param weight  weight in (0, 1]; required
 * @param lists   names of {@code keywords} lists to match, at least one, each defined in the
 *                bundle; default {@code [cover_words]}
 */
public record CoverKeywordsConfig(boolean enabled, double weight, List<String> lists) implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "cover_keywords";
    /** Default of {@code lists}. */
    public static final List<String> DEFAULT_LISTS = List.of("cover_words");

    /** @throws IllegalArgumentException if the weight is outside (0, 1] or no list is named */
    public CoverKeywordsConfig {
        Check.weight(TYPE + ".weight", weight);
        lists = Check.list(TYPE + ".lists", lists);
        if (lists.isEmpty()) {
            throw new IllegalArgumentException(TYPE + ".lists must name at least one keyword list");
        }
    }

    @JsonCreator
    static CoverKeywordsConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                        @JsonProperty(value = "weight", required = true) Double weight,
                                        @JsonProperty("lists") List<String> lists) {
        return new CoverKeywordsConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                lists == null ? DEFAULT_LISTS : lists);
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
