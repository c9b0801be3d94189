package dev.jobintel.classify.eval;

import dev.jobintel.classify.Classification;
import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.ClassificationFailure;
import dev.jobintel.classify.RunStop;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.Salary;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScorerTest {

    private static final Salary GBP_70_90 = new Salary(70_000.0, 90_000.0, "GBP", Salary.Period.YEAR);

    private static int line = 0;

    private static LabelledExample example(String id, Labels labels) {
        Posting p = new Posting("test", id, "https://example.com/" + id, "Acme", "Title " + id, null, "text", null,
                Hints.NONE);
        return new LabelledExample(++line, p, labels);
    }

    private static Labels labels(String family, String subfamily, String seniority, Salary salary, String... skills) {
        return new Labels(family, subfamily, seniority, "ic", "hybrid", "full_time", true, salary, List.of(skills));
    }

    private static Classification got(String family, String subfamily, String seniority, Salary salary, String... skills) {
        return new Classification(family, subfamily, seniority, "ic", "hybrid", "full_time", salary, false, null, null,
                Arrays.stream(skills).map(s -> new Classification.SkillMention(s, null)).toList(), "", "test", null, "t",
                Set.of());
    }

    @Test
    void codedFieldsCountExactMatchesOverThePostingsLabelledForThem() {
        Scorer s = new Scorer(10);
        s.add(example("1", labels("software_engineering", "backend", "senior", null)),
                got("software_engineering", "backend", "senior", null));
        s.add(example("2", labels("software_engineering", "frontend", "mid", null)),
                got("software_engineering", "backend", "senior", null));
        s.add(example("3", labels("data", "data_engineering", "mid", null)),
                got("software_engineering", "backend", "mid", null));
        // Family only: the other coded fields are not scored for this posting.
        s.add(example("4", new Labels("data", null, null, null, null, null, false, null, null)),
                got("data", "data_science", "junior", GBP_70_90));
        EvalReport r = s.report("test", "hand-made");

        assertThat(r.examples()).isEqualTo(4);
        assertThat(r.classified()).isEqualTo(4);
        assertThat(r.field("family")).extracting(EvalReport.FieldScore::correct, EvalReport.FieldScore::total)
                .containsExactly(3, 4);
        assertThat(r.field("family").accuracy()).isEqualTo(0.75);
        assertThat(r.field("subfamily")).extracting(EvalReport.FieldScore::correct, EvalReport.FieldScore::total)
                .containsExactly(1, 3);
        assertThat(r.field("seniority")).extracting(EvalReport.FieldScore::correct, EvalReport.FieldScore::total)
                .containsExactly(2, 3);
        assertThat(r.field("track").total()).isEqualTo(3);
        assertThat(r.field("track").accuracy()).isEqualTo(1.0);
        assertThat(r.field("salary")).extracting(EvalReport.FieldScore::correct, EvalReport.FieldScore::total)
                .containsExactly(3, 3);

        assertThat(r.field("family").mismatches())
                .containsExactly(new EvalReport.Mismatch("test:3", "Title 3", "data", "software_engineering"));
        assertThat(r.field("subfamily").mismatches()).extracting(EvalReport.Mismatch::id)
                .containsExactly("test:2", "test:3");
        assertThat(r.fields()).extracting(EvalReport.FieldScore::field)
                .containsExactly("family", "subfamily", "seniority", "track", "arrangement", "position_type", "salary");
    }

    @Test
    void skillsArePrecisionAndRecallNotTheOtherWayRound() {
        Scorer s = new Scorer(10);
        // Labelled {Java, Kafka, PostgreSQL}; predicted {java, Kafka, Docker}: 2 right, 1 extra, 1 missed.
        s.add(example("1", labels("software_engineering", "backend", "senior", null, "Java", "Kafka", "PostgreSQL")),
                got("software_engineering", "backend", "senior", null, "java", "Kafka", "Docker"));
        // Labelled {Python}; predicted {Python, SQL, AWS, Docker}: 1 right, 3 extra.
        s.add(example("2", labels("data", "data_engineering", "mid", null, "Python")),
                got("data", "data_engineering", "mid", null, "Python", "SQL", "AWS", "Docker"));
        // Labelled none; predicted none: nothing to count either way.
        s.add(example("3", labels("data", "data_engineering", "mid", null)),
                got("data", "data_engineering", "mid", null));
        EvalReport.SkillScore k = s.report("test", "x").skills();

        assertThat(k.postings()).isEqualTo(3);
        assertThat(k.truePositives()).isEqualTo(3);
        assertThat(k.falsePositives()).isEqualTo(4);
        assertThat(k.falseNegatives()).isEqualTo(1);
        assertThat(k.precision()).isCloseTo(3.0 / 7, within(1e-9));
        assertThat(k.recall()).isCloseTo(3.0 / 4, within(1e-9));
        assertThat(k.mismatches()).containsExactly(
                new EvalReport.Mismatch("test:1", "Title 1", "missed: PostgreSQL", "extra: Docker"),
                new EvalReport.Mismatch("test:2", "Title 2", "", "extra: SQL, AWS, Docker"));
    }

    @Test
    void duplicateSkillNamesCountOnce() {
        Scorer s = new Scorer(0);
        s.add(example("1", labels("data", "data_engineering", "mid", null, "SQL", "sql")),
                got("data", "data_engineering", "mid", null, "SQL", "Sql", "Python"));
        EvalReport.SkillScore k = s.report("test", "x").skills();
        assertThat(k.truePositives()).isEqualTo(1);
        assertThat(k.falsePositives()).isEqualTo(1);
        assertThat(k.falseNegatives()).isZero();
        assertThat(k.mismatches()).as("none kept with a limit of 0").isEmpty();
    }

    @Test
    void salaryMatchesOnCurrencyPeriodAndBoundsWithinOnePercent() {
        assertThat(Scorer.salaryMatches(GBP_70_90, new Salary(70_500.0, 89_200.0, "gbp", Salary.Period.YEAR))).isTrue();
        assertThat(Scorer.salaryMatches(GBP_70_90, new Salary(70_000.0, 91_000.0, "GBP", Salary.Period.YEAR)))
                .as("max 1.1% off").isFalse();
        assertThat(Scorer.salaryMatches(GBP_70_90, new Salary(70_000.0, 90_000.0, "EUR", Salary.Period.YEAR))).isFalse();
        assertThat(Scorer.salaryMatches(GBP_70_90, new Salary(70_000.0, 90_000.0, "GBP", Salary.Period.MONTH))).isFalse();
        assertThat(Scorer.salaryMatches(GBP_70_90, new Salary(null, 90_000.0, "GBP", Salary.Period.YEAR)))
                .as("a missing bound matches only a missing bound").isFalse();
        Salary upTo = new Salary(null, 80_000.0, "USD", Salary.Period.YEAR);
        assertThat(Scorer.salaryMatches(upTo, new Salary(null, 80_000.0, "USD", Salary.Period.YEAR))).isTrue();
        assertThat(Scorer.salaryMatches(null, null)).isTrue();
        assertThat(Scorer.salaryMatches(null, GBP_70_90)).isFalse();
        assertThat(Scorer.salaryMatches(GBP_70_90, null)).isFalse();
        assertThat(Scorer.describe(GBP_70_90)).isEqualTo("70,000-90,000 GBP/year");
        assertThat(Scorer.describe(upTo)).isEqualTo("up to 80,000 USD/year");
        assertThat(Scorer.describe(null)).isEqualTo("none");
    }

    @Test
    void salaryCountsSayWhatWasFoundAndWhatWasMadeUp() {
        Scorer s = new Scorer(10);
        Salary wrong = new Salary(7_000.0, 9_000.0, "GBP", Salary.Period.MONTH);
        s.add(example("1", labels("data", "data_engineering", "mid", GBP_70_90)),
                got("data", "data_engineering", "mid", GBP_70_90));
        s.add(example("2", labels("data", "data_engineering", "mid", GBP_70_90)),
                got("data", "data_engineering", "mid", wrong));
        s.add(example("3", labels("data", "data_engineering", "mid", GBP_70_90)),
                got("data", "data_engineering", "mid", null));
        s.add(example("4", labels("data", "data_engineering", "mid", null)),
                got("data", "data_engineering", "mid", wrong));
        s.add(example("5", labels("data", "data_engineering", "mid", null)),
                got("data", "data_engineering", "mid", null));
        EvalReport r = s.report("test", "x");
        assertThat(r.salary()).isEqualTo(new EvalReport.SalaryCounts(3, 2, 1, 2, 1));
        assertThat(r.field("salary")).extracting(EvalReport.FieldScore::correct, EvalReport.FieldScore::total)
                .containsExactly(2, 5);
        assertThat(r.field("salary").mismatches()).extracting(EvalReport.Mismatch::expected, EvalReport.Mismatch::got)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("70,000-90,000 GBP/year", "7,000-9,000 GBP/month"),
                        org.assertj.core.groups.Tuple.tuple("70,000-90,000 GBP/year", "none"),
                        org.assertj.core.groups.Tuple.tuple("none", "7,000-9,000 GBP/month"));
    }

    @Test
    void aFailedPostingIsWrongOnEveryLabelledFieldAndListedByReason() {
        Scorer s = new Scorer(1);
        s.add(example("1", labels("data", "data_engineering", "mid", GBP_70_90, "SQL")),
                got("data", "data_engineering", "mid", GBP_70_90, "SQL"));
        s.failed(example("2", labels("data", "data_engineering", "mid", GBP_70_90, "SQL", "Python")),
                "invalid_output", "family: null");
        s.failed(example("3", new Labels("data", null, null, null, null, null, false, null, null)),
                "invalid_output", "family: null");
        s.failed(example("4", labels("data", "data_engineering", "mid", null)), "classifier_error", "boom");
        EvalReport r = s.report("test", "x");

        assertThat(r.examples()).isEqualTo(4);
        assertThat(r.classified()).isEqualTo(1);
        assertThat(r.field("family")).extracting(EvalReport.FieldScore::correct, EvalReport.FieldScore::total)
                .containsExactly(1, 4);
        assertThat(r.field("subfamily")).extracting(EvalReport.FieldScore::correct, EvalReport.FieldScore::total)
                .containsExactly(1, 3);
        assertThat(r.field("salary")).extracting(EvalReport.FieldScore::correct, EvalReport.FieldScore::total)
                .containsExactly(1, 3);
        assertThat(r.salary()).isEqualTo(new EvalReport.SalaryCounts(2, 1, 1, 1, 0));
        assertThat(r.skills().truePositives()).isEqualTo(1);
        assertThat(r.skills().falseNegatives()).isEqualTo(2);
        assertThat(r.skills().falsePositives()).isZero();
        assertThat(r.skills().recall()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(r.skills().precision()).isEqualTo(1.0);
        assertThat(r.failures()).containsExactly(Map.entry("invalid_output", 2), Map.entry("classifier_error", 1));
        assertThat(r.failed()).containsExactly(new EvalReport.Failure("test:2", "Title 2", "invalid_output", "family: null"));
        assertThat(r.field("family").mismatches()).as("failures are listed apart").isEmpty();
    }

    @Test
    void nothingToMeasureIsNullNotZero() {
        EvalReport r = new Scorer(0).report("test", "x");
        assertThat(r.field("family").accuracy()).isNull();
        assertThat(r.skills().precision()).isNull();
        assertThat(r.skills().recall()).isNull();
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {1, 4})
    void theEvaluatorCountsFailuresAndClassifierBugsAgainstTheClassifier(int threads) {
        Classifier flaky = classifier("flaky", p -> switch (p.posting().sourceJobId()) {
            case "1" -> got("data", "data_engineering", "mid", null);
            case "2" -> throw new ClassificationFailure("invalid_output", "no family", false, "{}", null);
            default -> throw new IllegalStateException("bug");
        });
        List<LabelledExample> examples = List.of(
                example("1", labels("data", "data_engineering", "mid", null)),
                example("2", labels("data", "data_engineering", "mid", null)),
                example("3", labels("data", "data_engineering", "mid", null)));
        AtomicInteger progress = new AtomicInteger();
        EvalReport r = Evaluator.run("hand-made", examples, flaky, new LocationResolver(Gazetteer.bundled()), threads, 5,
                progress::incrementAndGet);
        assertThat(progress.get()).isEqualTo(3);
        assertThat(r.classifier()).isEqualTo("flaky");
        assertThat(r.labels()).isEqualTo("hand-made");
        assertThat(r.field("family").correct()).isEqualTo(1);
        assertThat(r.field("family").total()).isEqualTo(3);
        assertThat(r.failures()).containsOnly(Map.entry("invalid_output", 1), Map.entry("classifier_error", 1));
        assertThat(r.failed()).extracting(EvalReport.Failure::message)
                .containsExactly("no family", "IllegalStateException: bug");
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {1, 3})
    void aRunStopEndsTheEvaluationInsteadOfFailingEveryPosting(int threads) {
        Classifier refused = classifier("refused", p -> {
            throw new RunStop("authentication", "the key is refused");
        });
        List<LabelledExample> examples = List.of(example("1", labels("data", "data_engineering", "mid", null)),
                example("2", labels("data", "data_engineering", "mid", null)));
        EvalReport r = Evaluator.run("x", examples, refused, new LocationResolver(Gazetteer.bundled()), threads, 0,
                () -> { });
        assertThat(r.stopped()).isEqualTo(new EvalReport.Stop("authentication", "the key is refused"));
        assertThat(r.examples()).isZero();
        assertThat(r.labelled()).isEqualTo(2);
        assertThat(r.failures()).as("a stop is not a failure of the posting").isEmpty();
        assertThat(r.field("family").total()).isZero();
    }

    @Test
    void aBudgetSpentPartWayScoresWhatItBought() {
        AtomicInteger calls = new AtomicInteger();
        Classifier budgeted = classifier("budgeted", p -> {
            if (calls.incrementAndGet() > 2) {
                throw new RunStop("budget", "the budget is spent");
            }
            return got("data", "data_engineering", "mid", null);
        });
        List<LabelledExample> examples = List.of(example("1", labels("data", "data_engineering", "mid", null)),
                example("2", labels("data", "data_engineering", "senior", null)),
                example("3", labels("data", "data_engineering", "mid", null)),
                example("4", labels("data", "data_engineering", "mid", null)));
        AtomicInteger progress = new AtomicInteger();
        EvalReport r = Evaluator.run("x", examples, budgeted, new LocationResolver(Gazetteer.bundled()), 1, 5,
                progress::incrementAndGet);
        assertThat(r.stopped()).isEqualTo(new EvalReport.Stop("budget", "the budget is spent"));
        assertThat(r.examples()).isEqualTo(2);
        assertThat(r.labelled()).isEqualTo(4);
        assertThat(calls.get()).as("nothing is asked after the stop").isEqualTo(3);
        assertThat(progress.get()).isEqualTo(2);
        assertThat(r.field("family")).extracting(EvalReport.FieldScore::correct, EvalReport.FieldScore::total)
                .containsExactly(2, 2);
        assertThat(r.field("seniority")).extracting(EvalReport.FieldScore::correct, EvalReport.FieldScore::total)
                .containsExactly(1, 2);
    }

    /** A classifier that answers as {@code answer} says, for the evaluator's tests. */
    private static Classifier classifier(String name, Function<Prepared, Classification> answer) {
        return new Classifier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Classification classify(Prepared p) {
                return answer.apply(p);
            }
        };
    }
}
