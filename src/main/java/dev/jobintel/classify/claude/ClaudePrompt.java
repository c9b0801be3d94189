package dev.jobintel.classify.claude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.jobintel.classify.AnswerValidator;
import dev.jobintel.classify.taxonomy.SkillDictionary;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.classify.taxonomy.Vocabulary;
import dev.jobintel.internal.Clip;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.Salary;
import dev.jobintel.posting.location.Places;
import dev.jobintel.posting.location.ResolvedLocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The prompt, in two parts. The stable prefix — instructions, the taxonomy with its
 * descriptions, the skills list and worked examples — is identical for every posting, comes
 * first and is marked for caching, so after the first request it is billed at a tenth of the
 * input price. The posting comes last: title, company, location and resolved place, every
 * structured hint, and the description cut at a sentence end (incidents 11, 17).
 *
 * <p>The version id is a hash of everything that shapes an answer (prefix, tool schema,
 * posting template, description length), stored with every classification and used as part
 * of the key under which answers are reused.
 */
public final class ClaudePrompt {

    /** Bump when {@link #postingMessage} changes shape. */
    private static final String TEMPLATE = "posting-v1";
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    /**
     * The most a one-line field (title, company, location, a hint) takes of the request: the
     * description is cut to its own allowance, and a megabyte location must not make a request
     * the API refuses as too long.
     */
    static final int FIELD_CHARS = 500;

    /** The families the instructions name, and what they say of them and of the fallback (see {@link #instructions}). */
    private static final List<String> BUNDLED_FAMILIES =
            List.of("software_engineering", "data", "product", "design", "delivery", "out_of_scope");
    private static final String BUNDLED_FALLBACK = "out_of_scope/other";
    private static final String BUNDLED_EXAMPLE = " A \"Staff Analytics Engineer\"\n  is data/analytics_engineering at "
            + "staff level even if the description talks mostly about\n  the company.";
    private static final String BUNDLED_GUIDANCE = "Engineers who build\n  software are software_engineering even when "
            + "the domain is data or design; analysts and\n  scientists who work with data are data; people who define "
            + "products are product; people who\n  design experiences are design; people who run delivery are delivery. "
            + "Anything that is not\n  one of those (sales, marketing, support, operations, finance, HR, legal, healthcare, "
            + "retail,\n  teaching, manual work) is out_of_scope with the closest subfamily, and out_of_scope/other\n  "
            + "when none fits.";

    private final List<String> prefix;
    private final int descriptionChars;
    private final String version;
    private final int examples;

    public ClaudePrompt(Taxonomy taxonomy, ClassificationTool tool, int descriptionChars) {
        this.descriptionChars = descriptionChars;
        List<String> blocks = new ArrayList<>();
        blocks.add(instructions(taxonomy));
        blocks.add(taxonomyReference(taxonomy));
        blocks.add(skillsReference(taxonomy.skills()));
        List<String> shown = examples(taxonomy);
        this.examples = shown.size();
        if (!shown.isEmpty()) {
            blocks.add("# Worked examples\n\nEach example shows a posting as you will receive it and the tool input "
                    + "that classifies it correctly.\n\n" + String.join("\n\n", shown));
        }
        this.prefix = List.copyOf(blocks);
        this.version = "claude-" + hash(String.join("\u0000", prefix) + "\u0000" + toJson(tool.definition())
                + "\u0000" + TEMPLATE + "\u0000" + descriptionChars);
    }

    /**
     * The instructions, which speak of the bundled taxonomy's families and fallback. Under a user's own
     * taxonomy without one of them, they name its fallback instead and leave the family descriptions
     * to decide: told to answer a code the taxonomy lacks ("out_of_scope/other"), a model does, the
     * API not holding a forced tool to its enums, and the posting fails as invalid output.
     */
    static String instructions(Taxonomy taxonomy) {
        String text = resource("/jobintel/claude/instructions.md");
        boolean bundledFamilies = BUNDLED_FAMILIES.stream().allMatch(taxonomy.families()::contains)
                && "data".equals(taxonomy.familyOf("analytics_engineering"));
        if (!bundledFamilies) {
            text = text.replace(BUNDLED_EXAMPLE, "").replace(BUNDLED_GUIDANCE, "Use the descriptions of the families "
                    + "and subfamilies below;\n  answer " + BUNDLED_FALLBACK + " when none fits.");
        }
        return text.replace(BUNDLED_FALLBACK, taxonomy.fallbackFamily() + "/" + taxonomy.fallbackSubfamily());
    }

    /** The stable prefix as system text blocks; the last one carries the cache breakpoint. */
    public List<String> prefix() {
        return prefix;
    }

    public int prefixChars() {
        return prefix.stream().mapToInt(String::length).sum();
    }

    public String version() {
        return version;
    }

    /** How many worked examples made it into the prefix (all of them with the bundled taxonomy). */
    public int exampleCount() {
        return examples;
    }

