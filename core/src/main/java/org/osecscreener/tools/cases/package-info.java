/**
 * Cases for analysts: OSEC alerts grouped per payee cluster per period, with the senders paying the
 * cluster, the cluster's own assessment and the senders alerted by look-back; sextortion-victim
 * alerts grouped per customer per period, in cases of their own (the customer may be the victim);
 * exported as JSON and as self-contained HTML reports, each with an STR/SAR drafting aid.
 *
 * <p>{@link org.osecscreener.tools.cases.AlertReader} reads the alert JSON lines of every kind back;
 * {@link org.osecscreener.tools.cases.CaseReport} (built once, immutable) groups them with the
 * transactions into {@link org.osecscreener.tools.cases.Case}s (re-resolving payee clusters over the
 * transactions), writes {@code cases.json}, {@code index.html} and one page per case, and drafts
 * a neutral narrative; {@link org.osecscreener.tools.cases.StrKeyTerms} holds the key terms per
 * jurisdiction and {@link org.osecscreener.tools.cases.Typology}. Identifiers are masked in every export unless raw identifiers are asked for.
 * The analyst's guide is {@code docs/cases.md}.
 */
package org.osecscreener.tools.cases;
