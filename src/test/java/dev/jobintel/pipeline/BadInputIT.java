package dev.jobintel.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.classify.claude.sim.Answer;
import dev.jobintel.classify.claude.sim.MessagesSimulator;
import dev.jobintel.classify.claude.sim.RulesResponder;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.greenhouse.GreenhouseFixture;
import dev.jobintel.source.greenhouse.GreenhouseSource;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.source.http.HttpSettings;
import dev.jobintel.source.http.OkHttpTransport;
import dev.jobintel.source.jsonl.JsonlSource;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.LocalServer;
import dev.jobintel.testing.LocalServer.Reply;
import dev.jobintel.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input end to end, with the claude classifier: every malformed, hostile or huge input is
 * stored and classified, or rejected or filtered with a recorded reason; the run goes on, and
 * the ledger adds up.
 */
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String line(String id, String title, String description) {
        ObjectNode n = JSON.createObjectNode().put("source", "import").put("id", id)
                .put("url", "https://jobs.example.com/" + id).put("company", "Acme").put("title", title)
                .put("location", "Berlin, Germany").put("description", description);
        return n.toString();
    }

    private static long count(Database db, String sql, Object... args) {
        return db.read(c -> Jdbc.count(c, sql, args));
    }

    @Test
    void everyKindOfBadInputEndsInARecordedOutcomeAndTheRunGoesOn() throws Exception {
        String body = Fixtures.DESCRIPTION + " ";
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        StringBuilder huge = new StringBuilder(4_200_000);
        while (huge.length() < 4_000_000) {
            huge.append("<p>").append(body).append("</p>");
        }
        String[] lines = {
            line("huge", "Senior Data Engineer", huge.toString()),
            line("control", "Backend\u0000 Engineer\u0007\u001b[31m", body + "\u0000\u0001 tabs\tand\u000b\u000c feeds")
                    .replace("\"Acme\"", "\"Acme\\u001b]0;pwned\\u0007\\u202e\"")
                    .replace("\"Berlin, Germany\"", "\"Berlin,\\u001b[2J Germany\""),
            line("zero-width", "Data\u200b Engi\u200dneer\ufeff", body + "\u200b\u2060\u00ad"),
            line("rtl", "\u200fמהנדס נתונים Data Engineer", "نرحب بالمتقدمين من جميع الخلفيات. " + body),
            line("emoji", "🚀 Senior Backend Engineer 👩‍💻", body + " 🎉🔥 Join us!"),
            line("sql", "Data Engineer'); DROP TABLE raw_postings;--", body + " ' OR 1=1; -- \"; DELETE FROM enriched_jobs;"),
            line("html", "<script>alert('x')</script>Frontend Engineer", "<img src=x onerror=alert(1)>" + body),
            "{\"source\": \"import\", \"title\": \"Backend Engineer\", \"url\": \"https://jobs.example.com/nulls\", "
                    + "\"id\": null, \"company\": null, \"location\": null, \"description\": null, \"posted_at\": null, "
                    + "\"hints\": null}",
            "{\"source\": \"import\", \"title\": ",
            "this is not json at all",
            // One line longer than any posting (what a gzip file inflating to one endless line gives).
            "{\"source\": \"import\", \"title\": \"" + "x".repeat(JsonlSource.MAX_LINE_CHARS) + "\"}",
        };
        for (String l : lines) {
            file.write(l.getBytes(StandardCharsets.UTF_8));
            file.write('\n');
        }
        // Invalid UTF-8 in the middle of a line: 0xC3 0x28 is not a character.
        file.write(("{\"source\": \"import\", \"id\": \"bytes\", \"url\": \"https://jobs.example.com/bytes\", "
                + "\"company\": \"Acme\", \"title\": \"Data Engineer ").getBytes(StandardCharsets.UTF_8));
        file.write(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
        file.write(("\", \"description\": \"" + body + "\"}\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = file.toByteArray();

        try (LocalServer server = new LocalServer();
             MessagesSimulator sim = MessagesSimulator.start(request -> Answer.tool(new RulesResponder()
                     .classify(request.userText())))) {
            server.on("/v1/boards/good/jobs", Reply.json(GreenhouseFixture.body("good", 3)));
            server.on("/v1/boards/notjson/jobs", Reply.json("{\"jobs\": [{\"id\": 1, \"title\": \"Eng"));
            server.on("/v1/boards/html/jobs", Reply.json("<!DOCTYPE html><html>Just a moment...</html>"));

            Context ctx = Fixtures.claudeContext(dir, MutableClock.at("2026-11-20T08:00:00Z"),
                    Fixtures.claude(sim.baseUrl(), 4, 2, 10));
            HttpSettings s = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 1, Duration.ZERO,
                    Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ZERO, 4, HttpSettings.USER_AGENT);
            try (Database db = ctx.openDatabase(); OkHttpTransport transport = new OkHttpTransport(s);
                 Runner runner = new Runner(ctx, db, false)) {
                runner.prepare();
                List<SourcesConfig.Board> boards = List.of(new SourcesConfig.Board("notjson", "Broken Co", null),
                        new SourcesConfig.Board("good", "Good Co", null), new SourcesConfig.Board("html", "Html Co", null));
                Runner.FetchResult fetched = runner.fetch(List.of(
                        new JsonlSource("import", List.of(new JsonlSource.Input("bad.jsonl",
                                () -> new ByteArrayInputStream(bytes)))),
                        new GreenhouseSource(new SourcesConfig.BoardSource(server.baseUrl(), null, null, boards),
                                new Fetcher(transport, s), 2)));
                assertThat(fetched.failedBoards()).isEqualTo(2);
                Enricher.Result r = runner.enrich(0);
                assertThat(r.stop()).isNull();

                Map<String, String> outcome = new java.util.TreeMap<>();
                for (String[] row : db.read(c -> Jdbc.query(c, "SELECT source_job_id, outcome || coalesce(' ' || "
                        + "outcome_reason, '') FROM raw_postings WHERE source = 'import'",
                        rs -> new String[] {rs.getString(1), rs.getString(2)}))) {
                    outcome.put(row[0], row[1]);
                }
                assertThat(outcome).containsEntry("huge", "enriched").containsEntry("control", "enriched")
                        .containsEntry("zero-width", "enriched").containsEntry("rtl", "enriched")
                        .containsEntry("emoji", "enriched").containsEntry("sql", "enriched")
                        .containsEntry("html", "enriched").containsEntry("bytes", "enriched")
                        .containsValue("filtered too_short");
                // What a terminal would run (ESC sequences) or read backwards (bidi marks) is not kept in
                // the one-line fields that status, reports and exports print.
                String control = db.read(c -> Jdbc.one(c, "SELECT title FROM raw_postings WHERE source_job_id = 'control'",
                        rs -> rs.getString(1)));
                assertThat(control).isEqualTo("Backend Engineer[31m");
                List<String> shown = db.read(c -> Jdbc.query(c, "SELECT title || company || coalesce(location_text, '') "
                        + "FROM raw_postings", rs -> rs.getString(1)));
                assertThat(shown).isNotEmpty().allSatisfy(v -> assertThat(v.chars()
                        .filter(ch -> dev.jobintel.internal.Invisible.is((char) ch)).count()).as(v).isZero());
                // The hostile title is data, stored as given; the tables it names are intact.
                assertThat(count(db, "SELECT count(*) FROM raw_postings WHERE title = ?",
                        "Data Engineer'); DROP TABLE raw_postings;--")).isEqualTo(1);
                assertThat(count(db, "SELECT count(*) FROM enriched_jobs")).isEqualTo(11);
                // The huge description was cut before it reached the model.
                long longest = sim.requests().stream().filter(q -> q.path().equals("/v1/messages"))
                        .mapToLong(q -> q.body().get("messages").toString().length()).max().orElse(0);
                assertThat(longest).isLessThan(20_000);
                // Broken lines and broken board bodies are rejects or failed fetches, with their reasons.
                assertThat(count(db, "SELECT count(*) FROM rejects WHERE source = 'import'")).isEqualTo(3);
                assertThat(count(db, "SELECT count(*) FROM rejects WHERE reason = 'line_too_long'")).isEqualTo(1);
                List<String> failedRuns = db.read(c -> Jdbc.query(c, "SELECT board || ': ' || error FROM fetch_runs "
                        + "WHERE status = 'failed' ORDER BY board", rs -> rs.getString(1)));
                assertThat(failedRuns).hasSize(2).allSatisfy(e -> assertThat(e).contains(": "));
                StatusReport status = StatusReport.read(db);
                assertThat(status.violations()).isEmpty();
                assertThat(status.outcomes().get("pending").count()).isZero();
                assertThat(((ClaudeClassifier) runner.classifier()).stats().answered()).isPositive();
            }
        }
    }
}
