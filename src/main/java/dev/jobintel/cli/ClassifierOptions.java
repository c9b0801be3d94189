package dev.jobintel.cli;

import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.config.ConfigLoader;
import dev.jobintel.config.JobintelConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options of every command that classifies: which classifier, and the Claude run's limits. */
final class ClassifierOptions {

    @Option(names = "--classifier", paramLabel = "NAME",
            description = "Classifier to use, overriding classifier.name: rules (offline) or claude.")
    String classifier;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Claude requests in flight, overriding classifier.claude.concurrency.")
    Integer concurrency;

    @Option(names = "--budget-usd", paramLabel = "USD",
            description = "Stop before this run's Claude spending could exceed USD (exit 6); what is not "
                    + "classified by then is left: pending in the database (eval: not scored).")
    Double budgetUsd;

    /** Checks these options, loads the context with them applied, and checks them against it. */
    dev.jobintel.pipeline.Context context(ConfigOption common, CommandLine cl) {
        return context(common, cl, false);
    }

    /** As {@link #context(ConfigOption, CommandLine)}; a dry run needs no API key, since it sends nothing. */
    dev.jobintel.pipeline.Context context(ConfigOption common, CommandLine cl, boolean dryRun) {
        check(cl);
        dev.jobintel.pipeline.Context loaded = common.context(this::apply);
        dev.jobintel.pipeline.Context ctx = dryRun ? loaded.sendingNothing() : loaded;
        checkAgainst(cl, ctx.classifierName());
        ctx.checkClassifier();
        return ctx;
    }

    void check(CommandLine cl) {
        if (classifier != null && !ConfigLoader.CLASSIFIERS.contains(classifier)) {
            throw new CommandLine.ParameterException(cl, "unknown classifier '" + classifier + "' (available: "
                    + String.join(", ", ConfigLoader.CLASSIFIERS.stream().sorted().toList()) + ")");
        }
        if (concurrency != null && (concurrency < 1 || concurrency > 256)) {
            throw new CommandLine.ParameterException(cl, "--concurrency must be between 1 and 256");
        }
        // 1e309 reads as infinity: no budget at all, where one was given.
        if (budgetUsd != null && !(budgetUsd > 0 && Double.isFinite(budgetUsd))) {
            throw new CommandLine.ParameterException(cl, "--budget-usd must be a number above 0, got " + budgetUsd);
        }
    }

    /** After the context is loaded: the Claude-only options make sense only with the claude classifier. */
    void checkAgainst(CommandLine cl, String classifierName) {
        if (!classifierName.equals(ClaudeClassifier.NAME) && (concurrency != null || budgetUsd != null)) {
            throw new CommandLine.ParameterException(cl, "--concurrency and --budget-usd apply to the claude "
                    + "classifier; the rules classifier is offline and free");
        }
    }

    JobintelConfig apply(JobintelConfig c) {
        JobintelConfig.Classifier k = c.classifier();
        if (classifier != null) {
            k = k.named(classifier);
        }
        return c.withClassifier(k.with(k.claude().with(concurrency, budgetUsd)));
    }
}
