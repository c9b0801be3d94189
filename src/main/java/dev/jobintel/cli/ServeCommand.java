package dev.jobintel.cli;

import dev.jobintel.classify.taxonomy.Vocabulary;
import dev.jobintel.config.LoadedConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.store.Database;
import dev.jobintel.web.Dashboard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a local dashboard of the ledger and the market reports (with CSV and JSON of each), "
                + "read from the database on every request, until Ctrl-C.",
                "It listens on 127.0.0.1 unless --host says otherwise, and then answers only requests addressed "
                        + "to localhost or 127.0.0.1. It changes no posting or job (like every command, it first brings "
                        + "an older schema up to date)."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "15",
            description = "Rows per report on the page at most (default: ${DEFAULT-VALUE}), arrangements' total "
                    + "line (all) besides; a CSV or JSON download "
                    + "carries the whole report (at most 100,000 rows), or its first N rows with limit=N in its query.")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(cl, "--port must be between 0 and 65535");
        }
        if (limit < 1) {
            throw new CommandLine.ParameterException(cl, "--limit must be 1 or more");
        }
        if (host.isBlank()) {
            // InetAddress takes "" for the loopback address: not what someone who typed a host meant.
            throw new CommandLine.ParameterException(cl, "--host takes an address to listen on, got an empty one");
        }
        LoadedConfig lc = common.loadConfig();
        Database opened = CommonOptions.openForReading(lc, cl.getErr(), Database.Caching.WORKING);
        if (opened == null) {
            return Main.DATABASE_ERROR;
        }
        PrintWriter out = cl.getOut();
        LocationResolver places = new LocationResolver(Context.gazetteer(lc));
        // A family of one's own taxonomy: file is asked for before a command that writes copied it into the database.
        var families = Context.taxonomy(lc).families();
        // Failing boards in /status.json are marked by whether the configuration still names them, as status does.
        var configured = dev.jobintel.source.SourceFactory.configuredBoards(lc.config());
        try (Database db = opened; Dashboard dashboard = start(cl, db, places, families, configured)) {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                cl.getErr().printf("warning: listening on %s: anyone who can reach this machine can read the "
                        + "dashboard (it has no login).%n", host);
            }
            out.printf("jobintel dashboard at %s — Ctrl-C stops it.%n", dashboard.uri());
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            // Said from the hook: after Ctrl-C the JVM may end before this thread runs again.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                out.printf("Stopped the dashboard after %,d requests.%n", dashboard.answered());
                out.flush();
                stopped.countDown();
            }, "jobintel-serve-stop"));
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    private Dashboard start(CommandLine cl, Database db, LocationResolver places,
                            Vocabulary families,
                            java.util.Map<String, java.util.Map<String, String>> configured) throws IOException {
        try {
            return Dashboard.start(db, places, () -> families, host, port, limit, configured);
        } catch (BindException e) {
            // Linux says "Address already in use" for a taken port and "Cannot assign requested
            // address" for an address that is not this machine's.
            boolean taken = port != 0 && String.valueOf(e.getMessage()).contains("in use");
            throw new CommandLine.ParameterException(cl, "cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + (taken ? " (another program has the port? try --port 0)"
                    : " (is " + host + " an address of this machine?)"));
        } catch (java.net.SocketException e) {
            // "Unresolved address": a name no resolver knows, or an address that cannot be one.
            throw new CommandLine.ParameterException(cl, "cannot listen on " + host + ": " + e.getMessage()
                    + " (--host takes an address of this machine, such as 127.0.0.1)");
        }
    }
}
