package dev.jobintel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.store.Database;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.JobintelProcess;
import dev.jobintel.testing.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard over HTTP, as a browser and a script see it. */
class DashboardIT {

    @TempDir
    Path dir;

    private static final String EVIL = "<script>alert('x')</script> & Co";
    private final HttpClient http = HttpClient.newHttpClient();
    private Database db;
    private Dashboard dashboard;

    @BeforeEach
    void start() throws Exception {
        Context ctx = Fixtures.context(dir, MutableClock.at("2026-11-20T08:00:00Z"), 100);
        db = ctx.openDatabase();
        try (Runner runner = new Runner(ctx, db, false)) {
            runner.prepare();
            runner.fetch(List.of(Fixtures.jsonl("test", List.<Posting>of(
                    Fixtures.posting("1", EVIL, "Senior Data Engineer", "Berlin, Germany"),
                    Fixtures.posting("2", "Acme", "Backend Engineer", "Berlin, Germany"),
                    Fixtures.posting("3", "Acme", "Data Engineer", "London or Remote (UK)")))));
            runner.enrich(0);
        }
        dashboard = Dashboard.start(db, new LocationResolver(Gazetteer.bundled()), "127.0.0.1", 0, 15);
    }

    @AfterEach
    void stop() {
        if (dashboard != null) {
            dashboard.close();
            db.close();
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(request(pathAndQuery), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String pathAndQuery) {
        return HttpRequest.newBuilder(dashboard.uri().resolve(pathAndQuery)).build();
    }

    @Test
    void aDatabaseDeletedWhileServingIsSaidToBeGoneNotMadeAgainAndANewOneAtItsPathIsServed() throws Exception {
        assertThat(rawPostings()).isEqualTo(3);
        Path file = Database.sqliteFile(db.url());
        // (The writer lock too: the set-up's run is this process, and a later run would be another.)
        for (String suffix : List.of("", "-wal", "-shm", "-writer.lock")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        // Enough requests to meet every pooled connection: none answers from the deleted file.
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> gone = get("/status.json");
            assertThat(gone.statusCode()).isEqualTo(503);
            assertThat(gone.body()).contains("The database file is gone");
        }
        assertThat(file).as("a read-only dashboard makes no database").doesNotExist();

        // A file with no schema yet at the path (a later run has just made it): not ready, not broken.
        Files.createFile(file);
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> empty = get("/");
            assertThat(empty.statusCode()).isEqualTo(503);
            assertThat(empty.body()).contains("no jobintel schema");
        }
        Files.delete(file);

        // A later run starts a new database at the path: the dashboard serves it, on every connection.
        Context ctx = Fixtures.context(dir, MutableClock.at("2026-11-21T08:00:00Z"), 100);
        try (Database fresh = ctx.openDatabase(); Runner runner = new Runner(ctx, fresh, false)) {
            runner.prepare();
            runner.fetch(List.of(Fixtures.jsonl("test", List.<Posting>of(
                    Fixtures.posting("9", "Acme", "Data Analyst", "Paris, France")))));
        }
        for (int i = 0; i < 6; i++) {
            assertThat(rawPostings()).isEqualTo(1);
        }
    }

    private long rawPostings() throws Exception {
        HttpResponse<String> r = get("/status.json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body()).get("rawPostings").asLong();
    }

    @Test
    void statusJsonMarksAFailingBoardTheConfigurationNoLongerNamesAsStatusJsonDoes() throws Exception {
        // A board that failed three times and was backed off, then removed from the configuration.
        db.inTransaction(c -> dev.jobintel.store.Jdbc.update(c, "INSERT INTO board_health (source, board, "
                + "consecutive_failures, last_failure_at, last_status, last_error, backoff_until, skipped) "
                + "VALUES ('greenhouse', 'ghost', 3, 1, 404, 'not found', 9999999999999, 0)"));
        dashboard.close();
        dashboard = Dashboard.start(db, new LocationResolver(Gazetteer.bundled()), "127.0.0.1", 0, 15,
                Map.of("greenhouse", Map.of("acme", "https://boards-api.greenhouse.io")));
        JsonNode boards = new ObjectMapper().readTree(get("/status.json").body()).get("failingBoards");
        assertThat(boards).hasSize(1);
        assertThat(boards.get(0).get("board").asText()).isEqualTo("ghost");
        assertThat(boards.get(0).get("configured").isBoolean()).as(boards.toString()).isTrue();
        assertThat(boards.get(0).get("configured").asBoolean()).isFalse();
    }

    @Test
    void thePageShowsTheLedgerAndEveryReportWithWhatPostingsSayEscaped() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
        assertThat(r.body()).doesNotContain("<script>").contains("&lt;script&gt;");
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("p").first().text()).startsWith("3 raw postings = 3 enriched").contains("Invariants hold.");
        // Every market question, then where every posting went.
        List<String> questions = new java.util.ArrayList<>(dev.jobintel.report.MarketReports.QUESTIONS);
        questions.add("postings");
        assertThat(page.select("h2").eachAttr("id")).containsExactlyElementsOf(questions);
        assertThat(page.select("#employers + table td").eachText()).contains(EVIL);
        // The jobs link to their postings.
        assertThat(page.select("#jobs + table a").eachAttr("href")).containsExactlyInAnyOrder(
                "https://jobs.example.com/greenhouse/1", "https://jobs.example.com/greenhouse/2",
                "https://jobs.example.com/greenhouse/3");
        assertThat(page.select("#jobs + table a").eachAttr("rel")).allSatisfy(rel -> assertThat(rel).contains("noreferrer"));
    }

