package dev.jobintel.cli;

import dev.jobintel.config.ConfigException;
import dev.jobintel.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code jobintel} command line. Exit codes: 0 done; 1 unexpected error; 2 usage or
 * configuration error; 3 database error; 4 the ledger's invariants do not hold; 5 some boards
 * failed; 6 the run stopped early with postings left pending.
 */
@Command(name = "jobintel", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Public job postings turned into a trustworthy picture of a hiring market.",
                "Every posting fetched has exactly one recorded outcome; 'jobintel status' accounts for all of them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:unexpected error", "2:usage or configuration error", "3:database error",
                "4:the ledger's invariants do not hold (status --check)",
                "5:fetched (or imported), but some boards (or files) failed (details in 'jobintel status')",
                "6:stopped early (the API refused the key or is down, or the budget is spent); the rest stays pending"})
public final class Main implements Runnable {

    public static final int CONFIG_ERROR = 2;
    public static final int DATABASE_ERROR = 3;
    public static final int INVARIANT_BROKEN = 4;
    public static final int BOARDS_FAILED = 5;
    public static final int RUN_STOPPED = 6;

    /** The commands, in the order --help lists them. */
    static final List<Class<?>> COMMANDS = List.of(RunCommand.class, FetchCommand.class, ImportCommand.class,
            EnrichCommand.class, StatusCommand.class, RetryCommand.class, BackfillCommand.class, ReportCommand.class,
            ServeCommand.class, WorkerCommand.class, DemoCommand.class, EvalCommand.class, DbCommand.class,
            BenchSuite.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        quietLibraries();
        StandardOutput.install();
        int exit;
        CommandLine cl = commandLine(args);
        cl.setOut(StandardOutput.writer());
        Interruption interruption = Interruption.arm(args, System.err);
        try {
            exit = cl.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler; say what broke without a wall of frames.
            System.err.println("error: " + e + (e.getCause() == null ? "" : " caused by " + e.getCause()));
            if (System.getenv("JOBINTEL_DEBUG") != null) {
                e.printStackTrace();
            } else {
                System.err.println("(set JOBINTEL_DEBUG=1 for the stack trace)");
            }
            exit = 1;
        }
        if (interruption != null) {
            interruption.disarm();
        }
        // picocli's writers flush on println only; a command ending in print() would lose its tail.
        cl.getErr().flush();
        if (exit == 0) {
            exit = lostOutput(cl);
        }
        System.exit(exit);
    }

    static final String OUTPUT_LOST = "error: the output could not all be written (is the disk full?):"
            + " what arrived is incomplete";

    /**
     * The exit code standard output leaves: PrintStream and PrintWriter swallow write errors, so a
     * report or an export sent to a full disk would otherwise end "done" with exit 0. That is said and
     * is 1; a reader that closed the pipe ({@code | head}) took what it wanted, so that is silent and
     * 141, as for any program its reader left. 0 when all was written. Flushes first.
     */
    static int lostOutput(CommandLine cl) {
        if (!(cl.getOut().checkError() | System.out.checkError())) {
            return 0;
        }
        if (StandardOutput.readerGone()) {
            return StandardOutput.READER_GONE;
        }
        cl.getErr().println(OUTPUT_LOST);
        return 1;
    }

    /** The configured command line with every command. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The configured command line for {@code args} (also used by tests to run commands in-process).
     * picocli builds a command's model from its annotations, which for all of them takes a quarter
     * of a second of a 2-core machine, more than 'status' spends on its queries: when {@code args}
     * name a command first, only that one is built. Anything else (no command, --help, 'help', a
     * misspelt command) gets them all, to list them or to suggest one.
     */
    public static CommandLine commandLine(String... args) {
        String first = args.length > 0 ? args[0] : "";
        boolean named = !first.equals("help") && COMMANDS.stream().anyMatch(c -> nameOf(c).equals(first));
        CommandLine cl = new CommandLine(new Main());
        // Before the settings below: picocli gives them only to the commands present when they are made.
        for (Class<?> c : COMMANDS) {
            if (!named || nameOf(c).equals(first)) {
                cl.addSubcommand(c);
            }
        }
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setUsageHelpAutoWidth(true);
        // An empty path is the current directory to Path.of: a recording or demo written all over it,
        // or "error:  is a directory". Every path option and parameter refuses one.
        cl.registerConverter(java.nio.file.Path.class, given -> {
            if (given.isBlank()) {
                throw new CommandLine.TypeConversionException("a path, got an empty one");
            }
            return java.nio.file.Path.of(given);
        });
        versionEverywhere(cl);
        return cl;
    }

    /** Every command's -V prints the version, not only the top one's (picocli gives none to a subcommand). */
    private static void versionEverywhere(CommandLine cl) {
        cl.getCommandSpec().versionProvider(new Version());
        cl.getSubcommands().values().forEach(Main::versionEverywhere);
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    private static int handle(Exception thrown, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = System.getenv("JOBINTEL_DEBUG") != null;
        // A database or configuration error raised on a worker thread arrives wrapped: it is still one.
        Exception e = knownCause(thrown);
        if (e instanceof ConfigException ce) {
            ce.all().forEach(problem -> err.println("error: " + problem.getMessage()));
            return CONFIG_ERROR;
        }
        if (e instanceof StoreException se) {
            err.println("database error: " + se.getMessage());
            if (verbose) {
                thrown.printStackTrace(err);
            }
            return DATABASE_ERROR;
        }
        err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        if (verbose) {
            thrown.printStackTrace(err);
        } else {
            err.println("(set JOBINTEL_DEBUG=1 for the stack trace)");
        }
        return 1;
    }

    /** The first ConfigException or StoreException among the causes of {@code e}, else {@code e} itself. */
    private static Exception knownCause(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException || t instanceof StoreException) {
                return (Exception) t;
            }
        }
        return e;
    }

    /**
     * A mistaken command line (an unknown option, a bad value, a city no table knows) is said in a
     * line, with picocli's suggestions for a misspelt option and where the options are listed,
     * instead of the whole help under it. Thrown from a command too, picocli hands it here.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + cl.getCommandSpec().qualifiedName() + " --help' for the "
                + (cl.getSubcommands().isEmpty() ? "options." : "commands."));
        return CONFIG_ERROR;
    }

    /** Flyway and HikariCP speak only when something is wrong. */
    static void quietLibraries() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        // A pooled connection the server closed (a restart) is replaced without anyone's help; the
        // commands say themselves when the database cannot be reached.
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari.pool.PoolBase", "error");
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari.pool.ProxyConnection", "error");
        // Processes started together race to tidy each other's unpacked native library; the one that
        // loses has nothing to tidy, and says so with a stack trace.
        System.setProperty("org.slf4j.simpleLogger.log.org.sqlite.SQLiteJDBCLoader", "off");
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"jobintel " + (v == null ? "(development build)" : v)};
        }
    }
}
