/**
 * The second-opinion set: a second, independent generator of labelled synthetic traffic.
 *
 * <p>Written blind by a separate session from the published typologies
 * ({@code osec-typologies.md} in the shared docs) and the transaction format only, without
 * reading the project's detectors, rule pack or main generator, so that the project can report
 * its detection quality on data it was not tuned on. It must never be used for tuning.
 *
 * <p>Entry point: {@link org.osecscreener.tools.secondopinion.SecondOpinionGenerator}; the scenarios
 * and their labels: {@link org.osecscreener.tools.secondopinion.SecondOpinionScenario}; every
 * parameter and its source: {@code docs/second-opinion.md}. The rest of the package is
 * package-private: calendars and hours ({@code Timeline}, {@code Schedules}), places and money
 * ({@code Places}, {@code Amounts}), names and identifiers ({@code Names}, {@code Identifiers}),
 * the scenario builders ({@code Offenders}, {@code Victims}, {@code Families},
 * {@code LookAlikes}, {@code Background}) and the population ({@code World}, {@code Population},
 * {@code Actor}, {@code Plan}).
 */
package org.osecscreener.tools.secondopinion;
