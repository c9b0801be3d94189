package dev.jobintel.source.ashby;

import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.BoardSink;
import dev.jobintel.source.http.Body;
import dev.jobintel.source.http.Fetcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Ashby job boards: one call per board returns every job (no paging), with compensation when
 * asked for. Whole boards run to megabytes, hence the streaming read.
 */
public final class AshbySource extends BoardApiSource {

    public static final String DEFAULT_BASE = "https://api.ashbyhq.com";

    private final String base;

    public AshbySource(SourcesConfig.BoardSource config, Fetcher fetcher, int concurrency) {
        super(AshbyParser.SOURCE, fetcher, config.boards(), concurrency);
        this.base = base(config.baseUrl(), DEFAULT_BASE);
    }

    @Override
    protected String address(SourcesConfig.Board board) {
        return base;
    }

    @Override
    protected Outcome fetchBoard(SourcesConfig.Board board, BoardSink sink) throws IOException {
        URI uri = URI.create(base + "/posting-api/job-board/" + URLEncoder.encode(board.slug(), StandardCharsets.UTF_8)
                + "?includeCompensation=true");
        try (Body body = get(uri)) {
            items(body, "jobs", board, sink, job -> AshbyParser.posting(job, board));
            return Outcome.complete(body.status());
        }
    }
}
