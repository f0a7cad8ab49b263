/**
 * Scoring: {@link org.osecscreener.score.Hit}s combined by the {@link org.osecscreener.score.Scorer}
 * into an {@link org.osecscreener.score.Assessment} with a {@link org.osecscreener.score.Level} and,
 * for REVIEW and ALERT, a deterministic alert id ({@link org.osecscreener.score.AlertIds}).
 */
package org.osecscreener.score;
