package org.osecscreener.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one rule file while it is parsed and checked; turns them into
 * {@link ValidationError}s once the tree (needed for dotted paths) is complete.
 *
 * <p>Not thread-safe: one instance per load.
 */
final class Problems {
    /** Errors reported for one file at most; a file with more is hopeless anyway. */
    static final int MAX_ERRORS = 100;

    private record Pending(String pointer, int line, int column, String ruleId, String message) {
    }

    /** Thrown to stop checking a file after a fatal problem (syntax error, too deep, too many errors). */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super(null, null, false, false);
        }
    }

    private final String file;
    private final List<Pending> pending = new ArrayList<>();
    private final java.util.Set<String> ignored = new java.util.HashSet<>();
    private Located located;
    private boolean truncated;

    Problems(String file) {
        this.file = file;
    }

    void located(Located l) {
        this.located = l;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Whether a problem was already reported at exactly {@code pointer}. */
    boolean hasErrorAt(String pointer) {
        for (Pending p : pending) {
            if (pointer.equals(p.pointer())) {
                return true;
            }
        }
        return false;
    }

    /** A problem of the whole file (size, encoding): no line, no field. */
    void file(String message) {
        add(new Pending(null, 0, 0, null, message));
    }

    /** A problem at a known position (found while parsing); the field is resolved later. */
    void atPosition(String pointer, int line, int column, String message) {
        add(new Pending(pointer, line, column, Located.ruleIdOf(pointer == null ? "" : pointer), message));
    }

    /** A problem at a pointer of the parsed tree; the position is the pointer's (or its nearest ancestor's). */
    void at(String pointer, String message) {
        at(pointer, Located.ruleIdOf(pointer), message);
    }

    /** Later errors at or under {@code pointer} are dropped (its value is a placeholder, already reported). */
    void ignoreUnder(String pointer) {
        ignored.add(pointer);
    }

    boolean isIgnored(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            if (ignored.contains(p)) {
                return true;
            }
            if (p.isEmpty()) {
                return false;
            }
        }
    }

    void at(String pointer, String ruleId, String message) {
        if (!ignored.isEmpty() && isIgnored(pointer)) {
            return;
        }
        int[] pos = located.positionOf(pointer);
        add(new Pending(pointer, pos[0], pos[1], ruleId, message));
    }

    /** A problem about {@code fieldPointer} (e.g. a missing property) shown at the position of {@code positionPointer}. */
    void atField(String positionPointer, String fieldPointer, String message) {
        int[] pos = located.positionOf(positionPointer);
        add(new Pending(fieldPointer, pos[0], pos[1], Located.ruleIdOf(fieldPointer), message));
    }

    private void add(Pending p) {
        if (pending.size() >= MAX_ERRORS) {
            truncated = true;
            throw new Abort();
        }
        pending.add(p);
    }

    List<ValidationError> errors() {
        List<ValidationError> out = new ArrayList<>(pending.size() + 1);
        for (Pending p : pending) {
            String field = p.pointer() == null ? null
                    : (located != null ? located : new Located(null, java.util.Map.of())).dotted(p.pointer());
            out.add(new ValidationError(file, p.line(), p.column(), p.ruleId(), field, p.message()));
        }
        out.sort(Comparator.comparingInt(ValidationError::line).thenComparingInt(ValidationError::column));
        if (truncated) {
            out.add(new ValidationError(file, 0, 0, null, null,
                    "more than " + MAX_ERRORS + " errors; checking stopped here"));
        }
        return out;
    }
}
