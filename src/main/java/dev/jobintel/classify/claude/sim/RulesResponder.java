package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.classify.Classification;
import dev.jobintel.classify.rules.RulesClassifier;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.Salary;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The default simulated model for benchmarks: it answers every request with a forced-tool answer
 * whose input is what jobintel's own offline {@link RulesClassifier} says about the posting in the
 * request, in jobintel's tool schema ({@code family, subfamily, seniority, track, position_type,
 * arrangement, salary {min,max,currency,period}|null, equity, years_min, years_max, skills, summary}).
 *
 * <p>The posting is read from the last user message as jobintel renders it: lines {@code Title: …},
 * {@code Company: …}, {@code Location: …} (each optional, anywhere before the description), then a line
 * starting {@code Description:} followed by the description up to a line {@code </posting>} (or the end
 * of the text). Other lines before the description are ignored.
 */
public final class RulesResponder implements Responder {

    private final RulesClassifier classifier;
    private final LocationResolver resolver;

    /** The bundled taxonomy and place table. */
    public RulesResponder() {
        this(Taxonomy.bundled(), new LocationResolver(Gazetteer.bundled()));
    }

    public RulesResponder(Taxonomy taxonomy, LocationResolver resolver) {
        this.classifier = new RulesClassifier(Objects.requireNonNull(taxonomy, "taxonomy"));
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public Answer answer(SimRequest request) {
        return Answer.tool(classify(request.userText()));
    }

    /** The tool input the rules classifier gives for the posting rendered in {@code userText}. */
    public ObjectNode classify(String userText) {
        Posting posting = posting(userText);
        Classification c = classifier.classify(Prepared.of(posting, resolver));
        ObjectNode input = MessagesSimulator.JSON.createObjectNode();
        input.put("family", c.family());
        input.put("subfamily", c.subfamily());
        input.put("seniority", c.seniority());
        input.put("track", c.track());
        input.put("position_type", c.positionType());
        input.put("arrangement", c.arrangement());
        Salary s = c.salary();
        if (s == null) {
            input.putNull("salary");
        } else {
            ObjectNode salary = input.putObject("salary");
            putAmount(salary, "min", s.min());
            putAmount(salary, "max", s.max());
            salary.put("currency", s.currency());
            salary.put("period", s.period() == null ? null : s.period().code());
        }
        input.put("equity", c.equity());
        input.put("years_min", c.yearsMin());
        input.put("years_max", c.yearsMax());
        ArrayNode skills = input.putArray("skills");
        for (Classification.SkillMention m : c.skills()) {
            skills.add(m.name());
        }
        input.put("summary", c.summary());
        return input;
    }

    /** Whole amounts as integers (80000, not 80000.0), as a model writes them. */
    private static void putAmount(ObjectNode o, String field, Double amount) {
        if (amount == null) {
            o.putNull(field);
        } else if (amount == Math.rint(amount) && Math.abs(amount) < 1e15) {
            o.put(field, amount.longValue());
        } else {
            o.put(field, amount);
        }
    }

    /** Parses the rendered posting; fields that are absent are null (the title is then ""). */
    static Posting posting(String userText) {
        String text = userText == null ? "" : userText;
        String title = null;
        String company = null;
        String location = null;
        List<String> description = null;
        for (String line : text.split("\\R", -1)) {
            if (description != null) {
                if (line.strip().equals("</posting>")) {
                    break;
                }
                description.add(line);
                continue;
            }
            String stripped = line.strip();
            if (stripped.startsWith("Description:")) {
                description = new ArrayList<>();
                String rest = stripped.substring("Description:".length()).strip();
                if (!rest.isEmpty()) {
                    description.add(rest);
                }
            } else if (title == null && stripped.startsWith("Title:")) {
                title = value(stripped, "Title:");
            } else if (company == null && stripped.startsWith("Company:")) {
                company = value(stripped, "Company:");
            } else if (location == null && stripped.startsWith("Location:")) {
                location = value(stripped, "Location:");
            }
        }
        String body = description == null ? "" : String.join("\n", description).strip();
        return new Posting("sim", PromptCache.sha256(text), null, company, title == null ? "" : title, location,
                body, null, Hints.NONE);
    }

    private static String value(String line, String label) {
        String v = line.substring(label.length()).strip();
        return v.isEmpty() ? null : v;
    }
}
