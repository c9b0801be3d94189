package dev.jobintel.source.demo;

import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.Hints;
import dev.jobintel.source.http.Recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Many boards in the real APIs' formats, written board by board to a recording directory, for
 * the fetch benchmark: the five ATS APIs in turn, each board with its own employer and postings
 * of about the chosen description length. Only one board is in memory at a time.
 */
public final class BulkBoards {

    private static final String[] SOURCES = {"greenhouse", "lever", "ashby", "workable", "smartrecruiters"};

    private BulkBoards() {
    }

    /** Writes the boards to {@code dir}; returns the sources configuration that fetches them. */
    public static SourcesConfig write(Path dir, int boards, int postingsPerBoard, int descriptionChars, long seed) {
        Recording recording = new Recording(dir);
        BulkWriter text = new BulkWriter(seed, descriptionChars);
        Map<String, List<SourcesConfig.Board>> bySource = new java.util.LinkedHashMap<>();
        for (String s : SOURCES) {
            bySource.put(s, new ArrayList<>());
        }
        long id = 0;
        for (int b = 0; b < boards; b++) {
            String source = SOURCES[b % SOURCES.length];
            String slug = "bench" + b;
            String company = text.company(b);
            List<DemoRecord> records = new ArrayList<>(postingsPerBoard);
            for (int p = 0; p < postingsPerBoard; p++) {
                id++;
                String postingId = switch (source) {
                    case "greenhouse" -> Long.toString(5_000_000_000L + id);
                    case "lever", "ashby" -> new java.util.UUID(seed, id).toString();
                    case "workable" -> String.format(java.util.Locale.ROOT, "%010X", id);
                    default -> Long.toString(744_000_000_000_000L + id);
                };
                String url = "https://jobs.example.com/" + slug + "/" + postingId;
                records.add(new DemoRecord(source, slug, postingId, url, company, text.title(id), text.location(id),
                        text.description(id), Instant.parse("2026-11-10T09:00:00Z"), Hints.NONE,
                        source.equals("greenhouse"), null, null));
            }
            DemoSnapshot.renderBoard(source, slug, records, (u, json) -> {
                try {
                    recording.write(URI.create(u), 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            bySource.get(source).add(new SourcesConfig.Board(slug, company, null));
        }
        return new SourcesConfig(board(bySource, "greenhouse"), board(bySource, "lever"), board(bySource, "ashby"),
                board(bySource, "workable"), board(bySource, "smartrecruiters"), null);
    }

    /** One Greenhouse board body of at least {@code bytes} bytes, for the bounded-memory measurement. */
    public static String greenhouseBody(int bytes, int descriptionChars, long seed) {
        BulkWriter text = new BulkWriter(seed, descriptionChars);
        int count = Math.max(1, bytes / (descriptionChars + 1_000));
        while (true) {
            List<DemoRecord> records = new ArrayList<>(count);
            for (long id = 1; id <= count; id++) {
                records.add(new DemoRecord("greenhouse", "big", Long.toString(5_000_000_000L + id),
                        "https://jobs.example.com/big/" + id, "Big Employer", text.title(id), text.location(id),
                        text.description(id), Instant.parse("2026-11-10T09:00:00Z"), Hints.NONE, true, null, null));
            }
            String[] body = new String[1];
            DemoSnapshot.renderBoard("greenhouse", "big", records, (u, json) -> body[0] = json);
            int size = body[0].getBytes(StandardCharsets.UTF_8).length;
            if (size >= bytes) {
                return body[0];
            }
            count = (int) Math.ceil(count * (bytes * 1.02 / size));
        }
    }

    private static SourcesConfig.BoardSource board(Map<String, List<SourcesConfig.Board>> bySource, String source) {
        return new SourcesConfig.BoardSource(null, null, null, bySource.get(source));
    }
}
