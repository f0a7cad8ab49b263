/**
 * Test helpers shared by the fuzz tests of the codec, the pacs.008 reader and the rule-bundle
 * loader: {@link org.osecscreener.fuzz.Mutator} (seeded byte-level mutations) and
 * {@link org.osecscreener.fuzz.Guard} (a per-case time bound and the heap bytes a case allocated).
 */
package org.osecscreener.fuzz;
