package dev.jobintel.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.source.http.Body;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads the postings of a large JSON body one at a time: only one posting's tree exists at
 * once, so a 15 MB board is parsed in bounded memory. The small top-level fields around the
 * array (totals, offsets, the account name) are collected into an envelope.
 */
public final class JsonStream {

    // Exact decimals: an id written as 9007199254740993.0 must not become its neighbour as a double.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    /** Jackson's "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); " in a location. */
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\[Source: [^;\\]]*; ");

    private JsonStream() {
    }

    /** A body that is not the JSON it should be; items already handed on stay handed on. */
    public static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;
        private final long items;
        private final Integer status;

        public Malformed(String message, long items, Throwable cause) {
            this(message, items, cause, null);
        }

        private Malformed(String message, long items, Throwable cause, Integer status) {
            super(message, cause);
            this.items = items;
            this.status = status;
        }

        /** Items read before the problem. */
        public long items() {
            return items;
        }

        /** The HTTP status the body came with, or null when not known. */
        public Integer status() {
            return status;
        }

        /** This problem, naming the address the body came from (secrets redacted) and its status. */
        public Malformed at(String url, int status) {
            return new Malformed(getMessage() + " (" + url + ", HTTP " + status + ")", items, this, status);
        }

        /** This problem after {@code context} ("page 2 (skip=100): "), keeping what it knows. */
        public Malformed in(String context) {
            return new Malformed(context + getMessage(), items, this, status);
        }
    }

    /**
     * Calls {@code each} for every element of the array at top-level field {@code arrayField}, or
     * of the top-level array when {@code arrayField} is null. Returns the envelope: every other
     * top-level field.
     */
    public static ObjectNode items(InputStream in, String arrayField, Consumer<JsonNode> each) throws Malformed {
        JsonParser p;
        try {
            p = FACTORY.createParser(in);
        } catch (IOException e) {
            throw new Malformed("unreadable body: " + e.getMessage(), 0, e);
        }
        return items(p, arrayField, each);
    }

    /** As {@link #items(InputStream, String, Consumer)}, in the charset the body's Content-Type declares. */
    public static ObjectNode items(Body body, String arrayField, Consumer<JsonNode> each) throws Malformed {
        JsonParser p;
        try {
            p = parser(body);
        } catch (IOException e) {
            throw new Malformed("unreadable body: " + e.getMessage(), 0, e);
        }
        return items(p, arrayField, each);
    }

    /** The body as one JSON tree, in the charset its Content-Type declares. */
    public static JsonNode tree(Body body) throws IOException {
        try (JsonParser p = parser(body)) {
            return MAPPER.readTree(p);
        }
    }

    /**
     * A parser of the body: from its bytes, where the parser tells UTF-8, -16 and -32 apart
     * itself, or through a reader when the server declares another charset (ISO-8859-1 bytes
     * read as UTF-8 would fail on the first accented letter, on every fetch).
     */
    private static JsonParser parser(Body body) throws IOException {
        Charset declared = body.declaredLegacyCharset();
        // JSON is UTF-8 (RFC 8259), and many servers declare ISO-8859-1 by default while sending it:
        // the declaration counts only for bytes that are not UTF-8.
        if (declared != null && body.isUtf8()) {
            declared = null;
        }
        InputStream in = body.open();
        return declared == null ? FACTORY.createParser(in) : FACTORY.createParser(new InputStreamReader(in, declared));
    }

    private static ObjectNode items(JsonParser parser, String arrayField, Consumer<JsonNode> each) throws Malformed {
        ObjectNode envelope = MAPPER.createObjectNode();
        long[] count = {0};
        try (JsonParser p = parser) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new Malformed("malformed body: it is empty", 0, null);
            }
            if (arrayField == null) {
                if (first != JsonToken.START_ARRAY) {
                    throw new Malformed("malformed body: expected a JSON array, got " + describe(first), 0, null);
                }
                readArray(p, each, count);
                end(p, count[0]);
                return envelope;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new Malformed("malformed body: expected a JSON object, got " + describe(first), 0, null);
            }
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(arrayField) && value == JsonToken.START_ARRAY) {
                    found = true;
                    readArray(p, each, count);
                } else {
                    envelope.set(name, MAPPER.readTree(p));
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new Malformed("malformed body: it ends before the object does", count[0], null);
            }
            if (!found) {
                throw new Malformed("malformed body: it has no '" + arrayField + "' array", 0, null);
            }
            end(p, count[0]);
            return envelope;
        } catch (Malformed e) {
            throw e;
        } catch (JsonParseException e) {
            throw new Malformed("malformed JSON after " + count[0] + " items: " + problem(e), count[0], e);
        } catch (IOException e) {
            throw new Malformed("unreadable body after " + count[0] + " items: " + e.getMessage(), count[0], e);
        }
    }

    /**
     * What is wrong with a body, on one line: the parser's message without its own location
     * lines, and without the "[Source: REDACTED (...)" it puts inside them (the body is never quoted).
     */
    public static String problem(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                && e.getOriginalMessage().startsWith("Trailing token")) {
            // FAIL_ON_TRAILING_TOKENS, worded for a person rather than as Jackson's class names
            return "more follows the JSON value on this line (two postings run together, or text after one)";
        }
        return SOURCE_NOTE.matcher(e.getOriginalMessage()).replaceAll("[").replaceAll("\\s+", " ").strip();
    }

    /**
     * More after the JSON value (a second object, a cut-off error page) means the body is not the
     * one answer it should be: the items read stay, but the fetch is not complete and closes nothing.
     */
    private static void end(JsonParser p, long items) throws IOException {
        if (p.nextToken() != null) {
            throw new Malformed("malformed body: more follows the JSON value after " + items + " items", items, null);
        }
    }

    private static void readArray(JsonParser p, Consumer<JsonNode> each, long[] count) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new Malformed("malformed body: it ends inside the array", count[0], null);
            }
            JsonNode item = MAPPER.readTree(p);
            count[0]++;
            each.accept(item);
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            default -> t.asString() == null ? t.name().toLowerCase(java.util.Locale.ROOT) : t.asString();
        };
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
