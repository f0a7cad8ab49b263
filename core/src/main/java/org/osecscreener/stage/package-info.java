/**
 * The stages around the engine, defined once for both shells: choosing the bundle
 * ({@link org.osecscreener.stage.BundleStage}), the payee cache ({@link org.osecscreener.stage.Payees}),
 * folding cluster merges and the cluster step ({@link org.osecscreener.stage.ClusterStage}), the
 * sender step with its cap ({@link org.osecscreener.stage.SenderStage}), cluster alerts and the final
 * step ({@link org.osecscreener.stage.FinalStage}), expiry in event time
 * ({@link org.osecscreener.stage.Retention}), and the payee-cluster resolver's incremental
 * checkpoint ({@link org.osecscreener.stage.ResolverJournal}).
 *
 * <p>Each stage works over a small store interface ({@link org.osecscreener.stage.ClusterStore},
 * {@link org.osecscreener.stage.SenderStore}, {@link org.osecscreener.stage.AlertStore}) that each
 * shell implements over its own storage: bounded tables in the embedded {@code Screener}, keyed and
 * operator state in the Flink job. The shells keep only what is theirs: locking, de-duplication's
 * table, metrics, side outputs, checkpoints and clean-up for memory. {@code docs/architecture.md}
 * lists what used to differ between them and how each step is now defined.
 *
 * <p>Exported to the Flink job only: an embedder uses the {@code Screener}.
 */
package org.osecscreener.stage;
