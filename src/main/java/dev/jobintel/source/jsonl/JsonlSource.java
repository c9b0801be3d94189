package dev.jobintel.source.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.internal.GzipName;
import dev.jobintel.posting.Posting;
import dev.jobintel.source.FetchSink;
import dev.jobintel.source.JobSource;
import dev.jobintel.source.JsonFields;
import dev.jobintel.source.JsonStream;
import dev.jobintel.source.OncePerId;
import dev.jobintel.store.Rejects;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Imports postings from JSON Lines files (optionally gzip-compressed), one board per file.
 * A line that is not JSON, or lacks a title or URL, becomes a reject with the line kept; the
 * file goes on. Invalid UTF-8 is replaced, never fatal.
 */
public final class JsonlSource implements JobSource {

    /** Far past any posting (descriptions of several megabytes included); a longer line is a reject. */
    public static final int MAX_LINE_CHARS = 32 << 20;

    /** A named stream of lines. */
    public record Input(String board, Supplier<InputStream> open) {
    }

    /** The name imported files are fetched under (their boards are their paths). */
    public static final String IMPORT = "import";

    /** One JSON value per line: a second value after the first ("{...}{...}") makes the line malformed, not two postings one of which is dropped. */
    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            // A key given twice ({"title": "a", "title": "b"}) leaves which is meant to a guess: malformed.
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // A line up to MAX_LINE_CHARS is read (past it, line_too_long): Jackson's default cap on one
            // value (20,000,000 characters) made a long description's line "malformed_json".
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(MAX_LINE_CHARS).build())
            .build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * A line of a file without the byte-order mark Notepad and PowerShell put before the first: before
     * any line, as files so written and joined ('cat a.jsonl b.jsonl', 'cat a.gz b.gz') have one before
     * the first line of each (a line that starts with one is never JSON, so nothing else is changed).
     */
    public static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** A line of the import format as JSON: one value, each key once. */
    public static JsonNode parse(String line) throws JsonProcessingException {
        return MAPPER.readTree(line);
    }

    private final String name;
    private final List<Input> inputs;

    public JsonlSource(String name, List<Input> inputs) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
    }

    public static JsonlSource files(List<Path> files) {
        // One file however it is spelled ('a.jsonl', './a.jsonl', its full path, a link to it): one board, whose
        // rejects are kept once, and read once when given twice.
        Map<String, Path> byName = new java.util.LinkedHashMap<>();
        for (Path f : files) {
            byName.putIfAbsent(boardName(f), f);
        }
        return new JsonlSource(IMPORT, byName.entrySet().stream().map(e -> new Input(e.getKey(), () -> {
            try {
                return open(e.getValue());
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        })).toList());
    }

    /** A file's board: its real path (links followed) when it is a file, else its absolute one (a pipe, '/dev/stdin'). */
    static String boardName(Path f) {
        try {
            if (Files.isRegularFile(f)) {
                return f.toRealPath().toString();
            }
        } catch (IOException | SecurityException e) {
            // named by its absolute path, as a file that is not there is
        }
        return f.toAbsolutePath().normalize().toString();
    }

    /**
     * A JSON Lines file's bytes: gunzipped when its name ends in ".gz" (in any case) or its bytes
     * start as gzip's do, whatever it is called ("postings.jsonl" that is gzip is not read as text).
     */
    public static InputStream open(Path f) throws IOException {
        // Pushed back, not buffered and reset: a BufferedInputStream asks available() as it reads, and
        // a named pipe ('import <(zcat …)') answers that with "Illegal seek".
        java.io.PushbackInputStream in = new java.io.PushbackInputStream(new PipeSafe(Files.newInputStream(f)), 2);
        try {
            int first = in.read();
            int second = first < 0 ? -1 : in.read();
            if (second >= 0) {
                in.unread(second);
            }
            if (first >= 0) {
                in.unread(first);
            }
            boolean magic = first == 0x1f && second == 0x8b;
            boolean gz = magic || GzipName.of(f);
            // Strict about what follows a gzip member: the JDK's GZIPInputStream takes anything that is
            // not another member (lines appended to a .gz file, a member cut inside its header) for the
            // end of the file, and the postings in it would vanish without a word.
            return gz ? new DataBeforeTheFailure(GzipCompressorInputStream.builder().setInputStream(in)
                    .setDecompressConcatenated(true).get()) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /**
     * A file's stream whose available() does not fail on a named pipe: the BufferedInputStream the
     * gzip reader reads through asks it, and a pipe answers "Illegal seek". Told one byte may be,
     * it reads on, and takes the end of the pipe as the end of the file.
     */
    private static final class PipeSafe extends java.io.FilterInputStream {
        PipeSafe(InputStream in) {
            super(in);
        }

        @Override
        public int available() {
            try {
                return super.available();
            } catch (IOException pipe) {
                return 1;
            }
        }
    }

    /**
     * Hands on what a read inflated before it failed, and fails on the next read. The gzip reader
     * fails on what follows a member inside the read that finished the member, and the lines of the
     * member's end, inflated into the caller's buffer already, would be dropped with the read.
     */
    private static final class DataBeforeTheFailure extends dev.jobintel.internal.BlockFilterInputStream {
        private final GzipCompressorInputStream gz;
        private IOException failure;

        DataBeforeTheFailure(GzipCompressorInputStream gz) {
            super(gz);
            this.gz = gz;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                throw failure;
            }
            long before = gz.getUncompressedCount();
            try {
                return gz.read(b, off, len);
            } catch (IOException e) {
                int inflated = (int) (gz.getUncompressedCount() - before);
                if (inflated <= 0) {
                    throw e;
                }
                failure = e;
                return inflated;
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fetch(FetchSink sink) {
        Map<String, Long> seen = new HashMap<>();
        for (Input input : inputs) {
            OncePerId board = new OncePerId(sink.board(name, input.board(), false), name, input.board(), seen,
                    "this import");
            read(input, board);
        }
    }

    private void read(Input input, OncePerId board) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        int lineNo = 0;
        try (InputStream in = input.open().get(); Reader r = new InputStreamReader(in, decoder)) {
            BoundedLines lines = new BoundedLines(r, MAX_LINE_CHARS);
            BoundedLines.Line next;
            while ((next = lines.next()) != null) {
                lineNo++;
                if (next.tooLong()) {
                    board.reject(new Rejects.Reject(name, input.board(), "line_too_long", "line " + lineNo + " holds "
                            + next.length() + " characters, more than the " + MAX_LINE_CHARS + " a posting may; its start "
                            + "is kept here", next.text()));
                    continue;
                }
                String line = withoutBom(next.text());
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = parse(line);
                } catch (JsonProcessingException e) {
                    board.reject(new Rejects.Reject(name, input.board(), "malformed_json",
                            "line " + lineNo + ": " + JsonStream.problem(e), line));
                    continue;
                }
                Posting posting;
                try {
                    posting = JsonlRecord.toPosting(node);
                } catch (RuntimeException e) {
                    board.reject(new Rejects.Reject(name, input.board(), "unmappable", "line " + lineNo + ": the import "
                            + "could not read this line: " + e.getClass().getSimpleName() + ": " + e.getMessage(), line));
                    continue;
                } catch (JsonlRecord.Invalid e) {
                    // Kept under this file's fetch, as its fetch_runs row counts it; the line's own
                    // source is said in the detail.
                    String source = JsonFields.text(node, "source");
                    board.reject(new Rejects.Reject(name, input.board(), e.reason(), "line " + lineNo
                            + (source == null ? "" : " (a " + source + " posting)") + ": " + e.getMessage(), line));
                    continue;
                }
                // Refused here rather than by the lander, as every other reject of a line is: with its line
                // number and the line as it was read, not the posting rebuilt from it.
                String tooLong = posting.identityTooLong();
                if (tooLong != null) {
                    board.reject(new Rejects.Reject(name, input.board(), "id_too_long", "line " + lineNo + ": " + tooLong, line));
                    continue;
                }
                board.accept(posting, lineNo, line);
            }
            board.finish(true, null, null);
        } catch (IOException | java.io.UncheckedIOException e) {
            IOException cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
            board.finish(false, null, "cannot read " + input.board() + " after line " + lineNo + ": " + problem(cause));
        }
    }

    /** What went wrong reading a file, in words: an end of file inside gzip data carries no message. */
    private static String problem(IOException e) {
        if (e instanceof java.io.EOFException) {
            return "the file ends inside its gzip data (cut short?)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
