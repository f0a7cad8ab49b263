package org.osecscreener.tools.cases;

import java.util.List;
import java.util.Objects;

/**
 * The typology key terms a financial intelligence unit asks reporting entities to put in a
 * suspicious transaction (activity) report, so that its analysts can find OSEC reports.
 *
 * <p>The defaults ({@link #defaults()}) follow the published guidance summarised in the shared
 * typology notes: FinCEN notice FIN-2021-NTC3 asks for the key term {@code OCSE-FIN-2021-NTC3} in
 * SAR field 2 and in the narrative, and {@code OCSE} in field 38(z) ("Other"); the Philippine
 * AMLC codes reports by predicate crime. For sextortion-victim cases, FinCEN notice FIN-2025-NTC2
 * asks for {@code FIN-2025-SEXTORTION} in field 2 and the narrative, and {@code SEXTORTION} in
 * field 38(z). The rule bundle's {@code reporting.keyTerms} carries them (the default pack holds
 * these values; {@code CaseReport.Builder#keyTerms(RuleBundle)} reads them, see
 * {@code docs/cases.md}); the constants here are the same values for code without a bundle. A case
 * carries only the terms of its own {@link Typology}.
 *
 * @param jurisdiction ISO 3166-1 alpha-2 country of the FIU, for example {@code US}
 * @param authority    the FIU, for example {@code FinCEN}
 * @param reference    the guidance the terms come from, for example {@code FIN-2021-NTC3}
 * @param placements   where each term goes in the report form
 * @param narrativeKeyTerm a term the narrative must contain, or {@code null}
 * @param typology     the cases the terms are for: OSEC (offender-side) or sextortion (victim-side) cases
 */
public record StrKeyTerms(String jurisdiction, String authority, String reference, List<Placement> placements,
                          String narrativeKeyTerm, Typology typology) {
    /** One term and where it goes. @param field the report form's field, in words @param value the term */
    public record Placement(String field, String value) {
        /** @throws NullPointerException if either is {@code null} */
        public Placement {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    /** @throws NullPointerException if a required component is {@code null} */
    public StrKeyTerms {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(typology, "typology");
        placements = List.copyOf(placements);
    }

    /** Key terms for OSEC cases. */
    public StrKeyTerms(String jurisdiction, String authority, String reference, List<Placement> placements,
                       String narrativeKeyTerm) {
        this(jurisdiction, authority, reference, placements, narrativeKeyTerm, Typology.OSEC);
    }

    /** US FinCEN, notice FIN-2021-NTC3 (online child sexual exploitation). */
    public static final StrKeyTerms FINCEN = new StrKeyTerms("US", "FinCEN", "FIN-2021-NTC3",
            List.of(new Placement("SAR field 2 (filing institution note to FinCEN)", "OCSE-FIN-2021-NTC3"),
                    new Placement("SAR field 38(z) (suspicious activity: other)", "OCSE"),
                    new Placement("SAR narrative (field 104 / Part V)", "OCSE-FIN-2021-NTC3")),
            "OCSE-FIN-2021-NTC3");

    /** US FinCEN, notice FIN-2025-NTC2 (financially motivated sextortion), for sextortion-victim cases. */
    public static final StrKeyTerms FINCEN_SEXTORTION = new StrKeyTerms("US", "FinCEN", "FIN-2025-NTC2",
            List.of(new Placement("SAR field 2 (filing institution note to FinCEN)", "FIN-2025-SEXTORTION"),
                    new Placement("SAR field 38(z) (suspicious activity: other)", "SEXTORTION"),
                    new Placement("SAR narrative (field 104 / Part V)", "FIN-2025-SEXTORTION")),
            "FIN-2025-SEXTORTION", Typology.SEXTORTION);

    /** Philippine AMLC: reports are coded by predicate crime. */
    public static final StrKeyTerms AMLC = new StrKeyTerms("PH", "AMLC", "predicate crime coding",
            List.of(new Placement("STR predicate crime", "child exploitation")), null);

    /** The terms of a rule bundle's {@code reporting.keyTerms} entry. */
    public static StrKeyTerms of(org.osecscreener.rules.KeyTerms k) {
        return new StrKeyTerms(k.jurisdiction(), k.authority(), k.reference(),
                k.placements().stream().map(p -> new Placement(p.field(), p.value())).toList(), k.narrativeKeyTerm(),
                Typology.ofWireName(k.typology()));
    }

    /**
     * The defaults: {@link #FINCEN}, {@link #FINCEN_SEXTORTION} and {@link #AMLC} (the default rule
     * pack's {@code reporting.keyTerms}).
     */
    public static List<StrKeyTerms> defaults() {
        return List.of(FINCEN, FINCEN_SEXTORTION, AMLC);
    }
}
