package dev.jobintel.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README sends users to jobintel.example.yaml "for every key": every key the configuration
 * takes is in it (written, or commented out), and nothing in it is a key the configuration does
 * not take.
 */
class ExampleConfigTest {

    @TempDir
    Path dir;

    private static final Path EXAMPLE = Path.of("jobintel.example.yaml");
    /** A commented-out key ("  # username: jobintel"), but not an alternative shown as an example. */
    private static final Pattern COMMENTED_KEY = Pattern.compile("^(\\s*)# ([a-z0-9_]+:.*)$");

    @Test
    void theExampleNamesEveryKeyAndOnlyKeysThatExist() throws IOException {
        StringBuilder uncommented = new StringBuilder();
        for (String line : Files.readAllLines(EXAMPLE)) {
            Matcher m = COMMENTED_KEY.matcher(line);
            uncommented.append(m.matches() && !line.strip().endsWith("# example") ? m.group(1) + m.group(2) : line)
                    .append('\n');
        }
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(uncommented.toString());
        TreeSet<String> written = new TreeSet<>();
        paths(tree, "", written);
        TreeSet<String> taken = new TreeSet<>();
        keys(JobintelConfig.class, "", taken);
        // The board sources share one shape of settings; the loader refuses these where they mean nothing.
        taken.removeAll(List.of("sources.ashby.eu_base_url", "sources.workable.eu_base_url",
                "sources.smartrecruiters.eu_base_url", "sources.greenhouse.page_size", "sources.ashby.page_size",
                "sources.workable.page_size"));
        assertThat(written).as("keys in the example").containsAll(taken);
        written.removeIf(p -> p.startsWith("classifier.prices."));
        assertThat(taken).as("keys the configuration takes").containsAll(written);

        // With every commented key written out, it is still a configuration jobintel accepts.
        Path file = dir.resolve("jobintel.yaml");
        Files.writeString(file, uncommented.toString().replace("my-taxonomy.yaml", "taxonomy.yaml"));
        Files.copy(Path.of("src/main/resources/jobintel/taxonomy.yaml"), dir.resolve("taxonomy.yaml"));
        Files.writeString(dir.resolve("my-places.yaml"), "cities: []\n");
        Files.copy(Path.of("src/main/resources/jobintel/agencies.yaml"), dir.resolve("my-agencies.yaml"));
        assertThat(ConfigLoader.load(file).config().classifier().claude().model()).isEqualTo("claude-haiku-4-5");
    }

    /** Key paths of a YAML tree; list items are examples, not keys. */
    private static void paths(JsonNode node, String prefix, TreeSet<String> out) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix + e.getKey();
            out.add(path);
            paths(e.getValue(), path + ".", out);
        }
    }

    private static String name(Class<?> type, RecordComponent rc, PropertyNamingStrategies.SnakeCaseStrategy snake) {
        try {
            JsonProperty named = type.getDeclaredField(rc.getName()).getAnnotation(JsonProperty.class);
            return named != null ? named.value() : snake.translate(rc.getName());
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    /** Key paths of the configuration's records, as the file spells them; lists and maps are leaves. */
    private static void keys(Class<?> type, String prefix, TreeSet<String> out) {
        PropertyNamingStrategies.SnakeCaseStrategy snake = new PropertyNamingStrategies.SnakeCaseStrategy();
        for (RecordComponent rc : type.getRecordComponents()) {
            String path = prefix + name(type, rc, snake);
            out.add(path);
            Type t = rc.getGenericType();
            boolean container = t instanceof ParameterizedType p && (p.getRawType() == List.class || p.getRawType() == Map.class
                    || p.getRawType() == java.util.Map.class);
            if (!container && rc.getType().isRecord()) {
                keys(rc.getType(), path + ".", out);
            }
        }
    }
}
