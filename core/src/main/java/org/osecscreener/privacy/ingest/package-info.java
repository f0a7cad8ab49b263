/**
 * Pseudonymisation at ingest ({@link org.osecscreener.privacy.ingest.IngestPseudonymiser}): every
 * identifier of a transaction replaced by keyed pseudonyms before anything else sees it, with
 * screening decisions unchanged. The guide is {@code docs/privacy.md}.
 *
 * <p>Apart from {@code org.osecscreener.privacy} on purpose: it normalises each field with the
 * payee-cluster normalisers ({@code cluster}) before hashing it, while {@code cluster} itself uses
 * the privacy primitives ({@code Mask}, {@code Pseudonymiser}, {@code PseudonymTokens}); in one
 * package they made a cycle between {@code cluster} and {@code privacy}.
 */
package org.osecscreener.privacy.ingest;
