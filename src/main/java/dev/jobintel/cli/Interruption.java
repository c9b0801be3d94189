package dev.jobintel.cli;

import java.io.PrintStream;
import java.util.Set;

/**
 * What an interrupted command (Ctrl-C, SIGTERM) means, said as the process stops: otherwise the
 * terminal shows nothing, and a user cannot tell whether an hour of fetching was lost. Every
 * write is a committed batch, so the truth is short: what was written stays, and running the
 * command again goes on from there. (The worker stops gracefully on its own; serve is stopped
 * this way by design.)
 */
final class Interruption {

    private static final Set<String> WRITERS = Set.of("run", "fetch", "import", "enrich", "retry", "backfill");

    private final Thread hook;

    private Interruption(Thread hook) {
        this.hook = hook;
    }

    /** Armed for the command {@code args} name when it writes; null for the others. */
    static Interruption arm(String[] args, PrintStream err) {
        String message = message(args);
        if (message == null) {
            return null;
        }
        Thread hook = new Thread(() -> {
            err.println();
            err.println(message);
            err.flush();
        }, "jobintel-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Interruption(hook);
    }

    static String message(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        if (command.equals("retry")) {
            // What it re-queued and did not decide is pending; run again, retry finds nothing to re-queue
            // and enriches nothing (README), so "run it again" would leave them pending.
            return "jobintel retry: interrupted. What it wrote before is kept, each posting with one outcome (pending "
                    + "if it was not decided); 'jobintel enrich' decides the pending ones it re-queued (run again, retry "
                    + "re-queues only what is still failed, and enriches nothing if that is none). 'jobintel status' "
                    + "shows where things stand.";
        }
        if (WRITERS.contains(command)) {
            return "jobintel " + command + ": interrupted. What it wrote before is kept, each posting with one "
                    + "outcome (pending if it was not decided); run it again to go on. 'jobintel status' shows where "
                    + "things stand.";
        }
        if (command.equals("db") && args.length > 1 && args[1].equals("export")) {
            // Only --out writes beside its file and moves it into place when complete; standard output
            // (a shell's redirect to a file, a pipe) already holds the lines written before the stop.
            return given(args, "--out") ? "jobintel db export: interrupted; no file was written."
                    : "jobintel db export: interrupted; what it wrote to standard output is incomplete.";
        }
        if (command.equals("db") && args.length > 1 && args[1].equals("copy")) {
            return "jobintel db copy: interrupted. The copy is written in one transaction: unless it said "
                    + "'Copied', the target holds none of it.";
        }
        if (command.equals("bench")) {
            // --dir is the user's directory, not a temporary one: what was generated there stays.
            return given(args, "--dir") ? "jobintel bench: interrupted; nothing was measured, and the files it wrote "
                    + "in --dir are kept." : "jobintel bench: interrupted; nothing was measured, and its temporary files "
                    + "are removed.";
        }
        return null;
    }

    /** Whether {@code option} is on the command line, as "--opt VALUE" or "--opt=VALUE". */
    private static boolean given(String[] args, String option) {
        return java.util.Arrays.stream(args).anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
    }

    /** The command finished: nothing to say at exit. */
    void disarm() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already stopping: the hook says its piece
        }
    }
}
