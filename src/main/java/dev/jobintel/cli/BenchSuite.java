package dev.jobintel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"The shipped benchmarks; without a subcommand, all of them in turn.",
                "Run with the heap capped as the targets assume:", "  JOBINTEL_JAVA_OPTS=-Xmx512m ./jobintel bench"},
        subcommands = {BenchCommand.class, FetchBench.class, ClaudeBench.class})
final class BenchSuite implements Callable<Integer> {

    @Mixin
    ProgressOption bars;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int worst = 0;
        for (String sub : new String[] {"pipeline", "fetch", "claude"}) {
            CommandLine cl = spec.commandLine().getSubcommands().get(sub);
            cl.setOut(spec.commandLine().getOut());
            cl.setErr(spec.commandLine().getErr());
            spec.commandLine().getOut().println();
            worst = Math.max(worst, bars.noProgress ? cl.execute("--no-progress") : cl.execute());
        }
        return worst;
    }
}
