package dev.jobintel.config;

import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.pipeline.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private ConfigException error(String yaml) throws IOException {
        Path f = write("jobintel.yaml", yaml);
        return catchThrowableOfType(ConfigException.class, () -> Context.load(ConfigLoader.load(f), Clock.systemUTC()));
    }

    @Test
    void everyKeyHasADefault() throws IOException {
        LoadedConfig lc = ConfigLoader.load(write("jobintel.yaml", ""));
        assertThat(lc.config().database().url()).isEqualTo("jdbc:sqlite:jobintel.db");
        assertThat(lc.config().gate().minDescriptionChars()).isEqualTo(150);
        assertThat(lc.config().classifier().name()).isEqualTo("rules");
        assertThat(Context.load(lc, Clock.systemUTC()).classifier().name()).isEqualTo("rules");
    }

    @Test
    void aValidFileLoads() throws IOException {
        write("titles.txt", "x");
        LoadedConfig lc = ConfigLoader.load(write("jobintel.yaml", """
                database:
                  url: jdbc:sqlite:data/jobs.db
                gate:
                  min_description_chars: 200
                  title:
                    exclude: ['\\bintern']
                  location:
                    include: [lon, GB, europe, remote-gb]
                  agency:
                    threshold: 0.8
                    block: [Globex Talent]
                pipeline:
                  batch_size: 250
                """));
        Context ctx = Context.load(lc, Clock.systemUTC());
        assertThat(ctx.config().gate().minDescriptionChars()).isEqualTo(200);
        assertThat(ctx.config().pipeline().batchSize()).isEqualTo(250);
        // A relative SQLite file lives beside the config, as every path in it does, wherever the command runs.
        assertThat(ctx.config().database().url()).isEqualTo("jdbc:sqlite:" + dir.toAbsolutePath().resolve("data/jobs.db"));
    }

    @Test
    void anUnknownKeyNamesFileLineAndKnownKeys() throws IOException {
        ConfigException e = error("""
                gate:
                  title:
                    exclude: [intern]
                  min_descripton_chars: 10
                """);
        assertThat(e.file()).endsWith("jobintel.yaml");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("unknown key 'min_descripton_chars'").contains("min_description_chars");
    }

    @Test
    void yamlsInfinityAndNotANumberAreNamedAsWhatTheFileSaysNotInJavasWords() throws IOException {
        ConfigException inf = error("gate:\n  agency:\n    threshold: .inf\n");
        assertThat(inf.key()).isEqualTo("gate.agency.threshold");
        assertThat(inf.line()).isEqualTo(3);
        assertThat(inf.problem()).isEqualTo("expected a number, found '.inf'");
        assertThat(error("health:\n  failures_before_backoff: .nan\n").problem()).isEqualTo("expected a number, found '.nan'");
    }

    @Test
    void aRegexLongerThanAnyTitleNeedsIsRefusedBeforeItIsCompiled() throws IOException {
        // Three million characters kept the JDK's pattern compiler busy for minutes before any error.
        ConfigException e = error("gate:\n  title:\n    exclude: ['" + "(a|b)".repeat(4_000) + "']\n");
        assertThat(e.key()).isEqualTo("gate.title.exclude[0]");
        assertThat(e.problem()).contains("20000 characters", "at most 10000");
    }

    @Test
    void aSwitchTakesTrueOrFalseNotANumberNorNothing() throws IOException {
        for (String value : new String[] {"7", "''"}) {
            ConfigException e = error("gate:\n  agency:\n    enabled: " + value + "\n");
            assertThat(e.key()).as(value).isEqualTo("gate.agency.enabled");
            assertThat(e.line()).isEqualTo(3);
        }
    }

    @Test
    void aNumberWrittenAsEmptyTextIsAnErrorNotTheDefault() throws IOException {
        // A template whose variable was empty: "budget_usd: ''" must not quietly mean no budget at all.
        for (String value : new String[] {"''", "' '", "\"\""}) {
            ConfigException budget = error("classifier:\n  claude:\n    budget_usd: " + value + "\n");
            assertThat(budget).as(value).isNotNull();
            assertThat(budget.key()).as(value).isEqualTo("classifier.claude.budget_usd");
            assertThat(budget.line()).isEqualTo(3);
        }
        ConfigException batch = error("pipeline:\n  batch_size: ''\n");
        assertThat(batch.key()).isEqualTo("pipeline.batch_size");
        assertThat(batch.line()).isEqualTo(2);
        // Nothing at all after the key is still the default, as for every key.
        assertThat(ConfigLoader.load(write("none.yaml", "pipeline:\n  batch_size:\n")).config().pipeline().batchSize())
                .isEqualTo(JobintelConfig.Pipeline.DEFAULT_BATCH);
    }

    @Test
    void aWholeNumberWithALeadingZeroIsAnErrorNotReadAsOctal() throws IOException {
        // YAML 1.1 reads 0250 as octal: a politeness delay of 168 ms, where 250 was meant (yet 08 is 8).
        ConfigException delay = error("http:\n  max_attempts: 3\n  politeness_delay_ms: 0250\n");
        assertThat(delay.key()).isEqualTo("http.politeness_delay_ms");
        assertThat(delay.line()).isEqualTo(3);
        assertThat(delay.problem()).contains("0250", "leading zero");
        assertThat(error("pipeline:\n  threads: -010\n").key()).isEqualTo("pipeline.threads");
        // Zero itself, hexadecimal, fractions and padding that reads the same as octal (07, 08) are kept.
        LoadedConfig lc = ConfigLoader.load(write("zero.yaml", "http:\n  politeness_delay_ms: 0\n  max_attempts: 0x3\n"
                + "  per_host_concurrency: 07\n  board_concurrency: 08\ngate:\n  agency:\n    threshold: 0.50\n"));
        assertThat(lc.config().http().politenessDelayMs()).isZero();
        assertThat(lc.config().http().maxAttempts()).isEqualTo(3);
        assertThat(lc.config().http().perHostConcurrency()).isEqualTo(7);
        assertThat(lc.config().http().boardConcurrency()).isEqualTo(8);
        // A price is a number too; a text key (a board's slug) keeps its zero as written.
        assertThat(error("classifier:\n  prices:\n    my-model: {input: 010, output: 5}\n").key())
                .isEqualTo("classifier.prices.my-model.input");
        assertThat(ConfigLoader.load(write("slug.yaml", "sources:\n  greenhouse:\n    boards:\n      - slug: 0123\n"))
                .config().sources().greenhouse().boards().get(0).slug()).isEqualTo("0123");
    }

    @Test
    void claudeSettingsArePointedOutByFileLineAndKey() throws IOException {
        ConfigException ttl = error("""
                classifier:
                  name: claude
                  claude:
                    cache_ttl: 10m
                """);
        assertThat(ttl.key()).isEqualTo("classifier.claude.cache_ttl");
        assertThat(ttl.line()).isEqualTo(4);
        assertThat(ttl.problem()).contains("5m or 1h");
        ConfigException price = error("""
                classifier:
                  prices:
                    claude-haiku-4-5: {input: 1.0}
                """);
        assertThat(price.key()).isEqualTo("classifier.prices.claude-haiku-4-5");
        assertThat(price.problem()).contains("'input' and 'output'");
        assertThat(error("classifier:\n  claude:\n    concurrency: 0\n").key()).isEqualTo("classifier.claude.concurrency");
        // A number too large for a double reads as infinity: no budget at all, where one was written.
        ConfigException infinite = error("classifier:\n  claude:\n    budget_usd: 1e309\n");
        assertThat(infinite.key()).isEqualTo("classifier.claude.budget_usd");
        assertThat(infinite.line()).isEqualTo(3);
        assertThat(error("classifier:\n  claude:\n    base_url: not a url\n").key()).isEqualTo("classifier.claude.base_url");
        // A port no server has would fail every board of the source, and count toward their back-off.
        ConfigException port = error("sources:\n  greenhouse:\n    base_url: http://127.0.0.1:99999\n");
        assertThat(port.key()).isEqualTo("sources.greenhouse.base_url");
        assertThat(port.problem()).contains("port 99999 is above 65535");
        assertThat(error("classifier:\n  claude:\n    api_key: sk-secret\n").getMessage()).contains("unknown key 'api_key'");
    }

    @Test
    void raisingMaxTokensAloneRaisesTheRetryRoomWithIt() throws IOException {
        // retry_max_tokens must be at least max_tokens; its default follows, so a file that sets
        // only max_tokens is not refused for a key it never wrote.
        LoadedConfig lc = ConfigLoader.load(write("jobintel.yaml", "classifier:\n  claude:\n    max_tokens: 8000\n"));
        assertThat(lc.config().classifier().claude().retryMaxTokens()).isEqualTo(32_000);
        assertThat(ConfigLoader.load(write("d.yaml", "")).config().classifier().claude().retryMaxTokens()).isEqualTo(4096);
        assertThat(ConfigLoader.load(write("m.yaml", "classifier:\n  claude:\n    max_tokens: 64000\n")).config()
                .classifier().claude().retryMaxTokens()).isEqualTo(64_000);
        // A max_tokens out of range is the one problem reported, said once.
        ConfigException tooMany = error("classifier:\n  claude:\n    max_tokens: 100000000\n");
        assertThat(tooMany.key()).isEqualTo("classifier.claude.max_tokens");
        assertThat(tooMany.getMessage()).doesNotContain("retry_max_tokens");
        ConfigException below = error("classifier:\n  claude:\n    max_tokens: 2000\n    retry_max_tokens: 1000\n");
        assertThat(below.key()).isEqualTo("classifier.claude.retry_max_tokens");
        assertThat(below.problem()).contains("between 2000 and 64000");
    }

    @Test
    void aFileTooLargeToReadSaysSoForTheWholeFile() throws IOException {
        // A list long enough to pass SnakeYAML's limit, which would name a line deep inside it.
        String yaml = "gate:\n  title:\n    exclude:\n" + "      - \"agency-spam-title-pattern\"\n".repeat(120_000);
        ConfigException e = error(yaml);
        assertThat(e.line()).isZero();
        assertThat(e.getMessage()).startsWith(dir.resolve("jobintel.yaml").toString() + ": ")
                .contains("is more than the 3,145,728 jobintel reads in one YAML file");
    }

    @Test
    void anEmptyModelOrCacheTtlIsAConfigErrorNotTheDefault() throws IOException {
        ConfigException model = error("classifier:\n  claude:\n    model: \"\"\n");
        assertThat(model.key()).isEqualTo("classifier.claude.model");
        assertThat(model.line()).isEqualTo(3);
        assertThat(model.problem()).contains("names no model");
        ConfigException ttl = error("classifier:\n  claude:\n    cache_ttl: \" \"\n");
        assertThat(ttl.key()).isEqualTo("classifier.claude.cache_ttl");
        assertThat(ttl.problem()).contains("expected 5m or 1h");
    }

    @Test
    void anEmptyDatabaseUrlOrClassifierNameIsAConfigErrorNotTheDefault() throws IOException {
        // An empty template variable ("url: '${DB_URL}'") would otherwise write to ./jobintel.db,
        // and "name: ''" classify with the rules where Claude was meant.
        ConfigException url = error("database:\n  url: ''\n");
        assertThat(url.key()).isEqualTo("database.url");
        assertThat(url.line()).isEqualTo(2);
        assertThat(url.problem()).contains("names no database");
        assertThat(error("database:\n  url: '  '\n").key()).isEqualTo("database.url");
        ConfigException name = error("classifier:\n  name: \"\"\n");
        assertThat(name.key()).isEqualTo("classifier.name");
        assertThat(name.line()).isEqualTo(2);
        assertThat(name.problem()).contains("names no classifier");
        // Both at once, as every bad value is listed together.
        assertThat(error("database:\n  url: ''\nclassifier:\n  name: ' '\n").all())
                .extracting(ConfigException::key).containsExactly("database.url", "classifier.name");
        // A key written with no value at all is a key left out: the defaults.
        LoadedConfig lc = ConfigLoader.load(write("jobintel.yaml", "database:\n  url:\nclassifier:\n  name:\n"));
        assertThat(lc.config().database().url()).endsWith("jobintel.db");
        assertThat(lc.config().classifier().name()).isEqualTo("rules");
    }

    @Test
    void aModelWithoutAPriceIsAConfigErrorForTheClaudeClassifier() throws IOException {
        LoadedConfig lc = ConfigLoader.load(write("jobintel.yaml", "classifier:\n  name: claude\n  claude:\n    model: claude-mystery-9\n"));
        Context ctx = Context.load(lc, Clock.systemUTC(), java.util.Map.of("ANTHROPIC_API_KEY", "k"));
        ConfigException e = catchThrowableOfType(ConfigException.class, ctx::checkClassifier);
        assertThat(e.key()).isEqualTo("classifier.prices");
        assertThat(e.problem()).contains("claude-mystery-9").contains("classifier.prices.claude-mystery-9");
    }

    @Test
    void incident29AMisspelledFlagLikeKeyIsNotSilentlyIgnored() throws IOException {
        assertThat(error("clasifier:\n  name: rules\n").getMessage()).contains("unknown key 'clasifier'");
        // Keys every board source has in its shape, but that only some sources use.
        ConfigException eu = error("sources:\n  ashby:\n    eu_base_url: https://eu.example\n");
        assertThat(eu.key()).isEqualTo("sources.ashby.eu_base_url");
        assertThat(eu.line()).isEqualTo(3);
        assertThat(eu.problem()).contains("no EU instance");
        assertThat(error("sources:\n  greenhouse:\n    page_size: 50\n").problem()).contains("only lever and smartrecruiters");
        assertThat(error("sources:\n  lever:\n    page_size: 1\n").problem()).contains("between 2 and 100");
        assertThat(ConfigLoader.load(write("ok.yaml", "sources:\n  lever:\n    page_size: 50\n    eu_base_url: "
                + "https://api.eu.lever.co\n  smartrecruiters:\n    page_size: 20\n")).config().sources().lever().pageSize())
                .isEqualTo(50);
    }

    @Test
    void aBadRegexNamesItsKeyAndLine() throws IOException {
        ConfigException e = error("""
                gate:
                  title:
                    exclude:
                      - intern
                      - 'senior (staff'
                """);
        assertThat(e.key()).isEqualTo("gate.title.exclude[1]");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("bad regex");
    }

    @Test
    void incident18AMissingReferencedFileStopsTheRun() throws IOException {
        ConfigException e = error("""
                gate:
                  agency:
                    list_file: filters/agencies.yaml
                """);
        assertThat(e.key()).isEqualTo("gate.agency.list_file");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).contains("file not found").contains("agencies.yaml");
        assertThat(error("import:\n  files: [missing.jsonl]\n").key()).isEqualTo("import.files[0]");
    }

    @Test
    void aPathNoFileCanHaveIsAConfigErrorNamingItsKey() throws IOException {
        // "\0" is a YAML escape; no file system takes the character, and Path.of refuses it unlocated (exit 1).
        ConfigException taxonomy = error("gate:\n  min_description_chars: 10\ntaxonomy: \"tax\\0.yaml\"\n");
        assertThat(taxonomy.key()).isEqualTo("taxonomy");
        assertThat(taxonomy.line()).isEqualTo(3);
        ConfigException db = error("database:\n  url: \"jdbc:sqlite:jobs\\0.db\"\n");
        assertThat(db.key()).isEqualTo("database.url");
        assertThat(db.line()).isEqualTo(2);
    }

    @Test
    void aReferencedDirectoryIsSaidToBeOneNotMissing() throws IOException {
        Files.createDirectories(dir.resolve("exports"));
        ConfigException e = error("import:\n  files: [exports]\n");
        assertThat(e.key()).isEqualTo("import.files[0]");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).isEqualTo(dir.resolve("exports") + " is a directory: name a file in it");
        assertThat(error("taxonomy: ''\n").problem()).as("an empty path is this file's directory")
                .isEqualTo(dir + " is a directory: name a file in it");
    }

    @Test
    void aWrongTypeNamesTheExpectedType() throws IOException {
        ConfigException e = error("gate:\n  min_description_chars: lots\n");
        assertThat(e.key()).isEqualTo("gate.min_description_chars");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).isEqualTo("'lots' is not a valid whole number");
        // What the file holds is named in its own terms, not in the parser's Java types.
        assertThat(error("gate:\n  title:\n    exclude: intern\n").problem()).isEqualTo("expected list, found text 'intern'");
        assertThat(error("gate:\n  title:\n    exclude: 5\n").problem()).isEqualTo("expected list, found the number 5");
        assertThat(error("gate:\n  agency:\n    enabled: [yes]\n").problem()).isEqualTo("expected true or false, found a list");
    }

    @Test
    void aQuoteLeftOpenIsReportedAtTheLineItOpensOnNotAtTheEndOfTheFile() throws IOException {
        ConfigException e = error("database:\n  url: 'market.db\nclassifier:\n  name: rules\n\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).startsWith("not valid YAML");
    }

    @Test
    void incident19BrokenSyntaxIsAClearErrorWithALine() throws IOException {
        ConfigException e = error("""
                gate:
                  title:
                    exclude: [intern, 'junior'
                  min_description_chars: 10
                """);
        assertThat(e.line()).isGreaterThan(0);
        assertThat(e.problem()).startsWith("not valid YAML");
        // The line is where the problem is, not where the parser last stood.
        ConfigException tab = error("gate:\n\tmin_description_chars: 10\n");
        assertThat(tab.line()).isEqualTo(2);
        assertThat(tab.problem()).contains("TAB");
        ConfigException indent = error("gate:\n  title:\n    include: [x]\n   exclude: [y]\n");
        assertThat(indent.line()).isEqualTo(4);
    }

    @Test
    void incident19AKeyPastedTwiceIsAnErrorNotALastOneWins() throws IOException {
        ConfigException e = error("""
                gate:
                  title:
                    exclude: [intern]
                  min_description_chars: 10
                  title:
                    exclude: [junior]
                """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.key()).isEqualTo("gate.title");
        assertThat(e.problem()).contains("twice", "line 2");
        // The same key in two list items is two boards, not a repeat.
        LoadedConfig two = ConfigLoader.load(write("boards.yaml", """
                sources:
                  greenhouse:
                    boards:
                      - slug: acme
                      - slug: globex
                """));
        assertThat(two.config().sources().greenhouse().boards()).hasSize(2);
    }

    @Test
    void incident19SettingsTheLoaderWouldNotReadAreErrorsNotSilence() throws IOException {
        // A second document after '---' would be dropped whole by the binder.
        ConfigException second = error("database:\n  url: jdbc:sqlite:a.db\n---\ngate:\n  min_description_chars: 10\n");
        assertThat(second.line()).isEqualTo(4);
        assertThat(second.problem()).contains("second YAML document");
        // A leading '---' is still one document.
        assertThat(ConfigLoader.load(write("lead.yaml", "---\ngate:\n  min_description_chars: 10\n"))
                .config().gate().minDescriptionChars()).isEqualTo(10);
        // An alias reads as the anchor's name: rejected rather than bound as that text.
        ConfigException alias = error("""
                sources:
                  greenhouse:
                    boards:
                      - slug: &acme acme
                      - slug: *acme
                """);
        assertThat(alias.line()).isEqualTo(5);
        assertThat(alias.key()).isEqualTo("sources.greenhouse.boards[1].slug");
        assertThat(alias.problem()).contains("'*acme'", "not supported");
    }

    @Test
    void aCharacterYamlForbidsIsNamedAtItsLine() throws IOException {
        // An escape or bell pasted from a terminal into an employer's name, on line 6 of 7 (a BOM before it).
        ConfigException e = error("\uFEFFgate:\n  title:\n    exclude: [intern]\n  min_description_chars: 10\n"
                + "  agency:\n    block: ['Hays\u001b[0m']\n# end\n");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.problem()).contains("U+001B");
        ConfigException crlf = error("gate:\r\n  agency:\r\n    block: [Hays\u0007]\r\n");
        assertThat(crlf.line()).isEqualTo(3);
        assertThat(crlf.problem()).contains("U+0007");
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws IOException {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, "gate:\n  title:\n    exclude: [pr\u00e4ktikant]\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(f));
        assertThat(e.getMessage()).contains("latin1.yaml", "not UTF-8");
    }

    @Test
    void aFileOfOnlyCommentsMeansEveryDefault() throws IOException {
        LoadedConfig lc = ConfigLoader.load(write("jobintel.yaml", "# database:\n#   url: jdbc:sqlite:x.db\n"));
        assertThat(lc.config().database().url()).isEqualTo("jdbc:sqlite:jobintel.db");
    }

    @Test
    void valuesAreCheckedNotJustTyped() throws IOException {
        assertThat(error("gate:\n  agency:\n    threshold: 1.5\n").key()).isEqualTo("gate.agency.threshold");
        assertThat(error("classifier:\n  name: gpt\n").problem()).contains("unknown classifier 'gpt'");
        assertThat(error("database:\n  url: mysql://x\n").key()).isEqualTo("database.url");
        assertThat(error("database:\n  url: jdbc:sqlite:market.db?foo=bar\n").getMessage()).contains("database.url")
                .contains("has options after '?'");
        assertThat(error("database:\n  url: jdbc:postgresql://db.example.com:5432\n").getMessage()).contains("database.url")
                .contains("is not a PostgreSQL URL");
        assertThat(error("database:\n  url: jdbc:postgresql://db.example.com:99999/jobintel\n").key())
                .isEqualTo("database.url");
        assertThat(error("pipeline:\n  batch_size: 0\n").key()).isEqualTo("pipeline.batch_size");
        assertThat(error("database: 5\n").problem()).isEqualTo("expected keys with values, found the number 5");
        ConfigException place = error("gate:\n  location:\n    include: [lon, Atlantis]\n");
        assertThat(place.key()).isEqualTo("gate.location.include[1]");
        assertThat(place.line()).isEqualTo(3);
        // A name that means two places asks for a code instead of guessing.
        ConfigException georgia = error("gate:\n  location:\n    include: [Germany, remote-Europe, Georgia]\n");
        assertThat(georgia.key()).isEqualTo("gate.location.include[2]");
        assertThat(georgia.problem()).contains("names more than one place").contains("country GE");
        // Every unknown area at once, in both lists.
        ConfigException areas = error("gate:\n  location:\n    include: [mars, venus]\n    exclude: [pluto]\n");
        assertThat(areas.all()).extracting(ConfigException::key)
                .containsExactly("gate.location.include[0]", "gate.location.include[1]", "gate.location.exclude[0]");
    }

    @Test
    void aUserAgentNoHttpHeaderCanCarryIsAConfigErrorNotEveryBoardFailing() throws IOException {
        ConfigException e = error("http:\n  max_attempts: 2\n  user_agent: 'jobintel (Pawe\u0142 Nowak)'\n");
        assertThat(e.key()).isEqualTo("http.user_agent");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).contains("U+0142");
        assertThat(error("http:\n  user_agent: \"jobintel\\nX-Evil: 1\"\n").key()).isEqualTo("http.user_agent");
        assertThat(ConfigLoader.load(write("ua.yaml", "http:\n  user_agent: 'jobintel/1.0 (+https://example.com; ops@example.com)'\n"))
                .config().http().userAgent()).startsWith("jobintel/1.0");
    }

    @Test
    void everyProblemInAFileIsReportedAtOnceEachWithItsLineAndKey() throws IOException {
        ConfigException e = error("""
                gate:
                  title:
                    exclude: ['(unclosed', ok, '[x']
                  min_description_chars: -5
                classifier:
                  name: gpt
                sources:
                  lever:
                    boards:
                      - slug: a b
                      - name: No slug
                """);
        assertThat(e.all()).extracting(ConfigException::key, ConfigException::line).containsExactly(
                tuple("gate.min_description_chars", 4),
                tuple("gate.title.exclude[0]", 3),
                tuple("gate.title.exclude[2]", 3),
                tuple("classifier.name", 6),
                tuple("sources.lever.boards[0].slug", 10),
                tuple("sources.lever.boards[1].slug", 11));
    }

    @Test
    void anExplicitConfigThatDoesNotExistIsAnError() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.yaml")));
        assertThat(e.problem()).isEqualTo("file not found");
    }

    @Test
    void errorsInAReferencedTaxonomyNameThatFile() throws IOException {
        write("taxonomy.yaml", """
                version: "1"
                families:
                  - code: data
                    subfamilies:
                      - code: data_engineering
                        description: Pipelines.
                        title_patterns: ['data (engineer']
                """);
        ConfigException e = error("taxonomy: taxonomy.yaml\n");
        assertThat(e.file()).endsWith("taxonomy.yaml");
        assertThat(e.key()).isEqualTo("families[0].subfamilies[0].title_patterns[0]");
        assertThat(e.line()).isEqualTo(7);
    }

    @Test
    void anEmptyListItemAnEmptyMapValueAndAFractionWhereAWholeNumberGoesAreNamed() throws IOException {
        ConfigException item = error("gate:\n  title:\n    include:\n      - dev\n      -\n");
        assertThat(item.key()).isEqualTo("gate.title.include[1]");
        assertThat(item.line()).isEqualTo(5);
        assertThat(item.problem()).contains("an empty item in a list");
        // Quoted empty text is no item either: it would filter every title, or every posting with no employer.
        ConfigException regex = error("gate:\n  title:\n    exclude: ['']\n");
        assertThat(regex.key()).isEqualTo("gate.title.exclude[0]");
        assertThat(regex.line()).isEqualTo(3);
        assertThat(regex.problem()).contains("an empty item in a list");
        ConfigException agency = error("gate:\n  agency:\n    block:\n      - Hays\n      - \"  \"\n");
        assertThat(agency.key()).isEqualTo("gate.agency.block[1]");
        assertThat(agency.line()).isEqualTo(5);
        assertThat(agency.problem()).contains("an empty item in a list");
        ConfigException value = error("classifier:\n  prices:\n    foo: ~\n");
        assertThat(value.key()).isEqualTo("classifier.prices.foo");
        assertThat(value.line()).isEqualTo(3);
        ConfigException fraction = error("gate:\n  min_description_chars: 1.5\n");
        assertThat(fraction.key()).isEqualTo("gate.min_description_chars");
        assertThat(fraction.problem()).contains("'1.5' is not a valid whole number");
    }

    @Test
    void anEmptyPriceIsNamedEvenAfterAnEmptyKeyThatMeansItsDefault() throws IOException {
        // "name:" with nothing is the default classifier; the empty value at fault is the price, four lines on.
        ConfigException e = error("classifier:\n  name:\n  claude:\n    budget_usd:\n  prices:\n    foo:\n");
        assertThat(e.key()).isEqualTo("classifier.prices.foo");
        assertThat(e.line()).isEqualTo(6);
    }

    @Test
    void aSynonymTwoSubfamiliesShareInATaxonomyIsNamed() throws IOException {
        // "Backend" must not come to mean content design because a user's file says so of both.
        ConfigException e = errorInBundledTaxonomyWith("synonyms: [ux writing,", "synonyms: [backend, ux writing,");
        assertThat(e.key()).endsWith(".synonyms");
        assertThat(e.problem()).contains("of 'backend' already means 'content_design'");
    }

    @Test
    void aCountryGivenTwoCurrenciesInATaxonomyIsNamed() throws IOException {
        ConfigException e = errorInBundledTaxonomyWith("countries: [CA]", "countries: [US]");
        assertThat(e.key()).isEqualTo("currencies[3].countries[0]");
        assertThat(e.problem()).isEqualTo("country US already uses USD");
    }

    @Test
    void aMonthlyLineOfNoAmountInATaxonomyIsNamed() throws IOException {
        ConfigException e = errorInBundledTaxonomyWith("countries: [PL], monthly_below: 50000", "countries: [PL], monthly_below: 0");
        assertThat(e.key()).isEqualTo("currencies[10].monthly_below");
        assertThat(e.problem()).isEqualTo("an amount above 0, got 0.0");
    }

    /** The error a copy of the bundled taxonomy with {@code written} replaced by {@code instead} stops at. */
    private ConfigException errorInBundledTaxonomyWith(String written, String instead) throws IOException {
        String bundled;
        try (var in = Taxonomy.class.getResourceAsStream(Taxonomy.BUNDLED)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(bundled).contains(written);
        write("taxonomy.yaml", bundled.replace(written, instead));
        return error("taxonomy: taxonomy.yaml\n");
    }

    @Test
    void aBadTimeZoneInAReferencedPlaceTableNamesThatFileAndKey() throws IOException {
        write("places.yaml", """
                regions:
                  - code: pacific
                    name: Pacific
                    time_zones:
                      codes: [ChST]
                """);
        ConfigException code = error("places: places.yaml\n");
        assertThat(code.file()).endsWith("places.yaml");
        assertThat(code.key()).isEqualTo("regions[0].time_zones.codes[0]");
        assertThat(code.line()).isEqualTo(5);
        assertThat(code.problem()).contains("capital letters").contains("ChST");

        write("places.yaml", """
                regions:
                  - code: pacific
                    name: Pacific
                    time_zones:
                      utc_offsets: [10]
                """);
        ConfigException offsets = error("places: places.yaml\n");
        assertThat(offsets.key()).isEqualTo("regions[0].time_zones.utc_offsets");
        assertThat(offsets.line()).isEqualTo(5);
    }

    @Test
    void aPlaceTableEntryIsCheckedAndOneUnderABundledCodeAddsToItWithoutReplacingIt() throws IOException {
        write("places.yaml", "countries:\n  - {code: XKX, name: Kosovo, region: europe}\n");
        assertThat(error("places: places.yaml\n").key()).isEqualTo("countries[0].code");
        write("places.yaml", "cities:\n  - {code: prn, country: GB}\n");
        assertThat(error("places: places.yaml\n").key()).isEqualTo("cities[0].name");
        // London's code for a city in Brazil would quietly move every London job.
        write("places.yaml", "cities:\n  - {code: lon, name: Londrina, country: BR}\n");
        ConfigException taken = error("places: places.yaml\n");
        assertThat(taken.key()).isEqualTo("cities[0].code");
        assertThat(taken.problem()).contains("already the code of London (GB)");
        // An entry that adds to a bundled one answers for what it adds, in its own file.
        write("places.yaml", "countries:\n  - {code: GB, region: nowhere}\n");
        ConfigException region = error("places: places.yaml\n");
        assertThat(region.file()).endsWith("places.yaml");
        assertThat(region.key()).isEqualTo("countries[0].region");
        // A field left out is said to be missing, not "unknown country 'null'".
        write("places.yaml", "cities:\n  - {code: ipw, name: Ipswich}\n");
        ConfigException noCountry = error("places: places.yaml\n");
        assertThat(noCountry.key()).isEqualTo("cities[0].country");
        assertThat(noCountry.problem()).isEqualTo("missing value");
        write("places.yaml", "countries:\n  - {code: QZ, name: Atlantis}\n");
        ConfigException noRegion = error("places: places.yaml\n");
        assertThat(noRegion.key()).isEqualTo("countries[0].region");
        assertThat(noRegion.problem()).isEqualTo("missing value");
        write("places.yaml", "cities:\n  - {code: ipw, name: Ipswich, country: GB}\n  - {code: ipw, name: Ipswich, country: GB}\n");
        assertThat(error("places: places.yaml\n").key()).isEqualTo("cities[1].code");
        // A town's metro is a city of the table in its own country.
        write("places.yaml", "cities:\n  - {code: ipw, name: Ipswich, country: GB, metro: bos}\n");
        ConfigException metro = error("places: places.yaml\n");
        assertThat(metro.key()).isEqualTo("cities[0].metro");
        assertThat(metro.problem()).contains("'bos' is not the code of another city of GB");
        // A bundled city given one more alias keeps its own.
        write("places.yaml", "cities:\n  - {code: lon, aliases: [the big smoke]}\n");
        Files.writeString(dir.resolve("jobintel.yaml"), "places: places.yaml\n");
        var resolver = new dev.jobintel.posting.location.LocationResolver(
                Context.gazetteer(ConfigLoader.load(dir.resolve("jobintel.yaml"))));
        assertThat(resolver.resolve("The Big Smoke").place()).isEqualTo("lon");
        assertThat(resolver.resolve("London, UK").place()).isEqualTo("lon");
        // A town added with its metro is placed in itself when a board writes the metro after it.
        write("places.yaml", "cities:\n  - {code: wfd, name: Watford, country: GB, metro: lon}\n");
        var withTown = new dev.jobintel.posting.location.LocationResolver(
                Context.gazetteer(ConfigLoader.load(dir.resolve("jobintel.yaml"))));
        assertThat(withTown.resolve("Watford, London").place()).isEqualTo("wfd");
        assertThat(withTown.resolve("London, Watford").place()).isEqualTo("lon");
    }
}