    @Test
    void thePageSaysWhereEveryPostingWentRejectsIncluded() throws Exception {
        db.inTransaction(c -> {
            dev.jobintel.store.Rejects.record(c, null, new dev.jobintel.store.Rejects.Reject("lever", "acme", "no_title",
                    "Lever posting 9 has no title " + EVIL, "{}"), 0L);
            return null;
        });
        Document page = Jsoup.parse(get("/").body());
        assertThat(page.select("script")).isEmpty();
        List<String> rows = page.select("#postings + table tr").eachText();
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("enriched 3 nothing: each created a job").contains(EVIL));
        // Each example says why, as status --explain does.
        db.inTransaction(c -> dev.jobintel.store.Jdbc.update(c, "UPDATE raw_postings SET outcome = 'failed', job_id = NULL, "
                + "outcome_reason = 'refused', last_error = 'the model declined to answer' WHERE source_job_id = '2'"));
        assertThat(Jsoup.parse(get("/").body()).select("#postings + table tr").eachText()).anySatisfy(r -> assertThat(r)
                .startsWith("failed refused 1").contains("Acme — Backend Engineer: the model declined to answer"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("rejected no_title 1 never a posting")
                .contains("lever/acme: Lever posting 9 has no title " + EVIL));
    }

    @Test
    void theFilterNarrowsEveryReportAndABadOneIsShownNotRun() throws Exception {
        Document berlin = Jsoup.parse(get("/?city=Berlin&family=&open=1").body());
        assertThat(berlin.select("h2#demand").text()).contains("— 2 jobs");
        assertThat(berlin.select("input[name=city]").attr("value")).isEqualTo("Berlin");
        assertThat(berlin.select("input[name=open]").hasAttr("checked")).isTrue();
        assertThat(berlin.select("h2#skills a").first().attr("href")).isEqualTo("/report/skills.csv?city=Berlin&open=on");

        Document remote = Jsoup.parse(get("/?remote=1").body());
        assertThat(remote.select("h2#demand").text()).contains("— 1 job ");
        assertThat(remote.select("input[name=remote]").hasAttr("checked")).isTrue();
        assertThat(remote.select("h2#skills a").first().attr("href")).isEqualTo("/report/skills.csv?remote=on");
        // A switch said off is off, in the page and in the JSON, whose scope is a boolean as on the command line.
        assertThat(Jsoup.parse(get("/?remote=false").body()).select("input[name=remote]").hasAttr("checked")).isFalse();
        JsonNode off = new ObjectMapper().readTree(get("/report/demand.json?remote=false").body());
        JsonNode on = new ObjectMapper().readTree(get("/report/demand.json?remote=true").body());
        assertThat(off.get("jobs").asLong()).isGreaterThan(on.get("jobs").asLong());
        assertThat(on.get("filter").get("remote").isBoolean()).isTrue();
        assertThat(get("/report/demand.json?remote=maybe").statusCode()).isEqualTo(400);

        Document uk = Jsoup.parse(get("/?area=GB").body());
        assertThat(uk.select("h2#demand").text()).contains("— 1 job ");
        assertThat(uk.select("input[name=area]").attr("value")).isEqualTo("GB");
        assertThat(uk.select("h2#skills a").first().attr("href")).isEqualTo("/report/skills.csv?area=GB");
        assertThat(Jsoup.parse(get("/?area=dach").body()).select("h2#demand").text()).contains("— 2 jobs");
        assertThat(get("/?area=atlantis").statusCode()).isEqualTo(400);

        HttpResponse<String> bad = get("/?city=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(bad.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(bad.body());
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("p.broken").text()).contains("no city '<script>alert(1)</script>'");
    }

