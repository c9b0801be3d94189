package dev.jobintel.config;

import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.gate.AgencyList;
import dev.jobintel.posting.location.Gazetteer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A bundled YAML file is read without the checks a user's file gets before binding (a second
 * document, a repeated key, an alias, an empty list item), which would cost every command its
 * start: they are made here instead, once per build, over every YAML file the jar carries.
 */
class BundledYamlTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    private static List<Path> bundledYamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static String text(String resource) throws IOException {
        return Files.readString(RESOURCES.resolve(resource.substring(1)), StandardCharsets.UTF_8);
    }

    @Test
    void everyBundledYamlFilePassesTheChecksAUsersFileGets() throws IOException {
        List<Path> files = bundledYamlFiles();
        assertThat(files.stream().map(f -> "/" + RESOURCES.relativize(f).toString().replace('\\', '/')))
                .contains(Taxonomy.BUNDLED, Gazetteer.BUNDLED, AgencyList.BUNDLED);
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            assertThatCode(() -> YamlDocument.parse(f.toString(), text)).as(f.toString()).doesNotThrowAnyException();
        }
    }

    @Test
    void anErrorOnABundledFileNamesTheLineOfItsKeyAsForAUsersFile() throws IOException {
        String[][] cases = {
                {Taxonomy.BUNDLED, "families[2].subfamilies[1].title_patterns[0]", "- "},
                {Taxonomy.BUNDLED, "seniority.levels[3].code", "code:"},
                {Gazetteer.BUNDLED, "cities[100].country", "country"},
                {AgencyList.BUNDLED, "block[5]", "- "},
        };
        for (String[] c : cases) {
            String[] lines = text(c[0]).split("\n", -1);
            int strict = YamlDocument.parse("strict", text(c[0])).line(c[1]);

            ConfigException e = YamlDocument.resource(c[0]).error(c[1], "a problem");

            assertThat(e.line()).as(c[1]).isPositive().isEqualTo(strict);
            assertThat(lines[e.line() - 1]).as(c[1]).contains(c[2]);
            assertThat(e.file()).isEqualTo("bundled " + c[0].substring(c[0].lastIndexOf('/') + 1));
            assertThat(e.key()).isEqualTo(c[1]);
        }
    }

    /** Only the version of the agency list: every other key of it is unknown here. */
    record VersionOnly(String version) {
    }

    @Test
    void aBindingErrorOnABundledFileNamesTheLineOfTheKey() throws IOException {
        List<String> lines = List.of(text(AgencyList.BUNDLED).split("\n", -1));
        int blockLine = 1 + lines.indexOf(lines.stream().filter(l -> l.startsWith("block:")).findFirst().orElseThrow());

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> YamlDocument.resource(AgencyList.BUNDLED).bind(VersionOnly.class));

        assertThat(e.file()).isEqualTo("bundled agencies.yaml");
        assertThat(e.line()).isEqualTo(blockLine);
        assertThat(e.problem()).startsWith("unknown key 'block'");
    }

    @Test
    void aBundledFileOfOnlyCommentsBindsToNothingAsAUsersFileDoes() throws IOException {
        String text;
        try (var in = BundledYamlTest.class.getResourceAsStream("/yaml/comments-only.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(YamlDocument.parse("strict", text).bind(VersionOnly.class)).isNull();

        assertThat(YamlDocument.resource("/yaml/comments-only.yaml").bind(VersionOnly.class)).isNull();
    }
}
