package dev.jobintel.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A YAML file read so that every later complaint can name the file, the line and the key:
 * binding errors (unknown key, wrong type, syntax) come out of Jackson with their location,
 * and checks made after binding (a regex that does not compile, a file that does not exist)
 * look the line up by the key's path, such as {@code gate.title.exclude[2]}.
 */
public final class YamlDocument {

    /** SnakeYAML's default limit on one document (LoaderOptions.codePointLimit), which the parser keeps. */
    static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // "min_description_chars: 1.5" is no whole number; Jackson would quietly make it 1.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    static {
        MAPPER.registerModule(new SimpleModule("no-octal")
                .addDeserializer(Integer.class, new NoOctal<>(Integer.class))
                .addDeserializer(Double.class, new NoOctal<>(Double.class)));
        // "enabled: 7" is no yes or no; Jackson would quietly make it true (and "enabled: ''" the default).
        MAPPER.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // "budget_usd: ''" (a template whose variable was empty) is no number: Jackson would make it the
        // default, here no budget at all. A key with nothing after it still means the default.
        MAPPER.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        MAPPER.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }

    /**
     * A number written with a leading zero that YAML 1.1 reads as octal, to another value: a delay of
     * 0250 ms would quietly be 168. Zero-padding that reads the same either way ("-05" as a UTC offset,
     * or 08, which is no octal) is kept. Refused where a number is expected only: a text key keeps
     * "0123" as written. Hexadecimal (0x..) says what it is.
     */
    private static final class NoOctal<T> extends StdScalarDeserializer<T> {
        private static final Pattern OCTAL_LOOKING = Pattern.compile("[-+]?[0_]*0_*[1-7]_*[0-7][0-7_]*");
        private final JsonDeserializer<?> standard;

        NoOctal(Class<T> type) {
            super(type);
            this.standard = NumberDeserializers.find(type, type.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && OCTAL_LOOKING.matcher(p.getText()).matches()) {
                String problem = "'" + p.getText() + "' has a leading zero, which YAML reads as an octal number"
                        + " (0250 is 168); write it without the zero";
                throw JsonMappingException.from(p, problem, new IllegalArgumentException(problem));
            }
            return (T) standard.deserialize(p, ctxt);
        }
    }

    private final String origin;
    private final String text;
    /** Nothing written (blank, or only comments): binds to null. */
    private final boolean empty;
    /** Where each key is written; for a bundled resource, found on first use (see {@link #resource}). */
    private volatile Index index;

    /**
     * @param lines the line of each key's path (see {@link #line})
     * @param nulls the keys written with an empty (null) value, in order: a map that refuses one is named by them
     */
    private record Index(Map<String, Integer> lines, java.util.List<String> nulls) {
    }

    private YamlDocument(String origin, String text, boolean empty, Index index) {
        this.origin = origin;
        this.text = text;
        this.empty = empty;
        this.index = index;
    }

    /** Reads a file; a missing file is a {@link ConfigException} naming it. */
    public static YamlDocument read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), 0, null, Files.isSymbolicLink(file)
                    ? "a link to " + readLink(file) + ", which does not exist" : "file not found");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file.toString(), 0, null, "not UTF-8 text; save the file as UTF-8", e);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, null, "cannot read file: " + e.getMessage(), e);
        }
    }

    /** Where a link points, as written in it. */
    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a file";
        }
    }

    /**
     * Reads a resource bundled in the jar. The checks {@link #parse} makes before binding guard files
     * users write; a bundled file is fixed at build time, where a test makes them (BundledYamlTest), so
     * they are not paid for on every start: the pass that makes them, and records each key's line, runs
     * only when an error needs a line, and then names the same line as it would have.
     */
    public static YamlDocument resource(String name) {
        String text;
        try (InputStream in = YamlDocument.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing from the build: " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new YamlDocument("bundled " + name.substring(name.lastIndexOf('/') + 1), text, !hasContent(text), null);
    }

    /** Whether the text holds any value: {@link #parse}'s pass records a line for every one. */
    private static boolean hasContent(String text) {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            return p.nextToken() != null;
        } catch (JsonProcessingException e) {
            // Not valid YAML, which is not empty: binding says where.
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads text a user wrote, checked whole before anything is bound. */
    public static YamlDocument parse(String origin, String text) {
        Index index = index(origin, text);
        return new YamlDocument(origin, text, index.lines().isEmpty(), index);
    }

    /**
     * The line of every key, made in one pass over the tokens that also refuses what binding would
     * read silently or wrongly: a second document, a repeated key, an alias, an empty list item.
     */
    private static Index index(String origin, String text) {
        int characters = text.length() > MAX_CODE_POINTS ? text.codePointCount(0, text.length()) : 0;
        if (characters > MAX_CODE_POINTS) {
            // SnakeYAML's own refusal names a line deep inside the file and a limit in "code points".
            throw new ConfigException(origin, 0, null, String.format(Locale.ROOT,
                    "%,d characters is more than the %,d jobintel reads in one YAML file (the bundled taxonomy,"
                            + " its largest, is about 130,000)", characters, MAX_CODE_POINTS));
        }
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        java.util.List<String> nulls = new java.util.ArrayList<>();
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            JsonToken t;
            int documents = 0;
            while ((t = p.nextToken()) != null) {
                boolean opens = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
                if (opens || t == JsonToken.FIELD_NAME || t.isScalarValue()) {
                    // An opening token has already entered its own context; its key lives in the parent.
                    JsonStreamContext ctx = opens ? p.getParsingContext().getParent() : p.getParsingContext();
                    int line = p.currentTokenLocation().getLineNr();
                    if (ctx.inRoot() && ++documents > 1) {
                        throw new ConfigException(origin, line, null, "a second YAML document (after '---');"
                                + " only the first would be read, so keep one document per file");
                    }
                    String path = pathOf(ctx);
                    lines.putIfAbsent(path, line);
                    if (ctx.inArray() && (t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_STRING && p.getText().isBlank())) {
                        // "include: [~]", a bare "-" or "block: ['']": no list in these files holds an empty item,
                        // and an empty one would not be nothing: '' as a title regex matches every title, and as
                        // an agency name every posting that names no employer.
                        throw new ConfigException(origin, line, path, "an empty item in a list: give it a value or remove it");
                    }
                    if (t == JsonToken.VALUE_NULL) {
                        nulls.add(path);
                    }
                    if (t == JsonToken.FIELD_NAME) {
                        rejectRepeated(origin, keys, path, line);
                    }
                    rejectAlias(origin, p, path, line);
                }
            }
        } catch (JsonProcessingException e) {
            ConfigException forbidden = forbiddenCharacter(origin, text, e);
            if (forbidden != null) {
                throw forbidden;
            }
            throw new ConfigException(origin, syntaxLine(e), null, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Index(lines, nulls);
    }

    /** The index, made once on first use for a bundled resource; callers on several threads share it. */
    private Index index() {
        Index i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = index(origin, text);
                    index = i;
                }
            }
        }
        return i;
    }

    /**
     * A character YAML does not allow (a control character pasted from a terminal): SnakeYAML's refusal
     * carries no line, and Jackson's location is the parser's first line, so the line is found here by
     * the same rule SnakeYAML applies. Null when {@code e} is not that refusal.
     */
    private static ConfigException forbiddenCharacter(String origin, String text, JsonProcessingException e) {
        boolean refused = false;
        for (Throwable t = e; t != null && !refused; t = t.getCause() == t ? null : t.getCause()) {
            refused = t instanceof ReaderException;
        }
        if (!refused) {
            return null;
        }
        int line = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!StreamReader.isPrintable(c)) {
                return new ConfigException(origin, line, null, String.format(Locale.ROOT,
                        "not valid YAML: the character U+%04X%s is not allowed in YAML; remove it", c,
                        Character.isISOControl(c) ? " (a control character, as a terminal's colour codes hold)" : ""));
            }
            // A line ends at \n, at \r\n (counted at its \n) and at a lone \r.
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                line++;
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /**
     * A key written twice in one mapping: YAML parsers keep the last and drop the first without a
     * word, so a hand-edited file (a block pasted twice) would lose settings silently (incident 19).
     */
    private static void rejectRepeated(String origin, Map<String, Integer> keys, String path, int line) {
        Integer first = keys.putIfAbsent(path, line);
        if (first != null) {
            throw new ConfigException(origin, line, path, "this key is written twice (first on line " + first
                    + "); a YAML file keeps only the last, so say it once");
        }
    }

    /**
     * Jackson reads an alias ({@code *defaults}) as the text of its name, so a file using one would
     * fail with "found text 'defaults'" or, for a text key, silently hold the anchor's name.
     */
    private static void rejectAlias(String origin, JsonParser p, String path, int line) throws IOException {
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw new ConfigException(origin, line, path.isEmpty() ? null : path, "YAML aliases ('*"
                    + y.getText() + "') are not supported here; write the value out");
        }
    }

    /** Binds the document to {@code type}; an empty document (blank, or only comments) gives null. */
    public <T> T bind(Class<T> type) {
        if (empty) {
            return null;
        }
        try {
            return MAPPER.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
            throw new ConfigException(origin, lineFor(e), pathOf(e),
                    "unknown key '" + e.getPropertyName() + "'" + (known.isEmpty() ? "" : " (known keys: "
                            + known.substring(1, known.length() - 1) + ")"));
        } catch (InvalidFormatException e) {
            throw new ConfigException(origin, lineFor(e), pathOf(e),
                    "'" + e.getValue() + "' is not a valid " + describe(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new ConfigException(origin, lineFor(e), pathOf(e),
                    "expected " + describe(e.getTargetType()) + found(e));
        } catch (JsonMappingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof NullPointerException) {
                // A record that copies its map refuses a null value ("prices: {foo: ~}"): name that key.
                String under = pathOf(e);
                String key = index().nulls().stream().filter(n -> under.isEmpty() || n.startsWith(under + ".")).findFirst().orElse(under);
                throw new ConfigException(origin, line(key), key, "an empty value: give it one or remove the key", e);
            }
            if (root instanceof NumberFormatException) {
                // YAML's .inf and .nan reach the number's parser as text: say what was expected, not Java's words.
                throw new ConfigException(origin, lineFor(e), pathOf(e), "expected a number, found '"
                        + (e.getProcessor() instanceof JsonParser p ? text(p) : "?") + "'", e);
            }
            throw new ConfigException(origin, lineFor(e), pathOf(e),
                    root instanceof IllegalArgumentException ? root.getMessage() : firstLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin, syntaxLine(e), null, "not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** An error about the value at {@code path} (e.g. "gate.title.exclude[2]"), with its line. */
    public ConfigException error(String path, String problem) {
        return new ConfigException(origin, line(path), path, problem);
    }

    /** The line of the key or value at {@code path}, or of its closest ancestor that is written; 0 if none. */
    public int line(String path) {
        Map<String, Integer> lines = index().lines();
        String p = path;
        while (p != null && !p.isEmpty()) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? null : p.substring(0, cut);
        }
        return 0;
    }

    public String origin() {
        return origin;
    }

    private static String pathOf(JsonStreamContext ctx) {
        StringBuilder sb = new StringBuilder();
        build(ctx, sb);
        return sb.toString();
    }

    private static void build(JsonStreamContext ctx, StringBuilder sb) {
        if (ctx == null || ctx.inRoot()) {
            return;
        }
        build(ctx.getParent(), sb);
        if (ctx.inObject()) {
            if (ctx.getCurrentName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ctx.getCurrentName());
            }
        } else if (ctx.inArray()) {
            sb.append('[').append(Math.max(ctx.getCurrentIndex(), 0)).append(']');
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The line of the offending key as written; Jackson's own location can be past the value. */
    private int lineFor(JsonMappingException e) {
        int l = line(pathOf(e));
        return l > 0 ? l : lineOf(e.getLocation());
    }

    /**
     * The line of a syntax error: where SnakeYAML found the problem (a tab on line 2), not where
     * Jackson's parser stood (the end of line 1).
     */
    private static int syntaxLine(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                // A quote or bracket left open is found only at the end of the file; the line to
                // fix is where it opened, which SnakeYAML gives as the context.
                boolean endOfFile = m.getProblem() != null && m.getProblem().contains("end of stream");
                return (endOfFile && m.getContextMark() != null ? m.getContextMark() : m.getProblemMark()).getLine() + 1;
            }
        }
        return lineOf(e.getLocation());
    }

    private static int lineOf(JsonLocation loc) {
        return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    }

    private static String text(JsonParser p) {
        try {
            return p.getText();
        } catch (IOException unreadable) {
            return "?";
        }
    }

    /** ", found text 'intern'": what the file holds where the type did not fit, in the file's terms. */
    private static String found(MismatchedInputException e) {
        if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
            return ": " + firstLine(e.getOriginalMessage());
        }
        try {
            return switch (p.currentToken()) {
                case VALUE_STRING -> ", found text '" + p.getText() + "'";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", found the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> ", found " + p.getText();
                case START_ARRAY -> ", found a list";
                case START_OBJECT, FIELD_NAME -> ", found keys with values";
                default -> ": " + firstLine(e.getOriginalMessage());
            };
        } catch (IOException unreadable) {
            return ": " + firstLine(e.getOriginalMessage());
        }
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "whole number";
        }
        if (type == Double.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text value";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (type.isEnum()) {
            StringBuilder sb = new StringBuilder("one of ");
            Object[] values = type.getEnumConstants();
            for (int i = 0; i < values.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(values[i].toString().toLowerCase(java.util.Locale.ROOT));
            }
            return sb.toString();
        }
        if (Map.class.isAssignableFrom(type)) {
            return "keys with values";
        }
        return "keys with values";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
