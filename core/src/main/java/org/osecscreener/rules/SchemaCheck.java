package org.osecscreener.rules;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a parsed rule file against {@code rule-bundle.schema.json} and turns every schema
 * violation into a located error with a message that says what is accepted.
 *
 * <p>Why rewrite the validator's messages: its generic texts ("must have a maximum value of
 * 1") do not say what the accepted set or range is. The accepted property names, ranges and
 * enum values are read from the schema itself, next to the failing keyword, so the schema
 * stays the single source of truth. Thread-safe: the compiled schema is immutable after
 * construction.
 */
final class SchemaCheck {
    static final String RESOURCE = "rule-bundle.schema.json";

    private final JsonNode schemaTree;
    private final JsonSchema schema;

    SchemaCheck(ObjectMapper mapper) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            schemaTree = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .failFast(false)
                .formatAssertionsEnabled(false)
                .build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree, config);
        schema.initializeValidators();
    }

    void check(JsonNode root, Problems problems) {
        Set<ValidationMessage> messages = schema.validate(root);
        for (ValidationMessage m : messages) {
            report(m, root, problems);
        }
    }

    private void report(ValidationMessage m, JsonNode root, Problems problems) {
        String pointer = m.getInstanceLocation().toString();
        if ("/".equals(pointer)) {
            pointer = "";
        }
        JsonNode keywordSchema = schemaNodeOf(m);
        JsonNode owner = parentSchemaOf(m);
        JsonNode value = root.at(pointer.isEmpty() ? JsonPointer.empty() : JsonPointer.compile(pointer));
        String type = m.getType();
        switch (type) {
            case "additionalProperties" -> {
                String prop = m.getProperty();
                String child = pointer + "/" + Located.escape(prop);
                List<String> accepted = owner == null ? List.of() : names(owner.path("properties"));
                if (pointer.equals("/detectors")) {
                    problems.at(child, prop, "unknown detector type '" + prop + "'; accepted: "
                            + String.join(", ", accepted));
                } else {
                    problems.at(child, "unknown property '" + prop + "'; accepted: " + String.join(", ", accepted));
                }
            }
            case "required" -> problems.atField(pointer, pointer + "/" + Located.escape(m.getProperty()),
                    "missing required property '" + m.getProperty() + "'");
            case "type" -> problems.at(pointer, "expected " + describeType(keywordSchema) + " but found "
                    + describeValue(value) + (value.isBoolean() && "string".equals(keywordSchema.asText())
                    ? " (YAML reads unquoted yes/no/on/off/true/false as booleans, e.g. Norway's NO: quote it, \"NO\")"
                    : ""));
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
                    problems.at(pointer, value + " is out of range; accepted: " + range(owner));
            case "pattern" -> problems.at(pointer, "\\S".equals(keywordSchema.asText()) ? "must not be blank"
                    : "'" + shown(pointer, value.asText()) + "' is not accepted; expected "
                    + (owner != null && owner.has("description") ? owner.get("description").asText()
                    : "text matching " + keywordSchema.asText()));
            case "enum" -> problems.at(pointer, "'" + shown(pointer, value.asText()) + "' is not accepted; accepted: " + join(keywordSchema));
            case "minItems" -> problems.at(pointer, "needs at least " + keywordSchema.asInt() + " entries");
            case "maxItems" -> problems.at(pointer, "has " + value.size() + " entries; at most "
                    + keywordSchema.asInt() + " are accepted");
            case "minProperties" -> problems.at(pointer, "needs at least " + keywordSchema.asInt() + " entries"
                    + (pointer.equals("/detectors") ? "; accepted detector types: " + String.join(", ",
                    owner == null ? List.of() : names(owner.path("properties"))) : ""));
            case "maxProperties" -> problems.at(pointer, "has " + value.size() + " entries; at most "
                    + keywordSchema.asInt() + " are accepted");
            case "minLength" -> problems.at(pointer, "must not be empty");
            case "maxLength" -> problems.at(pointer, "is " + value.asText().length() + " characters long; at most "
                    + keywordSchema.asInt() + " are accepted");
            case "uniqueItems" -> problems.at(pointer, "lists an entry more than once; entries must be unique");
            case "propertyNames" -> {
                // reported by the name's own pattern check as well; keep one message per name
            }
            default -> problems.at(pointer, stripPointer(m.getMessage(), pointer));
        }
    }

    /** The schema node of the failing keyword, from the message's schema location. */
    private JsonNode schemaNodeOf(ValidationMessage m) {
        JsonNode n = m.getSchemaNode();
        if (n != null && !n.isMissingNode()) {
            return n;
        }
        JsonNode parent = parentSchemaOf(m);
        return parent == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : parent.path(m.getType());
    }

    /** The schema object that holds the failing keyword (e.g. the detector's definition). */
    private JsonNode parentSchemaOf(ValidationMessage m) {
        String frag = m.getSchemaLocation().getFragment().toString();
        if (frag.startsWith("#")) {
            frag = frag.substring(1);
        }
        if (frag.isEmpty() || frag.equals("/")) {
            return schemaTree;
        }
        int cut = frag.lastIndexOf('/');
        String parent = cut <= 0 ? "" : frag.substring(0, cut);
        JsonNode n = parent.isEmpty() ? schemaTree : schemaTree.at(JsonPointer.compile(parent));
        return n.isMissingNode() ? null : n;
    }

    private static List<String> names(JsonNode obj) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static String join(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return String.join(", ", out);
    }

    static String range(JsonNode s) {
        if (s == null) {
            return "see the schema";
        }
        boolean integer = "integer".equals(s.path("type").asText());
        String lo = s.has("exclusiveMinimum") ? "(" + num(s.get("exclusiveMinimum"))
                : s.has("minimum") ? "[" + num(s.get("minimum")) : null;
        String hi = s.has("exclusiveMaximum") ? num(s.get("exclusiveMaximum")) + ")"
                : s.has("maximum") ? num(s.get("maximum")) + "]" : null;
        String kind = integer ? "an integer in " : "";
        if (lo != null && hi != null) {
            return kind + lo + ", " + hi;
        }
        if (lo != null) {
            return (integer ? "an integer " : "a number ") + (lo.startsWith("(") ? "> " : ">= ") + lo.substring(1);
        }
        if (hi != null) {
            return (integer ? "an integer " : "a number ") + (hi.endsWith(")") ? "< " : "<= ")
                    + hi.substring(0, hi.length() - 1);
        }
        return "see the schema";
    }

    private static String num(JsonNode n) {
        return n.isIntegralNumber() ? n.asText() : String.valueOf(n.asDouble());
    }

    private static String describeType(JsonNode typeKeyword) {
        String t = typeKeyword.isTextual() ? typeKeyword.asText() : typeKeyword.toString();
        return switch (t) {
            case "object" -> "a mapping (key: value)";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "string" -> "text";
            case "boolean" -> "true or false";
            default -> t;
        };
    }

    private static String describeValue(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "nothing (null)";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isTextual()) {
            return "text '" + v.asText() + "'";
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        return v.isIntegralNumber() ? "the whole number " + v.asText() : "the number " + v.asText();
    }

    private static String stripPointer(String message, String pointer) {
        String prefix = (pointer.isEmpty() ? "" : pointer) + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** A value as an error message may show it: party ids (suppressions, id lists) masked, as in logs. */
    private static String shown(String pointer, String value) {
        boolean partyId = pointer.startsWith("/idLists/") || pointer.matches("/suppressions/\\d+/id");
        return partyId ? org.osecscreener.privacy.Mask.text(value) + " (masked: a party id)" : value;
    }
}
