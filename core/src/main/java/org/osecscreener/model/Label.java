package org.osecscreener.model;

/**
 * Ground truth attached to synthetic or investigated data, for backtesting only.
 *
 * <p>Screening never reads a label: detectors and scoring see the transaction without it.
 *
 * @param osec     whether the transaction belongs to an OSEC scenario
 * @param scenario the scenario name (for example {@code facilitator_ring} or {@code family_support}),
 *                 or {@code null} when not given
 */
public record Label(boolean osec, String scenario) {
    /**
     * @throws IllegalArgumentException if {@code scenario} is longer than {@link Limits#SCENARIO}
     */
    public Label {
        Checks.maxLength("label.scenario", scenario, Limits.SCENARIO);
    }
}
