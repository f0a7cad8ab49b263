package org.osecscreener.cluster;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The settings of payee clustering: immutable, validated, and bindable by Jackson (the
 * record's component names are the JSON property names; absent properties are rejected, so
 * start from {@link #defaults()} through {@link #builder()} in code).
 *
 * @param linkTypes        the identifier types that link beneficiaries; the others are ignored.
 *                         Default: phone, wallet, account, email, device, address
 * @param hubThreshold     an identifier links at most this many distinct beneficiaries; the next
 *                         one makes it a hub, which links nothing more. From 1 to 1,000,000;
 *                         default {@value #DEFAULT_HUB_THRESHOLD}
 * @param maxBeneficiaries the most beneficiaries tracked; the least recently active is evicted
 *                         beyond it. From 1 to 2<sup>30</sup>; default {@value #DEFAULT_MAX_BENEFICIARIES}
 * @param maxIdentifiers   the most identifiers tracked; the least recently seen is evicted beyond it.
 *                         From 1 to 2<sup>30</sup>; default {@value #DEFAULT_MAX_IDENTIFIERS}
 * @param placeholders     values that never link, compared after folding to lower-case letters and
 *                         digits only ({@code "N/A"} is {@code na}); empty values and all-zero
 *                         numbers never link whatever this says. Default: {@link #DEFAULT_PLACEHOLDERS}
 * @param defaultRegion    the region phone numbers without a country code are read in: {@code null}
 *                         (the default) means the party's country; otherwise a region code
 *                         libphonenumber supports, such as {@code PH}, used for every party
 */
public record ClusterConfig(Set<IdentifierType> linkTypes, int hubThreshold, int maxBeneficiaries,
                            int maxIdentifiers, Set<String> placeholders, String defaultRegion)
        implements java.io.Serializable {
    /** Default {@link #hubThreshold()}: a household or a small ring, not an agent's counter. */
    public static final int DEFAULT_HUB_THRESHOLD = 10;
    /** Default {@link #maxBeneficiaries()}. */
    public static final int DEFAULT_MAX_BENEFICIARIES = 1_000_000;
    /** Default {@link #maxIdentifiers()}. */
    public static final int DEFAULT_MAX_IDENTIFIERS = 4_000_000;
    /** Default {@link #placeholders()}, in folded form. */
    public static final Set<String> DEFAULT_PLACEHOLDERS = Collections.unmodifiableSet(new TreeSet<>(Set.of(
            "na", "nil", "none", "null", "unknown", "unk", "notavailable", "notapplicable", "noaddress",
            "nophone", "noemail", "test", "xxx", "tbd", "blank", "empty", "anonymous")));
    /** Default {@link #linkTypes()}: every strong type and the address. */
    public static final Set<IdentifierType> DEFAULT_LINK_TYPES = Collections.unmodifiableSet(EnumSet.of(
            IdentifierType.PHONE, IdentifierType.WALLET, IdentifierType.ACCOUNT, IdentifierType.EMAIL,
            IdentifierType.DEVICE, IdentifierType.ADDRESS));
    private static final int MAX_COUNT = 1 << 30;
    private static final ClusterConfig DEFAULTS = new ClusterConfig(DEFAULT_LINK_TYPES, DEFAULT_HUB_THRESHOLD,
            DEFAULT_MAX_BENEFICIARIES, DEFAULT_MAX_IDENTIFIERS, DEFAULT_PLACEHOLDERS, null);

    /**
     * @throws IllegalArgumentException naming the setting and the value, if a setting is out of range
     * @throws NullPointerException     if {@code linkTypes} or {@code placeholders} is {@code null}
     */
    public ClusterConfig {
        Objects.requireNonNull(linkTypes, "linkTypes");
        Objects.requireNonNull(placeholders, "placeholders");
        linkTypes = linkTypes.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(IdentifierType.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(linkTypes));
        range("hubThreshold", hubThreshold, 1, 1_000_000);
        range("maxBeneficiaries", maxBeneficiaries, 1, MAX_COUNT);
        range("maxIdentifiers", maxIdentifiers, 1, MAX_COUNT);
        Set<String> folded = new TreeSet<>();
        for (String p : placeholders) {
            if (p == null) {
                throw new IllegalArgumentException("placeholders must not contain null");
            }
            folded.add(Fold.placeholderKey(p));
        }
        placeholders = Collections.unmodifiableSet(folded);
        if (defaultRegion != null && !PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("defaultRegion was '" + defaultRegion
                    + "'; expected null (the party's country) or a region code libphonenumber supports, such as PH");
        }
    }

    /** The default settings. */
    public static ClusterConfig defaults() {
        return DEFAULTS;
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether a link type is switched on. */
    public boolean links(IdentifierType type) {
        return linkTypes.contains(type);
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " was " + value + "; expected " + min + " to " + max);
        }
    }

    /**
     * Builds a {@link ClusterConfig}, starting from the defaults. Each setting can be set once;
     * setting it again is an error, as is a value out of range. Not thread-safe.
     */
    public static final class Builder {
        private final EnumSet<IdentifierType> linkTypes = EnumSet.copyOf(DEFAULT_LINK_TYPES);
        private Set<String> placeholders = new LinkedHashSet<>(DEFAULT_PLACEHOLDERS);
        private int hubThreshold = -1;
        private int maxBeneficiaries = -1;
        private int maxIdentifiers = -1;
        private String defaultRegion;
        private boolean linkTypesSet;
        private boolean placeholdersSet;
        private boolean defaultRegionSet;

        private Builder() {
        }

        /**
         * Replaces the set of link types.
         *
         * @throws IllegalStateException if link types were already set or switched
         */
        public Builder linkTypes(Collection<IdentifierType> types) {
            if (linkTypesSet) {
                throw new IllegalStateException("linkTypes was already set to " + linkTypes);
            }
            linkTypesSet = true;
            linkTypes.clear();
            for (IdentifierType t : types) {
                linkTypes.add(Objects.requireNonNull(t, "link type"));
            }
            return this;
        }

        /** Switches a link type on (for example {@code PICKUP_LOCATION} or {@code NAME}). */
        public Builder enable(IdentifierType type) {
            linkTypes.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /** Switches a link type off. */
        public Builder disable(IdentifierType type) {
            linkTypes.remove(Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Sets the hub threshold (see {@link ClusterConfig#hubThreshold()}).
         *
         * @throws IllegalArgumentException if not from 1 to 1,000,000
         * @throws IllegalStateException    if already set
         */
        public Builder hubThreshold(int value) {
            hubThreshold = once("hubThreshold", hubThreshold, value, 1, 1_000_000);
            return this;
        }

        /**
         * Sets the most beneficiaries tracked.
         *
         * @throws IllegalArgumentException if not from 1 to 2<sup>30</sup>
         * @throws IllegalStateException    if already set
         */
        public Builder maxBeneficiaries(int value) {
            maxBeneficiaries = once("maxBeneficiaries", maxBeneficiaries, value, 1, MAX_COUNT);
            return this;
        }

        /**
         * Sets the most identifiers tracked.
         *
         * @throws IllegalArgumentException if not from 1 to 2<sup>30</sup>
         * @throws IllegalStateException    if already set
         */
        public Builder maxIdentifiers(int value) {
            maxIdentifiers = once("maxIdentifiers", maxIdentifiers, value, 1, MAX_COUNT);
            return this;
        }

        /**
         * Replaces the placeholder list (values that never link); entries are folded to lower-case
         * letters and digits.
         *
         * @throws IllegalStateException if already set
         */
        public Builder placeholders(Collection<String> values) {
            if (placeholdersSet) {
                throw new IllegalStateException("placeholders was already set to " + placeholders);
            }
            placeholdersSet = true;
            placeholders = new LinkedHashSet<>(values);
            return this;
        }

        /**
         * Sets the region for phone numbers without a country code; {@code null} means the party's country.
         *
         * @throws IllegalArgumentException if not a region libphonenumber supports
         * @throws IllegalStateException    if already set
         */
        public Builder defaultRegion(String region) {
            if (defaultRegionSet) {
                throw new IllegalStateException("defaultRegion was already set to " + defaultRegion);
            }
            if (region != null && !PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
                throw new IllegalArgumentException("defaultRegion was '" + region
                        + "'; expected null (the party's country) or a region code libphonenumber supports, such as PH");
            }
            defaultRegionSet = true;
            defaultRegion = region;
            return this;
        }

        /** The immutable configuration. */
        public ClusterConfig build() {
            return new ClusterConfig(linkTypes,
                    hubThreshold < 0 ? DEFAULT_HUB_THRESHOLD : hubThreshold,
                    maxBeneficiaries < 0 ? DEFAULT_MAX_BENEFICIARIES : maxBeneficiaries,
                    maxIdentifiers < 0 ? DEFAULT_MAX_IDENTIFIERS : maxIdentifiers,
                    placeholders, defaultRegion);
        }

        private static int once(String name, int current, int value, int min, int max) {
            if (current >= 0) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
            range(name, value, min, max);
            return value;
        }
    }
}
