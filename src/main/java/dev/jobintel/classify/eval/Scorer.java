package dev.jobintel.classify.eval;

import dev.jobintel.classify.Classification;
import dev.jobintel.posting.Salary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores classifications against labels, one posting at a time; no I/O.
 *
 * <ul>
 *   <li>Coded fields (family, subfamily, seniority, track, arrangement, position_type): exact
 *       code match, over the postings labelled for the field.</li>
 *   <li>Salary: a stated pay matches when currency and period are equal and each bound is
 *       within 1% of the label's (a missing bound matches only a missing bound); "no pay
 *       stated" matches only no pay.</li>
 *   <li>Skills: micro precision and recall of canonical names, compared case-insensitively.</li>
 *   <li>A posting that failed to classify is wrong on every field it is labelled for, and its
 *       labelled skills count as missed.</li>
 * </ul>
 *
 * Not thread-safe: feed it from one thread.
 */
public final class Scorer {

    /** The fields scored by exact code match, in report order. */
    public static final List<String> CODED = List.of("family", "subfamily", "seniority", "track", "arrangement",
            "position_type");
    /** Relative tolerance for salary bounds. */
    public static final double SALARY_TOLERANCE = 0.01;

    private final int maxMismatches;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private int examples;
    private int classified;
    private int salaryStated;
    private int salaryFound;
    private int salaryMatched;
    private int salaryNone;
    private int salarySpurious;
    private int skillPostings;
    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private final List<EvalReport.Mismatch> skillMismatches = new ArrayList<>();
    private final Map<String, Integer> failures = new TreeMap<>();
    private final List<EvalReport.Failure> failed = new ArrayList<>();

    private static final class Tally {
        int correct;
        int total;
        final List<EvalReport.Mismatch> mismatches = new ArrayList<>();
    }

    /** @param maxMismatches how many mismatches to keep per field (and failures to list); 0 keeps none */
    public Scorer(int maxMismatches) {
        if (maxMismatches < 0) {
            throw new IllegalArgumentException("maxMismatches must be zero or more");
        }
        this.maxMismatches = maxMismatches;
        for (String f : CODED) {
            tallies.put(f, new Tally());
        }
        tallies.put("salary", new Tally());
    }

    /** Scores one classified posting. */
    public void add(LabelledExample e, Classification c) {
        examples++;
        classified++;
        Labels l = e.labels();
        for (String f : CODED) {
            String expected = l.code(f);
            if (expected != null) {
                String got = code(c, f);
                count(e, f, expected.equals(got), expected, got);
            }
        }
        if (l.salaryLabelled()) {
            Salary got = c.salary();
            boolean match = salaryMatches(l.salary(), got);
            if (l.salary() == null) {
                salaryNone++;
                if (got != null) {
                    salarySpurious++;
                }
            } else {
                salaryStated++;
                if (got != null) {
                    salaryFound++;
                }
                if (match) {
                    salaryMatched++;
                }
            }
            count(e, "salary", match, describe(l.salary()), describe(got));
        }
        if (l.skills() != null) {
            skillPostings++;
            Map<String, String> expected = byKey(l.skills());
            Map<String, String> got = byKey(c.skills().stream().map(Classification.SkillMention::name).toList());
            List<String> missed = new ArrayList<>();
            List<String> extra = new ArrayList<>();
            for (Map.Entry<String, String> s : expected.entrySet()) {
                if (got.containsKey(s.getKey())) {
                    truePositives++;
                } else {
                    falseNegatives++;
                    missed.add(s.getValue());
                }
            }
            for (Map.Entry<String, String> s : got.entrySet()) {
                if (!expected.containsKey(s.getKey())) {
                    falsePositives++;
                    extra.add(s.getValue());
                }
            }
            if ((!missed.isEmpty() || !extra.isEmpty()) && skillMismatches.size() < maxMismatches) {
                skillMismatches.add(new EvalReport.Mismatch(e.id(), e.posting().title(),
                        missed.isEmpty() ? "" : "missed: " + String.join(", ", missed),
                        extra.isEmpty() ? "" : "extra: " + String.join(", ", extra)));
            }
        }
    }

