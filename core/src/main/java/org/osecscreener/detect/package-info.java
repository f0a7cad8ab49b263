/**
 * Detection: the {@link org.osecscreener.detect.ScreeningEngine} (the steps both shells run), the
 * fifteen transaction detectors of the rule reference ({@code docs/rules.md}), each a small class
 * with a typed configuration from {@code org.osecscreener.rules} and a reason template, the
 * payee-cluster scorer (clusters as risk entities, look-back and look-forward), the victim-side
 * sextortion rule, and the keyword automaton for cover words.
 */
package org.osecscreener.detect;
