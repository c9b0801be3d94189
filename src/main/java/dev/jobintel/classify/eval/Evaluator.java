package dev.jobintel.classify.eval;

import dev.jobintel.classify.Classification;
import dev.jobintel.classify.ClassificationFailure;
import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.RunStop;
import dev.jobintel.internal.Futures;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.location.LocationResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a classifier over a labelled set and scores it, in file order. A
 * {@link ClassificationFailure} counts against the classifier under its reason, any other
 * exception under {@code classifier_error} (as the enricher records it); a {@link RunStop}
 * (the classifier cannot go on for anyone: key refused, budget spent) ends the evaluation, and
 * the report scores the postings classified before it, saying why it stopped: what a budget
 * bought is measured, not thrown away. No I/O beyond what the classifier itself does.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** What the classifier made of one posting: a classification, or why not. */
    private record Answer(Classification classification, String reason, String message) {
    }

    /**
     * @param labels        the set's name, for the report
     * @param threads       postings classified at once (1: one after another); the scores do not depend on it
     * @param maxMismatches mismatches to keep per field
     * @param onEach        run after each posting is classified, possibly from several threads
     */
    public static EvalReport run(String labels, List<LabelledExample> examples, Classifier classifier,
                                 LocationResolver resolver, int threads, int maxMismatches, Runnable onEach) {
        Scorer scorer = new Scorer(maxMismatches);
        AtomicReference<RunStop> stop = new AtomicReference<>();
        if (threads <= 1) {
            for (LabelledExample e : examples) {
                Answer a = answer(e, classifier, resolver, stop);
                if (a == null) {
                    break;
                }
                score(scorer, e, a);
                onEach.run();
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "eval");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Answer>> answers = new ArrayList<>(examples.size());
                for (LabelledExample e : examples) {
                    answers.add(pool.submit(() -> {
                        Answer a = answer(e, classifier, resolver, stop);
                        if (a != null) {
                            onEach.run();
                        }
                        return a;
                    }));
                }
                for (int i = 0; i < examples.size(); i++) {
                    Answer a = Futures.await(answers.get(i), "classifying a labelled posting");
                    if (a != null) {
                        score(scorer, examples.get(i), a);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        RunStop stopped = stop.get();
        return scorer.report(classifier.name(), labels, examples.size(),
                stopped == null ? null : new EvalReport.Stop(stopped.reason(), stopped.getMessage()));
    }

    /** The classifier's answer, or null when the run is stopped (by this posting or an earlier one). */
    private static Answer answer(LabelledExample e, Classifier classifier, LocationResolver resolver,
                                 AtomicReference<RunStop> stop) {
        if (stop.get() != null) {
            return null;
        }
        try {
            return new Answer(classifier.classify(Prepared.of(e.posting(), resolver)), null, null);
        } catch (ClassificationFailure f) {
            return new Answer(null, f.reason(), f.getMessage());
        } catch (RunStop s) {
            stop.compareAndSet(null, s);
            return null;
        } catch (RuntimeException x) {
            return new Answer(null, "classifier_error", x.getClass().getSimpleName() + ": " + x.getMessage());
        }
    }

    private static void score(Scorer scorer, LabelledExample e, Answer a) {
        if (a.classification() != null) {
            scorer.add(e, a.classification());
        } else {
            scorer.failed(e, a.reason(), a.message());
        }
    }
}
