/**
 * Payee clusters: incremental entity resolution of beneficiaries.
 *
 * <p>OSEC facilitators spread receipts over several payees who share a phone number, an
 * e-wallet, an account, an address or a pick-up agent; screening reasons about clusters of
 * related payees, not single payee ids. Two steps:
 * <ol>
 *   <li>{@link org.osecscreener.cluster.IdentifierNormaliser} (thread-safe) turns a beneficiary
 *       {@code Party} into {@link org.osecscreener.cluster.PayeeIdentifiers}: E.164 phones
 *       (libphonenumber), folded accounts, e-mails, devices, addresses
 *       ({@link org.osecscreener.cluster.AddressNormaliser}) and names
 *       ({@link org.osecscreener.cluster.NameNormaliser}), placeholders dropped, problems flagged;</li>
 *   <li>{@link org.osecscreener.cluster.ClusterResolver} (single writer) links beneficiaries that
 *       share identifiers into clusters with stable ids, stops at hubs, records every merge with
 *       its reason, explains any cluster, keeps memory bounded, and snapshots to bytes.</li>
 * </ol>
 * {@link org.osecscreener.cluster.ClusterConfig} configures both;
 * {@link org.osecscreener.cluster.ClusterReport} is the analyst's batch report behind the CLI.
 * The analyst's guide is {@code docs/clustering.md}.
 */
package org.osecscreener.cluster;
