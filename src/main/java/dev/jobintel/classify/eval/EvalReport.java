package dev.jobintel.classify.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier measured against a labelled set (see {@link Scorer}). Ratios are fractions
 * (0–1), null when there was nothing to measure.
 *
 * @param examples   labelled postings evaluated
 * @param classified of those, the ones the classifier classified (the rest failed)
 * @param fields     per coded field and salary: exact matches out of the postings labelled for it
 * @param salary     how stated pay was found
 * @param skills     micro precision and recall of canonical skill names
 * @param failures   postings the classifier could not classify, by reason, most frequent first (each is
 *                   counted wrong on every field it is labelled for)
 * @param failed     the first failed postings, up to the mismatch limit
 * @param labelled   labelled postings given to the evaluation: {@code examples} unless it was stopped
 * @param stopped    why the evaluation ended before every labelled posting was classified (the key
 *                   refused, the budget spent), or null when it ran to the end
 */
public record EvalReport(
        String classifier,
        String labels,
        int examples,
        int classified,
        List<FieldScore> fields,
        SalaryCounts salary,
        SkillScore skills,
        Map<String, Integer> failures,
        List<Failure> failed,
        int labelled,
        Stop stopped) {

    public EvalReport {
        fields = List.copyOf(fields);
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
        failed = List.copyOf(failed);
    }

    /** The score of one field by name ("family" … "salary"). */
    public FieldScore field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + name));
    }

    /**
     * @param mismatches the first wrong answers, in file order (failed postings are listed in
     *                   {@link EvalReport#failed()} instead)
     */
    public record FieldScore(String field, int correct, int total, Double accuracy, List<Mismatch> mismatches) {
        public FieldScore {
            mismatches = List.copyOf(mismatches);
        }
    }

    /** One wrong answer: which posting, what the label says, what the classifier said. */
    public record Mismatch(String id, String title, String expected, String got) {
    }

    /**
     * @param stated   postings labelled with a stated pay
     * @param found    of those, postings the classifier gave some pay (right or wrong)
     * @param matched  of those, postings whose pay matched (currency, period, bounds within 1%)
     * @param none     postings labelled with no stated pay
     * @param spurious of those, postings the classifier gave a pay anyway
     */
    public record SalaryCounts(int stated, int found, int matched, int none, int spurious) {
    }

    /**
     * Micro-averaged over every posting labelled with skills.
     *
     * @param truePositives  predicted skills that are labelled
     * @param falsePositives predicted skills that are not labelled
     * @param falseNegatives labelled skills that were not predicted
     * @param precision      truePositives / (truePositives + falsePositives)
     * @param recall         truePositives / (truePositives + falseNegatives)
     */
    public record SkillScore(int postings, int truePositives, int falsePositives, int falseNegatives, Double precision,
                             Double recall, List<Mismatch> mismatches) {
        public SkillScore {
            mismatches = List.copyOf(mismatches);
        }
    }

    /** Why the classifier could not go on for anyone, as {@link dev.jobintel.classify.RunStop} says. */
    public record Stop(String reason, String message) {
    }

    /** A posting the classifier could not classify. */
    public record Failure(String id, String title, String reason, String message) {
    }
}
