package dev.jobintel.cli;

import dev.jobintel.pipeline.Progress;
import picocli.CommandLine.Option;

/** {@code --no-progress}, on the commands that draw progress bars (long work over many postings). */
final class ProgressOption {

    @Option(names = "--no-progress", description = "Do not draw progress bars (they are drawn only on a terminal anyway).")
    boolean noProgress;

    /** Whether to draw progress bars: not asked not to, and on a terminal. */
    boolean on() {
        return !noProgress && Progress.interactive();
    }
}
