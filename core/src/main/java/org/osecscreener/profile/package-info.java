/**
 * Compact, bounded screening state: per-sender ({@link org.osecscreener.profile.SenderProfile}),
 * per-payee-cluster ({@link org.osecscreener.profile.ClusterProfile}) and per sender → cluster
 * ({@link org.osecscreener.profile.PairProfile}) profiles. Their size does not grow with history:
 * each keeps a capped set of recent keys or transfers, with event-time days and seconds.
 * The embedded Screener keeps them in {@link org.osecscreener.profile.BoundedTable}s; the Flink job keeps their binary form
 * ({@link org.osecscreener.profile.ProfileIo}) in keyed state.
 */
package org.osecscreener.profile;
