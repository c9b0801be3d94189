package dev.jobintel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user runs it, in-process, against real SQLite files. */
class CliIT {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result jobintel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private String db() {
        return "jdbc:sqlite:" + dir.resolve("jobintel.db");
    }

    @Test
    void runOnTheDemoSnapshotAccountsForEveryPostingAndARerunChangesNothing() throws IOException {
        Result first = jobintel("run", "--db", db(), "--no-progress");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("bundled demo snapshot").contains("Ledger:").contains("= raw postings")
                .contains("Jobs by family:").contains("Top skills:").contains("Invariants: all hold");

        Result status = jobintel("status", "--db", db(), "--json");
        assertThat(status.exit()).isZero();
        JsonNode s = new ObjectMapper().readTree(status.out());
        long raw = s.get("rawPostings").asLong();
        long sum = 0;
        for (JsonNode o : s.get("outcomes")) {
            sum += o.get("count").asLong();
        }
        assertThat(raw).isGreaterThanOrEqualTo(1_500);
        assertThat(sum).isEqualTo(raw);
        assertThat(s.get("outcomes").get("pending").get("count").asLong()).isZero();
        assertThat(s.get("outcomes").get("merged").get("count").asLong()).isPositive();
        assertThat(s.get("outcomes").get("filtered").get("reasons").has("agency")).isTrue();
        assertThat(s.get("outcomes").get("filtered").get("reasons").has("too_short")).isTrue();
        assertThat(s.get("rejects").asLong()).isPositive();
        assertThat(s.get("violations")).isEmpty();

        Result again = jobintel("run", "--db", db(), "--no-progress");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains(": 0 new, 0 changed,").contains("Nothing new")
                .contains("Nothing to enrich: no pending posting free to decide.");
        JsonNode s2 = new ObjectMapper().readTree(jobintel("status", "--db", db(), "--json").out());
        assertThat(s2.get("rawPostings").asLong()).isEqualTo(raw);
        assertThat(s2.get("enrichedJobs").asLong()).isEqualTo(s.get("enrichedJobs").asLong());
        assertThat(s2.get("outcomes")).isEqualTo(s.get("outcomes"));

        // The run's summary and the cities report count places the same way.
        JsonNode cities = new ObjectMapper().readTree(jobintel("report", "cities", "--limit", "10", "--format", "json",
                "--db", db()).out());
        assertThat(cities.get("rows")).hasSize(10).extracting(row -> row.get("place").asText()).contains("Remote");
        for (JsonNode row : cities.get("rows")) {
            assertThat(first.out()).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(row.get("place").asText())
                    + " +" + String.format(java.util.Locale.ROOT, "%,d", row.get("jobs").asLong()) + "$");
        }

