package dev.jobintel.source;

import dev.jobintel.config.HttpConfig;
import dev.jobintel.config.JobintelConfig;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.config.ConfigException;
import dev.jobintel.source.adzuna.AdzunaSource;
import dev.jobintel.source.ashby.AshbySource;
import dev.jobintel.source.greenhouse.GreenhouseSource;
import dev.jobintel.source.lever.LeverSource;
import dev.jobintel.source.smartrecruiters.SmartRecruitersSource;
import dev.jobintel.source.workable.WorkableSource;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.source.http.HttpSettings;
import dev.jobintel.source.http.OkHttpTransport;
import dev.jobintel.source.http.Recording;
import dev.jobintel.source.http.RecordingTransport;
import dev.jobintel.source.http.ReplayTransport;
import dev.jobintel.source.http.ResponseStore;
import dev.jobintel.source.http.Transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the configured sources over one shared {@link Fetcher}: the network, the network with
 * every response recorded ({@code --record DIR}), or a recording replayed ({@code --replay DIR}).
 */
public final class SourceFactory implements AutoCloseable {

    public static final List<String> NAMES = List.of("greenhouse", "lever", "ashby", "workable", "smartrecruiters",
            "adzuna");

    private final JobintelConfig config;
    private final Transport transport;
    private final Fetcher fetcher;
    private final boolean replaying;
    private final boolean recording;
    private String adzunaAppId = System.getenv("ADZUNA_APP_ID");
    private String adzunaAppKey = System.getenv("ADZUNA_APP_KEY");

    private SourceFactory(JobintelConfig config, Transport transport, HttpSettings settings, boolean replaying,
                          boolean recording) {
        this.config = config;
        this.transport = transport;
        this.fetcher = new Fetcher(transport, settings);
        this.replaying = replaying;
        this.recording = recording;
    }

    /**
     * Adzuna credentials other than ADZUNA_APP_ID / ADZUNA_APP_KEY: a replay never sends them, and
     * recordings never hold them, so the demo snapshot replays with placeholders.
     */
    public SourceFactory withAdzunaCredentials(String appId, String appKey) {
        this.adzunaAppId = appId;
        this.adzunaAppKey = appKey;
        return this;
    }

    /**
     * @param record directory to save every response to, or null
     * @param replay directory to serve responses from instead of the network, or null
     */
    public static SourceFactory create(JobintelConfig config, Path record, Path replay) {
        return create(config, record, replay == null ? null : new Recording(replay));
    }

    /** Sources served from {@code replay} (a recording, or the demo snapshot) when it is not null. */
    public static SourceFactory create(JobintelConfig config, Path record, ResponseStore replay) {
        HttpSettings settings = settings(config.http());
        Transport t;
        if (replay != null) {
            t = new ReplayTransport(replay);
            // A replay is not a server: no politeness delay, no waiting between retries.
            settings = new HttpSettings(settings.connectTimeout(), settings.readTimeout(), 1, Duration.ZERO,
                    Duration.ZERO, settings.maxRetryAfter(), Duration.ZERO, Math.max(8, settings.perHostConcurrency()),
                    settings.userAgent());
        } else {
            t = new OkHttpTransport(settings);
        }
        if (record != null) {
            t = new RecordingTransport(t, new Recording(record));
        }
        return new SourceFactory(config, t, settings, replay != null, record != null);
    }

    public static HttpSettings settings(HttpConfig h) {
        HttpSettings d = HttpSettings.defaults();
        return new HttpSettings(Duration.ofSeconds(h.connectTimeoutSeconds()), Duration.ofSeconds(h.readTimeoutSeconds()),
                h.maxAttempts(), d.baseBackoff(), d.maxBackoff(), Duration.ofSeconds(h.maxRetryAfterSeconds()),
                Duration.ofMillis(h.politenessDelayMs()), h.perHostConcurrency(),
                h.userAgent() == null || h.userAgent().isBlank() ? d.userAgent() : h.userAgent());
    }

