/**
 * Privacy helpers used wherever identifiers are shown or stored.
 *
 * <ul>
 *   <li>{@link org.osecscreener.privacy.Mask}: the masked forms that explanations, reports and
 *       logs show ({@code +63917•••4567}); raw identifiers are never logged.</li>
 *   <li>{@link org.osecscreener.privacy.Pseudonymiser}: HMAC-SHA256 pseudonyms of normalised
 *       identifiers under an operator key, so that payee clustering can run without holding
 *       the identifiers themselves.</li>
 * </ul>
 */
package org.osecscreener.privacy;
