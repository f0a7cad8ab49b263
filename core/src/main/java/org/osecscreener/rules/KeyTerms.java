package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One financial intelligence unit's key terms for suspicious transaction reports of this
 * typology: which terms go in which field of its report form ({@code reporting.keyTerms}).
 *
 * @param jurisdiction     ISO 3166-1 alpha-2 country of the FIU, for example {@code US}
 * @param authority        the FIU, for example {@code FinCEN}, 1-100 characters
 * @param reference        the guidance the terms come from, for example {@code FIN-2021-NTC3}, 1-100 characters
 * @param placements       where each term goes, 1-20 entries
 * @param narrativeKeyTerm a term the narrative must start with, or {@code null}
 * @param typology         which alerts the terms are for: {@code osec} (online sexual exploitation of
 *                         children, the offender side; the default) or {@code sextortion} (the
 *                         victim side, {@code sextortion_victim} alerts)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyTerms(String jurisdiction, String authority, String reference, List<Placement> placements,
                       String narrativeKeyTerm, String typology) {
    /** The typology of OSEC (offender-side) alerts. */
    public static final String OSEC = "osec";
    /** The typology of sextortion-victim alerts. */
    public static final String SEXTORTION = "sextortion";
    /** Most placements per authority. */
    public static final int MAX_PLACEMENTS = 20;

    /**
     * One term and the report field it goes in.
     *
     * @param field the report form's field, in words, 1-200 characters
     * @param value the term, 1-100 characters
     */
    public record Placement(String field, String value) {
        /** @throws IllegalArgumentException if a component is blank or too long */
        public Placement {
            Check.text("reporting.keyTerms.placements.field", field, 200);
            Check.text("reporting.keyTerms.placements.value", value, 100);
        }

        @JsonCreator
        static Placement fromJson(@JsonProperty(value = "field", required = true) String field,
                                  @JsonProperty(value = "value", required = true) String value) {
            return new Placement(field, value);
        }
    }

    /** @throws IllegalArgumentException if a component is outside what is documented (the message names it) */
    public KeyTerms {
        Names.country("reporting.keyTerms.jurisdiction", jurisdiction);
        Check.text("reporting.keyTerms.authority", authority, 100);
        Check.text("reporting.keyTerms.reference", reference, 100);
        placements = Check.list("reporting.keyTerms.placements", placements);
        if (placements.isEmpty() || placements.size() > MAX_PLACEMENTS) {
            throw new IllegalArgumentException("reporting.keyTerms (" + authority + ").placements must have 1 to "
                    + MAX_PLACEMENTS + " entries");
        }
        if (narrativeKeyTerm != null) {
            Check.text("reporting.keyTerms.narrativeKeyTerm", narrativeKeyTerm, 100);
        }
        typology = typology == null ? OSEC : typology;
        if (!typology.equals(OSEC) && !typology.equals(SEXTORTION)) {
            throw new IllegalArgumentException("reporting.keyTerms (" + authority + ").typology was '" + typology
                    + "'; accepted: osec, sextortion");
        }
    }

    /** Key terms for OSEC alerts (the typology before sextortion existed). */
    public KeyTerms(String jurisdiction, String authority, String reference, List<Placement> placements,
                    String narrativeKeyTerm) {
        this(jurisdiction, authority, reference, placements, narrativeKeyTerm, OSEC);
    }

    @JsonCreator
    static KeyTerms fromJson(@JsonProperty(value = "jurisdiction", required = true) String jurisdiction,
                             @JsonProperty(value = "authority", required = true) String authority,
                             @JsonProperty(value = "reference", required = true) String reference,
                             @JsonProperty(value = "placements", required = true) List<Placement> placements,
                             @JsonProperty("narrativeKeyTerm") String narrativeKeyTerm,
                             @JsonProperty("typology") String typology) {
        return new KeyTerms(jurisdiction, authority, reference, placements, narrativeKeyTerm, typology);
    }
}
