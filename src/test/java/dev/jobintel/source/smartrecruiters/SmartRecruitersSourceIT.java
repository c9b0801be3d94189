package dev.jobintel.source.smartrecruiters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Lander;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.source.JsonStream;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SmartRecruiters beyond the common adapter contract: paging, one detail call per posting the listing
 * shows new or changed (none for one stored unchanged), a detail that keeps failing (a new posting lands
 * anyway, a stored one keeps its text, the run ends partial and yet closes what the whole listing no
 * longer has), and servers that would page forever or serve less than they announce.
 */
class SmartRecruitersSourceIT {

    private static final String BOARD = "acme";
    private static final HttpSettings HTTP = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 3,
            Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);

    @TempDir
    Path dir;

    private LocalServer server;
    private Database db;
    private Runner runner;
    private MutableClock clock;
    private OkHttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        clock = MutableClock.at("2026-11-20T08:00:00Z");
        Context ctx = Fixtures.context(dir, clock, 500);
        db = ctx.openDatabase();
        runner = new Runner(ctx, db, false);
        runner.prepare();
        transport = new OkHttpTransport(HTTP);
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
        transport.close();
    }

    private Lander.BoardResult fetch(int pageSize) {
        return fetch(pageSize, SmartRecruitersSource.MAX_PAGES);
    }

    private Lander.BoardResult fetch(int pageSize, int maxPages) {
        return fetch(pageSize, maxPages, false);
    }

    /** Never drawing an unchanged posting for a refresh, so that the detail calls can be counted. */
    private Lander.BoardResult fetch(int pageSize, int maxPages, boolean everyDetail) {
        SmartRecruitersSource source = new SmartRecruitersSource(new SourcesConfig.BoardSource(server.baseUrl(), null,
                pageSize, List.of(new SourcesConfig.Board(BOARD, "Acme", null))), new Fetcher(transport, HTTP), 2, maxPages,
                everyDetail, 0);
        Runner.FetchResult r = runner.fetch(List.of(source));
        return r.boards().stream().filter(b -> b.board().equals(BOARD)).findFirst().orElseThrow();
    }

    private long count(String sql) {
        return db.read(c -> Jdbc.one(c, sql, rs -> rs.getLong(1)));
    }

    /** Description of every landed posting, by source_job_id. */
    private Map<String, String> descriptions() {
        return db.read(c -> Jdbc.query(c, "SELECT r.source_job_id, t.description FROM raw_postings r "
                        + "JOIN posting_texts t ON t.posting_id = r.id WHERE r.source = 'smartrecruiters'",
                rs -> Map.entry(rs.getString(1), rs.getString(2))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private String lastRun(String column) {
        return db.read(c -> Jdbc.one(c, "SELECT " + column + " FROM fetch_runs WHERE board = ? ORDER BY id DESC",
                rs -> rs.getString(1), BOARD));
    }

    /** The offset a list request asks for. */
    private static int offset(LocalServer.Request req) {
        return Integer.parseInt(req.uri().getQuery().replaceAll(".*offset=(\\d+).*", "$1"));
    }

    private List<String> listOffsets() {
        return server.requests().stream().filter(r -> r.uri().getPath().equals(new SmartRecruitersFixture().boardPath(BOARD)))
                .map(r -> r.uri().getQuery()).toList();
    }

    @Test
    void everyPageIsReadAndEveryPostingLandsOnceWithItsDetailDescription() {
        new SmartRecruitersFixture().serveBoard(server, BOARD, 8);

        Lander.BoardResult b = fetch(3);

        assertThat(b.error()).isNull();
        assertThat(b.counts().fresh()).isEqualTo(8);
        // Each page after the first starts on the last posting of the one before.
        assertThat(listOffsets()).containsExactly("limit=3&offset=0", "limit=3&offset=2", "limit=3&offset=4",
                "limit=3&offset=6");
        Map<String, String> texts = descriptions();
        assertThat(texts).hasSize(8).containsKeys(SmartRecruitersFixture.id(0), SmartRecruitersFixture.id(7));
        assertThat(texts.values()).allSatisfy(d -> assertThat(d)
                .startsWith("Company Description\n\nAcme acme runs payments for merchants.")
                .contains("Job Description\n\nWe build payment rails in Java and Kafka.", "- Kubernetes")
                .doesNotContain("Qualifications", "<p>", "&#xa0;"));
        for (int i = 0; i < 8; i++) {
            assertThat(server.hits(SmartRecruitersFixture.detailPath(BOARD, SmartRecruitersFixture.id(i)))).isEqualTo(1);
        }
        String url = db.read(c -> Jdbc.one(c, "SELECT url FROM raw_postings WHERE source_job_id = ?", rs -> rs.getString(1),
                SmartRecruitersFixture.id(5)));
        assertThat(url).isEqualTo("https://jobs.smartrecruiters.com/acme/" + SmartRecruitersFixture.id(5) + "-backend-engineer");
        assertThat(lastRun("status")).isEqualTo("ok");
    }

    @Test
    void aDetailThatKeepsFailingLeavesAStoredPostingsTextAndClosesWhatTheWholeListingNoLongerHas() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 5);
        assertThat(fetch(2).counts().fresh()).isEqualTo(5);
        assertThat(lastRun("status")).isEqualTo("ok");
        Map<String, String> hashes = contentHashes();

        // Next day: posting 4 left the board, posting 2 was edited (its list item changed) and its detail
        // answers 500 on every attempt.
        clock.advance(Duration.ofDays(1));
        server.close();
        server = newServer();
        api.serveBoard(server, BOARD, 4);
        String broken = SmartRecruitersFixture.id(2);
        server.on(api.boardPath(BOARD), req -> Reply.json(SmartRecruitersFixture.page(4, offset(req), 2,
                i -> edited(i, 2))));
        server.on(SmartRecruitersFixture.detailPath(BOARD, broken), Reply.status(500, "{\"message\":\"oops\"}"));

        Lander.BoardResult b = fetch(2);

        assertThat(server.hits(SmartRecruitersFixture.detailPath(BOARD, broken))).as("retried").isEqualTo(3);
        assertThat(detailHits()).as("only the edited posting is read in detail").isEqualTo(3);
        assertThat(b.complete()).as("the listing was read whole").isTrue();
        assertThat(b.error()).startsWith("1 of 1 detail calls failed: ").contains("500", broken);
        // The listing, not the details, says which postings the board has: one broken detail does not keep
        // posting 4 open forever. The run still says what failed.
        assertThat(b.closed()).as("the posting the whole listing no longer has").isEqualTo(1);
        assertThat(lastRun("status")).isEqualTo("partial");
        assertThat(lastRun("error")).startsWith("1 of 1 detail calls failed").contains(broken);
        assertThat(lastRun("closed_count")).isEqualTo("1");
        assertThat(closed()).containsExactly(SmartRecruitersFixture.id(4));

        // The failed detail's posting keeps the text it had: not emptied, not counted as changed.
        Map<String, String> texts = descriptions();
        assertThat(texts.get(broken)).contains("We build payment rails");
        assertThat(b.counts().updated()).isZero();
        assertThat(texts.get(SmartRecruitersFixture.id(0))).contains("We build payment rails");
        assertThat(texts.get(SmartRecruitersFixture.id(3))).contains("We build payment rails");
        assertThat(contentHashes()).isEqualTo(hashes);
        String title = db.read(c -> Jdbc.one(c, "SELECT title FROM raw_postings WHERE source_job_id = ?",
                rs -> rs.getString(1), broken));
        assertThat(title).isEqualTo("Backend Engineer 2");

        // The day after, its detail answers again: read (its list item still differs from the stored one's).
        clock.advance(Duration.ofDays(1));
        server.close();
        server = newServer();
        api.serveBoard(server, BOARD, 4);
        server.on(api.boardPath(BOARD), req -> Reply.json(SmartRecruitersFixture.page(4, offset(req), 2,
                i -> edited(i, 2))));
        Lander.BoardResult healed = fetch(2);
        assertThat(healed.error()).isNull();
        assertThat(detailHits()).isEqualTo(1);
        assertThat(lastRun("status")).isEqualTo("ok");
    }

    @Test
    void aListingCutShortClosesNothingEvenWithEveryDetailRead() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 6);
        assertThat(fetch(3).counts().fresh()).isEqualTo(6);
        clock.advance(Duration.ofDays(1));
        // The second page fails with a 500 on every attempt, and one detail of the first page fails too.
        server.on(api.boardPath(BOARD), req -> offset(req) == 0
                ? Reply.json(SmartRecruitersFixture.page(6, 0, 3, i -> edited(i, 1)))
                : Reply.status(500, "{}"));
        server.on(SmartRecruitersFixture.detailPath(BOARD, SmartRecruitersFixture.id(1)), Reply.status(404, "{}"));

        Lander.BoardResult b = fetch(3);

        assertThat(b.complete()).isFalse();
        assertThat(b.closed()).as("incident 23: a listing that failed closes nothing").isZero();
        assertThat(lastRun("status")).isEqualTo("partial");
        assertThat(closed()).isEmpty();
    }

    @Test
    void aSecondFetchReadsInDetailOnlyWhatItsListingShowsChanged() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 8);
        assertThat(fetch(3).counts().fresh()).isEqualTo(8);
        assertThat(detailHits()).isEqualTo(8);
        Map<String, String> texts = descriptions();
        Map<String, String> hashes = contentHashes();
        long firstRun = Long.parseLong(lastRun("id"));

        // Next day: posting 5's list item changed (a new name), posting 7 left, the rest are listed as they were.
        clock.advance(Duration.ofDays(1));
        server.close();
        server = newServer();
        api.serveBoard(server, BOARD, 7);
        server.on(api.boardPath(BOARD), req -> Reply.json(SmartRecruitersFixture.page(7, offset(req), 3, i -> {
            ObjectNode item = SmartRecruitersFixture.item(BOARD, i);
            return i == 5 ? item.put("name", "Staff Backend Engineer 5") : item;
        })));

        Lander.BoardResult b = fetch(3);

        assertThat(detailHits()).as("one detail call, for the changed posting").isEqualTo(1);
        assertThat(server.hits(SmartRecruitersFixture.detailPath(BOARD, SmartRecruitersFixture.id(5)))).isEqualTo(1);
        assertThat(b.error()).isNull();
        assertThat(b.complete()).isTrue();
        assertThat(b.counts().updated()).isEqualTo(1);
        assertThat(b.counts().unchanged()).isEqualTo(6);
        assertThat(b.closed()).isEqualTo(1);
        assertThat(closed()).containsExactly(SmartRecruitersFixture.id(7));
        assertThat(lastRun("status")).isEqualTo("ok");
        // Every posting still listed is seen by this fetch, exactly as a full read would mark it.
        long run = Long.parseLong(lastRun("id"));
        assertThat(run).isGreaterThan(firstRun);
        long seenNow = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE last_fetch_run_id = ? "
                + "AND last_seen = ? AND closed_at IS NULL", run, clock.millis()));
        assertThat(seenNow).isEqualTo(7);
        // No description lost, no content hash moved, but the changed posting's.
        Map<String, String> after = descriptions();
        Map<String, String> hashesAfter = contentHashes();
        for (int i = 0; i < 8; i++) {
            String id = SmartRecruitersFixture.id(i);
            assertThat(after.get(id)).isEqualTo(texts.get(id));
            if (i != 5) {
                assertThat(hashesAfter.get(id)).as(id).isEqualTo(hashes.get(id));
            }
        }
        assertThat(hashesAfter.get(SmartRecruitersFixture.id(5))).isNotEqualTo(hashes.get(SmartRecruitersFixture.id(5)));

        // A third fetch of the same listing reads nothing in detail, the changed posting included.
        clock.advance(Duration.ofDays(1));
        int before = detailHits();
        Lander.BoardResult third = fetch(3);
        assertThat(detailHits() - before).isZero();
        assertThat(third.counts().unchanged()).isEqualTo(7);
        assertThat(third.closed()).isZero();
    }

    @Test
    void aPostingStoredWithoutItsDescriptionIsReadAgainThoughListedUnchanged() {
        new SmartRecruitersFixture().serveBoard(server, BOARD, 3);
        String broken = SmartRecruitersFixture.id(1);
        server.on(SmartRecruitersFixture.detailPath(BOARD, broken), Reply.status(404, "{}"));
        Lander.BoardResult first = fetch(100);
        assertThat(first.complete()).isTrue();
        assertThat(first.error()).startsWith("1 of 3 detail calls failed");
        assertThat(descriptions().get(broken)).isEmpty();

        clock.advance(Duration.ofDays(1));
        server.close();
        server = newServer();
        new SmartRecruitersFixture().serveBoard(server, BOARD, 3);
        Lander.BoardResult b = fetch(100);

        assertThat(detailHits()).as("only the posting stored without its description").isEqualTo(1);
        assertThat(server.hits(SmartRecruitersFixture.detailPath(BOARD, broken))).isEqualTo(1);
        assertThat(b.error()).isNull();
        assertThat(descriptions().get(broken)).contains("We build payment rails");
    }

    @Test
    void aRecordingReadsEveryDetailEvenOfPostingsStoredUnchanged() {
        new SmartRecruitersFixture().serveBoard(server, BOARD, 4);
        fetch(100);
        clock.advance(Duration.ofDays(1));
        server.close();
        server = newServer();
        new SmartRecruitersFixture().serveBoard(server, BOARD, 4);

        Lander.BoardResult b = fetch(100, SmartRecruitersSource.MAX_PAGES, true);

        assertThat(detailHits()).isEqualTo(4);
        assertThat(b.counts().unchanged()).isEqualTo(4);
        assertThat(b.error()).isNull();
    }

    @Test
    void aFetchRecordedThroughTheFactoryReadsEveryDetailAndReplaysWithTheServerGone() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 4);
        fetch(100);
        clock.advance(Duration.ofDays(1));
        server.close();
        server = newServer();
        api.serveBoard(server, BOARD, 4);
        var config = dev.jobintel.config.JobintelConfig.DEFAULTS.withSources(new SourcesConfig(null, null, null, null,
                new SourcesConfig.BoardSource(server.baseUrl(), null, 100, List.of(new SourcesConfig.Board(BOARD, "Acme", null))),
                null));
        Path rec = dir.resolve("rec");

        // Every posting is stored unchanged, and yet a recording asks for every detail: it must replay whole.
        try (var factory = dev.jobintel.source.SourceFactory.create(config, rec, (Path) null)) {
            Runner.FetchResult r = runner.fetch(factory.sources(java.util.Set.of(), java.util.Set.of()));
            assertThat(r.boards().get(0).error()).isNull();
        }
        assertThat(detailHits()).isEqualTo(4);

        server.close();
        server = newServer();
        clock.advance(Duration.ofDays(1));
        try (var factory = dev.jobintel.source.SourceFactory.create(config, null, rec)) {
            Runner.FetchResult r = runner.fetch(factory.sources(java.util.Set.of(), java.util.Set.of()), false,
                    factory.replaying());
            assertThat(r.boards().get(0).error()).isNull();
            assertThat(r.boards().get(0).counts().unchanged()).isEqualTo(4);
        }
        assertThat(server.requests()).isEmpty();
        assertThat(descriptions().values()).hasSize(4).allSatisfy(d -> assertThat(d).contains("We build payment rails"));
    }

    @Test
    void contentLandedFromElsewhereIsReadInDetailAgain() {
        new SmartRecruitersFixture().serveBoard(server, BOARD, 2);
        fetch(100);
        // An import (or any landing without a list item) puts other content in: the stored fingerprint no
        // longer names the stored text.
        db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET listing_fingerprint = NULL WHERE source_job_id = ?",
                SmartRecruitersFixture.id(0)));
        clock.advance(Duration.ofDays(1));
        server.close();
        server = newServer();
        new SmartRecruitersFixture().serveBoard(server, BOARD, 2);

        fetch(100);

        assertThat(detailHits()).isEqualTo(1);
        assertThat(server.hits(SmartRecruitersFixture.detailPath(BOARD, SmartRecruitersFixture.id(0)))).isEqualTo(1);
    }

    /** The {@code i}-th list item, with the {@code edited}-th's refNumber changed (an edit the list shows). */
    private static ObjectNode edited(int i, int edited) {
        ObjectNode item = SmartRecruitersFixture.item(BOARD, i);
        return i == edited ? item.put("refNumber", "REF" + i + "-v2") : item;
    }

    /** Detail requests the current server received. */
    private int detailHits() {
        String list = new SmartRecruitersFixture().boardPath(BOARD);
        return (int) server.requests().stream().filter(r -> r.uri().getPath().startsWith(list + "/")).count();
    }

    private Map<String, String> contentHashes() {
        return db.read(c -> Jdbc.query(c, "SELECT source_job_id, content_hash FROM raw_postings",
                rs -> Map.entry(rs.getString(1), rs.getString(2))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<String> closed() {
        return db.read(c -> Jdbc.query(c, "SELECT source_job_id FROM raw_postings WHERE closed_at IS NOT NULL "
                + "ORDER BY source_job_id", rs -> rs.getString(1)));
    }

    @Test
    void aFirstFetchWhoseDetailFailsStillLandsThePosting() {
        new SmartRecruitersFixture().serveBoard(server, BOARD, 3);
        String broken = SmartRecruitersFixture.id(1);
        server.on(SmartRecruitersFixture.detailPath(BOARD, broken), Reply.json("{\"id\": \"" + broken + "\", \"jobAd\":"));

        Lander.BoardResult b = fetch(100);

        assertThat(b.counts().fresh()).isEqualTo(3);
        assertThat(b.error()).startsWith("1 of 3 detail calls failed: malformed detail JSON for posting " + broken);
        assertThat(lastRun("status")).isEqualTo("partial");
        assertThat(descriptions().get(broken)).isEmpty();
        assertThat(descriptions().get(SmartRecruitersFixture.id(2))).contains("We build payment rails");
    }

    @Test
    @Timeout(30)
    void aListServerThatIgnoresOffsetEndsTheFetch() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 10);
        // Always the first page of three, whatever offset is asked for, with ten announced.
        server.on(api.boardPath(BOARD), Reply.json(SmartRecruitersFixture.page(BOARD, 10, 0, 3)));

        Lander.BoardResult b = fetch(3);

        assertThat(server.hits(api.boardPath(BOARD))).isEqualTo(2);
        assertThat(b.counts().seen()).isEqualTo(3);
        assertThat(b.complete()).isFalse();
        assertThat(b.error()).contains("offset 2 repeated only postings already seen");
        assertThat(lastRun("status")).isEqualTo("partial");
        assertThat(server.hits(SmartRecruitersFixture.detailPath(BOARD, SmartRecruitersFixture.id(0))))
                .as("no detail call for a posting seen already").isEqualTo(1);
    }

    @Test
    void aBoardThatServesFewerThanItAnnouncesEndsPartialAndClosesNothing() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 6);
        assertThat(fetch(3).counts().fresh()).isEqualTo(6);
        // Next day the second page comes back empty, with six still announced.
        server.on(api.boardPath(BOARD), req -> {
            boolean first = !req.uri().getRawQuery().contains("offset=") || req.uri().getRawQuery().contains("offset=0");
            return Reply.json(first ? SmartRecruitersFixture.page(BOARD, 6, 0, 3)
                    : "{\"offset\":3,\"limit\":3,\"totalFound\":6,\"content\":[]}");
        });
        Lander.BoardResult b = fetch(3);
        assertThat(b.complete()).isFalse();
        assertThat(b.error()).contains("came back empty though totalFound is 6");
        assertThat(b.closed()).isZero();
    }

    @Test
    void aPostingRemovedAheadWhilePagingClosesNothing() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 4);
        assertThat(fetch(2).complete()).isTrue();
        clock.advance(Duration.ofDays(1));

        // Posting 0 goes once the first page is served: the rest slide back by one, so the page
        // at the next offset no longer starts with posting 1.
        server.on(api.boardPath(BOARD), req -> {
            int offset = offset(req);
            if (offset == 0) {
                return Reply.json(SmartRecruitersFixture.page(BOARD, 4, 0, 2));
            }
            ObjectNode page = (ObjectNode) JsonStream.mapper().valueToTree(Map.of("offset", offset, "limit", 2, "totalFound", 3));
            for (int i = offset + 1; i < Math.min(4, offset + 3); i++) {
                page.withArray("content").add(SmartRecruitersFixture.item(BOARD, i));
            }
            return Reply.json(page.toString());
        });
        Lander.BoardResult b = fetch(2);

        assertThat(b.complete()).isFalse();
        assertThat(b.error()).contains("the listing changed while it was read");
        assertThat(b.counts().seen()).as("posting 2, on no page without the overlap, is seen").isEqualTo(4);
        assertThat(b.closed()).isZero();
        assertThat(lastRun("status")).isEqualTo("partial");
    }

    @Test
    void aServerThatSendsFewerThanAskedIsReadOnFromWhereEachPageEnded() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 8);
        // Asked for five a page, it sends three.
        server.on(api.boardPath(BOARD), req -> {
            int offset = offset(req);
            return Reply.json(SmartRecruitersFixture.page(BOARD, 8, offset, 3));
        });

        Lander.BoardResult b = fetch(5);

        assertThat(b.error()).isNull();
        assertThat(b.complete()).isTrue();
        assertThat(b.counts().fresh()).isEqualTo(8);
        assertThat(listOffsets()).containsExactly("limit=5&offset=0", "limit=5&offset=2", "limit=5&offset=4",
                "limit=5&offset=6");
    }

    @Test
    void aBoardThatEndsBeforeTheTotalItAnnouncesEndsPartialSayingSo() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 5);
        server.on(api.boardPath(BOARD), req -> {
            int offset = offset(req);
            return Reply.json(SmartRecruitersFixture.page(BOARD, 5, offset, 2).replace("\"totalFound\":5", "\"totalFound\":7"));
        });

        Lander.BoardResult b = fetch(2);

        assertThat(b.complete()).isFalse();
        assertThat(b.counts().fresh()).isEqualTo(5);
        assertThat(b.error()).contains("the board ended after 5 postings though totalFound is 7");
    }

    @Test
    void aFullPageThatReachesAnUnderstatedTotalIsReadOnAndClosesNothingStillListed() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 8);
        assertThat(fetch(3).counts().fresh()).isEqualTo(8);
        clock.advance(Duration.ofDays(1));
        // The same eight postings, but totalFound says five: a stale count, not the end of the
        // listing, as the full page at offset 2 shows.
        server.on(api.boardPath(BOARD), req -> Reply.json(SmartRecruitersFixture.page(BOARD, 8, offset(req), 3)
                .replace("\"totalFound\":8", "\"totalFound\":5")));

        Lander.BoardResult b = fetch(3);

        assertThat(b.counts().seen()).isEqualTo(8);
        assertThat(b.closed()).as("postings still listed past the announced total").isZero();
        assertThat(count("SELECT COUNT(*) FROM raw_postings WHERE closed_at IS NOT NULL")).isZero();
    }

    @Test
    void anotherPostingUnderAnIdAlreadyServedIsARepeatedIdReject() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 4);
        // The second page serves posting 3 under posting 1's id.
        server.on(api.boardPath(BOARD), req -> {
            int offset = offset(req);
            String page = SmartRecruitersFixture.page(BOARD, 4, offset, 3);
            return Reply.json(offset == 2 ? page.replace("\"id\":\"" + SmartRecruitersFixture.id(3) + "\"",
                    "\"id\":\"" + SmartRecruitersFixture.id(0) + "\"") : page);
        });

        Lander.BoardResult b = fetch(3);

        assertThat(b.complete()).isTrue();
        assertThat(b.counts().seen()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM rejects WHERE reason = 'repeated_id'")).isEqualTo(1);
        String kept = db.read(c -> Jdbc.one(c, "SELECT title FROM raw_postings WHERE source_job_id = ?", rs -> rs.getString(1),
                SmartRecruitersFixture.id(0)));
        assertThat(kept).as("the first posting under the id is kept").isEqualTo("Senior Backend Engineer 0");
    }

    @Test
    void aPageOfRejectsIsProgressAndPagingGoesOn() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 6);
        // The first page's three postings have no name (rejects); the ones after are fine.
        server.on(api.boardPath(BOARD), req -> {
            int offset = offset(req);
            String page = SmartRecruitersFixture.page(BOARD, 6, offset, 3);
            return Reply.json(page.replaceAll("\"name\":\"(?:Senior )?Backend Engineer [0-2]\"", "\"name\":null"));
        });

        Lander.BoardResult b = fetch(3);

        assertThat(b.counts().seen()).isEqualTo(3);
        assertThat(b.error()).isNull();
        assertThat(b.complete()).isTrue();
        assertThat(count("SELECT count(*) FROM rejects WHERE reason = 'no_title'")).isEqualTo(3);
    }

    @Test
    void pagingStopsAtTheHardCapOfPages() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 50);

        Lander.BoardResult b = fetch(2, 4);

        assertThat(SmartRecruitersSource.MAX_PAGES).isEqualTo(1_000);
        assertThat(server.hits(api.boardPath(BOARD))).isEqualTo(4);
        assertThat(b.counts().fresh()).as("two on the first page, one more on each after").isEqualTo(5);
        assertThat(b.error()).contains("stopped after 4 pages (5 postings)", "totalFound 50");
        assertThat(lastRun("status")).isEqualTo("partial");
    }

    @Test
    void aListWithoutTotalFoundEndsAtTheFirstEmptyPage() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 5);
        server.on(api.boardPath(BOARD), req -> {
            int offset = offset(req);
            return Reply.json(SmartRecruitersFixture.page(BOARD, 5, offset, 3).replace("\"totalFound\":5,", ""));
        });

        Lander.BoardResult b = fetch(3);

        assertThat(b.error()).isNull();
        assertThat(b.counts().fresh()).isEqualTo(5);
        assertThat(listOffsets()).containsExactly("limit=3&offset=0", "limit=3&offset=2", "limit=3&offset=4");
    }

    @Test
    void aListPageThatFailsAfterTheFirstKeepsWhatLandedAndEndsPartial() {
        SmartRecruitersFixture api = new SmartRecruitersFixture();
        api.serveBoard(server, BOARD, 6);
        LocalServer.Reply first = Reply.json(SmartRecruitersFixture.page(BOARD, 6, 0, 3));
        server.on(api.boardPath(BOARD), req -> req.uri().getQuery().contains("offset=0") ? first
                : Reply.status(503, "{\"message\":\"busy\"}"));

        Lander.BoardResult b = fetch(3);

        assertThat(b.counts().fresh()).isEqualTo(3);
        assertThat(b.error()).contains("503");
        assertThat(lastRun("status")).isEqualTo("partial");
    }

    private static LocalServer newServer() {
        try {
            return new LocalServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
