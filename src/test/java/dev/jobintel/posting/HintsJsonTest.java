package dev.jobintel.posting;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HintsJsonTest {

    @Test
    void theJsonDoesNotDependOnTheOrderOfExtraHints() {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> b = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            a.put("key" + i, "v" + i);
            b.put("key" + (19 - i), "v" + (19 - i));
        }
        // Hints copies the map (Map.copyOf): its order is the JVM's, not the source's. The JSON must
        // still be one string, or the content hash changes between runs and postings look new.
        String ja = HintsJson.write(new Hints(null, "hybrid", null, null, null, null, List.of("DE"), a));
        String jb = HintsJson.write(new Hints(null, "hybrid", null, null, null, null, List.of("DE"), b));
        assertThat(ja).isEqualTo(jb).contains("\"key0\":\"v0\",\"key1\":\"v1\",\"key10\"");
        assertThat(HintsJson.read(ja).extra()).isEqualTo(a);
    }
}
