/**
 * Detection: the {@link org.osecscreener.detect.ScreeningEngine} (the steps both shells run), the
 * thirteen detectors of the rule reference ({@code docs/rules.md}), each a small class with a typed
 * configuration from {@code org.osecscreener.rules} and a reason template, and the keyword
 * automaton for cover words.
 */
package org.osecscreener.detect;
