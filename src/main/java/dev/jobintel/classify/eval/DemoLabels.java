package dev.jobintel.classify.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.posting.Salary;
import dev.jobintel.source.demo.DemoDataset;
import dev.jobintel.source.demo.DemoPosting;
import dev.jobintel.source.demo.Truth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bundled labelled set ({@code jobintel eval --labels demo}): one line per distinct job of
 * the demo snapshot (truth {@code NEW_JOB}; duplicates, re-sightings, agency postings, too-short
 * descriptions and rejects are left out), the posting exactly as the demo's JSON Lines
 * rendering writes it, with the generator's truth as its labels. The bundled file is this
 * output, checked by a test; regenerate it with
 * {@code ./jobintel demo --labels src/main/resources/jobintel/labels/demo-labels.jsonl}.
 */
public final class DemoLabels {

    /** The word {@code --labels} takes for the bundled set. */
    public static final String NAME = "demo";
    /** Where the bundled set is on the class path. */
    public static final String RESOURCE = "/jobintel/labels/demo-labels.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoLabels() {
    }

    /** The labelled set as the generator makes it now: UTF-8 JSON Lines, each line ending in a line break. */
    public static String generate() {
        StringBuilder sb = new StringBuilder();
        for (DemoPosting p : DemoDataset.postings()) {
            if (p.truth().expected() != Truth.Expected.NEW_JOB) {
                continue;
            }
            try {
                ObjectNode line = JSON.createObjectNode();
                // Labels first, so the head of a line shows what the posting is.
                line.set("labels", labels(p.truth()).toJson());
                line.setAll((ObjectNode) JSON.readTree(p.jsonLine()));
                sb.append(JSON.writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a demo job's line is not JSON: " + p.jsonLine(), e);
            }
        }
        return sb.toString();
    }

    /** The truth of a distinct demo job as labels. */
    static Labels labels(Truth t) {
        Salary salary = t.salaryMin() == null && t.salaryMax() == null ? null
                : new Salary(t.salaryMin(), t.salaryMax(), t.salaryCurrency(),
                Salary.Period.valueOf(t.salaryPeriod().toUpperCase(Locale.ROOT)));
        return new Labels(t.family(), t.subfamily(), t.seniority(), t.track(), t.arrangement(), t.positionType(), true,
                salary, t.skills());
    }

    /** The bundled set as shipped in the jar. */
    public static InputStream open() {
        InputStream in = DemoLabels.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the bundled labelled set " + RESOURCE + " is missing from the class path");
        }
        return in;
    }

    /** The bundled set's text. */
    public static String bundled() throws IOException {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