    @Test
    void eachReportAsJsonOrCsvAndTheLedgerWithoutWhereTheDatabaseIs() throws Exception {
        JsonNode skills = new ObjectMapper().readTree(get("/report/skills.json?family=data").body());
        assertThat(skills.get("jobs").asLong()).isEqualTo(2);
        assertThat(skills.get("filter").get("family").asText()).isEqualTo("data");

        HttpResponse<String> csv = get("/report/employers.csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("jobintel-employers.csv");
        assertThat(csv.body()).startsWith("employer,jobs,").contains("Acme,2,");

        JsonNode status = new ObjectMapper().readTree(get("/status.json").body());
        assertThat(status.get("rawPostings").asLong()).isEqualTo(3);
        assertThat(status.has("database")).isFalse();

        assertThat(get("/report/salaries.json").statusCode()).isEqualTo(404);
        assertThat(get("/admin").statusCode()).isEqualTo(404);
        HttpResponse<String> yesterday = get("/report/skills.json?since=yesterday");
        assertThat(yesterday.statusCode()).isEqualTo(400);
        // Said as the form and the query name it, as for open and remote: there is no --since here.
        assertThat(yesterday.body()).startsWith("since takes a date (2026-11-01) or a time").endsWith("got 'yesterday'");
        assertThat(Jsoup.parse(get("/?since=yesterday").body()).select("p.broken").text()).startsWith("since takes a date");
        // A year beyond what an instant can hold is a bad value too, not a failure.
        assertThat(get("/report/skills.json?since=-999999999-01-01").statusCode()).isEqualTo(400);
        assertThat(get("/?since=%2B999999999-01-01").statusCode()).isEqualTo(400);
        assertThat(rawStatusLine("GET /?city=%zz HTTP/1.1")).contains(" 400 ");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(dashboard.uri())
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void aFamilyOfTheTaxonomyInUseTheDatabaseDoesNotHaveYetIsAFamilyOfNoJobsNotAnUnknownOne() throws Exception {
        // serve with a taxonomy: file of one's own that adds a family no command that writes has copied in yet.
        String bundled;
        try (var in = DashboardIT.class.getResourceAsStream("/jobintel/taxonomy.yaml")) {
            bundled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path own = Files.writeString(dir.resolve("own-taxonomy.yaml"), bundled.replace("\nfamilies:\n",
                "\nfamilies:\n  - code: robotics\n    name: Robotics\n    description: \"Builds robots.\"\n"
                        + "    subfamilies:\n      - code: robot_software\n        name: Robot software\n"
                        + "        description: \"Writes software for robots.\"\n"));
        var families = dev.jobintel.classify.taxonomy.Taxonomy.load(own).families();
        dashboard.close();
        dashboard = Dashboard.start(db, new LocationResolver(Gazetteer.bundled()), () -> families, "127.0.0.1", 0, 15,
                Map.of());
        HttpResponse<String> robotics = get("/report/skills.json?family=Robotics");
        assertThat(robotics.statusCode()).as(robotics.body()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(robotics.body()).get("jobs").asLong()).isZero();
        assertThat(get("/report/skills.json?family=nope").statusCode()).isEqualTo(400);
    }

    @Test
    void aDownloadCarriesTheWholeReportNotThePagesFewRowsOrTheRowsItsLimitAsksFor() throws Exception {
        // serve --limit 1: one row per table on the page.
        dashboard.close();
        dashboard = Dashboard.start(db, new LocationResolver(Gazetteer.bundled()), "127.0.0.1", 0, 1);
        assertThat(Jsoup.parse(get("/").body()).select("h2#employers + table tr")).as("headings and a row").hasSize(2);

        HttpResponse<String> csv = get("/report/employers.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().skip(1)).as("both employers, for a spreadsheet").hasSize(2);
        assertThat(new ObjectMapper().readTree(get("/report/jobs.json").body()).get("rows")).hasSize(3);
        assertThat(new ObjectMapper().readTree(get("/report/jobs.json?limit=2&city=Berlin").body()).get("rows")).hasSize(2);
        assertThat(get("/report/employers.csv?limit=1").body().lines().skip(1)).hasSize(1);
        for (String absurd : List.of("0", "-1", "100001", "99999999999", "lots")) {
            HttpResponse<String> r = get("/report/jobs.csv?limit=" + absurd);
            assertThat(r.statusCode()).as(absurd).isEqualTo(400);
            assertThat(r.body()).startsWith("limit takes a number of rows from 1 to 100000").endsWith("got '" + absurd + "'");
        }
    }

    @Test
    void aDatabaseThatFailsIsAnsweredWithAServerErrorNotADroppedConnection() throws Exception {
        db.inTransaction(c -> dev.jobintel.store.Jdbc.update(c, "ALTER TABLE enriched_jobs RENAME TO gone"));
        HttpResponse<String> r = get("/report/skills.csv");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("could not answer");
    }

    @Test
    void requestsThatWaitTooLongForTheSqliteFileAreToldItIsBusyNotThatItFailed() throws Exception {
        // Sixty page loads at once on a large market kept every connection of the file busy past the pool's
        // wait: here the wait is shortened (the pool takes a new one at its next housekeeping) and every
        // connection held, as those loads held them.
        System.setProperty("com.zaxxer.hikari.housekeeping.periodMs", "100");
        Database busy;
        try {
            busy = Database.open(Fixtures.sqliteUrl(dir), null, null);
        } finally {
            System.clearProperty("com.zaxxer.hikari.housekeeping.periodMs");
        }
        List<java.sql.Connection> held = new java.util.ArrayList<>();
        try (busy) {
            ((com.zaxxer.hikari.HikariDataSource) busy.dataSource()).setConnectionTimeout(500);
            Thread.sleep(500);
            dashboard.close();
            dashboard = Dashboard.start(busy, new LocationResolver(Gazetteer.bundled()), "127.0.0.1", 0, 15);
            for (int i = 0; i < 3; i++) {
                held.add(busy.dataSource().getConnection());
            }
            for (String path : new String[] {"/", "/status.json", "/report/skills.csv"}) {
                HttpResponse<String> r = get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as(path).isPresent();
                assertThat(r.body()).as(path).contains("busy").doesNotContain("schema").doesNotContain("server");
            }
            for (java.sql.Connection c : held) {
                c.close();
            }
            held.clear();
            assertThat(get("/status.json").statusCode()).isEqualTo(200);
        } finally {
            for (java.sql.Connection c : held) {
                c.close();
            }
            dashboard.close();
            dashboard = Dashboard.start(db, new LocationResolver(Gazetteer.bundled()), "127.0.0.1", 0, 15);
        }
    }

    @Test
    void aPostgresServerThatGoesDownIsSaidToBeUnreachableNotAFileWithoutASchema() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPort(port).start();
        try (Database onPostgres = Database.open("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres",
                null, null)) {
            onPostgres.migrate();
            dashboard.close();
            dashboard = Dashboard.start(onPostgres, new LocationResolver(Gazetteer.bundled()), "127.0.0.1", 0, 15);
            assertThat(get("/status.json").statusCode()).isEqualTo(200);
            pg.close(); // the server goes down (a restart, the network) under the dashboard
            // Asked at once: each request waits out the pool's ten-second connection timeout before its answer.
            Map<String, CompletableFuture<HttpResponse<String>>> answers = new LinkedHashMap<>();
            for (String path : new String[] {"/", "/status.json", "/report/skills.csv"}) {
                answers.put(path, http.sendAsync(request(path), HttpResponse.BodyHandlers.ofString()));
            }
            for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> a : answers.entrySet()) {
                String path = a.getKey();
                HttpResponse<String> r = a.getValue().get();
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.body()).as(path).contains("cannot be reached").doesNotContain("schema");
            }
        } finally {
            dashboard.close();
            dashboard = Dashboard.start(db, new LocationResolver(Gazetteer.bundled()), "127.0.0.1", 0, 15);
            pg.close();
        }
    }

    @Test
    void onThisMachineOnlyItAnswersOnlyToThisMachinesNames() throws Exception {
        // A page elsewhere whose name points at 127.0.0.1 (DNS rebinding) sends its own name as the Host.
        assertThat(rawStatusLine("GET /status.json HTTP/1.1", "attacker.example:" + dashboard.address().getPort()))
                .contains(" 403 ");
        for (String host : new String[] {"localhost", "127.0.0.1:" + dashboard.address().getPort(), "[::1]:8080"}) {
            assertThat(rawStatusLine("GET /status.json HTTP/1.1", host)).as(host).contains(" 200 ");
        }
    }

    @Test
    void onTheIpv6LoopbackItAnswersToTheAddressItPrintsHoweverItIsWritten() throws Exception {
        dashboard.close();
        try {
            dashboard = Dashboard.start(db, new LocationResolver(Gazetteer.bundled()), "::1", 0, 15);
        } catch (java.io.IOException e) {
            dashboard = null;
            db.close();
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no IPv6 loopback on this machine: " + e);
        }
        // serve prints http://[0:0:0:0:0:0:0:1]:PORT/; wget and Python's urllib send that Host as written.
        String printed = dashboard.uri().getRawAuthority();
        assertThat(printed).startsWith("[0:0:0:0:0:0:0:1]:");
        int port = dashboard.address().getPort();
        for (String host : new String[] {printed, "[::1]:" + port, "[0::1]", "localhost:" + port}) {
            assertThat(rawStatusLine("GET /status.json HTTP/1.1", host)).as(host).contains(" 200 ");
        }
        // Another machine's address, or a name dressed as one, is not this machine.
        for (String host : new String[] {"[fe80::1]:" + port, "[::2]", "[::1.attacker.example]", "[]"}) {
            assertThat(rawStatusLine("GET /status.json HTTP/1.1", host)).as(host).contains(" 403 ");
        }
    }

    @Test
    void aQueryWrittenByHandInUtf8IsReadAsUtf8() throws Exception {
        // curl sends what was typed, "München" as its UTF-8 bytes, not percent-escaped as a browser does.
        String json = rawResponse("GET /report/demand.json?city=M\u00fcnchen&area=D\u00fcsseldorf HTTP/1.1");
        assertThat(json).startsWith("HTTP/1.1 200 ");
        assertThat(json).contains("\"city\" : \"M\u00fcnchen\"", "\"area\" : \"D\u00fcsseldorf\"");
        String page = rawResponse("GET /?city=M\u00fcnchen HTTP/1.1");
        assertThat(page).startsWith("HTTP/1.1 200 ");
        assertThat(Jsoup.parse(page.substring(page.indexOf("\r\n\r\n"))).select("input[name=city]").attr("value"))
                .isEqualTo("M\u00fcnchen");
    }

    /** The whole response, read as UTF-8, to a request line sent as UTF-8 bytes. */
    private String rawResponse(String requestLine) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(dashboard.address().getAddress(), dashboard.address().getPort())) {
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** What the server answers to a request line no HTTP client would send (a broken escape). */
    private String rawStatusLine(String requestLine) throws Exception {
        return rawStatusLine(requestLine, "localhost");
    }

    private String rawStatusLine(String requestLine, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(dashboard.address().getAddress(), dashboard.address().getPort())) {
            socket.getOutputStream().write((requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void theServeCommandListensOnThisMachineOnlyAndLetsWritersWork() throws Exception {
        dashboard.close();
        db.close(); // this test's own writer lets go of the file: the process below is the only reader
        dashboard = null;
        JobintelProcess serve = JobintelProcess.start(dir, Map.of(), "serve", "--port", "0", "--db",
                Fixtures.sqliteUrl(dir));
        try {
            String url = null;
            for (int i = 0; i < 100 && url == null; i++) {
                Matcher m = Pattern.compile("dashboard at (http://\\S+/)").matcher(serve.output());
                url = m.find() ? m.group(1) : null;
                Thread.sleep(100);
            }
            assertThat(url).as(serve.output()).startsWith("http://127.0.0.1:");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            // A dashboard only reads: fetching and enriching go on while it serves.
            Path more = dir.resolve("more.jsonl");
            Files.writeString(more, "{\"source\":\"lever\",\"id\":\"9\",\"url\":\"https://x/9\",\"title\":\"Data Analyst\"}\n");
            JobintelProcess.Result imported = JobintelProcess.run(dir, Map.of(), "import", more.toString(), "--db",
                    Fixtures.sqliteUrl(dir));
            assertThat(imported.exit()).as(imported.err()).isZero();
        } finally {
            JobintelProcess.Result end = serve.terminate(20);
            assertThat(end.err()).doesNotContain("Exception");
            assertThat(end.out()).containsPattern("Stopped the dashboard after [1-9]\\d* requests");
        }
    }
}
