package dev.jobintel.source.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.posting.Posting;
import dev.jobintel.source.CollectingSink;
import dev.jobintel.store.Rejects;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonlSourceTest {

    /** What an import of {@code text} as one file yields. */
    private static CollectingSink importing(String text) {
        CollectingSink c = new CollectingSink();
        new JsonlSource(JsonlSource.IMPORT, List.of(new JsonlSource.Input("postings.jsonl",
                () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))).fetch(c);
        return c;
    }

    @Test
    void oneFileUnderSeveralSpellingsIsOneBoardReadOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // 'import a.jsonl ./a.jsonl', or the file and a link to it: each spelling was a board of its own, and the
        // rejects (kept once per board) were kept once per spelling.
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("a.jsonl"),
                "{\"source\":\"lever\",\"id\":\"a\",\"url\":\"https://x.io/a\",\"title\":\"Data Engineer\"}\nnot json\n");
        java.nio.file.Files.createDirectory(dir.resolve("sub"));
        java.nio.file.Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link.jsonl"), file);
        List<String> boards = new java.util.ArrayList<>();
        CollectingSink c = new CollectingSink();
        dev.jobintel.source.FetchSink naming = (source, board, authoritative) -> {
            boards.add(board);
            return c.board(source, board, authoritative);
        };
        JsonlSource.files(List.of(file, dir.resolve("sub/../a.jsonl"), dir.resolve("./a.jsonl"), link)).fetch(naming);
        assertThat(boards).containsExactly(file.toRealPath().toString());
        assertThat(c.rejects).extracting(Rejects.Reject::board).containsExactly(file.toRealPath().toString());
        assertThat(c.postings).hasSize(1);
        // Two files are two boards.
        java.nio.file.Path other = java.nio.file.Files.writeString(dir.resolve("b.jsonl"), "not json\n");
        boards.clear();
        JsonlSource.files(List.of(file, other)).fetch(naming);
        assertThat(boards).hasSize(2);
    }

    @Test
    void everyRejectOfALineNamesTheLineAndKeepsItAsItWasRead() {
        // A repeated id and an id too long to index were the only rejects of a line that said neither its
        // number nor kept the line: their payload was the posting rebuilt from it, so a user could not
        // find the line in a file of a million.
        String first = "{\"source\":\"lever\",\"id\":\"a\",\"url\":\"https://x.io/a\",\"title\":\"Data Engineer\"}";
        String repeat = "{\"source\":\"lever\",\"id\":\"a\",\"url\":\"https://x.io/a2\",\"title\":\"Designer\","
                + "\"description\":\"<p>Figma</p>\"}";
        String tooLong = "{\"source\":\"lever\",\"id\":\"" + "x".repeat(Posting.MAX_ID_CHARS + 1)
                + "\",\"url\":\"https://x.io/b\",\"title\":\"Analyst\"}";

        CollectingSink c = importing(first + "\n\n" + repeat + "\n" + tooLong + "\n");

        assertThat(c.postings).extracting(Posting::title).containsExactly("Data Engineer");
        assertThat(c.rejects).extracting(Rejects.Reject::reason).containsExactly("repeated_id", "id_too_long");
        assertThat(c.rejects.get(0).detail()).startsWith("line 3: ");
        assertThat(c.rejects.get(0).payload()).isEqualTo(repeat);
        assertThat(c.rejects.get(1).detail()).startsWith("line 4: ");
        assertThat(c.rejects.get(1).payload()).isEqualTo(tooLong);
    }

    @Test
    void filesWithAByteOrderMarkJoinedIntoOneLoseNoPosting() {
        // Two exports from Notepad, joined as 'cat a.jsonl b.jsonl' (or 'cat a.gz b.gz', which the README
        // promises to read): the second file's first posting starts with a byte-order mark too, and was a
        // malformed_json reject.
        String a = "\uFEFF{\"source\":\"lever\",\"id\":\"a\",\"url\":\"https://x.io/a\",\"title\":\"Data Engineer\"}\r\n";
        String b = "\uFEFF{\"source\":\"lever\",\"id\":\"b\",\"url\":\"https://x.io/b\",\"title\":\"Data Analyst\"}\r\n";

        CollectingSink c = importing(a + b);

        assertThat(c.rejects).isEmpty();
        assertThat(c.postings).extracting(Posting::title).containsExactly("Data Engineer", "Data Analyst");
    }

    @Test
    void aLineWithinTheLineLimitIsReadWhateverTheLengthOfOneOfItsValues() throws Exception {
        // The README promises a reject (line_too_long) only past MAX_LINE_CHARS; Jackson's own
        // default limit on one string (20,000,000 characters) made such a line malformed_json.
        String head = "{\"source\": \"import\", \"url\": \"https://example.com/1\", \"title\": \"Engineer\", \"description\": \"";
        String tail = "\"}";
        int room = JsonlSource.MAX_LINE_CHARS - head.length() - tail.length();
        String line = head + "x".repeat(room) + tail;
        assertThat(line.length()).isEqualTo(JsonlSource.MAX_LINE_CHARS);

        JsonNode node = JsonlSource.parse(line);

        assertThat(node.get("description").textValue()).hasSize(room);
    }
}
