package org.osecscreener.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a YAML or JSON rule file into a {@link JsonNode} tree with the streaming parser,
 * recording the line and column of every JSON pointer.
 *
 * <p>Why not {@code ObjectMapper.readTree}: it forgets positions, keeps the last of two
 * duplicate keys silently and knows nothing of YAML anchors and tags. Here:
 * <ul>
 *   <li>a duplicate key is an error (the first value is kept, so checking goes on);</li>
 *   <li>YAML anchors, aliases and explicit tags ({@code !!java/...}, {@code !!binary}, any
 *       {@code !tag}) are errors: a rule file is plain data, and refusing aliases makes
 *       "billion laughs" impossible whatever the parser would do;</li>
 *   <li>nesting deeper than {@link #MAX_DEPTH} stops the read (the format needs 5);</li>
 *   <li>more than {@link #MAX_VALUES} values stop the read: the tree and the position of every
 *       value are held in memory, and YAML parsing costs about a kilobyte per value, so the
 *       count is bounded on its own and not only through the file size.</li>
 * </ul>
 * Not thread-safe: one instance per parse.
 */
final class TreeReader {
    /** Deepest nesting of objects and arrays accepted; the format itself needs 5. */
    static final int MAX_DEPTH = 10;
    /**
     * Most values (mappings, lists and scalars, each counted once) in one file; the largest lists
     * the schema accepts, 10,000 suppressions of four fields, fit.
     */
    static final int MAX_VALUES = 100_000;

    private final JsonParser parser;
    private final YAMLParser yaml;
    private final Problems problems;
    private final Map<String, int[]> positions = new HashMap<>();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private int values;

    TreeReader(JsonParser parser, Problems problems) {
        this.parser = parser;
        this.yaml = parser instanceof YAMLParser y ? y : null;
        this.problems = problems;
    }

    /**
     * Reads the single document of the file.
     *
     * @return the tree and positions, or {@code null} if the file is empty
     * @throws IOException on a syntax error (the caller reports its location)
     * @throws Problems.Abort when reading cannot go on (too deep)
     */
    Located read() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            problems.file("the file is empty; a rule bundle is a YAML or JSON object");
            return null;
        }
        JsonNode root = value(t, "", 0, true);
        JsonToken extra = parser.nextToken();
        if (extra != null) {
            JsonLocation loc = parser.currentTokenLocation();
            problems.atPosition("", loc.getLineNr(), loc.getColumnNr(),
                    "more than one document in the file; a rule file holds exactly one bundle");
        }
        return new Located(root, positions);
    }

    private JsonNode value(JsonToken t, String pointer, int depth, boolean record) throws IOException {
        JsonLocation loc = parser.currentTokenLocation();
        if (++values > MAX_VALUES) {
            problems.atPosition(pointer, loc.getLineNr(), loc.getColumnNr(), "more than " + MAX_VALUES
                    + " values in the file; a rule bundle needs far fewer (checking stopped here)");
            throw new Problems.Abort();
        }
        if (record) {
            positions.putIfAbsent(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
        }
        if (checkYamlFeatures(pointer, loc)) {
            // an alias: a unique placeholder, and no further errors about this value
            problems.ignoreUnder(pointer);
            return nodes.textNode("*" + yaml.getText() + " (alias at " + loc.getLineNr() + ":" + loc.getColumnNr() + ")");
        }
        switch (t) {
            case START_OBJECT:
                return object(pointer, depth + 1, loc, record);
            case START_ARRAY:
                return array(pointer, depth + 1, loc, record);
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                if (problems.isIgnored(pointer)) {
                    return nodes.nullNode();
                }
                problems.atPosition(pointer, loc.getLineNr(), loc.getColumnNr(),
                        "unsupported value (" + t + "); accepted: objects, lists, strings, numbers, booleans");
                return nodes.nullNode();
        }
    }

    /** Reports anchors, aliases and tags; returns whether the current token is an alias. */
    private boolean checkYamlFeatures(String pointer, JsonLocation loc) throws IOException {
        if (yaml == null) {
            return false;
        }
        if (yaml.isCurrentAlias()) {
            problems.atPosition(pointer, loc.getLineNr(), loc.getColumnNr(), "YAML alias '*" + yaml.getText()
                    + "' is not accepted; rule files use no anchors or aliases (write the value out)");
            return true;
        }
        String anchor = yaml.getObjectId();
        if (anchor != null) {
            problems.atPosition(pointer, loc.getLineNr(), loc.getColumnNr(), "YAML anchor '&" + anchor
                    + "' is not accepted; rule files use no anchors or aliases (write the value out)");
        }
        String tag = yaml.getTypeId();
        if (tag != null) {
            String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : "!" + tag;
            problems.atPosition(pointer, loc.getLineNr(), loc.getColumnNr(), "explicit YAML tag '" + shown
                    + "' is not accepted; a rule file is plain data (remove the tag)");
            // what the tag made of the value (bytes, null, ...) is not worth more errors
            problems.ignoreUnder(pointer);
        }
        return false;
    }

    private JsonNode object(String pointer, int depth, JsonLocation start, boolean record) throws IOException {
        tooDeep(pointer, depth, start);
        ObjectNode obj = nodes.objectNode();
        Map<String, int[]> keyLines = new HashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonLocation keyLoc = parser.currentTokenLocation();
            String child = pointer + "/" + Located.escape(name);
            int[] first = keyLines.get(name);
            boolean duplicate = first != null;
            if (duplicate) {
                problems.atPosition(child, keyLoc.getLineNr(), keyLoc.getColumnNr(), "duplicate key '" + name
                        + "' (first at line " + first[0] + "); each key may appear once");
            } else {
                int[] pos = {keyLoc.getLineNr(), keyLoc.getColumnNr()};
                keyLines.put(name, pos);
                if (record) {
                    positions.put(child, pos);
                }
            }
            JsonNode v = value(parser.nextToken(), child, depth, record && !duplicate);
            if (!duplicate) {
                obj.set(name, v);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IllegalStateException("unexpected token " + t + " in an object");
        }
        return obj;
    }

    private JsonNode array(String pointer, int depth, JsonLocation start, boolean record) throws IOException {
        tooDeep(pointer, depth, start);
        ArrayNode arr = nodes.arrayNode();
        JsonToken t;
        int i = 0;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IllegalStateException("end of input inside a list");
            }
            arr.add(value(t, pointer + "/" + i, depth, record));
            i++;
        }
        return arr;
    }

    private void tooDeep(String pointer, int depth, JsonLocation loc) {
        if (depth > MAX_DEPTH) {
            problems.atPosition(pointer, loc.getLineNr(), loc.getColumnNr(), "nesting deeper than " + MAX_DEPTH
                    + " levels; a rule bundle needs at most 5 (checking stopped here)");
            throw new Problems.Abort();
        }
    }
}
