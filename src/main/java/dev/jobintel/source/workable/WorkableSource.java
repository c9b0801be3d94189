package dev.jobintel.source.workable;

import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.BoardApiSource;
import dev.jobintel.source.BoardSink;
import dev.jobintel.source.http.Body;
import dev.jobintel.source.http.Fetcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Workable accounts through the widget API: one call per account returns every job with its description (no paging). */
public final class WorkableSource extends BoardApiSource {

    public static final String DEFAULT_BASE = "https://apply.workable.com";

    private final String base;

    public WorkableSource(SourcesConfig.BoardSource config, Fetcher fetcher, int concurrency) {
        super(WorkableParser.SOURCE, fetcher, config.boards(), concurrency);
        this.base = base(config.baseUrl(), DEFAULT_BASE);
    }

    @Override
    protected String address(SourcesConfig.Board board) {
        return base;
    }

    @Override
    protected Outcome fetchBoard(SourcesConfig.Board board, BoardSink sink) throws IOException {
        URI uri = URI.create(base + "/api/v1/widget/accounts/" + URLEncoder.encode(board.slug(), StandardCharsets.UTF_8)
                + "?details=true");
        try (Body body = get(uri)) {
            items(body, "jobs", board, sink, job -> WorkableParser.posting(job, board));
            return Outcome.complete(body.status());
        }
    }
}
