/**
 * Cases for analysts: alerts grouped per payee cluster per period, with the senders paying the
 * cluster, exported as JSON and as self-contained HTML reports, each with an STR/SAR drafting aid.
 *
 * <p>{@link org.osecscreener.cases.AlertReader} reads the alert JSON lines back;
 * {@link org.osecscreener.cases.CaseReport} (built once, immutable) groups them with the
 * transactions into {@link org.osecscreener.cases.Case}s (re-resolving payee clusters over the
 * transactions), writes {@code cases.json}, {@code index.html} and one page per case, and drafts
 * a neutral narrative; {@link org.osecscreener.cases.StrKeyTerms} holds the typology key terms per
 * jurisdiction. Identifiers are masked in every export unless raw identifiers are asked for.
 * The analyst's guide is {@code docs/cases.md}.
 */
package org.osecscreener.cases;
