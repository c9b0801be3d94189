package dev.jobintel.posting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@link Hints} as the JSON stored with a raw posting. */
public final class HintsJson {

    // Sorted keys: the JSON feeds the content hash, and Map.copyOf iterates in a different order in
    // every JVM — unsorted, a posting re-fetched by the next run would look changed and be
    // classified (and paid for) again.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private HintsJson() {
    }

    /** JSON text, or null when there are no hints. */
    public static String write(Hints hints) {
        if (hints == null || hints.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(hints);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("hints cannot be written as JSON", e);
        }
    }

    /** Hints from stored JSON; null or unreadable JSON gives no hints rather than losing the posting. */
    public static Hints read(String json) {
        if (json == null || json.isBlank()) {
            return Hints.NONE;
        }
        try {
            Hints h = MAPPER.readValue(json, Hints.class);
            return h == null ? Hints.NONE : h;
        } catch (JsonProcessingException e) {
            return Hints.NONE;
        }
    }
}