    /** The user message for one posting. */
    public String postingMessage(Prepared prepared) {
        Posting p = prepared.posting();
        return render(p.title(), p.company(), p.locationText(), place(prepared.where()), p.source(), hintLines(p.hints()),
                cut(p.description(), descriptionChars));
    }

    private static String render(String title, String company, String location, String resolved, String source,
                                 List<String> hints, String description) {
        StringBuilder sb = new StringBuilder(256 + (description == null ? 0 : description.length()));
        sb.append("Classify this job posting with the ").append(ClassificationTool.NAME).append(" tool.\n\n<posting>\n");
        sb.append("Title: ").append(Clip.oneLine(title, FIELD_CHARS)).append('\n');
        if (company != null && !company.isBlank()) {
            sb.append("Company: ").append(Clip.oneLine(company, FIELD_CHARS)).append('\n');
        }
        if (location != null && !location.isBlank()) {
            sb.append("Location: ").append(Clip.oneLine(location, FIELD_CHARS)).append('\n');
        }
        if (resolved != null && !resolved.isBlank()) {
            sb.append("Resolved place: ").append(resolved).append('\n');
        }
        if (source != null) {
            sb.append("Source: ").append(source).append('\n');
        }
        if (!hints.isEmpty()) {
            sb.append("Hints:\n");
            for (String h : hints) {
                sb.append("- ").append(h).append('\n');
            }
        }
        sb.append("Description:\n");
        sb.append(description == null || description.isBlank() ? "(none)" : description.strip()).append('\n');
        sb.append("</posting>");
        return sb.toString();
    }

    /**
     * The description cut to at most {@code max} characters, at the last sentence end (or line
     * break) in the second half of the allowance, else at a space; marked so the model knows.
     */
    public static String cut(String description, int max) {
        if (description == null || description.length() <= max) {
            return description;
        }
        int end = -1;
        for (int i = max - 1; i >= max / 2; i--) {
            char c = description.charAt(i);
            if (c == '\n' || ((c == '.' || c == '!' || c == '?') && (i + 1 >= description.length()
                    || Character.isWhitespace(description.charAt(i + 1))))) {
                end = i + 1;
                break;
            }
        }
        if (end < 0) {
            end = description.lastIndexOf(' ', max - 1);
            if (end < max / 2) {
                end = max;
            }
        }
        if (Character.isHighSurrogate(description.charAt(end - 1))) {
            end--;
        }
        return description.substring(0, end).strip() + "\n[description cut]";
    }

    static String place(ResolvedLocation w) {
        List<String> parts = new ArrayList<>();
        for (Places.City c : w.cities()) {
            parts.add(c.name() + ", " + c.country());
        }
        if (w.cities().isEmpty() && !w.countries().isEmpty()) {
            parts.add(String.join(", ", w.countries()));
        }
        if (w.remote()) {
            String scope = w.remoteScope();
            parts.add(scope.isEmpty() ? "remote" : scope.equals("global") ? "remote, anywhere"
                    : "remote within " + scope.toUpperCase(Locale.ROOT).replace("+", " or "));
        }
        if (w.hybrid()) {
            parts.add("hybrid");
        }
        if (w.onsite()) {
            parts.add("on-site");
        }
        return String.join("; ", parts);
    }

    static List<String> hintLines(Hints h) {
        List<String> out = new ArrayList<>();
        if (h.employmentType() != null) {
            out.add("employment type: " + Clip.oneLine(h.employmentType(), FIELD_CHARS));
        }
        if (h.workplace() != null) {
            out.add("workplace: " + Clip.oneLine(h.workplace(), FIELD_CHARS));
        }
        if (h.remote() != null) {
            out.add("remote: " + h.remote());
        }
        if (h.department() != null) {
            out.add("department: " + Clip.oneLine(h.department(), FIELD_CHARS));
        }
        if (h.experienceLevel() != null) {
            out.add("experience level: " + Clip.oneLine(h.experienceLevel(), FIELD_CHARS));
        }
        if (h.salary() != null) {
            out.add("salary: " + salary(h.salary()));
        }
        if (!h.countries().isEmpty()) {
            out.add("countries: " + String.join(", ", h.countries()));
        }
        for (Map.Entry<String, String> e : h.extra().entrySet()) {
            out.add(Clip.oneLine(e.getKey(), FIELD_CHARS) + ": " + Clip.oneLine(e.getValue(), FIELD_CHARS));
        }
        return out;
    }

    private static String salary(Salary s) {
        String range = s.min() == null ? "up to " + amount(s.max())
                : s.max() == null ? "from " + amount(s.min())
                : amount(s.min()) + "-" + amount(s.max());
        return range + (s.currency() == null ? "" : " " + s.currency())
                + (s.period() == null ? "" : " per " + s.period().code());
    }

