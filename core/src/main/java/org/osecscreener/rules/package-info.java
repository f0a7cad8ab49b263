/**
 * Rule bundles: the versioned, validated configuration the detectors and the scorer run with.
 *
 * <p>A rule file (YAML or JSON, schema {@code rule-bundle.schema.json}, reference
 * {@code docs/rules.md}) is data: it binds to a closed set of typed, immutable records —
 * {@link org.osecscreener.rules.RuleBundle}, {@link org.osecscreener.rules.Detectors} and one
 * {@link org.osecscreener.rules.DetectorConfig} record per detector type — with no
 * polymorphic typing, class names, expressions, includes or URLs.
 *
 * <p>{@link org.osecscreener.rules.RuleBundleLoader} enforces the safety limits (size,
 * depth, number of values, length of YAML words, no YAML anchors, aliases or tags, no
 * duplicate keys, no text that looks like a path or URL), the JSON Schema and the semantic
 * rules, and reports every problem of a file at once as
 * {@link org.osecscreener.rules.ValidationError}s with file, line, column, detector id and
 * field. {@link org.osecscreener.rules.RuleBundleLoader#defaultBundle()} is the default
 * rule pack shipped in this jar; {@link org.osecscreener.rules.RuleBundleSummary} renders
 * bundles and errors for the command line.
 *
 * <p>Everything public here is immutable and thread-safe.
 */
package org.osecscreener.rules;
