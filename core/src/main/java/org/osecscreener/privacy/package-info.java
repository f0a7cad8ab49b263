/**
 * Privacy helpers used wherever identifiers are shown or stored.
 *
 * <ul>
 *   <li>{@link org.osecscreener.privacy.Mask}: the masked forms that explanations, reports and
 *       logs show ({@code +63917•••4567}); raw identifiers are never logged.</li>
 *   <li>{@link org.osecscreener.privacy.Pseudonymiser}: HMAC-SHA256 pseudonyms of normalised
 *       identifiers under an operator key, so that payee clustering can run without holding
 *       the identifiers themselves.</li>
 *   <li>{@link org.osecscreener.privacy.KeySource}: a key from a file or an environment
 *       variable; {@link org.osecscreener.privacy.PseudonymTokens}: the pseudonymised field form.</li>
 * </ul>
 *
 * <p>These primitives depend on nothing else in the project, so that the payee-cluster package
 * can use them; pseudonymisation at ingest, which uses the payee-cluster normalisers, is in
 * {@code org.osecscreener.privacy.ingest}.
 */
package org.osecscreener.privacy;
