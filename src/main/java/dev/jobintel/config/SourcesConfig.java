package dev.jobintel.config;

import java.util.List;

/**
 * {@code sources:} in jobintel.yaml: the job boards to fetch, per API. Every base URL is
 * configurable so a user or a test can point an adapter at a local server.
 */
public record SourcesConfig(
        BoardSource greenhouse,
        BoardSource lever,
        BoardSource ashby,
        BoardSource workable,
        BoardSource smartrecruiters,
        Adzuna adzuna) {

    public SourcesConfig {
        greenhouse = orEmpty(greenhouse);
        lever = orEmpty(lever);
        ashby = orEmpty(ashby);
        workable = orEmpty(workable);
        smartrecruiters = orEmpty(smartrecruiters);
        adzuna = adzuna == null ? new Adzuna(null, null, null, null, null, null) : adzuna;
    }

    private static BoardSource orEmpty(BoardSource s) {
        return s == null ? new BoardSource(null, null, null, null) : s;
    }

    /** True when no board and no Adzuna query is configured. */
    public boolean isEmpty() {
        return greenhouse.boards().isEmpty() && lever.boards().isEmpty() && ashby.boards().isEmpty()
                && workable.boards().isEmpty() && smartrecruiters.boards().isEmpty() && adzuna.queries().isEmpty();
    }

    /**
     * A board-based API.
     *
     * @param baseUrl   the API's base URL (default: the public API)
     * @param euBaseUrl the EU instance's base URL, for boards with {@code instance: eu}
     * @param pageSize  page size for paged APIs (Lever, SmartRecruiters)
     */
    public record BoardSource(String baseUrl, String euBaseUrl, Integer pageSize, List<Board> boards) {
        public BoardSource {
            boards = boards == null ? List.of() : List.copyOf(boards);
        }
    }

    /**
     * One board.
     *
     * @param slug     the board token / site / account / company identifier in the API's URL
     * @param name     the employer's display name (Lever, Ashby and Workable do not send one)
     * @param instance "eu" for the EU instance (Lever EU, Greenhouse EU); default the global one
     */
    public record Board(String slug, String name, String instance) {
        public Board {
            // Validated stripped, so used stripped: ' acme ' is the board acme, not a 404 for '+acme+'.
            slug = slug == null ? null : slug.strip();
        }
    }

    /**
     * Adzuna search: every query in every country, paged to {@code maxResults}.
     * Credentials come from ADZUNA_APP_ID / ADZUNA_APP_KEY only.
     */
    public record Adzuna(String baseUrl, List<String> countries, List<Query> queries, Integer resultsPerPage,
                         Integer maxResults, Integer requestsPerMinute) {
        public Adzuna {
            countries = countries == null ? List.of() : List.copyOf(countries);
            queries = queries == null ? List.of() : List.copyOf(queries);
            resultsPerPage = resultsPerPage == null ? 50 : resultsPerPage;
            maxResults = maxResults == null ? 1000 : maxResults;
            requestsPerMinute = requestsPerMinute == null ? 25 : requestsPerMinute;
        }
    }

    /** An Adzuna search: {@code what} (keywords) and optionally {@code where} (a place). */
    public record Query(String what, String where) {
    }
}
