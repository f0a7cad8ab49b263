/**
 * The labelled synthetic traffic generator: {@link org.osecscreener.tools.synth.Generator}
 * (deterministic from a seed, event-time order, streaming) configured by
 * {@link org.osecscreener.tools.synth.GeneratorConfig} (YAML; the default mix ships as the resource
 * {@code default-generator.yaml} in this package), with the scenario names in
 * {@link org.osecscreener.tools.synth.Scenarios}. The guide is {@code docs/generator.md}.
 */
package org.osecscreener.tools.synth;