        Result check = jobintel("status", "--db", db(), "--check");
        assertThat(check.exit()).isZero();
        assertThat(check.out()).contains("By source:").contains("greenhouse").contains("Fetches (all runs added up");
    }

    @Test
    void statusCheckExitsFourWhenAnInvariantIsBroken() throws Exception {
        assertThat(jobintel("run", "--db", db(), "--no-progress").exit()).isZero();
        try (var c = java.sql.DriverManager.getConnection(db()); var st = c.createStatement()) {
            // Someone deletes a job behind jobintel's back (foreign keys are off in a plain connection).
            st.executeUpdate("DELETE FROM enriched_jobs WHERE id = (SELECT min(id) FROM enriched_jobs)");
        }
        Result r = jobintel("status", "--db", db(), "--check");
        assertThat(r.exit()).isEqualTo(Main.INVARIANT_BROKEN);
        assertThat(r.out()).contains("Invariants: BROKEN")
                .contains("every enriched or merged posting points to an existing enriched job");
    }

    @Test
    void aConfigErrorStopsBeforeAnyWorkNamingFileLineAndKey() throws IOException {
        Path cfg = dir.resolve("jobintel.yaml");
        Files.writeString(cfg, "gate:\n  title:\n    exclude: ['senior (staff']\n");
        Result r = jobintel("run", "--config", cfg.toString(), "--db", db());
        assertThat(r.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(r.err()).contains(cfg + ":3: gate.title.exclude[0]: bad regex");
        assertThat(Files.exists(dir.resolve("jobintel.db"))).as("no work was done").isFalse();
    }

    @Test
    void theExampleConfigIsValid() {
        Result r = jobintel("db", "migrate", "--config", "jobintel.example.yaml", "--db", db());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("migration");
    }

    @Test
    void statusWithoutADatabaseSaysWhatToDo() {
        Result r = jobintel("status", "--db", db());
        assertThat(r.exit()).isEqualTo(Main.DATABASE_ERROR);
        assertThat(r.err()).contains("No database at").contains("jobintel run");
    }

    @Test
    void usageErrorsAreExitCodeTwo() {
        assertThat(jobintel("enrich", "--db", db(), "--classifier", "gpt").exit()).isEqualTo(2);
        assertThat(jobintel("enrich", "--db", db(), "--limit", "-3").exit()).isEqualTo(2);
        assertThat(jobintel("frobnicate").exit()).isEqualTo(2);
        assertThat(jobintel("import", "--db", db(), dir.resolve("missing.jsonl").toString()).exit()).isEqualTo(2);
        Result folder = jobintel("import", "--db", db(), dir.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains(dir + " is a directory: name its files");
    }

    @Test
    void importReadsAPipeAsItReadsAFile() throws Exception {
        // What 'jobintel import /dev/stdin' or 'import <(zcat old.jsonl.gz)' hands over: a named pipe.
        Result r = importThroughAPipe(("{\"source\":\"lever\",\"id\":\"1\",\"url\":\"https://x/1\","
                + "\"title\":\"Data Analyst\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Imported 1 posting from 1 file");
    }

    /** Imports {@code bytes} through a named pipe, written by another thread as the import reads it. */
    private Result importThroughAPipe(byte[] bytes) throws Exception {
        Path pipe = Files.createTempDirectory(dir, "pipe").resolve("postings.pipe");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try {
                Files.write(pipe, bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Result r = jobintel("import", "--db", db(), pipe.toString(), "--no-progress");
        writer.join(10_000);
        return r;
    }

    @Test
    void aGzippedFileIsReadAsGzipWhateverItsName() throws Exception {
        for (String name : new String[] {"postings.jsonl", "POSTINGS.JSONL.GZ"}) {
            Path file = dir.resolve(name);
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(("{\"source\":\"lever\",\"id\":\"" + name + "\",\"url\":\"https://x/1\","
                        + "\"title\":\"Data Analyst\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            Result r = jobintel("import", "--db", db(), file.toString(), "--no-progress");
            assertThat(r.exit()).as(name + ": " + r.out()).isZero();
            assertThat(r.out()).as(name).contains("1 new").doesNotContain("rejected");
        }
        // And through a named pipe ('import <(gzip -c …)'), which cannot say how much is left.
        Result piped = importThroughAPipe(Files.readAllBytes(dir.resolve("postings.jsonl")));
        assertThat(piped.exit()).as(piped.out()).isZero();
        assertThat(piped.out()).contains("1 seen again").doesNotContain("failed");
    }

    @Test
    void whatFollowsTheGzipDataIsAFailureOfTheFileNotTheQuietEndOfIt() throws Exception {
        java.io.ByteArrayOutputStream member = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(member)) {
            out.write(("{\"source\":\"lever\",\"id\":\"m1\",\"url\":\"https://x/1\",\"title\":\"Data Analyst\"}\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] gz = member.toByteArray();
        byte[] appended = ("{\"source\":\"lever\",\"id\":\"m2\",\"url\":\"https://x/2\",\"title\":\"Data Engineer\"}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // Lines appended to a .gz file as text, and a second member cut inside its header: the JDK's
        // reader ended the file at the first member and said nothing of the rest.
        byte[][] afters = {appended, java.util.Arrays.copyOf(gz, 6)};
        for (int i = 0; i < afters.length; i++) {
            Path file = dir.resolve("tail" + i + ".jsonl.gz");
            Files.write(file, concat(gz, afters[i]));
            Result r = jobintel("import", "--db", db(), file.toString(), "--no-progress");
            assertThat(r.exit()).as(r.out()).isEqualTo(Main.BOARDS_FAILED);
            assertThat(r.out()).contains("file " + file + " partly read").contains("tail" + i + ".jsonl.gz after line 1");
        }
        // Concatenated members (what 'cat a.gz b.gz' makes) are one file, read whole.
        Path two = dir.resolve("two.jsonl.gz");
        java.io.ByteArrayOutputStream second = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(second)) {
            out.write(appended);
        }
        Files.write(two, concat(gz, second.toByteArray()));
        Result whole = jobintel("import", "--db", db(), two.toString(), "--no-progress");
        assertThat(whole.exit()).as(whole.out()).isZero();
        assertThat(whole.out()).contains("1 new").contains("1 seen again");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aMistakenCommandLineIsSaidInALineWithASuggestionNotTheWholeHelp() {
        Result misspelt = jobintel("report", "--db", db(), "--limt", "3");
        assertThat(misspelt.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(misspelt.err()).contains("error: Unknown option: '--limt'").contains("--limit")
                .contains("See 'jobintel report --help' for the options.").doesNotContain("Usage:");
        assertThat(jobintel("db", "migrate", "--db", db()).exit()).isZero();
        Result noSuchCity = jobintel("report", "--db", db(), "--city", "Atlantis");
        assertThat(noSuchCity.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(noSuchCity.err()).contains("error: no city 'Atlantis'").doesNotContain("Usage:");
        Result command = jobintel("statsu");
        assertThat(command.err()).contains("jobintel status").contains("See 'jobintel --help' for the commands.");
        Result notJdbc = jobintel("status", "--db", "postgres://localhost/jobintel");
        assertThat(notJdbc.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(notJdbc.err()).contains("error: --db must be a jdbc:sqlite: URL naming a file, a jdbc:postgresql: URL")
                .contains("See 'jobintel status --help' for the options.");
        // A benchmark asked for nothing, or for an impossible server, says which option before it starts.
        for (String[] bench : new String[][] {{"bench", "fetch", "--boards", "0"}, {"bench", "claude", "--latency-ms", "0"},
                {"bench", "claude", "--concurrency", "0"}, {"bench", "pipeline", "--postings", "-5"}}) {
            Result r = jobintel(bench);
            assertThat(r.exit()).as(String.join(" ", bench)).isEqualTo(Main.CONFIG_ERROR);
            assertThat(r.err()).contains("error: " + bench[2] + " must be 1 or more");
        }
        // An in-memory database would take an import and lose it when the command ends.
        for (String memory : new String[] {"jdbc:sqlite:", "jdbc:sqlite::memory:", ":memory:",
                "jdbc:sqlite:file:x.db?mode=memory"}) {
            Result r = jobintel("run", "--db", memory);
            assertThat(r.exit()).as(memory).isEqualTo(Main.CONFIG_ERROR);
            assertThat(r.err()).contains("in-memory database would lose every posting");
        }
        // Options after '?' are jobintel's to set: one SQLite does not know would become part of the
        // file's name (writes beside the lock's file), and "mode=ro" fails every connection for minutes.
        for (String optioned : new String[] {"jdbc:sqlite:" + dir.resolve("m.db") + "?foo=bar",
                "jdbc:sqlite:file:" + dir.resolve("m.db") + "?mode=ro"}) {
            Result r = jobintel("status", "--db", optioned);
            assertThat(r.exit()).as(optioned).isEqualTo(Main.CONFIG_ERROR);
            assertThat(r.err()).contains("has options after '?'");
        }
        assertThat(dir.resolve("m.db?foo=bar")).doesNotExist();
        Result mysql = jobintel("status", "--db", "jdbc:mysql://db/x");
        assertThat(mysql.err()).contains("--db must be a jdbc:sqlite: URL naming a file").doesNotContain("in-memory");
        // The main job takes enrich's classifier options, checked as enrich checks them, before any fetch.
        Result gpt = jobintel("run", "--db", db(), "--classifier", "gpt");
        assertThat(gpt.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(gpt.err()).contains("unknown classifier 'gpt'");
        Result budget = jobintel("run", "--db", db(), "--budget-usd", "1");
        assertThat(budget.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(budget.err()).contains("apply to the claude classifier");
        Result infinite = jobintel("enrich", "--db", db(), "--classifier", "claude", "--dry-run", "--budget-usd", "1e309");
        assertThat(infinite.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(infinite.err()).contains("--budget-usd must be a number above 0");
    }

    @Test
    void aPlainPathAfterDbIsThatSqliteFile() {
        Path file = dir.resolve("market.db");
        assertThat(jobintel("db", "migrate", "--db", file.toString()).exit()).isZero();
        assertThat(file).isNotEmptyFile();
        Result status = jobintel("status", "--db", file.toString());
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("Ledger: 0 raw postings");
    }

    @Test
    void aDatabaseServerNobodyRunsIsSaidAtOnce() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        long t0 = System.nanoTime();
        Result r = jobintel("status", "--db", "jdbc:postgresql://127.0.0.1:" + port + "/jobintel");
        assertThat(r.exit()).isEqualTo(Main.DATABASE_ERROR);
        assertThat(r.err()).contains("cannot reach the database at jdbc:postgresql://127.0.0.1:" + port)
                .doesNotContain("\tat ").doesNotContain("Flyway");
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds, not the pool's timeouts").isLessThan(5);
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"run", "import", "enrich", "status", "db"}) {
            Result r = jobintel(cmd, "--help");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("Usage: jobintel " + cmd);
        }
    }

    @Test
    void fetchWithoutConfiguredSourcesSaysWhatToConfigure() {
        Result r = jobintel("fetch", "--db", db());
        assertThat(r.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(r.err()).contains("no boards to fetch").contains("jobintel.example.yaml");
        assertThat(jobintel("fetch", "--db", db(), "--sources", "monster").err()).contains("unknown source 'monster'");
    }

    @Test
    void aCompanyNoBoardHasIsAMistakeSaidBeforeAnyFetchNotABoardSkipped() {
        Result r = jobintel("run", "--db", db(), "--companies", "arcadia,arcadai");
        assertThat(r.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(r.err()).contains("--companies: no board is 'arcadai' (configured: ").contains("in all)");
        assertThat(Files.exists(dir.resolve("jobintel.db"))).as("nothing was fetched").isFalse();
        // A board of a source --sources leaves out would be named and never fetched: said, not skipped.
        Result narrowed = jobintel("run", "--db", db(), "--sources", "workable", "--companies", "arcadia");
        assertThat(narrowed.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(narrowed.err()).contains("--companies: 'arcadia' is a board of greenhouse, lever, smartrecruiters, which --sources workable leaves out");
        assertThat(Files.exists(dir.resolve("jobintel.db"))).as("nothing was fetched").isFalse();
    }

    @Test
    void theDemoRecordingReplaysThroughFetch() throws IOException {
        Path rec = dir.resolve("rec");
        Result demo = jobintel("demo", "--recording", rec.toString());
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(Files.exists(rec.resolve("jobintel.yaml"))).isTrue();
        Result fetch = jobintel("fetch", "--config", rec.resolve("jobintel.yaml").toString(), "--replay", rec.toString(),
                "--db", db(), "--sources", "greenhouse,lever");
        assertThat(fetch.exit()).as(fetch.err()).isZero();
        assertThat(fetch.out()).contains("new");
        Result status = jobintel("status", "--db", db(), "--json");
        JsonNode s = new ObjectMapper().readTree(status.out());
        assertThat(s.get("bySource").has("greenhouse")).isTrue();
        assertThat(s.get("bySource").has("lever")).isTrue();
        assertThat(s.get("bySource").has("ashby")).isFalse();
    }

    @Test
    void aBoardAnIncompleteRecordingLacksIsNotBackedOffForTheLiveFetches() throws IOException {
        Path rec = dir.resolve("rec");
        assertThat(jobintel("demo", "--recording", rec.toString()).exit()).isZero();
        // The recording lacks one Greenhouse board: its request was never recorded.
        Path meta;
        try (var files = Files.list(rec.resolve("boards-api.greenhouse.io"))) {
            meta = files.filter(f -> f.toString().endsWith(".meta.json")).sorted().findFirst().orElseThrow();
        }
        Files.delete(meta);
        Files.delete(meta.resolveSibling(meta.getFileName().toString().replace(".meta.json", ".body")));
        String config = rec.resolve("jobintel.yaml").toString();
        for (int i = 0; i < 4; i++) {
            Result replay = jobintel("fetch", "--config", config, "--replay", rec.toString(), "--db", db(),
                    "--sources", "greenhouse", "--no-progress");
            assertThat(replay.exit()).as(replay.err()).isEqualTo(Main.BOARDS_FAILED);
            assertThat(replay.out()).as("replay %d", i + 1).contains("failed: no recorded response").doesNotContain("skipped");
        }
        // The recording's gap is no word on the board: the next fetch from the network asks it.
        Result status = jobintel("status", "--db", db(), "--no-progress");
        assertThat(status.out()).doesNotContain("backed off");
    }

    @Test
    void statusAndItsExplanationNameEveryBoardAReplayFailedAndWhy() throws IOException {
        Path rec = dir.resolve("rec");
        assertThat(jobintel("demo", "--recording", rec.toString()).exit()).isZero();
        // Three Greenhouse boards broken in the recording: one missing, one a recorded 500, one an HTML page.
        List<Path> metas;
        try (var files = Files.list(rec.resolve("boards-api.greenhouse.io"))) {
            metas = files.filter(f -> f.toString().endsWith(".meta.json")).sorted().limit(3).toList();
        }
        List<String> slugs = new java.util.ArrayList<>();
        for (Path meta : metas) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("/boards/([^/]+)/").matcher(Files.readString(meta));
            assertThat(m.find()).isTrue();
            slugs.add(m.group(1));
        }
        Files.delete(metas.get(0));
        Files.delete(body(metas.get(0)));
        Files.writeString(metas.get(1), Files.readString(metas.get(1)).replace("\"status\" : 200", "\"status\" : 500"));
        Files.writeString(metas.get(2), Files.readString(metas.get(2)).replaceAll("\"content_type\" : \"[^\"]*\"",
                "\"content_type\" : \"text/html\""));
        Files.writeString(body(metas.get(2)), "<html><title>Attention Required!</title></html>");
        String config = rec.resolve("jobintel.yaml").toString();
        Result replay = jobintel("fetch", "--config", config, "--replay", rec.toString(), "--db", db(),
                "--sources", "greenhouse", "--no-progress");
        assertThat(replay.exit()).as(replay.err()).isEqualTo(Main.BOARDS_FAILED);

        // Exit 5 says 'status says which and why': it does, for a replay as for a fetch from the network.
        for (String[] args : new String[][] {{"status", "--db", db(), "--config", config},
                {"status", "--db", db(), "--config", config, "--explain"}}) {
            Result status = jobintel(args);
            assertThat(status.exit()).isZero();
            String out = status.out();
            assertThat(out).as(String.join(" ", args)).contains("Boards failing or partial:")
                    .containsPattern(slugs.get(0) + " .*replayed.*no recorded response")
                    .containsPattern(slugs.get(1) + " .*replayed.*server error \\(HTTP 500\\)")
                    .containsPattern(slugs.get(2) + " .*replayed.*an HTML page came back")
                    .doesNotContain("backed off");
        }
        JsonNode boards = new ObjectMapper().readTree(jobintel("status", "--db", db(), "--json").out()).get("failingBoards");
        assertThat(boards).hasSize(3).allSatisfy(b -> {
            assertThat(b.get("lastFetch").asText()).isEqualTo("replayed");
            assertThat(b.get("lastError").asText()).isNotEmpty();
        });
    }

    private static Path body(Path meta) {
        return meta.resolveSibling(meta.getFileName().toString().replace(".meta.json", ".body"));
    }

    @Test
    void aBoardRemovedFromTheConfigurationIsShownAsNoLongerFetchedNotAsBackedOff() throws IOException {
        try (dev.jobintel.testing.LocalServer server = new dev.jobintel.testing.LocalServer()) {
            server.on("/v1/boards/acme/jobs", dev.jobintel.testing.LocalServer.Reply.json(
                    dev.jobintel.source.greenhouse.GreenhouseFixture.body("acme", 2)));
            server.on("/v1/boards/gone/jobs", dev.jobintel.testing.LocalServer.Reply.status(404, "{}"));
            String common = "health:\n  failures_before_backoff: 1\nhttp:\n  politeness_delay_ms: 0\n"
                    + "sources:\n  greenhouse:\n    base_url: " + server.baseUrl() + "\n    boards: ";
            String both = Files.writeString(dir.resolve("both.yaml"), common + "[{slug: acme}, {slug: gone}]\n").toString();
            String one = Files.writeString(dir.resolve("one.yaml"), common + "[{slug: acme}]\n").toString();
            assertThat(jobintel("fetch", "--config", both, "--db", db(), "--no-progress").exit()).isEqualTo(Main.BOARDS_FAILED);
            assertThat(jobintel("status", "--config", both, "--db", db()).out()).containsPattern("gone .*backed off until");

            // Removed from the configuration: never fetched again, whatever its back-off said.
            Result status = jobintel("status", "--config", one, "--db", db());
            assertThat(status.out()).containsPattern("gone .*HTTP 404.*never: no longer configured").doesNotContain("backed off");
            assertThat(jobintel("status", "--config", one, "--db", db(), "--explain").out())
                    .contains("never: no longer configured");
            JsonNode gone = new ObjectMapper().readTree(jobintel("status", "--config", one, "--db", db(), "--json").out())
                    .get("failingBoards").get(0);
            assertThat(gone.get("board").asText()).isEqualTo("gone");
            assertThat(gone.get("configured").asBoolean(true)).isFalse();
        }
    }

    @Test
    void runNarrowedToSourcesDoesNotClaimTheImportFilesItLeavesOut() throws IOException {
        Path rec = dir.resolve("rec");
        assertThat(jobintel("demo", "--recording", rec.toString()).exit()).isZero();
        Files.writeString(rec.resolve("extra.jsonl"), "{\"source\":\"mine\",\"id\":\"1\",\"url\":\"https://example.com/1\","
                + "\"title\":\"Backend Engineer\"}\n");
        Path config = rec.resolve("with-import.yaml");
        Files.writeString(config, Files.readString(rec.resolve("jobintel.yaml")) + "\nimport:\n  files: [extra.jsonl]\n");
        Result run = jobintel("run", "--config", config.toString(), "--replay", rec.toString(), "--db", db(),
                "--sources", "greenhouse", "--no-progress");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("jobintel run: 1 source from ").doesNotContain("import file");
        JsonNode s = new ObjectMapper().readTree(jobintel("status", "--db", db(), "--json").out());
        assertThat(s.get("bySource").has("mine")).as("the import file was left out, as the header says").isFalse();
    }

    @Test
    void runOnImportFilesAloneRefusesRecordAndReplayInsteadOfIgnoringThem() throws IOException {
        Files.writeString(dir.resolve("extra.jsonl"), "{\"source\":\"mine\",\"id\":\"1\",\"url\":\"https://example.com/1\","
                + "\"title\":\"Backend Engineer\"}\n");
        Path config = Files.writeString(dir.resolve("jobintel.yaml"), "import:\n  files: [extra.jsonl]\n");
        Path rec = Files.createDirectories(dir.resolve("rec"));
        for (String option : new String[] {"--record", "--replay"}) {
            Result run = jobintel("run", "--config", config.toString(), "--db", db(), option, rec.toString(), "--no-progress");
            assertThat(run.exit()).as(option).isEqualTo(Main.CONFIG_ERROR);
            assertThat(run.err()).contains(option + " needs sources configured");
        }
        assertThat(Files.exists(dir.resolve("jobintel.db"))).as("nothing was imported").isFalse();
        assertThat(jobintel("run", "--config", config.toString(), "--db", db(), "--no-progress").exit()).isZero();
    }

    @Test
    void demoFilesNamedGzAreGzipAndTheCommandsItSuggestsReadThem() throws IOException {
        // "demo --jsonl demo.jsonl.gz" wrote plain text, and the "Try: ./jobintel import demo.jsonl.gz" it printed
        // failed the whole file ("Input is not in the .gz format"), as eval failed on --labels labels.jsonl.gz.
        Path jsonl = dir.resolve("demo.jsonl.gz");
        Path labels = dir.resolve("labels.JSONL.GZ");
        Result written = jobintel("demo", "--jsonl", jsonl.toString(), "--labels", labels.toString());
        assertThat(written.exit()).as(written.err()).isZero();
        for (Path file : List.of(jsonl, labels)) {
            try (var gz = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
                assertThat(gz.readAllBytes()).as(file.toString()).isNotEmpty();
            }
        }
        Result imported = jobintel("import", "--db", db(), jsonl.toString(), "--no-progress");
        assertThat(imported.exit()).as(imported.out()).isZero();
        assertThat(imported.out()).contains("Imported " + Summaries.n(dev.jobintel.source.demo.DemoDataset.postings().size())
                + " postings");
        Result eval = jobintel("eval", "--labels", labels.toString(), "--limit", "20");
        assertThat(eval.exit()).as(eval.err()).isZero();
    }

    @Test
    void demoSaysWhichPathItCannotWriteBeforeWritingAnything() throws IOException {
        Result noDir = jobintel("demo", "--labels", dir.resolve("labels.jsonl").toString(), "--jsonl",
                dir.resolve("no/such/demo.jsonl").toString());
        assertThat(noDir.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(noDir.err()).contains("--jsonl").contains("there is no directory " + dir.resolve("no/such"));
        assertThat(Files.exists(dir.resolve("labels.jsonl"))).as("checked before writing anything").isFalse();
        Result aDir = jobintel("demo", "--labels", dir.toString());
        assertThat(aDir.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(aDir.err()).contains("--labels").contains("is a directory");
        Files.writeString(dir.resolve("file"), "x");
        Result underAFile = jobintel("demo", "--recording", dir.resolve("file/rec").toString());
        assertThat(underAFile.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(underAFile.err()).contains("--recording: cannot create the directory");
        // The directory a user works in holds their own jobintel.yaml: never replaced by the demo's.
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("jobintel.yaml"), "classifier:\n  name: claude\n");
        Result mine = jobintel("demo", "--recording", work.toString());
        assertThat(mine.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(mine.err()).contains("is not one a demo wrote");
        assertThat(Files.readString(work.resolve("jobintel.yaml"))).isEqualTo("classifier:\n  name: claude\n");
        // Two outputs in one file: the second would replace the first.
        Result oneFile = jobintel("demo", "--jsonl", dir.resolve("both.jsonl").toString(), "--labels",
                dir.resolve("./both.jsonl").toString());
        assertThat(oneFile.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(oneFile.err()).contains("--jsonl and --labels name one file");
        assertThat(dir.resolve("both.jsonl")).doesNotExist();
        Result intoTheConfig = jobintel("demo", "--recording", dir.resolve("r").toString(), "--jsonl",
                dir.resolve("r/jobintel.yaml").toString());
        assertThat(intoTheConfig.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(intoTheConfig.err()).contains("is the configuration the recording writes");
        // An empty path is not the current directory.
        for (String[] empty : new String[][] {{"demo", "--recording", ""}, {"fetch", "--record", ""}, {"import", ""},
                {"status", "--config", ""}, {"eval", "--labels", ""}, {"retry", "--reason", ""}, {"retry", "--source", " "},
                {"serve", "--host", ""}, {"retry", "--reason", ",", "--db", db()}}) {
            Result r = jobintel(empty);
            assertThat(r.exit()).as(String.join(" ", empty)).isEqualTo(Main.CONFIG_ERROR);
            assertThat(r.err()).as(String.join(" ", empty)).contains("empty one");
        }
        // A demo's own earlier recording is written again.
        Path again = dir.resolve("again");
        assertThat(jobintel("demo", "--recording", again.toString()).exit()).isZero();
        assertThat(jobintel("demo", "--recording", again.toString()).exit()).isZero();
    }

    @Test
    void fetchRunAndImportSayInTheirExitCodeThatABoardOrFileFailedAndKeepWhatArrived() throws IOException {
        Path rec = dir.resolve("rec");
        assertThat(jobintel("demo", "--recording", rec.toString()).exit()).isZero();
        // One Greenhouse board was taken down: the recording answers 404 for it.
        Path meta;
        try (var files = Files.list(rec.resolve("boards-api.greenhouse.io"))) {
            meta = files.filter(f -> f.toString().endsWith(".meta.json")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(meta, Files.readString(meta).replace("\"status\" : 200", "\"status\" : 404"));
        String config = rec.resolve("jobintel.yaml").toString();

        Result fetch = jobintel("fetch", "--config", config, "--replay", rec.toString(), "--db", db(),
                "--sources", "greenhouse", "--no-progress");
        assertThat(fetch.exit()).as(fetch.err()).isEqualTo(Main.BOARDS_FAILED);
        assertThat(fetch.out()).contains("failed: not found (HTTP 404)");
        Result run = jobintel("run", "--config", config, "--replay", rec.toString(), "--db", db(), "--no-progress");
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.BOARDS_FAILED);
        assertThat(run.out()).contains("Invariants: all hold");

        // A recording that cannot be written is said once, before any board is asked; it used to fail
        // every board as "connection failed".
        Path aFile = Files.writeString(dir.resolve("a-file"), "");
        Result unwritable = jobintel("fetch", "--config", config, "--replay", rec.toString(), "--db", db(),
                "--record", aFile.resolve("rec").toString());
        assertThat(unwritable.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(unwritable.err()).contains("--record: cannot create the directory " + aFile.resolve("rec"));
        assertThat(unwritable.out()).doesNotContain("board");

        // A file cut short in transfer: the postings before the cut are kept.
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            lines.append("{\"source\":\"lever\",\"id\":\"cut").append(i).append("\",\"url\":\"https://jobs.lever.co/acme/")
                    .append(i).append("\",\"company\":\"Acme\",\"title\":\"Engineer ").append(i).append("\"}\n");
        }
        Path cut = gzipCutShort(dir.resolve("cut.jsonl.gz"), lines);
        Result imported = jobintel("import", "--db", db(), cut.toString(), "--no-progress");
        assertThat(imported.exit()).as(imported.err()).isEqualTo(Main.BOARDS_FAILED);
        assertThat(imported.out()).contains("file " + cut + " partly read").contains("cut.jsonl.gz after line");
        Result status = jobintel("status", "--db", db(), "--json");
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("partly read \\(([0-9,]+) postings? kept\\)")
                .matcher(imported.out());
        assertThat(kept.find()).isTrue();
        long read = Long.parseLong(kept.group(1).replace(",", ""));
        assertThat(read).as("every line whole before the cut is kept, not just those before the last 64K decoded")
                .isEqualTo(completeLinesBeforeTheCut(cut));
        assertThat(imported.out()).contains("cut.jsonl.gz after line " + read + ":");
        assertThat(new ObjectMapper().readTree(status.out()).at("/bySource/lever/pending/count").asLong())
                .as("every posting read before the cut is in the ledger, pending").isEqualTo(read);
        // And status says which boards and files failed and why (exit 5's promise); a file is never backed off.
        for (int i = 0; i < 3; i++) {
            assertThat(jobintel("import", "--db", db(), cut.toString(), "--no-progress").exit()).isEqualTo(Main.BOARDS_FAILED);
        }
        Result plain = jobintel("status", "--db", db());
        assertThat(plain.out()).containsPattern("import +" + java.util.regex.Pattern.quote(cut.toString())
                        + " +partly read .*after line .*when imported again")
                .containsPattern("greenhouse .*replayed.*not found \\(HTTP 404\\)")
                .doesNotContain("backed off");
    }

    /** {@code lines} gzipped into {@code file} without the compressed stream's last 200 bytes, as a transfer cut short. */
    private static Path gzipCutShort(Path file, CharSequence lines) throws IOException {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] whole = gz.toByteArray();
        return Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 200));
    }

    @Test
    void aFileCutShortAfterOnlyRejectedLinesWasReadInPartNotUnread() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            lines.append("{\"source\":\"lever\",\"id\":\"r").append(i).append("\",\"company\":\"Acme\"}\n");
        }
        Path cut = gzipCutShort(dir.resolve("rejects.jsonl.gz"), lines);
        Result imported = jobintel("import", "--db", db(), cut.toString(), "--no-progress");
        assertThat(imported.exit()).as(imported.err()).isEqualTo(Main.BOARDS_FAILED);
        long read = completeLinesBeforeTheCut(cut);
        assertThat(read).isPositive();
        // Every line read was a reject (no url, no title), kept: the file was read up to the cut, not unread.
        assertThat(imported.out()).doesNotContain("failed").contains("file " + cut + " partly read")
                .contains("rejects.jsonl.gz after line " + read + ":");
        Result plain = jobintel("status", "--db", db(), "--explain");
        assertThat(plain.out()).containsPattern("import +" + java.util.regex.Pattern.quote(cut.toString())
                + " +partly read .*after line " + read + ":").doesNotContain("unread");
    }

    @Test
    void anImportStoppedPartWayIsPartlyReadNotUnread() throws IOException {
        Path file = Fixtures.jsonlFile(dir.resolve("stopped.jsonl"), Fixtures.distinctJobs(0, 3));
        assertThat(jobintel("import", "--db", db(), file.toString(), "--no-progress").exit()).isZero();
        // As a killed import (SIGKILL, a crash) leaves its file's fetch run: running, with what it landed counted.
        String board = file.toRealPath().toString();
        try (dev.jobintel.store.Database d = dev.jobintel.store.Database.open(db(), null, null)) {
            long id = dev.jobintel.store.FetchRuns.start(d, "stopped", "import", board, System.currentTimeMillis());
            d.inTransaction(c -> dev.jobintel.store.FetchRuns.progress(c, id,
                    new dev.jobintel.store.LandCounts(0, 0, 3, 0), 0));
        }
        // The next writer closes that run as cut short; the file's postings it landed are in the ledger.
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
        Result status = jobintel("status", "--db", db(), "--explain");
        assertThat(status.out()).containsPattern("import +" + java.util.regex.Pattern.quote(board)
                + " +partly read .*interrupted").doesNotContain("unread");
    }

    /** The lines a gunzip of the cut file gets to the end of before the input runs out. */
    private static long completeLinesBeforeTheCut(Path cut) throws IOException {
        long lines = 0;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(cut))) {
            int b;
            while ((b = in.read()) >= 0) {
                lines += b == '\n' ? 1 : 0;
            }
        } catch (java.io.EOFException expected) {
            // the cut
        }
        return lines;
    }

    @Test
    void anIdServedTwiceLandsOnceAndReFetchingChangesNothing() throws IOException {
        Path file = dir.resolve("twice.jsonl");
        // A byte-order mark first, as Notepad writes one; then one id under two different postings.
        Files.writeString(file, "\uFEFF" + """
                {"source":"lever","id":"a","url":"https://jobs.lever.co/acme/a","company":"Acme","title":"Data Engineer"}
                {"source":"lever","id":"a","url":"https://jobs.lever.co/acme/a","company":"Acme","title":"Data Engineer"}
                {"source":"lever","id":"a","url":"https://jobs.lever.co/acme/a2","company":"Acme","title":"Product Designer"}
                {"source":"lever","id":"b","url":"https://jobs.lever.co/acme/b","company":"Acme","title":"Data Engineer Aa"}
                {"source":"lever","id":"b","url":"https://jobs.lever.co/acme/b","company":"Acme","title":"Data Engineer BB"}
                """);
        // "Aa" and "BB" have one String hash: the two postings under id b are different all the same.
        assertThat("Data Engineer Aa".hashCode()).isEqualTo("Data Engineer BB".hashCode());
        Result first = jobintel("import", "--db", db(), file.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        // The same posting twice is seen again (pages overlap); a different one under its id is a reject.
        assertThat(first.out()).contains("2 new, 0 changed, 1 seen again, 2 rejected");
        Result again = jobintel("import", "--db", db(), file.toString());
        assertThat(again.out()).contains("0 new, 0 changed, 3 seen again").doesNotContain("back to pending");
        Result status = jobintel("status", "--db", db(), "--explain");
        assertThat(status.out()).contains("repeated_id");
    }

    @Test
    void anIdInTwoFilesOfOneImportLandsOnceAndImportingAgainChangesNothing() throws IOException {
        // An export split in two, where one id was written to both halves with different text: the
        // second copy must not overwrite the first on every import (each would then look changed and
        // be classified, and paid for, again).
        Path a = dir.resolve("half1.jsonl");
        Path b = dir.resolve("half2.jsonl");
        Files.writeString(a, """
                {"source":"lever","id":"x","url":"https://jobs.lever.co/acme/x","company":"Acme","title":"Data Engineer"}
                """);
        Files.writeString(b, """
                {"source":"lever","id":"x","url":"https://jobs.lever.co/acme/x2","company":"Acme","title":"Product Designer"}
                {"source":"lever","id":"y","url":"https://jobs.lever.co/acme/y","company":"Acme","title":"Data Analyst"}
                """);
        Result first = jobintel("import", "--db", db(), a.toString(), b.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("2 new, 0 changed, 0 seen again, 1 rejected");
        Result again = jobintel("import", "--db", db(), a.toString(), b.toString());
        assertThat(again.out()).contains("0 new, 0 changed, 2 seen again").doesNotContain("back to pending");
        Result status = jobintel("status", "--db", db(), "--explain");
        assertThat(status.out()).contains("repeated_id");
    }

    @Test
    void anIdWithAHalfOfAnEmojiLandsOnceAndIsSeenAgainNotACrash() throws IOException {
        Path file = dir.resolve("surrogates.jsonl");
        // A producer that cut its ids in UTF-16 units leaves half an emoji (a lone surrogate); the database
        // stores one as '?', so two ids that differ only in their halves are one id there.
        Files.writeString(file, """
                {"source":"lever","id":"a\\ud83d","url":"https://jobs.lever.co/acme/a","company":"Acme","title":"Data Engineer"}
                {"source":"lever\\udc00","id":"b","url":"https://jobs.lever.co/acme/b","company":"Acme","title":"Backend Engineer"}
                {"source":"lever","id":"c\\ud83d","url":"https://jobs.lever.co/acme/c","company":"Acme","title":"Data Analyst"}
                {"source":"lever","id":"c\\ud83e","url":"https://jobs.lever.co/acme/c2","company":"Acme","title":"Product Designer"}
                """);
        Result first = jobintel("import", "--db", db(), file.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 new, 0 changed, 0 seen again, 1 rejected");
        Result again = jobintel("import", "--db", db(), file.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 new, 0 changed, 3 seen again, 1 rejected");
        JsonNode s = new ObjectMapper().readTree(jobintel("status", "--db", db(), "--json").out());
        assertThat(s.get("rawPostings").asLong()).isEqualTo(3);
    }

    @Test
    void statusJsonWithExplainHasTheSameShapeInEveryProcess() throws Exception {
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, "{\"source\":\"lever\",\"id\":\"a\",\"url\":\"https://jobs.lever.co/acme/a\","
                + "\"company\":\"Acme\",\"title\":\"Data Engineer\"}\n");
        assertThat(jobintel("import", "--db", db(), file.toString()).exit()).isZero();
        // Each JVM orders an immutable map's keys its own way: a script diffing two outputs must not see
        // the ledger and its explanation swap places. Six processes agree by chance once in 32 times.
        java.util.Set<java.util.List<String>> shapes = new java.util.HashSet<>();
        for (int i = 0; i < 6; i++) {
            dev.jobintel.testing.JobintelProcess.Result r = dev.jobintel.testing.JobintelProcess.run(dir, java.util.Map.of(),
                    "status", "--json", "--explain", "--db", db());
            assertThat(r.exit()).as(r.err()).isZero();
            java.util.List<String> fields = new java.util.ArrayList<>();
            new ObjectMapper().readTree(r.out()).fieldNames().forEachRemaining(fields::add);
            shapes.add(fields);
        }
        assertThat(shapes).containsExactly(java.util.List.of("status", "explanation"));
    }

    @Test
    void aJobintelYamlLinkingToAFileThatIsGoneIsAnErrorNotTheDefaults() throws Exception {
        // A config kept elsewhere and linked into the working directory, then moved: running on the defaults
        // (the demo, ./jobintel.db) would quietly do other work than the user's file says.
        Files.createSymbolicLink(dir.resolve("jobintel.yaml"), dir.resolve("moved-away.yaml"));
        dev.jobintel.testing.JobintelProcess.Result r = dev.jobintel.testing.JobintelProcess.run(dir, java.util.Map.of(),
                "status", "--db", db());
        assertThat(r.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(r.err()).contains("jobintel.yaml").contains("moved-away.yaml, which does not exist").doesNotContain("\tat ");
    }

    @Test
    void anImportedSourceNameCannotWriteToTheTerminalAndLimitZeroIsNotAll() throws IOException {
        Path file = dir.resolve("escape.jsonl");
        Files.writeString(file, "{\"source\":\"gh\\u001b[31mRED\\u001b[0m\",\"id\":\"1\",\"url\":\"https://x.example/1\","
                + "\"company\":\"A\",\"title\":\"Backend Engineer\",\"description\":\"short\"}\n");
        assertThat(jobintel("import", "--db", db(), file.toString()).exit()).isZero();
        Result zero = jobintel("enrich", "--db", db(), "--limit", "0");
        assertThat(zero.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(zero.err()).contains("--limit must be 1 or more");
        assertThat(new ObjectMapper().readTree(jobintel("status", "--db", db(), "--json").out())
                .get("outcomes").get("pending").get("count").asLong()).as("nothing decided").isEqualTo(1);
        assertThat(jobintel("enrich", "--db", db()).exit()).isZero();
        Result explain = jobintel("status", "--db", db(), "--explain");
        assertThat(explain.out()).contains("gh[31mRED[0m").doesNotContain("\u001b");
    }

    @Test
    void importThenEnrichIsTheSameAsRun() throws IOException {
        Path file = dir.resolve("postings.jsonl");
        Files.writeString(file, """
                {"source":"lever","id":"a","url":"https://jobs.lever.co/acme/a","company":"Acme","title":"Data Engineer","location":"Berlin","description":"We move data with Spark and Airflow for a marketplace of independent shops. You have 3+ years of experience with Python and SQL and enjoy building reliable pipelines."}
                {"source":"lever","id":"b","url":"https://jobs.lever.co/acme/b","company":"Acme","title":"Data Engineer","location":"Berlin, Germany","description":"We move data with Spark and Airflow for a marketplace of independent shops. You have 3+ years of experience with Python and SQL and enjoy building reliable pipelines."}
                {"source":"lever","id":"c","title":"No url"}
                """);
        Result imported = jobintel("import", "--db", db(), file.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 3 postings from 1 file").contains("2 new").contains("1 rejected");
        Result enriched = jobintel("enrich", "--db", db());
        assertThat(enriched.exit()).isZero();
        assertThat(enriched.out()).contains("1 enriched (new jobs), 1 merged");
    }

    @Test
    void benchClaudeAnswersInTheTaxonomyTheConfigurationNames() throws Exception {
        // The local server answered in the bundled taxonomy's codes: under one's own, every posting failed.
        String bundled;
        try (var in = CliIT.class.getResourceAsStream("/jobintel/taxonomy.yaml")) {
            bundled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // Two families of its own: no code of the bundled families, nor a name or synonym of one.
        String mine = bundled.substring(0, bundled.indexOf("\nfamilies:\n")).replace(
                "fallback: {family: out_of_scope, subfamily: other}", "fallback: {family: other_work, subfamily: misc}")
                + "\nfamilies:\n"
                + "  - {code: engineering, name: Builders, description: Builds software., subfamilies: [\n"
                + "      {code: software, name: Makers, description: Software engineers., title_patterns: ['\\bengineer\\b']}]}\n"
                + "  - {code: other_work, name: Everyone else, description: Anything else., subfamilies: [\n"
                + "      {code: misc, name: Misc, description: Everything else.}]}\n"
                + bundled.substring(bundled.indexOf("\nseniority:\n"));
        Files.writeString(dir.resolve("mine.yaml"), mine);
        Path cfg = Files.writeString(dir.resolve("jobintel.yaml"), "taxonomy: mine.yaml\n");
        Result r = jobintel("bench", "claude", "--latency-ms", "1", "--config", cfg.toString(), "--no-progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains(" merged, 91 filtered, 0 failed").doesNotContain("NaN");
    }
}
