package dev.jobintel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.posting.Posting;
import dev.jobintel.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.jobintel.cli.CliIT.jobintel;
import static org.assertj.core.api.Assertions.assertThat;

/** jobintel report on a small market whose answers are known, through the real import and rules. */
class ReportCommandIT {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private String db() {
        return Fixtures.sqliteUrl(dir);
    }

    private static Posting posting(String id, String company, String title, String location, String text) {
        return Fixtures.posting("greenhouse", id, company, title, location,
                text + " We build payment systems for merchants across Europe and care about reliability, "
                        + "testing and clear writing. You will own services end to end with a small team.");
    }

    @BeforeEach
    void market() throws IOException {
        List<Posting> postings = List.of(
                posting("1", "Acme", "Senior Data Engineer", "London, UK", "Python and SQL. Salary £80,000 - £100,000 per year."),
                posting("2", "Acme", "Data Engineer", "London, UK", "Python and SQL. Salary £60,000 - £70,000 per year."),
                posting("3", "Beta", "Backend Engineer", "Berlin, Germany", "Java and Kafka. Pay €4,000 - €5,000 per month."),
                posting("4", "Gamma", "Data Analyst", "Berlin, Germany", "SQL and Tableau dashboards."),
                posting("5", "=HYPERLINK(\"http://evil.example\")", "Frontend Engineer", "Amsterdam, Netherlands",
                        "React and TypeScript."),
                // The same job on another board: one job, counted once.
                Fixtures.posting("lever", "l1", "Acme", "Data Engineer", "London, UK", "Python and SQL. Salary £60,000 - "
                        + "£70,000 per year. We build payment systems for merchants across Europe and care about "
                        + "reliability, testing and clear writing. You will own services end to end with a small team."));
        Path file = Fixtures.jsonlFile(dir.resolve("market.jsonl"), postings);
        assertThat(jobintel("import", file.toString(), "--db", db()).exit()).isZero();
        CliIT.Result enrich = jobintel("enrich", "--db", db(), "--no-progress");
        assertThat(enrich.out()).contains("5 enriched (new jobs), 1 merged");
    }

    /** Imports {@code postings} (as the file {@code name}) into the market and enriches them. */
    private void addAndEnrich(String name, Posting... postings) throws IOException {
        Path more = Fixtures.jsonlFile(dir.resolve(name), List.of(postings));
        assertThat(jobintel("import", more.toString(), "--db", db()).exit()).isZero();
        assertThat(jobintel("enrich", "--db", db(), "--no-progress").exit()).isZero();
    }

