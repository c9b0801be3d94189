package dev.jobintel.source;

import dev.jobintel.config.SourcesConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Lander;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.source.ashby.AshbyFixture;
import dev.jobintel.source.greenhouse.GreenhouseFixture;
import dev.jobintel.source.lever.LeverFixture;
import dev.jobintel.source.smartrecruiters.SmartRecruitersFixture;
import dev.jobintel.source.workable.WorkableFixture;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same contract for every adapter, against a real HTTP server on loopback speaking that
 * API's JSON: success, unknown board, 429 with Retry-After, 500, a hanging server, malformed
 * JSON, an HTML challenge page, an empty board and a huge board. Every board's fate is in
 * fetch_runs; one failing board never stops another.
 */
class AdapterContractIT {

    static Stream<ApiFixture> fixtures() {
        return Stream.of(new GreenhouseFixture(), new LeverFixture(), new AshbyFixture(), new WorkableFixture(),
                new SmartRecruitersFixture());
    }

    @TempDir
    Path dir;

    private LocalServer server;
    private Database db;
    private Runner runner;
    private OkHttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        Context ctx = Fixtures.context(dir, MutableClock.at("2026-11-20T08:00:00Z"), 500);
        db = ctx.openDatabase();
        runner = new Runner(ctx, db, false);
        runner.prepare();
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
        if (transport != null) {
            transport.close();
        }
    }

    private Runner.FetchResult fetch(ApiFixture api, String... slugs) {
        // Roomy: a page of the huge board is written and parsed within it even on a busy machine.
        return fetch(api, Duration.ofSeconds(5), slugs);
    }

    /** A fetch whose reads time out after {@code readTimeout}, three attempts a request. */
    private Runner.FetchResult fetch(ApiFixture api, Duration readTimeout, String... slugs) {
        HttpSettings s = new HttpSettings(Duration.ofSeconds(2), readTimeout, 3, Duration.ofMillis(20),
                Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);
        transport = new OkHttpTransport(s);
        List<SourcesConfig.Board> boards = Stream.of(slugs).map(b -> new SourcesConfig.Board(b, "Acme " + b, null)).toList();
        return runner.fetch(List.of(api.adapter(server.baseUrl(), boards, new Fetcher(transport, s))));
    }

    private Lander.BoardResult board(Runner.FetchResult r, String slug) {
        return r.boards().stream().filter(b -> b.board().equals(slug)).findFirst().orElseThrow();
    }

    private long raw(String source) {
        return db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE source = ?", source));
    }

    private String fetchStatus(String slug) {
        return db.read(c -> Jdbc.one(c, "SELECT status FROM fetch_runs WHERE board = ? ORDER BY id DESC",
                rs -> rs.getString(1), slug));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aBoardLandsEveryPostingAndIdentifiesItsRequests(ApiFixture api) {
        api.serveBoard(server, "acme", 3);
        Runner.FetchResult r = fetch(api, "acme");
        assertThat(board(r, "acme").error()).isNull();
        assertThat(board(r, "acme").counts().fresh()).isEqualTo(3);
        assertThat(raw(api.source())).isEqualTo(3);
        assertThat(fetchStatus("acme")).isEqualTo("ok");
        assertThat(server.requests()).allSatisfy(req -> assertThat(req.header("User-Agent")).startsWith("jobintel/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void anUnknownBoardFailsAloneAndTheOthersAreFetched(ApiFixture api) {
        api.serveBoard(server, "good", 2);
        server.on(api.boardPath("gone"), Reply.status(404, "{\"status\":404,\"error\":\"Not Found\"}"));
        Runner.FetchResult r = fetch(api, "gone", "good");
        assertThat(board(r, "gone").error()).contains("404");
        assertThat(board(r, "good").counts().fresh()).isEqualTo(2);
        assertThat(fetchStatus("gone")).isEqualTo("failed");
        Integer http = db.read(c -> Jdbc.one(c, "SELECT http_status FROM fetch_runs WHERE board = 'gone'",
                rs -> Jdbc.getInt(rs, "http_status")));
        assertThat(http).isEqualTo(404);
        assertThat(server.hits(api.boardPath("gone"))).as("a 404 is not retried").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rateLimitedWithRetryAfterThenServed(ApiFixture api) {
        api.serveBoard(server, "acme", 2);
        LocalServer.Reply ok = capture(api, "acme");
        server.on(api.boardPath("acme"), Reply.status(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "1"), ok);
        long t0 = System.nanoTime();
        Runner.FetchResult r = fetch(api, "acme");
        assertThat(board(r, "acme").error()).isNull();
        assertThat(board(r, "acme").counts().fresh()).isEqualTo(2);
        assertThat(System.nanoTime() - t0).as("Retry-After was honoured").isGreaterThanOrEqualTo(900_000_000L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aServerErrorIsRetried(ApiFixture api) {
        api.serveBoard(server, "acme", 2);
        LocalServer.Reply ok = capture(api, "acme");
        server.on(api.boardPath("acme"), Reply.status(500, "oops"), Reply.status(503, "busy"), ok);
        Runner.FetchResult r = fetch(api, "acme");
        assertThat(board(r, "acme").error()).isNull();
        assertThat(raw(api.source())).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aHangingServerTimesOutAndTheBoardFails(ApiFixture api) {
        api.serveBoard(server, "acme", 2);
        LocalServer.Reply ok = capture(api, "acme");
        server.on(api.boardPath("acme"), ok.hanging());
        api.serveBoard(server, "other", 1);
        // A short read timeout: the hang is waited out on each of the three attempts.
        Runner.FetchResult r = fetch(api, Duration.ofMillis(250), "acme", "other");
        assertThat(board(r, "acme").error()).contains("timed out");
        assertThat(board(r, "other").counts().fresh()).isEqualTo(1);
        assertThat(raw(api.source())).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void malformedJsonIsARejectAndABoardError(ApiFixture api) {
        server.on(api.boardPath("acme"), Reply.json("{\"jobs\": [ {\"id\": 1, \"title\": \"Broken"));
        Runner.FetchResult r = fetch(api, "acme");
        // The error says which address sent the body, and the run records that it came with 200.
        assertThat(board(r, "acme").error()).containsIgnoringCase("malformed").contains(api.boardPath("acme"))
                .contains("HTTP 200");
        assertThat(board(r, "acme").rejected()).isEqualTo(1);
        Integer http = db.read(c -> Jdbc.one(c, "SELECT http_status FROM fetch_runs WHERE board = 'acme'",
                rs -> Jdbc.getInt(rs, "http_status")));
        assertThat(http).isEqualTo(200);
        String reason = db.read(c -> Jdbc.one(c, "SELECT reason FROM rejects", rs -> rs.getString(1)));
        assertThat(reason).isEqualTo("malformed_body");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void incident25AnHtmlChallengePageIsNeverAPosting(ApiFixture api) {
        server.on(api.boardPath("acme"), Reply.json("<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                + "<body>Checking your browser before accessing. Please enable JavaScript and cookies.</body></html>")
                .withContentType("text/html"));
        Runner.FetchResult r = fetch(api, "acme");
        assertThat(board(r, "acme").error()).contains("HTML page");
        assertThat(raw(api.source())).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void jsonServedAsHtmlContentTypeStillParses(ApiFixture api) {
        api.serveBoard(server, "acme", 2);
        server.on(api.boardPath("acme"), capture(api, "acme").withContentType("text/html; charset=utf-8"));
        assertThat(board(fetch(api, "acme"), "acme").counts().fresh()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void anEmptyBoardIsCompleteAndLandsNothing(ApiFixture api) {
        server.on(api.boardPath("acme"), Reply.json(api.emptyBody()));
        Runner.FetchResult r = fetch(api, "acme");
        assertThat(board(r, "acme").error()).isNull();
        assertThat(board(r, "acme").counts().seen()).isZero();
        assertThat(fetchStatus("acme")).isEqualTo("ok");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aHugeBoardOfTenThousandPostingsArrivesWhole(ApiFixture api) {
        api.serveBoard(server, "huge", 10_000);
        Runner.FetchResult r = fetch(api, "huge");
        assertThat(board(r, "huge").error()).isNull();
        assertThat(raw(api.source())).isEqualTo(10_000);
    }

    /** The reply the fixture scripted for a board's first request, to replay it after an error. */
    private LocalServer.Reply capture(ApiFixture api, String slug) {
        return server.scripted(api.boardPath(slug));
    }
}
