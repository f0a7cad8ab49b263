package org.osecscreener.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule file could not be loaded: it carries every problem found in it, in file order.
 *
 * <p>The message lists the errors one per line; {@link #errors()} gives them as records for
 * tools (the CLI, an admin UI) to render.
 */
public final class RuleBundleException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ValidationError> errors;

    /**
     * @param errors the problems, at least one
     * @throws IllegalArgumentException if {@code errors} is empty
     */
    public RuleBundleException(List<ValidationError> errors) {
        super(render(errors));
        this.errors = List.copyOf(errors);
    }

    private static String render(List<ValidationError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a RuleBundleException needs at least one error");
        }
        return errors.size() + (errors.size() == 1 ? " error" : " errors") + " in rule bundle "
                + errors.get(0).file() + ":\n" + errors.stream().map(ValidationError::toString)
                .collect(Collectors.joining("\n"));
    }

    /** Every problem found, in file order (line, then column); never empty. */
    public List<ValidationError> errors() {
        return errors;
    }
}