    private static String amount(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String taxonomyReference(Taxonomy t) {
        StringBuilder sb = new StringBuilder(16_000);
        sb.append("# The taxonomy\n\nUse exactly these codes. Synonyms are listed to help you recognise a category; "
                + "never answer with a synonym.\n\n## Families and subfamilies\n");
        for (Vocabulary.Entry f : t.families().entries().values()) {
            sb.append("\n### ").append(f.code()).append(" — ").append(f.name()).append('\n');
            sb.append(f.description() == null ? "" : f.description() + "\n");
            for (Vocabulary.Entry s : t.subfamilies().entries().values()) {
                if (f.code().equals(t.familyOf(s.code()))) {
                    sb.append("- ").append(s.code()).append(" (").append(s.name()).append("): ")
                            .append(s.description() == null ? "" : s.description());
                    if (!s.synonyms().isEmpty()) {
                        sb.append(" Also called: ").append(String.join(", ", s.synonyms())).append('.');
                    }
                    sb.append('\n');
                }
            }
        }
        sb.append("\n## Seniority levels, lowest first\n");
        for (Taxonomy.LevelRule l : t.levels()) {
            Vocabulary.Entry e = t.seniority().entries().get(l.code());
            sb.append("- ").append(l.code()).append(": ").append(e.description() == null ? e.name() : e.description());
            if (l.yearsMin() != null) {
                sb.append(" Typical experience: ").append(l.yearsMin())
                        .append(l.yearsMax() == null ? "+ years." : "-" + l.yearsMax() + " years.");
            }
            if (!l.fromYears()) {
                sb.append(" Only from the title or a hint, never from years alone.");
            }
            sb.append('\n');
        }
        vocabulary(sb, "Tracks", t.tracks());
        vocabulary(sb, "Working arrangements", t.arrangements());
        vocabulary(sb, "Position types", t.positionTypes());
        sb.append("\n## Currencies\n");
        for (Map.Entry<String, List<String>> e : new TreeMap<>(t.currencySymbols()).entrySet()) {
            Vocabulary.Entry c = t.currencies().entries().get(e.getKey());
            sb.append("- ").append(e.getKey()).append(" (").append(c == null ? "" : c.name()).append("): ")
                    .append(String.join(" ", e.getValue())).append('\n');
        }
        return sb.toString();
    }

    private static void vocabulary(StringBuilder sb, String heading, Vocabulary v) {
        sb.append("\n## ").append(heading).append('\n');
        for (Vocabulary.Entry e : v.entries().values()) {
            sb.append("- ").append(e.code()).append(": ").append(e.description() == null ? e.name() : e.description());
            if (!e.synonyms().isEmpty()) {
                sb.append(" Also called: ").append(String.join(", ", e.synonyms())).append('.');
            }
            sb.append('\n');
        }
    }

    private static String skillsReference(SkillDictionary skills) {
        Map<String, List<String>> byFamily = new TreeMap<>();
        for (SkillDictionary.Skill s : skills.all()) {
            byFamily.computeIfAbsent(s.family() == null ? "other" : s.family(), k -> new ArrayList<>()).add(s.name());
        }
        StringBuilder sb = new StringBuilder(16_000);
        sb.append("# Skills list\n\nCanonical skill names by skill family. When a skill the posting asks for is here "
                + "under any spelling, write it exactly as listed.\n");
        for (Map.Entry<String, List<String>> e : byFamily.entrySet()) {
            sb.append("\n").append(e.getKey()).append(": ").append(String.join(", ", e.getValue())).append('\n');
        }
        return sb.toString();
    }

    /** The bundled examples whose answers are valid in this taxonomy, rendered as the model will see postings. */
    private static List<String> examples(Taxonomy taxonomy) {
        JsonNode root;
        try (InputStream in = ClaudePrompt.class.getResourceAsStream("/jobintel/claude/examples.yaml")) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled prompt examples", e);
        }
        AnswerValidator validator = new AnswerValidator(taxonomy);
        List<String> out = new ArrayList<>();
        int n = 0;
        for (JsonNode ex : root.get("examples")) {
            JsonNode p = ex.get("posting");
            JsonNode answer = ex.get("answer");
            Posting posting = new Posting("example", "example-" + n, null, p.path("company").asText(""),
                    p.path("title").asText(), null, p.path("description").asText(""), null, null);
            if (!validator.validate(answer, posting, "claude", null, null).valid()) {
                continue;
            }
            List<String> hints = new ArrayList<>();
            p.path("hints").fields().forEachRemaining(h -> hints.add(h.getKey() + ": " + h.getValue().asText()));
            n++;
            out.add("## Example " + n + "\n" + ex.path("note").asText("") + "\n\n"
                    + render(p.path("title").asText(), p.path("company").asText(null), p.path("location").asText(null),
                    p.path("resolved").asText(null), "greenhouse", hints, p.path("description").asText(""))
                    + "\n\nTool input:\n" + toJson(orderedAnswer(answer)));
        }
        return out;
    }

    private static Map<String, Object> orderedAnswer(JsonNode answer) {
        Map<String, Object> m = new LinkedHashMap<>();
        answer.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = ClaudePrompt.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
