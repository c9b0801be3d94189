package dev.jobintel.source.lever;

import dev.jobintel.config.SourcesConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Lander;
import dev.jobintel.pipeline.Runner;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lever's paging against a real HTTP server on loopback: pages until a short one, every
 * posting landed once, a server that ignores {@code skip} or never stops paging cannot loop
 * the fetch forever (incident 24), and EU sites go to the EU host.
 */
class LeverSourceIT {

    @TempDir
    Path dir;

    private LocalServer server;
    private LocalServer euServer;
    private MutableClock clock;
    private Database db;
    private Runner runner;
    private OkHttpTransport transport;
    private final HttpSettings settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 3,
            Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        euServer = new LocalServer();
        clock = MutableClock.at("2026-11-20T08:00:00Z");
        Context ctx = Fixtures.context(dir, clock, 500);
        db = ctx.openDatabase();
        runner = new Runner(ctx, db, false);
        runner.prepare();
        transport = new OkHttpTransport(settings);
    }

    @AfterEach
    void stop() {
        server.close();
        euServer.close();
        db.close();
        transport.close();
    }

    private Runner.FetchResult fetch(Integer pageSize, SourcesConfig.Board... boards) {
        LeverSource source = new LeverSource(new SourcesConfig.BoardSource(server.baseUrl(), euServer.baseUrl(), pageSize,
                List.of(boards)), new Fetcher(transport, settings), 4);
        return runner.fetch(List.of(source));
    }

    private static SourcesConfig.Board board(String slug) {
        return new SourcesConfig.Board(slug, "Acme " + slug, null);
    }

    private static Lander.BoardResult result(Runner.FetchResult r, String slug) {
        return r.boards().stream().filter(b -> b.board().equals(slug)).findFirst().orElseThrow();
    }

    private long raw(String board) {
        return db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE source = 'lever' AND board = ?", board));
    }

    private String fetchStatus(String slug) {
        return db.read(c -> Jdbc.one(c, "SELECT status FROM fetch_runs WHERE board = ? ORDER BY id DESC",
                rs -> rs.getString(1), slug));
    }

    private List<String> queries(LocalServer s) {
        return s.requests().stream().map(r -> r.uri().getRawQuery()).toList();
    }

    @Test
    void pagesAreReadUntilAShortPageAndEveryPostingLandsOnce() {
        new LeverFixture().serveBoard(server, "acme", 8);
        Runner.FetchResult r = fetch(3, board("acme"));
        assertThat(result(r, "acme").error()).isNull();
        assertThat(result(r, "acme").complete()).isTrue();
        assertThat(result(r, "acme").counts().fresh()).isEqualTo(8);
        assertThat(raw("acme")).isEqualTo(8);
        assertThat(fetchStatus("acme")).isEqualTo("ok");
        // Each page after the first starts on the last posting of the one before.
        assertThat(queries(server)).containsExactly("mode=json&skip=0&limit=3", "mode=json&skip=2&limit=3",
                "mode=json&skip=4&limit=3", "mode=json&skip=6&limit=3");
    }

    @Test
    void aBoardThatEndsOnAFullPageEndsOnThePageOfItsLastPostingAlone() {
        new LeverFixture().serveBoard(server, "acme", 5);
        Runner.FetchResult r = fetch(3, board("acme"));
        assertThat(result(r, "acme").error()).isNull();
        assertThat(raw("acme")).isEqualTo(5);
        assertThat(queries(server)).containsExactly("mode=json&skip=0&limit=3", "mode=json&skip=2&limit=3",
                "mode=json&skip=4&limit=3");
        assertThat(fetchStatus("acme")).isEqualTo("ok");
    }

    @Test
    void thePageSizeDefaultsToOneHundred() {
        new LeverFixture().serveBoard(server, "acme", 150);
        Runner.FetchResult r = fetch(null, board("acme"));
        assertThat(result(r, "acme").counts().fresh()).isEqualTo(150);
        assertThat(queries(server)).containsExactly("mode=json&skip=0&limit=100", "mode=json&skip=99&limit=100");
    }

    @Test
    void postingsShiftedOntoTheNextPageMidFetchAreLandedOnce() {
        // A posting added ahead while paging pushes page 2 back by one: it repeats two postings.
        server.on("/v0/postings/acme", req -> switch (LeverFixture.param(req, "skip", 0)) {
            case 0 -> Reply.json(LeverFixture.body("acme", 0, 3));
            case 2 -> Reply.json(LeverFixture.body("acme", 1, 3));
            default -> Reply.json(LeverFixture.body("acme", 3, 2));
        });
        Runner.FetchResult r = fetch(3, board("acme"));
        assertThat(result(r, "acme").error()).isNull();
        assertThat(result(r, "acme").complete()).isTrue();
        assertThat(result(r, "acme").counts().seen()).isEqualTo(5);
        assertThat(raw("acme")).isEqualTo(5);
    }

    @Test
    void aPostingRemovedAheadWhilePagingClosesNothing() {
        new LeverFixture().serveBoard(server, "acme", 6);
        assertThat(result(fetch(3, board("acme")), "acme").complete()).isTrue();
        clock.advance(Duration.ofHours(6));

        // The first posting goes after page 1 was served: what was at skip 3 is now at skip 2, so
        // read without the overlap, posting 3 would be on no page and a complete fetch would close it.
        server.on("/v0/postings/acme", req -> switch (LeverFixture.param(req, "skip", 0)) {
            case 0 -> Reply.json(LeverFixture.body("acme", 0, 3));
            case 2 -> Reply.json(LeverFixture.body("acme", 3, 3));
            default -> Reply.json(LeverFixture.body("acme", 5, 1));
        });
        Lander.BoardResult b = result(fetch(3, board("acme")), "acme");

        assertThat(b.complete()).isFalse();
        assertThat(b.error()).contains("the listing changed while it was read");
        assertThat(b.counts().seen()).isEqualTo(6);
        assertThat(b.closed()).isZero();
        assertThat(fetchStatus("acme")).isEqualTo("partial");
        long closed = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE closed_at IS NOT NULL"));
        assertThat(closed).isZero();
    }

    @Test
    void aRepeatedIdOnAPageOfTwoIsProgressNotAServerThatIgnoresSkip() {
        // Page size 2: the page after the first holds the overlap and the posting under a repeated id.
        java.util.function.IntFunction<String> page = skip -> LeverFixture.body("acme", skip, Math.min(2, 4 - skip))
                .replace(LeverFixture.id("acme", 2), LeverFixture.id("acme", 0));
        server.on("/v0/postings/acme", req -> Reply.json(page.apply(LeverFixture.param(req, "skip", 0))));

        Lander.BoardResult b = result(fetch(2, board("acme")), "acme");

        assertThat(b.error()).isNull();
        assertThat(b.complete()).isTrue();
        assertThat(b.counts().seen()).as("0, 1 and 3; the other under 0's id is a reject").isEqualTo(3);
        assertThat(b.rejected()).isEqualTo(1);
    }

    @Test
    void anotherPostingUnderAnIdAlreadyServedIsARepeatedIdReject() {
        // The fifth posting comes under the first one's id.
        java.util.function.IntFunction<String> page = skip -> LeverFixture.body("acme", skip, Math.min(3, 5 - skip))
                .replace(LeverFixture.id("acme", 4), LeverFixture.id("acme", 0));
        server.on("/v0/postings/acme", req -> Reply.json(page.apply(LeverFixture.param(req, "skip", 0))));

        Lander.BoardResult b = result(fetch(3, board("acme")), "acme");

        assertThat(b.complete()).isTrue();
        assertThat(b.counts().seen()).isEqualTo(4);
        assertThat(b.rejected()).isEqualTo(1);
        long rejects = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM rejects WHERE reason = 'repeated_id'"));
        assertThat(rejects).isEqualTo(1);
    }

    @Test
    void incident24AServerThatIgnoresSkipEndsTheFetchAndClosesNothing() {
        new LeverFixture().serveBoard(server, "loop", 5);
        assertThat(result(fetch(3, board("loop")), "loop").counts().fresh()).isEqualTo(5);
        assertThat(fetchStatus("loop")).isEqualTo("ok");
        clock.advance(Duration.ofHours(6));

        // Now the server answers the first page to every request, whatever the skip.
        server.on("/v0/postings/loop", Reply.json(LeverFixture.body("loop", 0, 3)));
        int before = server.requests().size();
        Runner.FetchResult r = fetch(3, board("loop"));
        Lander.BoardResult b = result(r, "loop");
        assertThat(server.requests().size() - before).as("one repeated page, then stop").isEqualTo(2);
        assertThat(b.counts().seen()).as("each posting once").isEqualTo(3);
        assertThat(b.error()).contains("ignores skip").contains("each landed once");
        assertThat(b.closed()).as("the two postings it never showed stay open").isZero();
        assertThat(fetchStatus("loop")).isEqualTo("partial");
        long closed = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE closed_at IS NOT NULL"));
        assertThat(closed).isZero();
    }

    @Test
    void aServerThatNeverStopsPagingIsCutOffAtTheHardCap() {
        // Every page holds a posting never seen before: only the cap ends this. The padding
        // (JSON whitespace) is for speed: a response under one loopback segment stalls ~40 ms
        // on Nagle and delayed ACKs in the JDK server, and a thousand of them would take a minute.
        String padding = " ".repeat(70_000);
        server.on("/v0/postings/endless",
                req -> Reply.json(LeverFixture.body("endless", LeverFixture.param(req, "skip", 0), 2) + padding));
        Runner.FetchResult r = fetch(2, board("endless"));
        Lander.BoardResult b = result(r, "endless");
        assertThat(server.requests()).hasSize(LeverSource.MAX_PAGES);
        assertThat(b.complete()).isFalse();
        assertThat(b.error()).contains("stopped after 1000 pages").contains("incomplete");
        assertThat(raw("endless")).as("two on the first page, one more on each after").isEqualTo(LeverSource.MAX_PAGES + 1);
        assertThat(fetchStatus("endless")).isEqualTo("partial");
    }

    @Test
    void aPageThatFailsKeepsThePostingsReadBeforeIt() {
        new LeverFixture().serveBoard(server, "acme", 8);
        server.on("/v0/postings/acme?mode=json&skip=2&limit=3", Reply.status(500, "oops"));
        Runner.FetchResult r = fetch(3, board("acme"));
        assertThat(result(r, "acme").error()).contains("500");
        assertThat(result(r, "acme").complete()).isFalse();
        assertThat(raw("acme")).isEqualTo(3);
        assertThat(fetchStatus("acme")).isEqualTo("partial");
    }

    @Test
    void aMalformedLaterPageNamesThePage() {
        new LeverFixture().serveBoard(server, "acme", 8);
        server.on("/v0/postings/acme?mode=json&skip=2&limit=3", Reply.json("[{\"id\":\"x\",\"text\":\"Bro"));
        Runner.FetchResult r = fetch(3, board("acme"));
        assertThat(result(r, "acme").error()).contains("malformed").contains("page 2 (skip=2)");
        assertThat(result(r, "acme").rejected()).isEqualTo(1);
        assertThat(raw("acme")).isEqualTo(3);
    }

    @Test
    void euSitesGoToTheEuHostAndOthersToTheGlobalOne() {
        new LeverFixture().serveBoard(euServer, "euco", 2);
        new LeverFixture().serveBoard(server, "usco", 1);
        Runner.FetchResult r = fetch(null, new SourcesConfig.Board("euco", "EU Co", "EU"), board("usco"));
        assertThat(result(r, "euco").error()).isNull();
        assertThat(result(r, "euco").counts().fresh()).isEqualTo(2);
        assertThat(result(r, "usco").counts().fresh()).isEqualTo(1);
        assertThat(euServer.requests()).extracting(q -> q.uri().getPath()).containsExactly("/v0/postings/euco");
        assertThat(server.requests()).extracting(q -> q.uri().getPath()).containsExactly("/v0/postings/usco");
    }

    @Test
    void anUnknownSiteAnsweredWithAnEmptyArrayIsAnEmptyCompleteBoard() {
        server.on("/v0/postings/nobody", Reply.json("[]"));
        Runner.FetchResult r = fetch(null, board("nobody"));
        assertThat(result(r, "nobody").error()).isNull();
        assertThat(result(r, "nobody").complete()).isTrue();
        assertThat(result(r, "nobody").counts().seen()).isZero();
        assertThat(fetchStatus("nobody")).isEqualTo("ok");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anUnknownSiteAnswered404IsABoardError() {
        server.on("/v0/postings/nobody", Reply.status(404, "{\"ok\":false,\"error\":\"Document not found\"}"));
        Runner.FetchResult r = fetch(null, board("nobody"));
        assertThat(result(r, "nobody").error()).contains("404");
        assertThat(fetchStatus("nobody")).isEqualTo("failed");
    }
}
