package dev.jobintel.source.adzuna;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Adzuna adapter against a real HTTP server on loopback speaking the documented search
 * layout: full pagination (incident 22), an honest max_results cap, 429, missing credentials,
 * and an app key that never reaches the ledger. Waits are recorded, not slept.
 */
class AdzunaSourceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_ID = "a1b2c3d4";
    private static final String APP_KEY = "k3y-SECRET-0123456789abcdef";
    private static final SourcesConfig.Query SOFTWARE_LONDON = new SourcesConfig.Query("software engineer", "London");

    @TempDir
    Path dir;

    private LocalServer server;
    private Database db;
    private Runner runner;
    private HttpSettings settings;
    private OkHttpTransport transport;
    /** What the quota spacing asked to wait. */
    private final List<Duration> spacing = Collections.synchronizedList(new ArrayList<>());
    /** What the fetcher's retries asked to wait. */
    private final List<Duration> retries = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        Context ctx = Fixtures.context(dir, MutableClock.at("2026-11-20T08:00:00Z"), 500);
        db = ctx.openDatabase();
        runner = new Runner(ctx, db, false);
        runner.prepare();
        settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ofMillis(20),
                Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);
        transport = new OkHttpTransport(settings);
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
        transport.close();
    }

    private Runner.FetchResult fetch(SourcesConfig.Adzuna config, String appId, String appKey) {
        Fetcher fetcher = new Fetcher(transport, settings, retries::add);
        return runner.fetch(List.of(new AdzunaSource(config, fetcher, appId, appKey, spacing::add)));
    }

    private SourcesConfig.Adzuna config(List<String> countries, Integer maxResults) {
        return new SourcesConfig.Adzuna(server.baseUrl(), countries, List.of(SOFTWARE_LONDON), 50, maxResults, 30);
    }

    private static String path(String country, int page) {
        return "/v1/api/jobs/" + country + "/search/" + page;
    }

    /** Scripts the pages of a search with {@code count} results, 50 a page. */
    private void serveSearch(String country, int count) {
        for (int page = 1; (page - 1) * 50 < count; page++) {
            int from = (page - 1) * 50;
            server.on(path(country, page), Reply.json(page(country, from, Math.min(50, count - from), count)));
        }
    }

    /** One search page in the documented layout: __CLASS__ everywhere, string ids, tracking redirect URLs. */
    static String page(String country, int from, int n, long count) {
        ObjectNode root = JSON.createObjectNode();
        root.put("__CLASS__", "Adzuna::API::Response::JobSearchResults");
        root.put("count", count);
        root.put("mean", 61234.5);
        ArrayNode results = root.putArray("results");
        for (int i = from; i < from + n; i++) {
            String id = String.valueOf(4_100_000_000L + i);
            ObjectNode j = results.addObject();
            j.put("__CLASS__", "Adzuna::API::Response::Job");
            j.put("id", id);
            j.put("adref", "eyJhbGciOiJIUzI1NiJ9.eyJpIjo" + i + "fQ.sig");
            j.put("title", "Senior <strong>Software</strong> <strong>Engineer</strong> " + i);
            j.put("description", "Build payment rails in Java and Kafka. Our <strong>software engineers</strong> own "
                    + "services end to end, with PostgreSQL and Kubernetes…");
            j.put("created", "2026-11-0" + (1 + i % 9) + "T09:00:00Z");
            j.put("redirect_url", "https://www.adzuna.co.uk/jobs/land/ad/" + id + "?se=S" + i + "x&utm_medium=api"
                    + "&utm_source=" + APP_ID + "&v=" + Integer.toHexString(i * 7919));
            j.put("salary_min", 60000 + i);
            j.put("salary_max", 80000 + i);
            j.put("salary_is_predicted", i % 2 == 0 ? "0" : "1");
            j.put("contract_time", "full_time");
            j.putObject("company").put("__CLASS__", "Adzuna::API::Response::Company").put("display_name", "Acme " + (i % 7));
            ObjectNode loc = j.putObject("location").put("__CLASS__", "Adzuna::API::Response::Location")
                    .put("display_name", "London, UK");
            loc.putArray("area").add("UK").add("London");
            j.putObject("category").put("__CLASS__", "Adzuna::API::Response::Category").put("label", "IT Jobs")
                    .put("tag", "it-jobs");
        }
        return root.toString();
    }

    private static Lander.BoardResult board(Runner.FetchResult r, String name) {
        return r.boards().stream().filter(b -> b.board().equals(name)).findFirst().orElseThrow();
    }

    private long raw() {
        return db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE source = 'adzuna'"));
    }

    private String fetchRun(String column, String board) {
        return db.read(c -> Jdbc.one(c, "SELECT " + column + " FROM fetch_runs WHERE board = ? ORDER BY id DESC",
                rs -> rs.getString(1), board));
    }

    @Test
    void incident22AQueryIsPagedThroughEveryResult() {
        serveSearch("gb", 237);
        Runner.FetchResult r = fetch(config(List.of("gb"), null), APP_ID, APP_KEY);

        Lander.BoardResult b = board(r, "gb: software engineer @ London");
        assertThat(b.error()).isNull();
        assertThat(b.complete()).isTrue();
        assertThat(b.counts().fresh()).isEqualTo(237);
        assertThat(raw()).isEqualTo(237);
        assertThat(fetchRun("status", b.board())).isEqualTo("ok");
        for (int page = 1; page <= 5; page++) {
            assertThat(server.hits(path("gb", page))).as("page %d", page).isEqualTo(1);
        }
        assertThat(server.hits(path("gb", 6))).isZero();
        assertThat(server.requests()).allSatisfy(req -> {
            assertThat(req.uri().getRawQuery()).contains("app_id=" + APP_ID, "app_key=" + APP_KEY,
                    "results_per_page=50", "what=software%20engineer", "where=London", "content-type=application/json");
            assertThat(req.header("User-Agent")).startsWith("jobintel/");
        });
        // 30 requests a minute: request starts 2 s apart, asked of the sleeper, never slept here.
        assertThat(spacing).hasSize(4).allSatisfy(d -> assertThat(d)
                .isLessThanOrEqualTo(Duration.ofSeconds(2)).isGreaterThan(Duration.ofMillis(1500)));
    }

    @Test
    void aSearchIsNotAuthoritativeSoFewerResultsCloseNothing() {
        serveSearch("gb", 60);
        assertThat(board(fetch(config(List.of("gb"), null), APP_ID, APP_KEY), "gb: software engineer @ London")
                .counts().fresh()).isEqualTo(60);
        server.on(path("gb", 1), Reply.json(page("gb", 0, 10, 10)));
        Runner.FetchResult again = fetch(config(List.of("gb"), null), APP_ID, APP_KEY);
        assertThat(board(again, "gb: software engineer @ London").error()).isNull();
        assertThat(again.closed()).isZero();
    }

    @Test
    void anotherAdUnderAnIdAlreadyServedIsARepeatedIdRejectAndTheFirstStays() {
        // Page 2 serves a different ad under the id of the first ad of page 1.
        server.on(path("gb", 1), Reply.json(page("gb", 0, 50, 60)));
        server.on(path("gb", 2), Reply.json(page("gb", 50, 10, 60).replace("\"id\":\"4100000050\"", "\"id\":\"4100000000\"")));
        Runner.FetchResult first = fetch(config(List.of("gb"), null), APP_ID, APP_KEY);
        assertThat(board(first, "gb: software engineer @ London").counts().fresh()).isEqualTo(59);
        long rejects = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM rejects WHERE reason = 'repeated_id'"));
        assertThat(rejects).isEqualTo(1);
        String title = db.read(c -> Jdbc.one(c, "SELECT title FROM raw_postings WHERE source_job_id = '4100000000'",
                rs -> rs.getString(1)));
        assertThat(title).isEqualTo("Senior Software Engineer 0");

        // The same search again is the same board: nothing changed, nothing to classify again.
        Lander.BoardResult again = board(fetch(config(List.of("gb"), null), APP_ID, APP_KEY), "gb: software engineer @ London");
        assertThat(again.counts().updated()).isZero();
        assertThat(again.counts().fresh()).isZero();
    }

    @Test
    void maxResultsStopsPagingAndSaysSo() {
        serveSearch("gb", 237);
        Runner.FetchResult r = fetch(config(List.of("gb"), 100), APP_ID, APP_KEY);

        Lander.BoardResult b = board(r, "gb: software engineer @ London");
        assertThat(b.counts().fresh()).isEqualTo(100);
        assertThat(raw()).isEqualTo(100);
        assertThat(b.complete()).isFalse();
        // Stopped at a configured limit: said so, but not a failure that would back the search off.
        assertThat(b.error()).isNull();
        assertThat(b.note()).isEqualTo("fetched 100 of 237 results (sources.adzuna.max_results = 100)");
        assertThat(fetchRun("error", b.board())).contains("fetched 100 of 237");
        assertThat(fetchRun("status", b.board())).isEqualTo("partial");
        assertThat(server.hits(path("gb", 3))).isZero();
    }

    @Test
    void maxResultsInsideAPageLandsExactlyThatMany() {
        serveSearch("gb", 237);
        Runner.FetchResult r = fetch(config(List.of("gb"), 120), APP_ID, APP_KEY);
        assertThat(raw()).isEqualTo(120);
        assertThat(board(r, "gb: software engineer @ London").note())
                .isEqualTo("fetched 120 of 237 results (sources.adzuna.max_results = 120)");
        assertThat(server.hits(path("gb", 4))).isZero();
    }

    @Test
    void maxResultsInsideAPageOfASearchWithoutACountStillSaysSo() {
        // The documented example has no count: a page cut at max_results is not the short last page,
        // whether the page was full or was itself the last, short one.
        for (int last : new int[] {50, 25}) {
            server.on(path("gb", 1), Reply.json(page("gb", 0, 50, 75).replace("\"count\":75,", "")));
            server.on(path("gb", 2), Reply.json(page("gb", 50, last, 75).replace("\"count\":75,", "")));
            Runner.FetchResult r = fetch(config(List.of("gb"), 70), APP_ID, APP_KEY);

            Lander.BoardResult b = board(r, "gb: software engineer @ London");
            assertThat(raw()).isEqualTo(70);
            assertThat(b.complete()).as("a page of %d cut at 20", last).isFalse();
            assertThat(b.note()).isEqualTo("fetched 70 of an unknown number of results (sources.adzuna.max_results = 70)");
            assertThat(fetchRun("status", b.board())).isEqualTo("partial");
            assertThat(server.hits(path("gb", 3))).isZero();
        }
    }

    @Test
    void rateLimitedWithRetryAfterThenServed() {
        server.on(path("gb", 1), Reply.status(429, "{\"exception\":\"RATE_LIMIT\",\"display\":\"Slow down\"}")
                .withHeader("Retry-After", "1"), Reply.json(page("gb", 0, 3, 3)));
        Runner.FetchResult r = fetch(config(List.of("gb"), null), APP_ID, APP_KEY);

        Lander.BoardResult b = board(r, "gb: software engineer @ London");
        assertThat(b.error()).isNull();
        assertThat(b.counts().fresh()).isEqualTo(3);
        assertThat(server.hits(path("gb", 1))).isEqualTo(2);
        assertThat(retries).as("Retry-After was honoured").containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void missingCredentialsMakeNoRequestAndSayWhatToSet() {
        serveSearch("gb", 3);
        for (String key : new String[] {null, "  "}) {
            Runner.FetchResult r = fetch(config(List.of("gb", "us"), null), APP_ID, key);
            assertThat(r.boards()).hasSize(2).allSatisfy(b -> {
                assertThat(b.error()).isEqualTo("ADZUNA_APP_ID and ADZUNA_APP_KEY must be set to fetch from Adzuna");
                assertThat(b.complete()).isFalse();
            });
        }
        Runner.FetchResult noId = fetch(config(List.of("gb"), null), null, APP_KEY);
        assertThat(board(noId, "gb: software engineer @ London").error()).isEqualTo(AdzunaSource.NO_CREDENTIALS);
        assertThat(server.requests()).isEmpty();
        assertThat(fetchRun("error", "us: software engineer @ London")).isEqualTo(AdzunaSource.NO_CREDENTIALS);
        assertThat(raw()).isZero();
    }

    @Test
    void theAppKeyNeverReachesFetchRunsOrRejects() {
        // gb: a good first page with one result that cannot be a posting, then a server error.
        ObjectNode first = (ObjectNode) readTree(page("gb", 0, 2, 100));
        ((ObjectNode) first.get("results").get(1)).putNull("title");
        first.put("count", 100);
        server.on(path("gb", 1), Reply.json(first.toString()));
        server.on(path("gb", 2), Reply.status(500, "{\"__CLASS__\":\"Adzuna::API::Response::Exception\","
                + "\"exception\":\"INTERNAL\",\"doc\":\"https://api.adzuna.com/v1/doc\",\"display\":\"Search backend unavailable\"}"));
        // us: a body cut short; de: an auth failure whose body echoes the credentials.
        server.on(path("us", 1), Reply.json("{\"count\": 5, \"results\": [{\"id\": \"1\", \"title\": \"Bro"));
        server.on(path("de", 1), Reply.status(401, "{\"exception\":\"AUTH_FAIL\",\"doc\":\"https://api.adzuna.com/v1/doc\","
                + "\"display\":\"Authorisation failed for " + APP_ID + "/" + APP_KEY + "\"}"));

        Runner.FetchResult r = fetch(config(List.of("gb", "us", "de"), null), APP_ID, APP_KEY);

        Lander.BoardResult gb = board(r, "gb: software engineer @ London");
        assertThat(gb.counts().fresh()).isEqualTo(1);
        assertThat(gb.rejected()).isEqualTo(1);
        // The Fetcher keeps no body of a retried status, so a 500 says status and (redacted) URL only.
        assertThat(gb.error()).contains("HTTP 500", "app_key=***", "/v1/api/jobs/gb/search/2");
        assertThat(fetchRun("status", gb.board())).isEqualTo("partial");
        assertThat(board(r, "us: software engineer @ London").error()).containsIgnoringCase("malformed");
        Lander.BoardResult de = board(r, "de: software engineer @ London");
        assertThat(de.error()).startsWith("Adzuna: Authorisation failed for ***/***").contains("HTTP 401");
        Integer http = db.read(c -> Jdbc.one(c, "SELECT http_status FROM fetch_runs WHERE board = ?",
                rs -> Jdbc.getInt(rs, "http_status"), de.board()));
        assertThat(http).isEqualTo(401);

        List<String> ledger = db.read(c -> {
            List<String> all = new ArrayList<>(Jdbc.query(c, "SELECT board || ' ' || coalesce(error, '') FROM fetch_runs",
                    rs -> rs.getString(1)));
            all.addAll(Jdbc.query(c, "SELECT board || ' ' || coalesce(detail, '') || ' ' || coalesce(payload, '') FROM rejects",
                    rs -> rs.getString(1)));
            return all;
        });
        assertThat(ledger).hasSize(5).allSatisfy(row -> assertThat(row).doesNotContain(APP_KEY, "app_id=" + APP_ID));
        assertThat(r.boards()).allSatisfy(b -> assertThat(b.board() + b.error()).doesNotContain(APP_KEY));
    }

    @Test
    void aRefusedKeyIsTheUsersConfigNotTheSearchsFaultSoOnceFixedTheSearchRunsAtOnce() {
        // A wrong key, run after run: more refusals than it takes to back a failing search off.
        server.on(path("gb", 1), Reply.status(401, "{\"exception\":\"AUTH_FAIL\",\"doc\":\"https://api.adzuna.com/v1/doc\","
                + "\"display\":\"Authorisation failed\"}"));
        for (int i = 0; i < 4; i++) {
            Lander.BoardResult b = board(fetch(config(List.of("gb"), null), APP_ID, "wrong-key-0123456789"),
                    "gb: software engineer @ London");
            assertThat(b.skipped()).as("fetch %d", i + 1).isFalse();
            assertThat(b.error()).contains("HTTP 401");
        }
        assertThat(server.hits(path("gb", 1))).isEqualTo(4);
        // Not hidden: status lists the search with the refusal, but no back-off.
        assertThat(dev.jobintel.pipeline.StatusReport.read(db).failingBoards()).singleElement().satisfies(h -> {
            assertThat(h.lastStatus()).isEqualTo(401);
            assertThat(h.lastError()).contains("Authorisation failed");
            assertThat(h.consecutiveFailures()).isZero();
            assertThat(h.backoffUntil()).isNull();
        });
        // So are missing credentials, which make no request at all.
        for (int i = 0; i < 4; i++) {
            fetch(config(List.of("gb"), null), APP_ID, null);
        }

        // The user fixes the key: the search runs now, not hours later.
        serveSearch("gb", 3);
        Lander.BoardResult fixed = board(fetch(config(List.of("gb"), null), APP_ID, APP_KEY), "gb: software engineer @ London");
        assertThat(fixed.skipped()).isFalse();
        assertThat(fixed.error()).isNull();
        assertThat(fixed.counts().fresh()).isEqualTo(3);
        assertThat(dev.jobintel.pipeline.StatusReport.read(db).failingBoards()).isEmpty();
    }

    @Test
    void aKeyRefusedForOneSearchIsNotTriedOnTheOthersOfTheRun() {
        server.on(path("gb", 1), Reply.status(401, "{\"exception\":\"AUTH_FAIL\",\"display\":\"Authorisation failed\"}"));
        server.on(path("de", 1), Reply.status(401, "{\"exception\":\"AUTH_FAIL\",\"display\":\"Authorisation failed\"}"));
        Runner.FetchResult r = fetch(config(List.of("gb", "de"), null), APP_ID, "wrong-key-0123456789");

        assertThat(server.hits(path("gb", 1)) + server.hits(path("de", 1))).as("one refusal, not one per search").isEqualTo(1);
        // Every search is still accounted for, with why it was not asked.
        Lander.BoardResult de = board(r, "de: software engineer @ London");
        assertThat(de.skipped()).isFalse();
        assertThat(de.error()).contains("not asked", "refused", "gb: software engineer @ London")
                .doesNotContain("wrong-key-0123456789");
        assertThat(board(r, "gb: software engineer @ London").error()).contains("HTTP 401");
    }

    @Test
    void aSearchTheServerFailsIsStillBackedOff() {
        server.on(path("gb", 1), Reply.status(503, "{\"exception\":\"UNAVAILABLE\"}"));
        for (int i = 0; i < 3; i++) {
            fetch(config(List.of("gb"), null), APP_ID, APP_KEY);
        }
        assertThat(board(fetch(config(List.of("gb"), null), APP_ID, APP_KEY), "gb: software engineer @ London").skipped())
                .isTrue();
        // Three fetches of three attempts each, then none.
        assertThat(server.hits(path("gb", 1))).isEqualTo(9);
    }

    private static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
