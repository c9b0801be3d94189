package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.store.Rejects;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One item of a board: a posting, a reject with its reason, or a reject for an item the parser failed on. */
class MapItemTest {

    private static final BoardApiSource.ItemMapper MAPPER = item -> {
        String title = JsonFields.text(item, "title");
        if (title == null) {
            throw new BoardApiSource.Invalid("no_title", "job " + item.path("id").asText() + " has no title");
        }
        // A parser defect: a field of an unexpected shape throws where the parser did not expect it.
        int rank = Integer.parseInt(item.path("rank").asText("0"));
        return new Posting("greenhouse", item.path("id").asText(), "https://x/" + rank, "Acme", title, null, "", null,
                Hints.NONE);
    };

    @Test
    void anItemTheParserFailsOnIsRejectedWithTheFailureAndTheOthersStillLand() throws Exception {
        CollectingSink sink = new CollectingSink();
        JsonNode items = new ObjectMapper().readTree("[{\"id\": 1, \"title\": \"SRE\"}, {\"id\": 2, \"title\": \"SRE\", "
                + "\"rank\": \"first\"}, {\"id\": 3}, {\"id\": 4, \"title\": \"Data Engineer\", \"rank\": 2}]");
        for (JsonNode item : items) {
            BoardApiSource.mapItem("greenhouse", "acme", item, MAPPER, sink);
        }
        assertThat(sink.postings).extracting(Posting::sourceJobId).containsExactly("1", "4");
        assertThat(sink.rejects).extracting(Rejects.Reject::reason).containsExactly("unmappable", "no_title");
        Rejects.Reject failed = sink.rejects.get(0);
        assertThat(failed.detail()).contains("greenhouse parser failed", "NumberFormatException", "first");
        assertThat(failed.payload()).contains("\"id\":2");
    }
}
