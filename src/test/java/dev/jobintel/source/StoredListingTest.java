package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoredListingTest {

    private static JsonNode json(String s) throws Exception {
        return JsonStream.mapper().readTree(s);
    }

    @Test
    void aFingerprintIsTheSameInEveryProcessForItIsStored() throws Exception {
        // The first 64 bits of SHA-256 of the item as served: not Hash64, whose start is drawn per process,
        // which would make every stored fingerprint a stranger to the next run and skip nothing (or worse).
        assertThat(StoredListing.fingerprint(json("{\"id\":\"1\",\"name\":\"a\"}"))).isEqualTo(-6961836799019329955L);
        assertThat(StoredListing.fingerprint(json("{ \"id\" : \"1\",\n \"name\": \"a\" }")))
                .as("whitespace is not the item").isEqualTo(-6961836799019329955L);
    }

    @Test
    void anyChangeToAnyFieldIsAnotherFingerprint() throws Exception {
        String item = "{\"id\":\"1\",\"name\":\"Engineer\",\"releasedDate\":\"2026-10-06T06:39:24.356Z\","
                + "\"refNumber\":\"REF1\",\"location\":{\"city\":\"Ljubljana\"},\"customField\":[{\"valueLabel\":\"x\"}]}";
        long base = StoredListing.fingerprint(json(item));
        for (String edited : new String[] {item.replace("06:39:24.356Z", "06:39:24.357Z"), item.replace("REF1", "REF2"),
                item.replace("Ljubljana", "Maribor"), item.replace("\"x\"", "\"y\""),
                item.replace("}]}", "}],\"uuid\":\"u\"}")}) {
            assertThat(StoredListing.fingerprint(json(edited))).as(edited).isNotEqualTo(base);
        }
    }

    @Test
    void nothingStoredKnowsNoPosting() {
        assertThat(StoredListing.NONE.fingerprint("1")).isNull();
        assertThat(StoredListing.of(Map.of())).isSameAs(StoredListing.NONE);
        assertThat(StoredListing.of(Map.of("1", 7L)).fingerprint("1")).isEqualTo(7L);
        assertThat(StoredListing.of(Map.of("1", 7L)).fingerprint("2")).isNull();
    }
}