    /**
     * The configured sources, limited to {@code only} (source names) when not empty, and to boards
     * whose slug or name is in {@code companies} when not empty.
     */
    public List<JobSource> sources(Set<String> only, Set<String> companies) {
        SourcesConfig s = config.sources();
        int concurrency = config.http().boardConcurrency();
        List<JobSource> out = new ArrayList<>();
        if (wanted("greenhouse", only) && !pick(s.greenhouse(), companies).boards().isEmpty()) {
            out.add(new GreenhouseSource(pick(s.greenhouse(), companies), fetcher, concurrency));
        }
        if (wanted("lever", only) && !pick(s.lever(), companies).boards().isEmpty()) {
            out.add(new LeverSource(pick(s.lever(), companies), fetcher, concurrency));
        }
        if (wanted("ashby", only) && !pick(s.ashby(), companies).boards().isEmpty()) {
            out.add(new AshbySource(pick(s.ashby(), companies), fetcher, concurrency));
        }
        if (wanted("workable", only) && !pick(s.workable(), companies).boards().isEmpty()) {
            out.add(new WorkableSource(pick(s.workable(), companies), fetcher, concurrency));
        }
        if (wanted("smartrecruiters", only) && !pick(s.smartrecruiters(), companies).boards().isEmpty()) {
            // A recording reads every posting's detail, even of postings stored unchanged, so that it replays
            // whole into any database; a replay asks for every detail it holds.
            out.add(new SmartRecruitersSource(pick(s.smartrecruiters(), companies), fetcher, concurrency,
                    recording || replaying));
        }
        if (wanted("adzuna", only) && companies.isEmpty() && !s.adzuna().queries().isEmpty()) {
            if (replaying && (blank(adzunaAppId) || blank(adzunaAppKey))) {
                // Recordings hold no keys and a replay sends none: any placeholder replays.
                withAdzunaCredentials("replay", "replay");
            }
            if (blank(adzunaAppId) || blank(adzunaAppKey)) {
                throw new ConfigException("environment", 0, "ADZUNA_APP_ID / ADZUNA_APP_KEY",
                        "sources.adzuna has queries, so both must be set to fetch from Adzuna (or leave adzuna out "
                                + "with --sources)");
            }
            // A replay is not Adzuna: no quota to respect.
            Fetcher.Sleeper pacing = replaying ? d -> { } : d -> Thread.sleep(d.toMillis());
            out.add(new AdzunaSource(s.adzuna(), fetcher, adzunaAppId, adzunaAppKey, pacing));
        }
        return out;
    }

    /** The sources configured by boards, by name (Adzuna is configured by queries). */
    private Map<String, SourcesConfig.BoardSource> boardSources() {
        SourcesConfig s = config.sources();
        return Map.of("greenhouse", s.greenhouse(), "lever", s.lever(), "ashby", s.ashby(), "workable", s.workable(),
                "smartrecruiters", s.smartrecruiters());
    }

    /**
     * Every board (and Adzuna search) {@code config} names, by source and board name as fetch_runs and
     * board_health record them, with the address each would be fetched at; no source is reached.
     */
    public static Map<String, Map<String, String>> configuredBoards(JobintelConfig config) {
        SourcesConfig s = config.sources();
        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
        out.put("greenhouse", new GreenhouseSource(s.greenhouse(), null, 1).addresses());
        out.put("lever", new LeverSource(s.lever(), null, 1).addresses());
        out.put("ashby", new AshbySource(s.ashby(), null, 1).addresses());
        out.put("workable", new WorkableSource(s.workable(), null, 1).addresses());
        out.put("smartrecruiters", new SmartRecruitersSource(s.smartrecruiters(), null, 1).addresses());
        out.put("adzuna", new AdzunaSource(s.adzuna(), null, null, null, d -> { }).addresses());
        out.values().removeIf(Map::isEmpty);
        return out;
    }

    /** The configured boards of every board source, as "source/slug". */
    public List<String> boardNames() {
        List<String> out = new ArrayList<>();
        boardSources().forEach((name, src) -> src.boards().forEach(b -> out.add(name + "/" + b.slug())));
        out.sort(String.CASE_INSENSITIVE_ORDER);
        return out;
    }

    /** Those of {@code companies} that name no configured board (by slug or display name, any case). */
    public List<String> unknownCompanies(Set<String> companies) {
        return unknownCompanies(companies, Set.of());
    }

    /**
     * Those of {@code companies} that name no configured board of the sources {@code only} names (all
     * when empty), by slug or display name, any case: the boards a fetch narrowed to both would skip.
     */
    public List<String> unknownCompanies(Set<String> companies, Set<String> only) {
        var chosen = boardSources().entrySet().stream().filter(e -> wanted(e.getKey(), only)).map(Map.Entry::getValue)
                .toList();
        return companies.stream()
                .filter(c -> chosen.stream().allMatch(src -> pick(src, Set.of(c)).boards().isEmpty()))
                .toList();
    }

    /** The board sources with a board {@code company} names (by slug or display name, any case), sorted. */
    public List<String> sourcesOf(String company) {
        return boardSources().entrySet().stream().filter(e -> !pick(e.getValue(), Set.of(company)).boards().isEmpty())
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean wanted(String name, Set<String> only) {
        return only.isEmpty() || only.contains(name);
    }

    static SourcesConfig.BoardSource pick(SourcesConfig.BoardSource src, Set<String> companies) {
        if (companies.isEmpty()) {
            return src;
        }
        List<SourcesConfig.Board> kept = src.boards().stream()
                .filter(b -> companies.stream().anyMatch(c -> c.equalsIgnoreCase(b.slug())
                        || (b.name() != null && c.equalsIgnoreCase(b.name()))))
                .toList();
        return new SourcesConfig.BoardSource(src.baseUrl(), src.euBaseUrl(), src.pageSize(), kept);
    }

    /** Whether the sources are served from a recording (or the demo snapshot) instead of the network. */
    public boolean replaying() {
        return replaying;
    }

    public Fetcher fetcher() {
        return fetcher;
    }

    @Override
    public void close() {
        transport.close();
    }
}
