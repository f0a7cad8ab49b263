/**
 * Backtests of rule bundles on labelled data: {@link org.osecscreener.tools.backtest.Backtest}
 * screens a labelled file once and measures sender- and cluster-level recall and precision, the
 * threshold sweep, per-rule figures and marginal contributions
 * ({@link org.osecscreener.tools.backtest.Ablation}); the result is a
 * {@link org.osecscreener.tools.backtest.BacktestReport}, written as {@code summary.json} and a
 * self-contained {@code report.html} by {@link org.osecscreener.tools.backtest.ReportWriter}.
 * The definitions are in {@code docs/backtest.md}.
 */
package org.osecscreener.tools.backtest;
