/**
 * The tools that make findings lists: {@link org.osecscreener.tools.findings.FindingsExport} turns
 * confirmed cases into findings over exactly the normalised forms the payee-cluster resolver uses,
 * and {@link org.osecscreener.tools.findings.TipList} hashes a hotline's CSV tip list the same way.
 * Both write with {@link org.osecscreener.findings.FindingsFile}; the engine side (the list format,
 * the coalition key, loaded watchlists and the matcher) stays in {@code org.osecscreener.findings}.
 * The guide is {@code docs/findings.md}.
 */
package org.osecscreener.tools.findings;
