package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The {@code countries} section: the two ends of the OSEC corridors.
 *
 * @param demandSide ISO 3166-1 alpha-2 codes of the countries offenders mostly pay from
 *                   (US, GB, AU, CA, Western Europe, ...), no duplicates; default empty
 * @param sourceSide ISO 3166-1 alpha-2 code to risk level in (0, 1] of the countries
 *                   facilitators are paid in (PH 1.0, ...); default empty
 */
public record CountryRisk(@JsonProperty("demandSide") List<String> demandSide,
                          @JsonProperty("sourceSide") Map<String, Double> sourceSide) {
    /** @throws IllegalArgumentException if a code is not ISO 3166-1 alpha-2, repeated, or a risk level is outside (0, 1] */
    public CountryRisk {
        demandSide = Check.list("countries.demandSide", demandSide);
        if (demandSide.stream().distinct().count() != demandSide.size()) {
            throw new IllegalArgumentException("countries.demandSide lists a country more than once: " + demandSide);
        }
        demandSide.forEach(c -> Names.country("countries.demandSide", c));
        sourceSide = Check.map("countries.sourceSide", sourceSide);
        sourceSide.forEach((c, risk) -> {
            Names.country("countries.sourceSide", c);
            Check.weight("countries.sourceSide." + c, risk);
        });
    }

    /** Whether {@code country} is on the demand side. */
    public boolean isDemandSide(String country) {
        return demandSide.contains(country);
    }

    /**
     * The source-side risk level of a country.
     *
     * @param country ISO 3166-1 alpha-2 code
     * @return its level in (0, 1], or 0 if it is not a source-side country
     */
    public double sourceRisk(String country) {
        Double r = sourceSide.get(country);
        return r == null ? 0.0 : r;
    }
}
