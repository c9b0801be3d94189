package dev.jobintel.source;

import dev.jobintel.config.HealthConfig;
import dev.jobintel.config.JobintelConfig;
import dev.jobintel.config.LoadedConfig;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Lander;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.source.greenhouse.GreenhouseFixture;
import dev.jobintel.source.greenhouse.GreenhouseSource;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.source.http.HttpSettings;
import dev.jobintel.source.http.OkHttpTransport;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.LocalServer;
import dev.jobintel.testing.LocalServer.Reply;
import dev.jobintel.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fetching many boards for real: isolation, health and back-off, and liveness (closing postings). */
class BoardFetchIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-20T08:00:00Z");
    private LocalServer server;
    private Database db;
    private Runner runner;
    private OkHttpTransport transport;
    private Fetcher fetcher;
    private HttpSettings settings;

    /** The database the tests run on; {@link BoardFetchOnPostgresIT} runs them all on PostgreSQL. */
    protected String databaseUrl() {
        return Fixtures.sqliteUrl(dir);
    }

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        JobintelConfig cfg = JobintelConfig.DEFAULTS.withDatabaseUrl(databaseUrl());
        cfg = new JobintelConfig(cfg.database(), null, null, null, null, null, cfg.pipeline(), null, null,
                new HealthConfig(2, 6, 72));
        Context ctx = Context.load(new LoadedConfig(cfg, null, dir), clock);
        db = ctx.openDatabase();
        runner = new Runner(ctx, db, false);
        runner.prepare();
        HttpSettings s = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, Duration.ofMillis(10),
                Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);
        transport = new OkHttpTransport(s);
        fetcher = new Fetcher(transport, s);
        settings = s;
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
        transport.close();
    }

    /** A fetch of the boards, a minute after the last: runs happen one after another, not at one instant. */
    private Runner.FetchResult fetch(String... slugs) {
        return fetch(false, slugs);
    }

    /** @param named the boards are named one by one (--companies) */
    private Runner.FetchResult fetch(boolean named, String... slugs) {
        clock.advance(Duration.ofMinutes(1));
        List<SourcesConfig.Board> boards = Stream.of(slugs).map(b -> new SourcesConfig.Board(b, "Acme " + b, null)).toList();
        return runner.fetch(List.of(new GreenhouseSource(
                new SourcesConfig.BoardSource(server.baseUrl(), null, null, boards), fetcher, 4)), named, false);
    }

    private String board(String slug) {
        return "/v1/boards/" + slug + "/jobs";
    }

    private long closed(String slug) {
        return db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE board = ? AND closed_at IS NOT NULL", slug));
    }

    @Test
    void aRunOverManyBoardsShowsExactlyWhichFailedAndWhyAndKeepsEveryPostingThatArrived() {
        for (int i = 0; i < 8; i++) {
            server.on(board("ok" + i), Reply.json(GreenhouseFixture.body("ok" + i, 5)));
        }
        server.on(board("gone"), Reply.status(404, "{\"status\":404,\"error\":\"Not Found\"}"));
        server.on(board("broken"), Reply.status(500, "oops"));
        server.on(board("captcha"), Reply.json("<html><title>Attention Required!</title></html>").withContentType("text/html"));
        Runner.FetchResult r = fetch("ok0", "ok1", "gone", "ok2", "ok3", "broken", "ok4", "ok5", "captcha", "ok6", "ok7");
        assertThat(r.total().fresh()).isEqualTo(40);
        assertThat(r.failedBoards()).isEqualTo(3);
        StatusReport s = StatusReport.read(db);
        assertThat(s.rawPostings()).isEqualTo(40);
        assertThat(s.failingBoards()).extracting(b -> b.board()).containsExactlyInAnyOrder("gone", "broken", "captcha");
        assertThat(s.failingBoards()).filteredOn(b -> b.board().equals("gone")).singleElement()
                .satisfies(b -> {
                    assertThat(b.lastStatus()).isEqualTo(404);
                    assertThat(b.lastError()).contains("not found");
                });
        assertThat(s.failingBoards()).filteredOn(b -> b.board().equals("captcha")).singleElement()
                .satisfies(b -> assertThat(b.lastError()).contains("HTML page"));
        List<String> failedRuns = db.read(c -> Jdbc.query(c,
                "SELECT board FROM fetch_runs WHERE status = 'failed' ORDER BY board", rs -> rs.getString(1)));
        assertThat(failedRuns).containsExactly("broken", "captcha", "gone");
    }

    @Test
    void aBackedOffBoardTheUserNamesIsFetchedAtOnce() {
        server.on(board("moved"), Reply.status(404, "{}"));
        fetch("moved");
        fetch("moved");
        assertThat(fetch("moved").boards()).singleElement().satisfies(b -> assertThat(b.skipped()).isTrue());
        // Fixed (here, by the board coming back): 'fetch --companies moved' asks for it by name, now.
        server.on(board("moved"), Reply.json(GreenhouseFixture.body("moved", 2)));
        Runner.FetchResult named = fetch(true, "moved");
        assertThat(named.boards()).singleElement().satisfies(b -> assertThat(b.skipped()).isFalse());
        assertThat(named.total().fresh()).isEqualTo(2);
        assertThat(StatusReport.read(db).failingBoards()).as("and a success clears its back-off").isEmpty();
    }

    /** A fetch of one board at the instance given ("eu": the EU base URL, here under /eu on the local server). */
    private Runner.FetchResult fetchAt(String instance, String slug) {
        clock.advance(Duration.ofMinutes(1));
        return runner.fetch(List.of(new GreenhouseSource(new SourcesConfig.BoardSource(server.baseUrl(),
                server.baseUrl() + "/eu", null, List.of(new SourcesConfig.Board(slug, "Acme " + slug, instance))),
                fetcher, 4)), false, false);
    }

    @Test
    void aBackOffEarnedWhereTheConfigurationNoLongerPointsHoldsNothingOffAtTheBoardsNewAddress() {
        // The board was configured on the global instance, where it does not exist: backed off.
        server.on(board("moved"), Reply.status(404, "{}"));
        fetchAt(null, "moved");
        fetchAt(null, "moved");
        assertThat(fetchAt(null, "moved").boards()).singleElement().satisfies(b -> assertThat(b.skipped()).isTrue());
        // The user moves it to its EU instance (instance: eu): the next scheduled fetch asks there at once.
        server.on("/eu" + board("moved"), Reply.json(GreenhouseFixture.body("moved", 2)));
        Runner.FetchResult moved = fetchAt("eu", "moved");
        assertThat(moved.boards()).singleElement().satisfies(b -> assertThat(b.skipped()).isFalse());
        assertThat(moved.total().fresh()).isEqualTo(2);
        assertThat(StatusReport.read(db).failingBoards()).isEmpty();

        // Failures at one address do not add up with those at another: back at the global one (a mistake
        // again), its count starts from one, and the next fetch asks.
        fetchAt("eu", "moved");
        server.on("/eu" + board("moved"), Reply.status(404, "{}"));
        fetchAt("eu", "moved");
        assertThat(StatusReport.read(db).failingBoards()).singleElement()
                .satisfies(b -> assertThat(b.consecutiveFailures()).isEqualTo(1));
        fetchAt(null, "moved");
        assertThat(StatusReport.read(db).failingBoards()).singleElement()
                .satisfies(b -> assertThat(b.consecutiveFailures()).as("one at the global address").isEqualTo(1));
        assertThat(fetchAt(null, "moved").boards()).singleElement().satisfies(b -> assertThat(b.skipped()).isFalse());
        // Two there in a row: backed off there, as ever.
        assertThat(fetchAt(null, "moved").boards()).singleElement().satisfies(b -> assertThat(b.skipped()).isTrue());
    }

    @Test
    void statusNamesEachBoardAReplayFailedWithWhyThoughTheReplayLeavesTheirHealthAlone() throws IOException {
        server.on(board("fine"), Reply.json(GreenhouseFixture.body("fine", 2)));
        server.on(board("flaky"), Reply.status(503, "down"));
        server.on(board("other"), Reply.json(GreenhouseFixture.body("other", 1)));
        Path rec = dir.resolve("rec");
        fetchThrough(new dev.jobintel.source.http.RecordingTransport(transport,
                new dev.jobintel.source.http.Recording(rec)), false, "fine", "flaky", "other");
        // The recording, later: fine's response recorded as a server error, flaky's missing from it.
        List<Path> metas;
        try (Stream<Path> files = java.nio.file.Files.walk(rec)) {
            metas = files.filter(f -> f.toString().endsWith(".meta.json")).toList();
        }
        for (Path meta : metas) {
            String m = java.nio.file.Files.readString(meta);
            if (m.contains("/fine/")) {
                java.nio.file.Files.writeString(meta, m.replace("\"status\" : 200", "\"status\" : 500"));
            } else if (m.contains("/flaky/")) {
                java.nio.file.Files.delete(meta);
                java.nio.file.Files.delete(meta.resolveSibling(meta.getFileName().toString().replace(".meta.json", ".body")));
            }
        }
        Runner.FetchResult replayed = fetchThrough(new dev.jobintel.source.http.ReplayTransport(
                new dev.jobintel.source.http.Recording(rec)), true, "fine", "flaky", "other");
        assertThat(replayed.failedBoards()).isEqualTo(2);
        List<dev.jobintel.store.BoardHealth.Row> failing = StatusReport.read(db).failingBoards();
        assertThat(failing).extracting(dev.jobintel.store.BoardHealth.Row::board).containsExactlyInAnyOrder("fine", "flaky");
        assertThat(failing).filteredOn(b -> b.board().equals("fine")).singleElement().satisfies(b -> {
            assertThat(b.lastFetch()).isEqualTo("replayed");
            assertThat(b.lastStatus()).isEqualTo(500);
            assertThat(b.lastError()).contains("server error");
            assertThat(b.consecutiveFailures()).as("a replay is no word on the board").isZero();
        });
        assertThat(failing).filteredOn(b -> b.board().equals("flaky")).singleElement().satisfies(b -> {
            assertThat(b.lastFetch()).isEqualTo("replayed");
            assertThat(b.lastError()).contains("no recorded response");
            assertThat(b.consecutiveFailures()).as("its live failure still counts").isEqualTo(1);
        });
        // The next fetch from the network is what the boards' health says again.
        fetch("fine", "flaky", "other");
        assertThat(StatusReport.read(db).failingBoards()).singleElement().satisfies(b -> {
            assertThat(b.board()).isEqualTo("flaky");
            assertThat(b.lastFetch()).isEqualTo("fetched");
            assertThat(b.consecutiveFailures()).isEqualTo(2);
        });
    }

    @Test
    void replayingAnOlderRecordingNeitherClosesWhatANewerFetchSawNorReopensWhatItFoundGone() {
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 2)));
        Path rec = dir.resolve("old");
        fetchThrough(new dev.jobintel.source.http.RecordingTransport(transport,
                new dev.jobintel.source.http.Recording(rec)), false, "acme");
        // Later, from the network: a third posting is new.
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 3)));
        fetch("acme");
        // The old recording, replayed (to try a new version on it, say): it lacks the third posting,
        // which is still on the board for all the recording can know.
        Runner.FetchResult replayed = fetchThrough(new dev.jobintel.source.http.ReplayTransport(
                new dev.jobintel.source.http.Recording(rec)), true, "acme");
        assertThat(replayed.boards()).singleElement().satisfies(b -> assertThat(b.closed()).isZero());
        assertThat(closed("acme")).isZero();
        // The board drops two postings; the old recording, replayed again, still lists them.
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 1)));
        fetch("acme");
        assertThat(closed("acme")).isEqualTo(2);
        fetchThrough(new dev.jobintel.source.http.ReplayTransport(new dev.jobintel.source.http.Recording(rec)), true, "acme");
        assertThat(closed("acme")).as("gone from the board, whatever an old recording says").isEqualTo(2);
        // The network still decides: the board lists them again, and they are open.
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 3)));
        fetch("acme");
        assertThat(closed("acme")).isZero();
    }

    /** A fetch of the boards through {@code t}; {@code replaying}: served from a recording. */
    private Runner.FetchResult fetchThrough(dev.jobintel.source.http.Transport t, boolean replaying, String... slugs) {
        clock.advance(Duration.ofMinutes(1));
        List<SourcesConfig.Board> boards = Stream.of(slugs).map(b -> new SourcesConfig.Board(b, "Acme " + b, null)).toList();
        return runner.fetch(List.of(new GreenhouseSource(new SourcesConfig.BoardSource(server.baseUrl(), null, null, boards),
                new Fetcher(t, settings), 4)), false, replaying);
    }

    @Test
    void repeatedFailuresBackABoardOffAndOneSuccessClearsIt() {
        server.on(board("flaky"), Reply.status(503, "down"));
        fetch("flaky");
        fetch("flaky");
        long secondFailure = clock.millis();
        // Two failures in a row (the configured threshold): backed off, not even requested.
        int hits = server.hits(board("flaky"));
        Runner.FetchResult skipped = fetch("flaky");
        assertThat(server.hits(board("flaky"))).isEqualTo(hits);
        assertThat(skipped.boards()).singleElement().satisfies(b -> assertThat(b.skipped()).isTrue());
        Long until = db.read(c -> Jdbc.one(c, "SELECT backoff_until FROM board_health WHERE board = 'flaky'",
                rs -> Jdbc.getLong(rs, "backoff_until")));
        assertThat(until).isEqualTo(secondFailure + Duration.ofHours(6).toMillis());

        clock.advance(Duration.ofHours(7));
        server.on(board("flaky"), Reply.json(GreenhouseFixture.body("flaky", 2)));
        assertThat(fetch("flaky").total().fresh()).isEqualTo(2);
        assertThat(StatusReport.read(db).failingBoards()).isEmpty();
    }

    @Test
    void boardsNothingAnswersForAreNotBackedOffForTheNetworksFailure() throws IOException {
        // A machine offline for its scheduled runs (or an API that is down): no board is at fault.
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        List<SourcesConfig.Board> boards = List.of(new SourcesConfig.Board("acme", "Acme", null),
                new SourcesConfig.Board("globex", "Globex", null));
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(1));
            Runner.FetchResult r = runner.fetch(List.of(new GreenhouseSource(new SourcesConfig.BoardSource(
                    "http://127.0.0.1:" + closedPort, null, null, boards), fetcher, 4)), false, false);
            assertThat(r.boards()).as("fetch %d", i + 1).hasSize(2).allSatisfy(b -> {
                assertThat(b.skipped()).isFalse();
                assertThat(b.error()).contains("connection refused");
            });
        }
        // Not backed off, but not hidden: status lists each board with why.
        assertThat(StatusReport.read(db).failingBoards()).hasSize(2).allSatisfy(b -> {
            assertThat(b.consecutiveFailures()).isZero();
            assertThat(b.backoffUntil()).isNull();
            assertThat(b.lastError()).contains("connection refused");
        });
    }

    @Test
    void aBoardThatServesPostingsIsNotBackedOffHoweverOftenItEndsPartial() {
        // Half a body every time: the postings before the cut arrive, so the board is alive.
        String body = GreenhouseFixture.body("half", 4);
        server.on(board("half"), Reply.json(body.substring(0, body.length() / 2)));
        for (int i = 0; i < 4; i++) {
            Lander.BoardResult r = fetch("half").boards().get(0);
            assertThat(r.skipped()).as("fetch %d", i + 1).isFalse();
            assertThat(r.counts().seen()).isPositive();
            assertThat(r.error()).isNotNull();
        }
        assertThat(server.hits(board("half"))).isEqualTo(4);
        List<String> runs = db.read(c -> Jdbc.query(c, "SELECT status FROM fetch_runs WHERE board = 'half'",
                rs -> rs.getString(1)));
        assertThat(runs).containsOnly("partial");
        // Not backed off, but not hidden either: status lists it with why it was partial.
        assertThat(StatusReport.read(db).failingBoards()).singleElement().satisfies(b -> {
            assertThat(b.board()).isEqualTo("half");
            assertThat(b.consecutiveFailures()).isZero();
            assertThat(b.backoffUntil()).isNull();
            assertThat(b.lastError()).contains("malformed");
        });
        // A clean fetch clears it.
        server.on(board("half"), Reply.json(body));
        fetch("half");
        assertThat(StatusReport.read(db).failingBoards()).isEmpty();
    }

    @Test
    void incident23PostingsAbsentFromACompleteFetchAreClosedNotDeletedAndKeepTheirOutcome() {
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 5)));
        fetch("acme");
        runner.enrich(0);
        String last = db.read(c -> Jdbc.one(c, "SELECT max(source_job_id) FROM raw_postings", rs -> rs.getString(1)));
        String outcome = db.read(c -> Jdbc.one(c, "SELECT outcome FROM raw_postings WHERE source_job_id = ?",
                rs -> rs.getString(1), last));

        clock.advance(Duration.ofDays(1));
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 3)));
        Lander.BoardResult r = fetch("acme").boards().get(0);
        assertThat(r.closed()).isEqualTo(2);
        assertThat(closed("acme")).isEqualTo(2);
        long rows = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings"));
        assertThat(rows).isEqualTo(5);
        String after = db.read(c -> Jdbc.one(c, "SELECT outcome FROM raw_postings WHERE source_job_id = ?",
                rs -> rs.getString(1), last));
        assertThat(after).isEqualTo(outcome);
        assertThat(StatusReport.read(db).violations()).isEmpty();

        // A posting that comes back is open again.
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 5)));
        fetch("acme");
        assertThat(closed("acme")).isZero();
    }

    @Test
    void aBoardWhoseSlugTheConfigurationRespellsInAnotherCaseStillClosesThePostingsThatLeftIt() {
        // Configured as 'Acme' (the APIs take a slug in any case; the configuration counts 'Acme' and
        // 'acme' as one board): three postings.
        server.on(board("Acme"), Reply.json(GreenhouseFixture.body("acme", 3)));
        fetch("Acme");
        // The user writes it 'acme' now, and one posting has left the board since.
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 2)));
        Lander.BoardResult r = fetch("acme").boards().get(0);
        assertThat(r.closed()).as("the posting that left, whichever spelling it was fetched under").isEqualTo(1);
        long open = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE closed_at IS NULL"));
        assertThat(open).isEqualTo(2);
        // And back to 'Acme': the board is the same, nothing more closes, nothing reopens.
        server.on(board("Acme"), Reply.json(GreenhouseFixture.body("acme", 2)));
        assertThat(fetch("Acme").boards().get(0).closed()).isZero();
        long stillOpen = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE closed_at IS NULL"));
        assertThat(stillOpen).isEqualTo(2);
    }

    @Test
    void incident23AFailedOrEmptyFetchClosesNothing() {
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 4)));
        fetch("acme");
        server.on(board("acme"), Reply.status(500, "down"));
        fetch("acme");
        assertThat(closed("acme")).isZero();
        // An employer disabling the board often shows as an empty listing: not a reason to close everything.
        server.on(board("acme"), Reply.json("{\"jobs\":[],\"meta\":{\"total\":0}}"));
        fetch("acme");
        assertThat(closed("acme")).isZero();
        // Malformed JSON after some postings: what arrived is kept, nothing is closed.
        String body = GreenhouseFixture.body("acme", 4);
        server.on(board("acme"), Reply.json(body.substring(0, body.length() / 2)));
        Lander.BoardResult partial = fetch("acme").boards().get(0);
        assertThat(partial.error()).isNotNull();
        assertThat(closed("acme")).isZero();
        // A list shorter than the board says (meta.total) is cut, not a board that shrank.
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 1).replace("\"total\":1", "\"total\":4")));
        Lander.BoardResult cut = fetch("acme").boards().get(0);
        assertThat(cut.error()).contains("meta.total");
        assertThat(closed("acme")).isZero();
        // Something after the JSON (two answers run together): the fetch is not complete either.
        // (Another board: acme has failed three times in a row now and is backed off.)
        server.on(board("globex"), Reply.json(GreenhouseFixture.body("globex", 4)));
        fetch("globex");
        server.on(board("globex"), Reply.json(GreenhouseFixture.body("globex", 1) + "{\"jobs\":[]}"));
        assertThat(fetch("globex").boards().get(0).error()).contains("more follows the JSON");
        assertThat(closed("globex")).isZero();
    }

    /**
     * A board of a source that reads each posting's content by a call of its own: it lists {@code ids}, the
     * listing read whole, and the content of {@code failed} of them could not be had.
     */
    private Lander.BoardResult listed(List<String> ids, List<String> failed) {
        clock.advance(Duration.ofMinutes(1));
        JobSource source = new JobSource() {
            @Override
            public String name() {
                return "smartrecruiters";
            }

            @Override
            public void fetch(FetchSink sink) {
                BoardSink board = sink.board("smartrecruiters", "acme", true, server.baseUrl());
                for (String id : ids) {
                    dev.jobintel.posting.Posting p = Fixtures.posting("smartrecruiters", id, "Acme", "Engineer " + id,
                            "London", failed.contains(id) ? "" : Fixtures.DESCRIPTION);
                    if (failed.contains(id)) {
                        board.acceptPartial(p);
                    } else {
                        // Read in full from a list item: stored with the item's fingerprint.
                        board.acceptListed(p, Long.MIN_VALUE + Long.parseLong(id));
                    }
                }
                if (failed.isEmpty()) {
                    board.finish(true, 200, null);
                } else {
                    board.finishListed(200, failed.size() + " of " + ids.size() + " detail calls failed: 404");
                }
            }
        };
        return runner.fetch(List.of(source), false, false).boards().get(0);
    }

    @Test
    void aListingReadWholeClosesWhatLeftThoughSomeDetailsFailedAndTheRunSaysWhichFailed() {
        listed(List.of("1", "2", "3"), List.of());
        // Posting 3 left; posting 2's detail fails on every fetch.
        for (int day = 1; day <= 3; day++) {
            clock.advance(Duration.ofDays(1));
            Lander.BoardResult r = listed(List.of("1", "2"), List.of("2"));
            assertThat(r.complete()).as("the listing was whole").isTrue();
            assertThat(r.error()).isEqualTo("1 of 2 detail calls failed: 404");
            assertThat(r.closed()).isEqualTo(day == 1 ? 1 : 0);
            assertThat(r.skipped()).isFalse();
        }
        assertThat(closed("acme")).isEqualTo(1);
        String gone = db.read(c -> Jdbc.one(c, "SELECT source_job_id FROM raw_postings WHERE closed_at IS NOT NULL",
                rs -> rs.getString(1)));
        assertThat(gone).isEqualTo("3");
        // The broken posting keeps the text it had.
        String text = db.read(c -> Jdbc.one(c, "SELECT t.description FROM raw_postings r JOIN posting_texts t "
                + "ON t.posting_id = r.id WHERE r.source_job_id = '2'", rs -> rs.getString(1)));
        assertThat(text).isEqualTo(Fixtures.DESCRIPTION);
        // The fingerprints stored with the content read in full (both engines keep all 64 bits), and the one
        // the broken posting's content was first read with, kept: its content is what that item came with.
        List<String> fingerprints = db.read(c -> Jdbc.query(c, "SELECT source_job_id || ' ' || listing_fingerprint "
                + "FROM raw_postings ORDER BY source_job_id", rs -> rs.getString(1)));
        assertThat(fingerprints).containsExactly("1 " + (Long.MIN_VALUE + 1), "2 " + (Long.MIN_VALUE + 2),
                "3 " + (Long.MIN_VALUE + 3));
        // Each run is recorded partial with what failed, and the board is listed as failing but never backed off.
        List<String> runs = db.read(c -> Jdbc.query(c, "SELECT status || ' ' || coalesce(error, '') || ' ' || closed_count "
                + "FROM fetch_runs WHERE board = 'acme' ORDER BY id", rs -> rs.getString(1)));
        assertThat(runs).containsExactly("ok  0", "partial 1 of 2 detail calls failed: 404 1",
                "partial 1 of 2 detail calls failed: 404 0", "partial 1 of 2 detail calls failed: 404 0");
        assertThat(StatusReport.read(db).failingBoards()).singleElement().satisfies(b -> {
            assertThat(b.consecutiveFailures()).isZero();
            assertThat(b.backoffUntil()).isNull();
            assertThat(b.lastError()).contains("detail calls failed");
        });
    }

    @Test
    void incident23AListingReadWholeThatListedNothingClosesNothing() {
        listed(List.of("1", "2"), List.of());
        clock.advance(Duration.ofDays(1));
        // Nothing listed (every item a reject, or none at all), though the error is only about details.
        Lander.BoardResult r = listed(List.of(), List.of("x"));
        assertThat(r.closed()).isZero();
        assertThat(closed("acme")).isZero();
    }

    @Test
    void aClosedPendingPostingIsFilteredAsClosedBeforeClassification() {
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 3)));
        fetch("acme");
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 2)));
        fetch("acme");
        runner.enrich(0);
        String reason = db.read(c -> Jdbc.one(c, "SELECT outcome_reason FROM raw_postings WHERE closed_at IS NOT NULL",
                rs -> rs.getString(1)));
        assertThat(reason).isEqualTo("closed");
        // Listed again, it is decided after all, not left filtered as closed while open.
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 3)));
        assertThat(fetch("acme").total().requeued()).isEqualTo(1);
        runner.enrich(0);
        long enriched = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE outcome = 'enriched'"));
        assertThat(enriched).isEqualTo(3);
    }

    @Test
    void aPostingWhoseTextChangesKeepsTheEarliestDateItsBoardGave() {
        // Without first_published (older boards), Greenhouse dates a job by updated_at, which every edit moves on.
        String body = GreenhouseFixture.body("acme", 1).replace("\"first_published\":\"2026-08-06T12:50:10-04:00\",", "");
        server.on(board("acme"), Reply.json(body));
        fetch("acme");
        server.on(board("acme"), Reply.json(body.replace("2026-09-24T13:34:54-04:00", "2026-11-19T09:00:00-05:00")
                .replace("Kubernetes", "Kubernetes and Terraform")));
        assertThat(fetch("acme").total().updated()).isEqualTo(1);
        // And a sighting without a date does not take the one it has away.
        server.on(board("acme"), Reply.json(body.replace("\"updated_at\":\"2026-09-24T13:34:54-04:00\",", "")
                .replace("Kubernetes", "Kubernetes and Helm")));
        assertThat(fetch("acme").total().updated()).isEqualTo(1);
        Long posted = db.read(c -> Jdbc.one(c, "SELECT posted_at FROM raw_postings", rs -> Jdbc.getLong(rs, "posted_at")));
        assertThat(posted).as("the job is dated when it was first posted, not when it was last edited")
                .isEqualTo(java.time.Instant.parse("2026-09-24T17:34:54Z").toEpochMilli());
    }

    @Test
    void anImportOfAClosedPostingNeitherReopensItNorTakesItOffItsBoard() {
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 3)));
        fetch("acme");
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 2)));
        fetch("acme");
        String id = db.read(c -> Jdbc.one(c, "SELECT source_job_id FROM raw_postings WHERE closed_at IS NOT NULL",
                rs -> rs.getString(1)));
        // Last month's export, imported again: a sighting, but no word on whether its board still lists it.
        runner.fetch(List.of(Fixtures.jsonl("old-export.jsonl", List.of(Fixtures
                .posting("greenhouse", id, "Acme acme", "Backend Engineer 2", "London", Fixtures.DESCRIPTION)))));
        assertThat(closed("acme")).isEqualTo(1);
        // So the board's next complete fetch still decides it, as ever.
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 3)));
        fetch("acme");
        assertThat(closed("acme")).isZero();
    }

    @Test
    void aListedItemThatCannotBeReadThisTimeDoesNotCloseThePostingStoredUnderItsId() {
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 3)));
        fetch("acme");
        // The board still lists the third job, with its title gone null for a fetch.
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 3).replace("\"Backend Engineer 2\"", "null")));
        Lander.BoardResult r = fetch("acme").boards().get(0);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(closed("acme")).isZero();
        // Once it is off the board, it closes.
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 2)));
        fetch("acme");
        assertThat(closed("acme")).isEqualTo(1);
    }

    @Test
    void incident24ASlowButSteadyBoardIsNotCutOffByATotalTimeout() {
        // 1,000 postings dribbled over about three seconds; no gap reaches the one-second read timeout.
        server.on(board("big"), Reply.json(GreenhouseFixture.body("big", 1_000)).trickled(12, 250));
        Runner.FetchResult r = fetch("big");
        assertThat(r.boards().get(0).error()).isNull();
        assertThat(r.total().fresh()).isEqualTo(1_000);
    }
}