    /** Scores a posting the classifier could not classify: wrong on every labelled field. */
    public void failed(LabelledExample e, String reason, String message) {
        examples++;
        Labels l = e.labels();
        for (String f : CODED) {
            if (l.code(f) != null) {
                tallies.get(f).total++;
            }
        }
        if (l.salaryLabelled()) {
            tallies.get("salary").total++;
            if (l.salary() == null) {
                salaryNone++;
            } else {
                salaryStated++;
            }
        }
        if (l.skills() != null) {
            skillPostings++;
            falseNegatives += byKey(l.skills()).size();
        }
        failures.merge(reason, 1, Integer::sum);
        if (failed.size() < maxMismatches) {
            failed.add(new EvalReport.Failure(e.id(), e.posting().title(), reason, message));
        }
    }

    /** The scores so far, of an evaluation that ran to the end. */
    public EvalReport report(String classifier, String labels) {
        return report(classifier, labels, examples, null);
    }

    /**
     * The scores so far.
     *
     * @param labelled the labelled postings the evaluation was given (those scored, and those it stopped before)
     * @param stopped  why it stopped before scoring them all, or null
     */
    public EvalReport report(String classifier, String labels, int labelled, EvalReport.Stop stopped) {
        List<EvalReport.FieldScore> fields = new ArrayList<>();
        tallies.forEach((f, t) -> fields.add(new EvalReport.FieldScore(f, t.correct, t.total, ratio(t.correct, t.total),
                t.mismatches)));
        Map<String, Integer> byReason = new LinkedHashMap<>();
        failures.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(en -> byReason.put(en.getKey(), en.getValue()));
        return new EvalReport(classifier, labels, examples, classified, fields,
                new EvalReport.SalaryCounts(salaryStated, salaryFound, salaryMatched, salaryNone, salarySpurious),
                new EvalReport.SkillScore(skillPostings, truePositives, falsePositives, falseNegatives,
                        ratio(truePositives, truePositives + falsePositives),
                        ratio(truePositives, truePositives + falseNegatives), skillMismatches),
                byReason, failed, labelled, stopped);
    }

    private void count(LabelledExample e, String field, boolean correct, String expected, String got) {
        Tally t = tallies.get(field);
        t.total++;
        if (correct) {
            t.correct++;
        } else if (t.mismatches.size() < maxMismatches) {
            t.mismatches.add(new EvalReport.Mismatch(e.id(), e.posting().title(), expected, got));
        }
    }

    private static String code(Classification c, String field) {
        return switch (field) {
            case "family" -> c.family();
            case "subfamily" -> c.subfamily();
            case "seniority" -> c.seniority();
            case "track" -> c.track();
            case "arrangement" -> c.arrangement();
            case "position_type" -> c.positionType();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** Whether a classifier's pay matches the labelled one (null: no pay stated). */
    public static boolean salaryMatches(Salary expected, Salary got) {
        if (expected == null || got == null) {
            return expected == null && got == null;
        }
        return expected.currency() != null && expected.currency().equalsIgnoreCase(got.currency())
                && expected.period() == got.period()
                && close(expected.min(), got.min()) && close(expected.max(), got.max());
    }

    private static boolean close(Double expected, Double got) {
        if (expected == null || got == null) {
            return expected == null && got == null;
        }
        return Math.abs(got - expected) <= SALARY_TOLERANCE * Math.abs(expected);
    }

    /** A pay range for messages: "70,000-90,000 GBP/year", "up to 80,000 USD/year", "none". */
    public static String describe(Salary s) {
        if (s == null) {
            return "none";
        }
        String range = s.min() != null && s.max() != null ? amount(s.min()) + "-" + amount(s.max())
                : s.min() != null ? "from " + amount(s.min()) : "up to " + amount(s.max());
        return range + " " + s.currency() + "/" + (s.period() == null ? "?" : s.period().code());
    }

    private static String amount(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.2f", v);
    }

    /** Lower-cased name → the name as first written; duplicates fold. */
    private static Map<String, String> byKey(List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                out.putIfAbsent(n.strip().toLowerCase(Locale.ROOT), n.strip());
            }
        }
        return out;
    }

    private static Double ratio(int n, int d) {
        return d == 0 ? null : (double) n / d;
    }
}
