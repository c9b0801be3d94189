package dev.jobintel.source.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.BoardSink;
import dev.jobintel.source.http.Body;
import dev.jobintel.source.http.Fetcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Greenhouse job boards: one call per board returns every job with its content (no paging). */
public final class GreenhouseSource extends BoardApiSource {

    public static final String DEFAULT_BASE = "https://boards-api.greenhouse.io";
    public static final String DEFAULT_EU_BASE = "https://boards-api.eu.greenhouse.io";

    private final String base;
    private final String euBase;

    public GreenhouseSource(SourcesConfig.BoardSource config, Fetcher fetcher, int concurrency) {
        super(GreenhouseParser.SOURCE, fetcher, config.boards(), concurrency);
        this.base = base(config.baseUrl(), DEFAULT_BASE);
        this.euBase = base(config.euBaseUrl(), DEFAULT_EU_BASE);
    }

    @Override
    protected String address(SourcesConfig.Board board) {
        return "eu".equalsIgnoreCase(board.instance()) ? euBase : base;
    }

    @Override
    protected Outcome fetchBoard(SourcesConfig.Board board, BoardSink sink) throws IOException {
        String root = address(board);
        URI uri = URI.create(root + "/v1/boards/" + URLEncoder.encode(board.slug(), StandardCharsets.UTF_8)
                + "/jobs?content=true");
        try (Body body = get(uri)) {
            long[] received = {0};
            JsonNode total = items(body, "jobs", board, sink, job -> {
                received[0]++;
                return GreenhouseParser.posting(job, board);
            }).path("meta").path("total");
            // Fewer jobs than the board says it has: a cut list must not close the postings left out of it.
            if (total.canConvertToLong() && total.isNumber() && total.asLong() > received[0]) {
                return Outcome.partial(body.status(), "the board says it has " + total.asLong() + " jobs (meta.total) "
                        + "but the body held " + received[0] + "; kept what arrived and closed nothing");
            }
            return Outcome.complete(body.status());
        }
    }
}