    private JsonNode report(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("report"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json", "--db", db()));
        CliIT.Result r = jobintel(all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void anEmployerIsCountedOnceHoweverItsBoardsSpellIt() throws IOException {
        // Job identity takes "ACME Ltd" and "acme" for Acme (their postings of one job merge); so do employers.
        addAndEnrich("acme.jsonl", posting("6", "ACME Ltd", "Backend Engineer", "London, UK", "Java and Kafka."),
                posting("7", "acme", "Frontend Engineer", "London, UK", "React and TypeScript."));
        JsonNode employers = report("employers");
        assertThat(employers.get("jobs").asLong()).isEqualTo(7);
        JsonNode acme = row(employers, "employer", "Acme");
        assertThat(acme.get("jobs").asLong()).isEqualTo(4);
        assertThat(acme.get("families").asLong()).isEqualTo(2);
        assertThat(acme.get("share_pct").asDouble()).isEqualTo(57.14);
        assertThat(employers.get("rows")).extracting(r -> r.get("employer").asText())
                .doesNotContain("ACME Ltd", "acme").startsWith("Acme");
    }

    @Test
    void anEmployerIsOneRowWithOrWithoutTheArticleOrLegalFormItsBoardsGiveIt() throws IOException {
        // Job identity takes "The Home Depot", "Home Depot" and "Home Depot sp. z o.o." for one employer (their
        // postings of one job merge).
        addAndEnrich("depot.jsonl", posting("81", "The Home Depot", "Backend Engineer", "London, UK", "Java and Kafka."),
                posting("82", "The Home Depot", "Frontend Engineer", "London, UK", "React and TypeScript."),
                posting("83", "Home Depot", "Data Analyst", "London, UK", "SQL and Tableau dashboards."),
                posting("84", "Home Depot sp. z o.o.", "Data Engineer", "London, UK", "Spark and Airflow pipelines."));
        JsonNode employers = report("employers");
        assertThat(row(employers, "employer", "The Home Depot").get("jobs").asLong()).isEqualTo(4);
        assertThat(employers.get("rows")).extracting(r -> r.get("employer").asText())
                .doesNotContain("Home Depot", "Home Depot sp. z o.o.");
    }

    @Test
    void jobsThatNameNoEmployerAreNotStatedNotAnEmployerWithABlankName() throws IOException {
        // Postings of a file that gives no company: job identity tells them apart by their host, not as one employer.
        addAndEnrich("nameless.jsonl", posting("71", "", "Backend Engineer", "London, UK", "Java and Kafka."),
                posting("72", "", "Frontend Engineer", "Berlin, Germany", "React and TypeScript."));
        JsonNode employers = report("employers");
        assertThat(employers.get("rows")).extracting(r -> r.get("employer").asText()).doesNotContain("");
        assertThat(row(employers, "employer", "(not stated)").get("jobs").asLong()).isEqualTo(2);
        CliIT.Result table = jobintel("report", "employers", "--db", db());
        assertThat(table.out()).contains("(not stated)");
    }

    private static JsonNode row(JsonNode report, String key, String value) {
        for (JsonNode row : report.get("rows")) {
            if (row.get(key).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + key + " = " + value + " in " + report);
    }

    @Test
    void demandCountsEachJobOnceAndSharesAreOfTheSelectedJobs() throws IOException {
        JsonNode demand = report("demand");
        assertThat(demand.get("jobs").asLong()).isEqualTo(5);
        JsonNode engineering = row(demand, "role", "Data engineering");
        assertThat(engineering.get("jobs").asLong()).isEqualTo(2);
        assertThat(engineering.get("share_pct").asDouble()).isEqualTo(40.0);
        assertThat(engineering.get("top_places").asText()).isEqualTo("London 2");

        JsonNode london = report("demand", "--city", "london");
        assertThat(london.get("jobs").asLong()).isEqualTo(2);
        assertThat(london.get("rows")).hasSize(1);
        // An alias the place table knows names the same city, as it does in a posting's location.
        assertThat(report("demand", "--city", "Greater London").get("jobs").asLong()).isEqualTo(2);
        assertThat(report("cities", "--family", "Data").get("rows").get(0).get("place").asText()).isIn("London", "Berlin");
        assertThat(row(report("cities"), "place", "Berlin").get("jobs").asLong()).isEqualTo(2);
    }

    @Test
    void payIsAnnualisedPerCurrencyAndNeverConverted() throws IOException {
        JsonNode pay = report("pay");
        assertThat(pay.get("title").asText()).contains("(3 state it)");
        assertThat(pay.get("jobs").asLong()).isEqualTo(5);
        JsonNode eur = row(pay, "currency", "EUR");
        assertThat(eur.get("median").asLong()).as("€4,500 a month").isEqualTo(54_000);
        long gbpJobs = 0;
        for (JsonNode r : pay.get("rows")) {
            if (r.get("currency").asText().equals("GBP")) {
                gbpJobs += r.get("jobs").asLong();
                assertThat(r.get("median").asLong()).isIn(65_000L, 90_000L);
            }
        }
        assertThat(gbpJobs).isEqualTo(2);
    }

    @Test
    void skillsSinceAndOpenNarrowTheJobs() throws Exception {
        JsonNode sql = row(report("skills"), "skill", "SQL");
        assertThat(sql.get("jobs").asLong()).isEqualTo(3);
        assertThat(sql.get("share_pct").asDouble()).isEqualTo(60.0);

        assertThat(report("trends", "--since", "2999-01-01").get("jobs").asLong()).isZero();
        assertThat(report("arrangements", "--since", "2999-01-01").get("rows")).as("no 'all' row of blank shares")
                .isEmpty();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE raw_postings SET closed_at = last_seen WHERE source_job_id = '4'");
        }
        JsonNode open = report("employers", "--open");
        assertThat(open.get("jobs").asLong()).isEqualTo(4);
        assertThat(open.get("filter").get("open").asBoolean()).isTrue();
        assertThat(row(report("employers"), "employer", "Gamma").get("open").asLong()).isZero();
        JsonNode arrangements = report("arrangements");
        assertThat(row(arrangements, "family", "all").get("jobs").asLong()).isEqualTo(5);
    }

    @Test
    void arrangementsEndsWithATotalLineBeyondTheLimitAndHelpSaysSo() throws IOException {
        // Three families; --limit 1 keeps the largest, and the market's own shares are not cut with the rest.
        JsonNode one = report("arrangements", "--limit", "1");
        List<String> families = new ArrayList<>();
        one.get("rows").forEach(r -> families.add(r.get("family").asText() + " " + r.get("jobs").asLong()));
        assertThat(families).containsExactly("Data 3", "all 5");
        for (String command : List.of("report", "serve")) {
            String help = jobintel(command, "--help").out().replaceAll("\\s+", " ");
            assertThat(help).as(command).contains("arrangements").contains("total line").contains("all");
        }
    }

    @Test
    void remoteNarrowsToJobsThatMayBeDoneRemotely() throws IOException {
        addAndEnrich("remote.jsonl",
                posting("6", "Delta", "Backend Engineer", "Remote - US; Remote - Germany", "Go and Kafka."),
                posting("7", "Delta", "Data Engineer", "London or Remote (UK)", "Python and Spark."),
                posting("8", "Epsilon", "Frontend Engineer", "Remote", "React and TypeScript."),
                // Classified fully remote from its text though its location names only an office.
                posting("9", "Zeta", "Platform Engineer", "New York, NY", "This is a fully remote role. Go and AWS."));

        JsonNode remote = report("cities", "--remote");
        assertThat(remote.get("jobs").asLong()).isEqualTo(4);
        assertThat(remote.get("filter").get("remote").asBoolean()).isTrue();
        // Remote with no country named is as remote as "Remote - US; Remote - Germany" (it was "(unresolved)").
        assertThat(row(remote, "place", "Remote").get("jobs").asLong()).isEqualTo(2);
        assertThat(row(remote, "place", "London").get("jobs").asLong()).as("an office, or remote").isEqualTo(1);
        assertThat(report("employers", "--remote", "--city", "London").get("jobs").asLong()).isEqualTo(1);
        // The jobs behind them say where each may be done from, not only "Remote".
        JsonNode jobs = report("jobs", "--remote");
        assertThat(row(jobs, "title", "Backend Engineer").get("place").asText())
                .isEqualTo("Remote (Germany or United States)");
        assertThat(row(jobs, "title", "Data Engineer").get("place").asText())
                .isEqualTo("London, or remote (United Kingdom)");
        assertThat(row(jobs, "title", "Frontend Engineer").get("place").asText()).as("from where, not stated")
                .isEqualTo("Remote");
        assertThat(row(jobs, "title", "Platform Engineer").get("place").asText()).as("no remote scope stated")
                .isEqualTo("New York");
        // Counted the same way everywhere: the cities report's remote share is --remote's.
        assertThat(row(report("cities"), "place", "New York").get("remote_pct").asDouble()).isEqualTo(100.0);
        assertThat(row(report("cities"), "place", "London").get("remote_pct").asDouble())
                .isCloseTo(report("cities", "--remote", "--city", "London").get("jobs").asLong() * 100.0
                        / report("cities", "--city", "London").get("jobs").asLong(), org.assertj.core.data.Offset.offset(0.01));

        JsonNode where = report("remote");
        assertThat(where.get("jobs").asLong()).isEqualTo(4);
        assertThat(row(where, "scope", "de+us").get("remote_from").asText()).isEqualTo("Germany or United States");
        assertThat(row(where, "scope", "gb").get("with_office_pct").asDouble()).isEqualTo(100.0);
        assertThat(row(where, "scope", "").get("remote_from").asText()).isEqualTo("not stated");
        assertThat(row(where, "scope", "").get("jobs").asLong()).isEqualTo(2);
        assertThat(report("employers").get("jobs").asLong()).isEqualTo(9);
    }

    @Test
    void aJobRemoteFromSeveralCountriesIsInItsScopeNotInTheFirstCountryNamed() throws IOException {
        long canada = report("employers", "--area", "CA").get("jobs").asLong();
        long northAmerica = report("employers", "--area", "north_america").get("jobs").asLong();
        addAndEnrich("na.jsonl",
                posting("21", "Theta", "Backend Engineer", "Remote - Canada or US", "Go and Kafka."),
                posting("22", "Theta", "Data Engineer", "Toronto, Canada", "Python and Spark."),
                posting("23", "Theta", "Frontend Engineer", "Toronto or Remote (North America)", "React."));
        assertThat(report("employers", "--area", "CA").get("jobs").asLong()).as("the two with an office in Toronto")
                .isEqualTo(canada + 2);
        assertThat(report("employers", "--area", "north_america").get("jobs").asLong()).isEqualTo(northAmerica + 3);
    }

    @Test
    void anAreaNarrowsAsTheGatesLocationFiltersDo() throws IOException {
        addAndEnrich("remote.jsonl",
                posting("6", "Delta", "Backend Engineer", "Remote - US; Remote - Germany", "Go and Kafka."),
                posting("7", "Delta", "Data Engineer", "London or Remote (UK)", "Python and Spark."),
                posting("8", "Epsilon", "Frontend Engineer", "Remote", "React and TypeScript."),
                posting("9", "Zeta", "Data Analyst", "Remote (CET ±2h)", "SQL and Looker."));

        // Berlin twice, and the job remote in Germany or the US.
        JsonNode germany = report("employers", "--area", "de");
        assertThat(germany.get("jobs").asLong()).isEqualTo(3);
        assertThat(germany.get("filter").get("area").asText()).isEqualTo("de");
        // Every job with an office or a place of remote work in Europe; not the one remote with no place.
        assertThat(report("employers", "--area", "europe").get("jobs").asLong()).isEqualTo(8);
        assertThat(report("employers", "--area", "DACH").get("jobs").asLong()).isEqualTo(3);
        // Remote from somewhere in Europe: Germany (or the US), the UK (or London), Central European hours.
        JsonNode remoteEurope = report("remote", "--area", "remote-europe");
        assertThat(remoteEurope.get("jobs").asLong()).isEqualTo(3);
        assertThat(row(remoteEurope, "scope", "europe").get("jobs").asLong()).isEqualTo(1);
        assertThat(report("employers", "--area", "remote-us").get("jobs").asLong()).isEqualTo(1);
        assertThat(report("employers", "--area", "north_america").get("jobs").asLong()).isEqualTo(1);
        assertThat(report("employers", "--area", "lon").get("jobs").asLong()).as("London, or remote in the UK")
                .isEqualTo(3);
        assertThat(report("employers", "--area", "remote").get("jobs").asLong()).isEqualTo(4);
        assertThat(report("employers", "--area", "remote-global").get("jobs").asLong()).isZero();
        assertThat(report("employers", "--area", "europe", "--family", "data").get("jobs").asLong()).isEqualTo(5);

        CliIT.Result unknown = jobintel("report", "--area", "narnia", "--db", db());
        assertThat(unknown.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(unknown.err()).contains("area 'narnia' is not").contains("remote-europe");
        // Places by name, when the name means one place.
        assertThat(report("employers", "--area", "Germany").get("jobs").asLong()).isEqualTo(3);
        assertThat(report("employers", "--area", "remote-Europe").get("jobs").asLong()).isEqualTo(3);
    }

    @Test
    void citiesThatShareANameAreNeverCountedAsOne() throws IOException {
        addAndEnrich("cambridge.jsonl",
                posting("31", "Iota", "Backend Engineer", "Cambridge, UK", "Go and Kafka."),
                posting("32", "Iota", "Data Engineer", "Cambridge, UK", "Python and Spark."),
                posting("33", "Kappa", "Backend Engineer", "Cambridge, MA", "Go and Kafka."),
                posting("34", "Kappa", "Data Engineer", "Cambridge, MA", "Python and Spark."));
        // The run's summary: each Cambridge has two jobs of its own, not four together ahead of London.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db())) {
            assertThat(dev.jobintel.report.MarketSummary.byCity(c, 10)).extracting(k -> k.label() + " " + k.jobs())
                    .contains("Cambridge (United Kingdom) 2", "Cambridge (United States) 2", "London 2")
                    .noneMatch(line -> line.equals("Cambridge 4"));
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        JsonNode engineering = row(report("demand"), "role", "Data engineering");
        assertThat(engineering.get("top_places").asText()).contains("Cambridge (United Kingdom) 1",
                "Cambridge (United States) 1", "London 2");
        // The jobs behind those numbers say which Cambridge each is in, as the counts do.
        assertThat(report("jobs", "--family", "data").get("rows")).extracting(r -> r.get("place").asText())
                .contains("Cambridge (United Kingdom)", "Cambridge (United States)").doesNotContain("Cambridge");
    }

    @Test
    void citiesThatShareANameInOneCountryAreTwoPlacesEachNamedByItsCode() throws IOException {
        // The README names Portland (ME) as a homonym a user may add beside the bundled Portland (OR).
        Files.writeString(dir.resolve("my-places.yaml"),
                "cities:\n  - {code: pwm, name: Portland, country: \"US\", subdivision: \"ME\", aliases: [], codes: []}\n");
        Path cfg = Files.writeString(dir.resolve("jobintel.yaml"), "places: my-places.yaml\n");
        Path file = Fixtures.jsonlFile(dir.resolve("portland.jsonl"), List.of(
                posting("61", "Omicron", "Backend Engineer", "Portland, OR", "Go and Kafka."),
                posting("62", "Pi", "Backend Engineer", "Portland, OR", "Go and Kafka."),
                posting("63", "Rho", "Backend Engineer", "Portland, ME", "Go and Kafka.")));
        assertThat(jobintel("import", file.toString(), "--config", cfg.toString(), "--db", db()).exit()).isZero();
        assertThat(jobintel("enrich", "--config", cfg.toString(), "--db", db(), "--no-progress").exit()).isZero();

        // Jobs per city: two cities, not one "Portland, United States" of three jobs.
        JsonNode cities = report("cities", "--config", cfg.toString());
        assertThat(row(cities, "place", "Portland (pdx)").get("jobs").asLong()).isEqualTo(2);
        assertThat(row(cities, "place", "Portland (pwm)").get("jobs").asLong()).isEqualTo(1);
        assertThat(row(cities, "place", "Portland (pwm)").get("country").asText()).isEqualTo("United States");
        // Each is named as --city asks for it ("'Portland' is more than one city: … give the code"), everywhere.
        assertThat(row(report("demand", "--config", cfg.toString()), "role", "Backend").get("top_places").asText())
                .contains("Portland (pdx) 2", "Portland (pwm) 1");
        assertThat(report("jobs", "--city", "pwm", "--config", cfg.toString()).get("rows")).extracting(
                r -> r.get("place").asText()).containsExactly("Portland (pwm)");
        // Cambridge, shared by two countries, is still told apart by its country.
        addAndEnrich("cambridge.jsonl", posting("64", "Sigma", "Backend Engineer", "Cambridge, UK", "Go and Kafka."));
        assertThat(row(report("demand"), "role", "Backend").get("top_places").asText())
                .contains("Cambridge (United Kingdom) 1");
    }

    @Test
    void aCityAPlacesFileAddsIsAskedForBeforeAnyRunCopiedItIntoTheDatabase() throws IOException {
        addAndEnrich("portland.jsonl", posting("71", "Tau", "Backend Engineer", "Portland, OR", "Go and Kafka."));
        // The places: file is new: report reads, and writes no city table; the next run would copy it there.
        Files.writeString(dir.resolve("my-places.yaml"),
                "cities:\n  - {code: pwm, name: Portland, country: \"US\", subdivision: \"ME\", aliases: [], codes: []}\n"
                        + "  - {code: tsv, name: Testville, country: \"US\", aliases: [testburg], codes: []}\n");
        Path cfg = Files.writeString(dir.resolve("jobintel.yaml"), "places: my-places.yaml\n");
        // No job is there yet: that is the answer, as --area gives it, not "no city 'Testville'".
        for (String asked : List.of("Testville", "testburg", "pwm")) {
            assertThat(report("demand", "--city", asked, "--config", cfg.toString()).get("jobs").asLong()).as(asked).isZero();
        }
        assertThat(report("demand", "--city", "Portland", "--config", cfg.toString()).get("jobs").asLong()).isEqualTo(1);
        CliIT.Result unknown = jobintel("report", "demand", "--city", "Nowhereville", "--config", cfg.toString(), "--db", db());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no city 'Nowhereville'");
    }

    @Test
    void aJobPlacedOnlyInACountryNamedAsACityIsNotShownAsThatCity() throws IOException {
        Posting city = posting("51", "Mu", "Data Engineer", "Singapore", "Python and Spark.");
        Posting country = posting("52", "Nu", "Data Engineer", "Jurong West", "Python and Spark.");
        country = new Posting(country.source(), country.sourceJobId(), country.url(), country.company(), country.title(),
                country.locationText(), country.description(), country.postedAt(),
                new dev.jobintel.posting.Hints(null, null, null, null, null, null, List.of("SG"), java.util.Map.of()));
        addAndEnrich("singapore.jsonl", city, country);
        assertThat(row(report("demand"), "role", "Data engineering").get("top_places").asText())
                .contains("Singapore 1", "Singapore (country) 1");
        assertThat(row(report("cities"), "place", "Singapore (country)").get("jobs").asLong()).isEqualTo(1);
        assertThat(row(report("cities"), "place", "Singapore").get("country").asText()).isEqualTo("Singapore");
    }

    @Test
    void aJobIsInTheCountryOfItsOfficeWhateverItsRemoteScopeSays() throws IOException {
        long germany = report("employers", "--area", "DE").get("jobs").asLong();
        addAndEnrich("office.jsonl",
                posting("41", "Lambda", "Backend Engineer", "Remote (UK) or Berlin", "Go and Kafka."));
        assertThat(report("employers", "--area", "DE").get("jobs").asLong()).isEqualTo(germany + 1);
        assertThat(report("employers", "--area", "dach").get("jobs").asLong()).isEqualTo(germany + 1);
    }

    @Test
    void aCityIsFoundByItsNameInAnyCaseWhateverItsLetters() throws IOException {
        addAndEnrich("sp.jsonl",
                posting("51", "Mu", "Backend Engineer", "São Paulo, Brazil", "Go and Kafka."));
        assertThat(report("employers", "--city", "SÃO PAULO").get("jobs").asLong()).isEqualTo(1);
        assertThat(report("employers", "--city", "são paulo").get("jobs").asLong()).isEqualTo(1);
    }

    @Test
    void aCityIsFoundByAnAliasOfItsOwnThoughAStateOrCountryHasItToo() throws IOException {
        // "Sao Paulo" is the city and its state, "Luxemburg" the city and its country, "LA" Los Angeles and
        // Louisiana: --city asks for a city, so each means the city alone.
        addAndEnrich("aliases.jsonl",
                posting("51", "Mu", "Backend Engineer", "São Paulo, Brazil", "Go and Kafka."),
                posting("52", "Nu", "Backend Engineer", "Luxembourg City, Luxembourg", "Go and Kafka."),
                posting("53", "Xi", "Backend Engineer", "Los Angeles, CA", "Go and Kafka."));
        assertThat(report("employers", "--city", "Sao Paulo").get("jobs").asLong()).isEqualTo(1);
        assertThat(report("employers", "--city", "Luxemburg").get("jobs").asLong()).isEqualTo(1);
        assertThat(report("employers", "--city", "LA").get("jobs").asLong()).isEqualTo(1);
        // A spelling of two cities' names (San Jose, US, and San José, Costa Rica) asks which, as a shared name does.
        CliIT.Result twoSanJoses = jobintel("report", "--city", "san-jose", "--db", db());
        assertThat(twoSanJoses.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(twoSanJoses.err()).contains("'san-jose' is more than one city: sjc (United States), sjo (Costa Rica)",
                "give the code");
    }

    /** Sets the board's date of the postings {@code where} picks ("= '1'", "IN ('1', '3')"). */
    private static void postedAt(Statement s, String instant, String where) throws java.sql.SQLException {
        s.executeUpdate("UPDATE raw_postings SET posted_at = " + java.time.Instant.parse(instant).toEpochMilli()
                + " WHERE source_job_id " + where);
    }

    @Test
    void trendsDateEachJobByTheEarliestDateItsBoardsGaveElseWhenItWasFirstSeen() throws Exception {
        long nov20 = java.time.Instant.parse("2026-11-20T12:00:00Z").toEpochMilli();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            // Last seen then too: the weeks run to the week the jobs were last seen in.
            s.executeUpdate("UPDATE enriched_jobs SET first_seen = " + nov20 + ", last_seen = " + nov20);
            postedAt(s, "2026-11-10T09:00:00Z", "= '1'");
            // The same job on two boards: the earlier board's date counts.
            postedAt(s, "2026-10-20T09:00:00Z", "= 'l1'");
            s.executeUpdate("UPDATE raw_postings SET posted_at = NULL WHERE source_job_id = '3'");
            postedAt(s, "2030-01-01T00:00:00Z", "= '4'");
        }
        assertThat(weeks(report("trends"))).as("newest first; no date, or one in the future, is the week first seen; a week "
                        + "with no new job is there, as none")
                .containsExactly("2026-11-16 2", "2026-11-09 1", "2026-11-02 0", "2026-10-26 1", "2026-10-19 1");

        // --since asks for the weeks since then, though all five were first seen on the 20th.
        JsonNode recent = report("trends", "--since", "2026-11-05");
        assertThat(weeks(recent)).containsExactly("2026-11-16 2", "2026-11-09 1");
        assertThat(recent.get("jobs").asLong()).isEqualTo(3);
        // Since Monday the 2nd: that quiet week is one of the weeks since then, though no job is dated in it.
        assertThat(weeks(report("trends", "--since", "2026-11-02")))
                .containsExactly("2026-11-16 2", "2026-11-09 1", "2026-11-02 0");
    }

    @Test
    void sinceSelectsTheSameJobsInEveryReportDatedAsTrendsAndJobsDateThem() throws Exception {
        long nov20 = java.time.Instant.parse("2026-11-20T12:00:00Z").toEpochMilli();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            // A first fetch: every job first seen on the 20th, most posted on their boards long before.
            s.executeUpdate("UPDATE enriched_jobs SET first_seen = " + nov20 + ", last_seen = " + nov20);
            postedAt(s, "2026-08-03T09:00:00Z", "IN ('1', '3')");
            postedAt(s, "2026-11-10T09:00:00Z", "IN ('2', '4')");
            // Acme's data engineer on another board, posted earlier there: the earlier date counts.
            postedAt(s, "2026-08-10T09:00:00Z", "= 'l1'");
            s.executeUpdate("UPDATE raw_postings SET posted_at = NULL WHERE source_job_id = '5'");
        }
        // New since November 1st: the data analyst (posted on the 10th) and the frontend job (no date, first
        // seen on the 20th), in every report as in trends (the remote report counts remote jobs: none here).
        for (String question : List.of("demand", "cities", "skills", "pay", "arrangements", "employers", "trends",
                "jobs")) {
            assertThat(report(question, "--since", "2026-11-01").get("jobs").asLong()).as(question).isEqualTo(2);
        }
        List<String> titles = new ArrayList<>();
        for (JsonNode r : report("jobs", "--since", "2026-11-01").get("rows")) {
            titles.add(r.get("posted").asText() + " " + r.get("title").asText());
        }
        assertThat(titles).as("no job posted in August").containsExactly("2026-11-20 Frontend Engineer",
                "2026-11-10 Data Analyst");
        assertThat(report("employers", "--since", "2026-11-01").get("rows")).extracting(r -> r.get("employer").asText())
                .containsExactlyInAnyOrder("Gamma", "=HYPERLINK(\"http://evil.example\")");
        assertThat(report("demand", "--since", "2026-11-21").get("jobs").asLong()).as("none new since").isZero();
        assertThat(report("demand", "--since", "2026-08-01").get("jobs").asLong()).isEqualTo(5);
    }

    @Test
    void trendsRunToTheWeekTheJobsWereLastSeenInThoughNoJobOfTheFilterIsNewThen() throws Exception {
        long nov20 = java.time.Instant.parse("2026-11-20T12:00:00Z").toEpochMilli();
        long dec02 = java.time.Instant.parse("2026-12-02T12:00:00Z").toEpochMilli();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            // Every job seen again on December 2nd; only Beta's Berlin job was new then.
            s.executeUpdate("UPDATE raw_postings SET posted_at = NULL");
            s.executeUpdate("UPDATE enriched_jobs SET first_seen = " + nov20 + ", last_seen = " + dec02);
            s.executeUpdate("UPDATE enriched_jobs SET first_seen = " + dec02 + " WHERE company = 'Beta'");
        }
        assertThat(weeks(report("trends"))).containsExactly("2026-11-30 1", "2026-11-23 0", "2026-11-16 4");
        // London's last new job was two weeks before: the quiet weeks since are there, as in every other table.
        assertThat(weeks(report("trends", "--city", "London")))
                .containsExactly("2026-11-30 0", "2026-11-23 0", "2026-11-16 2");
        assertThat(weeks(report("trends", "--city", "London", "--since", "2026-11-16")))
                .as("the weeks since then").containsExactly("2026-11-30 0", "2026-11-23 0", "2026-11-16 2");
        assertThat(weeks(report("trends", "--city", "London", "--limit", "2"))).containsExactly("2026-11-30 0", "2026-11-23 0");
        assertThat(report("trends", "--city", "London", "--since", "2026-12-01").get("rows")).as("none since").isEmpty();
    }

    /** A trends report's rows as "week new_jobs". */
    private static List<String> weeks(JsonNode trends) {
        List<String> weeks = new ArrayList<>();
        for (JsonNode r : trends.get("rows")) {
            weeks.add(r.get("week").asText() + " " + r.get("new_jobs").asLong());
        }
        return weeks;
    }

    @Test
    void jobsListsEachJobOnceNewestFirstWithALinkToAPostingStillOnItsBoard() throws Exception {
        long nov20 = java.time.Instant.parse("2026-11-20T12:00:00Z").toEpochMilli();
        try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE enriched_jobs SET first_seen = " + nov20);
            s.executeUpdate("UPDATE raw_postings SET posted_at = NULL WHERE source_job_id IN ('3', '4', '5')");
            postedAt(s, "2026-11-10T09:00:00Z", "= '1'");
            postedAt(s, "2026-10-20T09:00:00Z", "= 'l1'");
            // The Greenhouse posting of the Acme data engineer left its board; the Lever one is still there.
            s.executeUpdate("UPDATE raw_postings SET closed_at = " + nov20 + " WHERE source_job_id = '2'");
        }
        JsonNode jobs = report("jobs");
        assertThat(jobs.get("rows")).hasSize(5);
        List<String> dates = new ArrayList<>();
        for (JsonNode r : jobs.get("rows")) {
            dates.add(r.get("posted").asText());
        }
        assertThat(dates).containsExactly("2026-11-20", "2026-11-20", "2026-11-20", "2026-11-10", "2026-10-20");
        JsonNode acme = row(jobs, "title", "Data Engineer");
        assertThat(acme.get("postings").asLong()).isEqualTo(2);
        assertThat(acme.get("open").asText()).isEqualTo("yes");
        assertThat(acme.get("url").asText()).isEqualTo("https://jobs.example.com/lever/l1");
        assertThat(acme.get("pay").asText()).isEqualTo("60,000–70,000 GBP a year");
        assertThat(row(jobs, "title", "Backend Engineer").get("pay").asText()).isEqualTo("4,000–5,000 EUR a month");
        assertThat(row(jobs, "title", "Data Analyst").get("pay").asText()).isEmpty();
        // Narrowed as every report is, and cut to --limit.
        assertThat(report("jobs", "--family", "data").get("rows")).hasSize(3);
        assertThat(report("jobs", "--limit", "2").get("rows")).hasSize(2);
    }

    /** A config whose taxonomy is the bundled one with {@code from} replaced by {@code to}. */
    private Path bundledTaxonomyWith(String from, String to) throws IOException {
        String taxonomy;
        try (var in = ReportCommandIT.class.getResourceAsStream("/jobintel/taxonomy.yaml")) {
            taxonomy = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String changed = taxonomy.replace(from, to);
        assertThat(changed).as("the bundled taxonomy has " + from).isNotEqualTo(taxonomy);
        Files.writeString(dir.resolve("taxonomy.yaml"), changed);
        return Files.writeString(dir.resolve("jobintel.yaml"), "taxonomy: taxonomy.yaml\n");
    }

    /** Imports {@code posting} into the test's database and decides it under {@code config}. */
    private void decide(Path config, Posting posting) throws IOException {
        Path file = Fixtures.jsonlFile(dir.resolve("more.jsonl"), List.of(posting));
        assertThat(jobintel("import", file.toString(), "--db", db(), "--config", config.toString()).exit()).isZero();
        assertThat(jobintel("enrich", "--db", db(), "--config", config.toString(), "--no-progress").exit()).isZero();
    }

    @Test
    void aFamilyIsFoundByItsNameInAnyCaseWhateverItsLetters() throws IOException {
        // A taxonomy of one's own may name a family in any language: SQLite's lower() folds only ASCII letters.
        Path config = bundledTaxonomyWith("  - code: data\n    name: Data\n", "  - code: data\n    name: Données\n");
        decide(config, posting("62", "Delta", "BI Analyst", "Paris, France", "SQL and Tableau dashboards."));
        for (String family : List.of("Données", "données", "DONNÉES", "data")) {
            assertThat(report("demand", "--family", family, "--config", config.toString()).get("jobs").asLong())
                    .as(family).isEqualTo(4);
        }
    }

    @Test
    void aFamilyATaxonomyOfOnesOwnAddsIsAskedForBeforeAnyCommandCopiedItIntoTheDatabase() throws IOException {
        // taxonomy: names a file with a family of its own; no command that writes has run with it yet, so the
        // database's reference table does not have it. Its jobs are none yet, not a family the taxonomy lacks.
        Path config = bundledTaxonomyWith("\nfamilies:\n", "\nfamilies:\n  - code: robotics\n    name: Robotics\n"
                + "    description: \"Builds robots.\"\n    subfamilies:\n      - code: robot_software\n"
                + "        name: Robot software\n        description: \"Writes software for robots.\"\n");
        for (String family : List.of("robotics", "Robotics")) {
            JsonNode demand = report("demand", "--family", family, "--config", config.toString());
            assertThat(demand.get("jobs").asLong()).as(family).isZero();
        }
        CliIT.Result unknown = jobintel("report", "demand", "--family", "nope", "--db", db(), "--config", config.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("robotics");
    }

    @Test
    void aFamilyWhoseCodeATaxonomyRenamedIsFoundByItsNameWhereItsJobsAre() throws IOException {
        // A taxonomy of one's own renames the code of the family "Data" and keeps its name: the old code stays
        // in the reference table (jobs may still hold it), and the name must find the jobs now in the new one.
        Path config = bundledTaxonomyWith("  - code: data\n    name: Data\n", "  - code: data_team\n    name: Data\n");
        CliIT.Result backfill = jobintel("backfill", "--taxonomy-changed", "--db", db(), "--config", config.toString(),
                "--no-progress");
        assertThat(backfill.exit()).as(backfill.out() + backfill.err()).isZero();
        assertThat(report("demand", "--family", "data_team", "--config", config.toString()).get("jobs").asLong()).isEqualTo(3);
        assertThat(report("demand", "--family", "Data", "--config", config.toString()).get("jobs").asLong()).isEqualTo(3);
    }

    @Test
    void aSkillIsOneRowThoughATaxonomySinceChangedGaveItAnotherKind() throws IOException {
        // Beta's backend job asked for Kafka under the bundled taxonomy (data engineering); a taxonomy that
        // since moved Kafka to infrastructure classifies the next job. Kafka is still one skill, of two jobs.
        Path config = bundledTaxonomyWith("{name: Kafka, family: data_engineering,", "{name: Kafka, family: infrastructure,");
        decide(config, posting("61", "Delta", "Platform Engineer", "Paris, France", "Go and Kafka."));

        JsonNode skills = report("skills", "--config", config.toString());
        List<String> kafka = new ArrayList<>();
        for (JsonNode r : skills.get("rows")) {
            if (r.get("skill").asText().equals("Kafka")) {
                kafka.add(r.get("skill_family").asText() + " " + r.get("jobs").asLong());
            }
        }
        assertThat(kafka).as("one row, of every job asking for it, of the kind its latest classification gave")
                .containsExactly("Infrastructure 2");
        assertThat(row(skills, "skill", "Kafka").get("share_pct").asDouble()).isEqualTo(33.33);
    }

    @Test
    void aTableGivesAPostingsLinkWholeHoweverLong() throws IOException {
        // Career sites' addresses run long; cut to a table cell's width and ended with "…", the link leads nowhere.
        String url = "https://acme.wd5.myworkdayjobs.com/en-US/External_Career_Site/job/Berlin-Germany/"
                + "Senior-Software-Engineer--Backend-Platform-and-Infrastructure_R-123456";
        Posting p = posting("71", "Omega", "Senior Backend Engineer", "Berlin, Germany", "Java and Kafka.");
        addAndEnrich("long-url.jsonl", new Posting(p.source(), p.sourceJobId(), url, p.company(), p.title(), p.locationText(),
                p.description(), p.postedAt(), p.hints()));
        CliIT.Result r = jobintel("report", "jobs", "--db", db());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(url + "\n");
    }

    @Test
    void csvIsOneReportWithEmployerNamesKeptFromRunningAsFormulas() {
        CliIT.Result r = jobintel("report", "employers", "--format", "csv", "--db", db());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("employer,jobs,share_pct,open,families\n")
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\",1,20.0,1,1");
        CliIT.Result all = jobintel("report", "--format", "csv", "--db", db());
        assertThat(all.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(all.err()).contains("--format csv writes one report");
    }

    @Test
    void aTableForPeopleAndClearErrorsForWhatIsNotThere() {
        CliIT.Result all = jobintel("report", "--db", db());
        assertThat(all.exit()).isZero();
        for (String title : List.of("Jobs by role", "Jobs by place", "Skills asked for", "Stated pay per year",
                "Working arrangements", "Employers with most jobs", "New jobs per week")) {
            assertThat(all.out()).contains(title);
        }
        CliIT.Result city = jobintel("report", "--city", "Atlantis", "--db", db());
        assertThat(city.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(city.err()).contains("no city 'Atlantis'");
        CliIT.Result twoCambridges = jobintel("report", "--city", "Cambridge", "--db", db());
        assertThat(twoCambridges.err()).contains("'Cambridge' is more than one city");
        assertThat(jobintel("report", "salaries", "--db", db()).err()).contains("no report 'salaries'");
        CliIT.Result none = jobintel("report", "--db", Fixtures.sqliteUrl(dir.resolve("elsewhere")));
        assertThat(none.exit()).isEqualTo(Main.DATABASE_ERROR);
        assertThat(none.err()).contains("No database at");
        assertThat(Files.exists(dir.resolve("elsewhere").resolve("jobintel.db"))).isFalse();
    }
}
