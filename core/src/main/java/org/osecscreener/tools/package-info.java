/**
 * The tools around the screening engine: everything that makes, replays, reports on or converts
 * data, as opposed to screening it.
 *
 * <ul>
 *   <li>{@code tools.synth}: the labelled synthetic traffic generator;</li>
 *   <li>{@code tools.secondopinion}: the independent second-opinion generator;</li>
 *   <li>{@code tools.backtest}: backtests of rule bundles on labelled data and their reports;</li>
 *   <li>{@code tools.cases}: alerts read back and grouped into cases for analysts;</li>
 *   <li>{@code tools.findings}: confirmed cases and hotline tip lists turned into findings lists;</li>
 *   <li>{@code tools.iso20022}: pacs.008 read into, and written from, the transaction model.</li>
 * </ul>
 *
 * <p>The rule: tools depend on the engine ({@code model}, {@code io}, {@code cluster},
 * {@code privacy}, {@code profile}, {@code rules}, {@code score}, {@code findings}, {@code detect},
 * {@code screen}), never the reverse. The package diagram is in {@code docs/architecture.md}.
 */
package org.osecscreener.tools;
