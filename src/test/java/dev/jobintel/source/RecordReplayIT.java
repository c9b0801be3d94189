package dev.jobintel.source;

import dev.jobintel.config.SourcesConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Lander;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.source.greenhouse.GreenhouseFixture;
import dev.jobintel.source.greenhouse.GreenhouseSource;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.source.http.HttpSettings;
import dev.jobintel.source.http.OkHttpTransport;
import dev.jobintel.source.http.Recording;
import dev.jobintel.source.http.RecordingTransport;
import dev.jobintel.source.http.ReplayTransport;
import dev.jobintel.source.http.Transport;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fetch --record DIR} against a server speaking the Greenhouse API, then {@code --replay DIR} without it. */
class RecordReplayIT {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-20T08:00:00Z");
    private final HttpSettings settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 3,
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);
    private final List<AutoCloseable> open = new ArrayList<>();
    private LocalServer server;
    private OkHttpTransport http;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        http = new OkHttpTransport(settings);
        server.on(board("acme"), Reply.json(GreenhouseFixture.body("acme", 5)));
        server.on(board("globex"), Reply.json(GreenhouseFixture.body("globex", 3)));
        server.on(board("gone"), Reply.status(404, "{\"status\":404,\"error\":\"Not Found\"}"));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        http.close();
        server.close();
    }

    private static String board(String slug) {
        return "/v1/boards/" + slug + "/jobs";
    }

    /** One fetch of the boards through {@code transport} into the database in {@code sub}. */
    private Runner.FetchResult fetch(String sub, Transport transport, String... slugs) throws IOException {
        Path d = Files.createDirectories(dir.resolve(sub));
        Context ctx = Fixtures.context(d, clock, 100);
        Database db = ctx.openDatabase();
        Runner runner = new Runner(ctx, db, false);
        open.add(db);
        open.add(0, runner);
        runner.prepare();
        List<SourcesConfig.Board> boards = Stream.of(slugs).map(b -> new SourcesConfig.Board(b, "Acme " + b, null)).toList();
        return runner.fetch(List.of(new GreenhouseSource(new SourcesConfig.BoardSource(server.baseUrl(), null, null, boards),
                new Fetcher(transport, settings), 4)));
    }

    private List<String> postings(String sub) {
        try (Database db = Database.open(Fixtures.sqliteUrl(dir.resolve(sub)), null)) {
            // The content hash covers the description and every hint; the job hash the place resolved.
            return db.read(c -> Jdbc.query(c, "SELECT board || ' ' || source_job_id || ' ' || title || ' ' || "
                    + "coalesce(location_text, '') || ' ' || content_hash || ' ' || job_hash || ' ' || "
                    + "coalesce(posted_at, 0) FROM raw_postings ORDER BY board, source_job_id", rs -> rs.getString(1)));
        }
    }

    @Test
    void aRecordedFetchReplaysToTheSamePostingsWithTheServerGone() throws Exception {
        Path rec = dir.resolve("rec");
        Runner.FetchResult recorded = fetch("live", new RecordingTransport(http, new Recording(rec)), "acme", "globex", "gone");
        assertThat(recorded.total().fresh()).isEqualTo(8);
        assertThat(recorded.failedBoards()).isEqualTo(1);

        // Every body is kept byte for byte as the server sent it, the 404 included.
        List<String> saved = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rec)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".body")).toList()) {
                saved.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertThat(saved).containsExactlyInAnyOrder(GreenhouseFixture.body("acme", 5), GreenhouseFixture.body("globex", 3),
                "{\"status\":404,\"error\":\"Not Found\"}");

        server.close();
        Runner.FetchResult replayed = fetch("replayed", new ReplayTransport(new Recording(rec)), "acme", "globex", "gone");
        assertThat(replayed.total().fresh()).isEqualTo(8);
        assertThat(replayed.boards()).filteredOn(b -> b.board().equals("gone")).singleElement()
                .satisfies(b -> assertThat(b.error()).contains("not found (HTTP 404)"));
        assertThat(postings("replayed")).hasSize(8).isEqualTo(postings("live"));
    }

    @Test
    void aRecordingMadeAgainWhereABoardGotNoAnswerReplaysThatFailureNotTheEarlierRecordingsPostings() throws Exception {
        Path rec = dir.resolve("rec");
        assertThat(fetch("first", new RecordingTransport(http, new Recording(rec)), "acme").total().fresh()).isEqualTo(5);
        // Recorded again into the same directory with the board unreachable: the run failed it.
        server.close();
        Runner.FetchResult again = fetch("second", new RecordingTransport(http, new Recording(rec)), "acme");
        assertThat(again.failedBoards()).isEqualTo(1);

        // The replay is of the run that recorded last: the board failed there, so it fails here, and the
        // postings the earlier recording held are not served as what the board listed.
        Runner.FetchResult replayed = fetch("replayed", new ReplayTransport(new Recording(rec)), "acme");
        assertThat(replayed.failedBoards()).isEqualTo(1);
        assertThat(replayed.total().fresh()).isZero();
        assertThat(postings("replayed")).isEmpty();
    }

    @Test
    void aBoardTooLargeToHoldInMemoryIsRecordedByStreamingAndReplaysTheSame() throws Exception {
        // Past the size a body is kept in memory for (4 MB): streamed to the recording instead.
        String big = GreenhouseFixture.body("big", 8_000);
        assertThat(big.length()).isGreaterThan(4 << 20);
        server.on(board("big"), Reply.json(big));
        Path rec = dir.resolve("rec");
        Runner.FetchResult recorded = fetch("live", new RecordingTransport(http, new Recording(rec)), "big");
        assertThat(recorded.total().fresh()).isEqualTo(8_000);
        List<Path> bodies;
        try (Stream<Path> files = Files.walk(rec)) {
            bodies = files.filter(f -> f.toString().endsWith(".body")).toList();
        }
        assertThat(bodies).singleElement().satisfies(f -> assertThat(Files.readString(f)).isEqualTo(big));
        server.close();
        assertThat(fetch("replayed", new ReplayTransport(new Recording(rec)), "big").total().fresh()).isEqualTo(8_000);
    }

    @Test
    void aCredentialTheServerEchoesIntoItsBodyIsNotRecorded() throws Exception {
        // A small answer, and one past the size kept in memory (streamed to the recording).
        server.on("/echo", req -> Reply.status(401, "{\"error\":\"bad app_key in " + req.uri().getRawQuery() + "\"}"));
        server.on("/echo-big", req -> Reply.status(401, "{\"error\":\"bad app_key in " + req.uri().getRawQuery() + "\", "
                + "\"padding\":\"" + "x".repeat(5 << 20) + "\", \"again\":\"" + req.uri().getRawQuery() + "\"}"));
        Path rec = dir.resolve("rec");
        for (String path : List.of("/echo", "/echo-big")) {
            java.net.URI uri = java.net.URI.create(server.baseUrl() + path + "?app_id=my-app-id&app_key=my-secret-key%2B1");
            RecordingTransport t = new RecordingTransport(http, new Recording(rec));
            try (Transport.Exchange ex = t.get(uri, java.util.Map.of())) {
                assertThat(new String(ex.body().readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("my-secret-key");
            }
        }
        try (Stream<Path> files = Files.walk(rec)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("my-secret-key").doesNotContain("my-app-id");
            }
        }
    }

    @Test
    void aRecordingWhoseBodyIsALinkIsNotReplayed() throws Exception {
        Path rec = dir.resolve("rec");
        fetch("live", new RecordingTransport(http, new Recording(rec)), "acme");
        Path body;
        try (Stream<Path> files = Files.walk(rec)) {
            body = files.filter(f -> f.toString().endsWith(".body")).findFirst().orElseThrow();
        }
        Path elsewhere = Files.writeString(dir.resolve("private.txt"), "not a response");
        Files.delete(body);
        Files.createSymbolicLink(body, elsewhere);
        Lander.BoardResult acme = fetch("replayed", new ReplayTransport(new Recording(rec)), "acme").boards().get(0);
        assertThat(acme.error()).contains("symbolic link");
        try (Database db = Database.open(Fixtures.sqliteUrl(dir.resolve("replayed")), null)) {
            long kept = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM rejects WHERE payload LIKE '%not a response%'"));
            assertThat(kept).isZero();
        }
    }

    @Test
    void aResponseThatCannotBeSavedFailsItsBoardOnceWithThatReasonNotAsAConnectionFailure() throws Exception {
        Path rec = Files.createDirectories(dir.resolve("rec"));
        // The host's directory cannot be made: a file holds its name (as a full disk would refuse the write).
        Files.writeString(rec.resolve("127.0.0.1"), "in the way");
        Runner.FetchResult r = fetch("live", new RecordingTransport(http, new Recording(rec)), "acme");
        Lander.BoardResult acme = r.boards().get(0);
        assertThat(acme.complete()).isFalse();
        assertThat(acme.error()).contains("could not save the response to the recording").doesNotContain("connection failed");
        assertThat(server.hits(board("acme"))).as("not retried: the server is not at fault").isEqualTo(1);
    }

    @Test
    void aDamagedRecordingFailsItsBoardsSayingWhichFileNotAsAConnectionFailure() throws Exception {
        Path rec = dir.resolve("rec");
        fetch("live", new RecordingTransport(http, new Recording(rec)), "acme", "globex");
        List<Path> metas;
        try (Stream<Path> files = Files.walk(rec)) {
            metas = files.filter(f -> f.toString().endsWith(".meta.json")).sorted().toList();
        }
        assertThat(metas).hasSize(2);
        Files.writeString(metas.get(0), "{broken");
        Path body = metas.get(1).resolveSibling(metas.get(1).getFileName().toString().replace(".meta.json", ".body"));
        Files.delete(body);

        server.close();
        Runner.FetchResult r = fetch("replayed", new ReplayTransport(new Recording(rec)), "acme", "globex");
        assertThat(r.failedBoards()).isEqualTo(2);
        assertThat(r.boards()).extracting(Lander.BoardResult::error).allSatisfy(e -> assertThat(e)
                .doesNotContain("connection failed").doesNotContain("REDACTED"));
        assertThat(r.boards()).extracting(Lander.BoardResult::error).anySatisfy(e -> assertThat(e)
                .contains("the recording's " + metas.get(0) + " is not valid JSON (line 1"));
        assertThat(r.boards()).extracting(Lander.BoardResult::error).anySatisfy(e -> assertThat(e)
                .contains("but no " + body));
    }
}
