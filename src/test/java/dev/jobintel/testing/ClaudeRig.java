package dev.jobintel.testing;

import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.config.ClaudeConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.posting.Posting;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The claude classifier wired to a local Messages server: a database (a SQLite file in {@code dir}, or a URL), a
 * runner whose classifier backs off in milliseconds instead of seconds, and the server.
 */
public final class ClaudeRig implements AutoCloseable {

    public final MessagesSimulator sim;
    public final Context ctx;
    public final Database db;
    private Runner runner;

    /** Whether closing this rig stops the server (the rig that started it does). */
    private final boolean ownsServer;

    private ClaudeRig(MessagesSimulator sim, Context ctx, boolean ownsServer) {
        this.sim = sim;
        this.ctx = ctx;
        this.ownsServer = ownsServer;
        this.db = ctx.openDatabase();
        this.runner = newRunner();
        this.runner.prepare();
    }

    public static ClaudeRig start(Path dir, Clock clock, MessagesSimulator sim, ClaudeConfig config) {
        return start(Fixtures.sqliteUrl(dir), clock, sim, config);
    }

    public static ClaudeRig start(String databaseUrl, Clock clock, MessagesSimulator sim, ClaudeConfig config) {
        return new ClaudeRig(sim, Fixtures.claudeContext(databaseUrl, clock, config), true);
    }

    public static ClaudeRig start(String databaseUrl, Clock clock, MessagesSimulator sim, int concurrency,
                                  int maxAttempts, int timeoutSeconds) {
        return start(databaseUrl, clock, sim, Fixtures.claude(sim.baseUrl(), concurrency, maxAttempts, timeoutSeconds));
    }

    private Runner newRunner() {
        Runner r = new Runner(ctx, db, false);
        ((ClaudeClassifier) r.classifier()).backoffBase(Duration.ofMillis(20));
        return r;
    }

    /**
     * Another worker process on the same database and server, with the same settings: its own
     * connections, runner, classifier and client. Closing it leaves the server running.
     */
    public ClaudeRig anotherWorker() {
        return new ClaudeRig(sim, ctx, false);
    }

    public Runner runner() {
        return runner;
    }

    /** A new process on the same database and server: a new runner, classifier and client. */
    public Runner restart() {
        runner.close();
        runner = newRunner();
        return runner;
    }

    public ClaudeClassifier classifier() {
        return (ClaudeClassifier) runner.classifier();
    }

    /** Lands the postings as pending, through the real importer. */
    public void land(List<Posting> postings) {
        runner.fetch(List.of(Fixtures.jsonl("test", postings)));
    }

    public long count(String sql, Object... args) {
        return db.read(c -> Jdbc.count(c, sql, args));
    }

    @Override
    public void close() {
        runner.close();
        db.close();
        if (ownsServer) {
            sim.close();
        }
    }
}
