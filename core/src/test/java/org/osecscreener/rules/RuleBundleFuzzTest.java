package org.osecscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.osecscreener.fuzz.Guard;
import org.osecscreener.fuzz.Mutator;

/**
 * Fuzzes the rule-bundle loader: mutated YAML and JSON rule files only ever load as a bundle
 * (which then survives a JSON round trip) or fail with {@link RuleBundleException} whose every
 * {@link ValidationError} names the file and, unless it concerns the whole file, a line and
 * column; never another exception, never a hang, never an allocation out of proportion.
 */
class RuleBundleFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final int CASES = Integer.getInteger("fuzz.rules.cases", 1_200);
    private static final long TIMEOUT_MILLIS = 20_000;
    /**
     * Allocation bound per file: a fixed allowance (parsers, the JSON Schema check, binding) plus
     * this many bytes per input byte.
     */
    static final long ALLOC_BASE = 16L * 1024 * 1024;
    static final long ALLOC_PER_BYTE = 512;

    /** Messages of errors that concern the whole file and so carry no line. */
    private static final List<String> FILE_LEVEL = List.of("the file is", "more than "
            + Problems.MAX_ERRORS + " errors", "not a rule bundle", "cannot read");

    private static final RuleBundleLoader LOADER = new RuleBundleLoader();

    private static final Mutator MUTATOR = new Mutator(List.of(
            Mutator.utf8("&a "), Mutator.utf8("*a"), Mutator.utf8("!!java/object:java.net.URL [\"http://x\"]"),
            Mutator.utf8("!custom "), Mutator.utf8("!!binary "), Mutator.utf8("<<: "), Mutator.utf8("? "),
            Mutator.utf8("\n- "), Mutator.utf8(": "), Mutator.utf8("{"), Mutator.utf8("}"), Mutator.utf8("["),
            Mutator.utf8("]"), Mutator.utf8("\""), Mutator.utf8("'"), Mutator.utf8("|"), Mutator.utf8(">"),
            Mutator.utf8("\n---\n"), Mutator.utf8("\n...\n"), Mutator.utf8("%YAML 1.2\n"), Mutator.utf8("%TAG ! tag:x,2000:\n"),
            Mutator.utf8("#"), Mutator.utf8("~"), Mutator.utf8(".nan"), Mutator.utf8(".inf"), Mutator.utf8("-.inf"),
            Mutator.utf8("0x1F"), Mutator.utf8("0o17"), Mutator.utf8("1_000"), Mutator.utf8("2026-13-45"),
            Mutator.utf8("yes"), Mutator.utf8("NO"), Mutator.utf8("null"), Mutator.utf8(","), Mutator.utf8("\n  "),
            Mutator.utf8("\n    weight: 0.5"), Mutator.utf8("\nid: x"), Mutator.utf8("1e400"),
            Mutator.utf8("\"\\uD800\""), Mutator.utf8("\"\\x00\"")));

    @Test
    void mutatedRuleFiles_loadOrFailWithLocatedErrors() {
        List<Seed> seeds = seeds();
        SplittableRandom r = new SplittableRandom(SEED);
        long maxFixed = 0;
        try (Guard guard = new Guard(TIMEOUT_MILLIS)) {
            for (Seed s : seeds) {
                guard.run("warm-up " + s.name(), () -> outcome(s.name(), s.bytes()));
            }
            for (int i = 0; i < CASES; i++) {
                Seed s = seeds.get(r.nextInt(seeds.size()));
                byte[] input = r.nextInt(3) == 0 ? mutateLines(s.bytes(), r) : MUTATOR.mutate(s.bytes(), r, RuleBundleLoader.MAX_BYTES + 64);
                String what = "case " + i + " (seed " + SEED + ", " + s.name() + ") " + Mutator.show(input);
                Guard.Measured<Object> m = guard.runWithin(what, () -> outcome(s.name(), input), ALLOC_BASE, ALLOC_PER_BYTE,
                        input.length);
                check(m.value(), s.name(), what);
                long allocated = m.allocatedBytes();
                maxFixed = Math.max(maxFixed, allocated - ALLOC_PER_BYTE * input.length);
            }
        }
        if (Boolean.getBoolean("fuzz.report")) {
            System.out.println("fuzz rules: largest allocation beyond the per-byte share: " + maxFixed + " bytes");
        }
    }

    /** The bundle, or the exception (anything other than these two fails the case in the guard). */
    private static Object outcome(String name, byte[] content) {
        try {
            return LOADER.load(name, content);
        } catch (RuleBundleException e) {
            return e;
        }
    }

    static void check(Object outcome, String name, String what) {
        if (outcome instanceof RuleBundle bundle) {
            String json = LOADER.toJson(bundle);
            Object again = outcome("again.json", json.getBytes(StandardCharsets.UTF_8));
            assertThat(again).as("re-loading what %s became: %s", what, json).isEqualTo(bundle);
            return;
        }
        RuleBundleException e = (RuleBundleException) outcome;
        assertThat(e.errors()).as("errors of %s", what).isNotEmpty();
        for (ValidationError err : e.errors()) {
            if (Boolean.getBoolean("fuzz.reasons")) {
                System.out.println("ERROR " + err.line() + " " + err.field() + " | " + err.message());
            }
            assertThat(err.file()).isEqualTo(name);
            assertThat(err.message()).as("message in %s", what).isNotBlank();
            assertThat(err.column()).isNotNegative();
            if (FILE_LEVEL.stream().noneMatch(err.message()::startsWith)) {
                assertThat(err.line()).as("line of %s in %s", err, what).isPositive();
            }
        }
    }

    /** Line-level edits: a line deleted, duplicated, moved, re-indented, or given a hostile value. */
    private static byte[] mutateLines(byte[] content, SplittableRandom r) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(content, StandardCharsets.UTF_8).split("\n", -1)));
        String[] values = {"&x 1", "*x", "!!java/object:java.lang.ProcessBuilder [calc]", "!local x", "../../etc/passwd",
            "file:///etc/passwd", "http://127.0.0.1/x", "C:\\\\Windows", "~/x", "1e999999999", "-1", ".nan", "[[[[[[[[[[[[x]]]]]]]]]]]]",
            "{a: {b: {c: {d: {e: {f: {g: {h: {i: {j: {k: 1}}}}}}}}}}}", "\"" + "w".repeat(70_000) + "\"", "null", "", "yes",
            "[" + "x, ".repeat(5_000) + "x]", "2026-02-30", "\"\\u202E\\u0000\""};
        int edits = 1 + r.nextInt(3);
        for (int k = 0; k < edits && !lines.isEmpty(); k++) {
            int i = r.nextInt(lines.size());
            String line = lines.get(i);
            switch (r.nextInt(5)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(r.nextInt(lines.size() + 1), line);
                case 2 -> lines.set(i, "  " + line);
                case 3 -> lines.set(i, line.stripLeading());
                default -> {
                    int colon = line.indexOf(": ");
                    String v = values[r.nextInt(values.length)];
                    lines.set(i, colon >= 0 ? line.substring(0, colon + 2) + v : line + " " + v);
                }
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private record Seed(String name, byte[] bytes) {
    }

    private static List<Seed> seeds() {
        byte[] minimal = resource("/rules/valid-minimal.yaml");
        byte[] pack = resource("/org/osecscreener/rules/default-bundle.yaml");
        byte[] json = LOADER.toJson(RuleBundleLoader.defaultBundle()).getBytes(StandardCharsets.UTF_8);
        return List.of(new Seed("minimal.yaml", minimal), new Seed("pack.yaml", pack), new Seed("pack.json", json));
    }

    private static byte[] resource(String name) {
        try (InputStream in = RuleBundleFuzzTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
