package dev.jobintel.source;

import dev.jobintel.config.HttpConfig;
import dev.jobintel.config.JobintelConfig;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.source.greenhouse.GreenhouseSource;
import dev.jobintel.source.http.Fetcher;
import dev.jobintel.source.http.HttpSettings;
import dev.jobintel.source.http.OkHttpTransport;
import dev.jobintel.source.http.Recording;
import dev.jobintel.source.http.RecordingTransport;
import dev.jobintel.source.http.ReplayTransport;
import dev.jobintel.source.http.Transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private SourceFactory(JobintelConfig config, Transport transport, HttpSettings settings) {
        this.config = config;
        this.transport = transport;
        this.fetcher = new Fetcher(transport, settings);
    }

    /**
     * @param record directory to save every response to, or null
     * @param replay directory to serve responses from instead of the network, or null
     */
    public static SourceFactory create(JobintelConfig config, Path record, Path replay) {
        HttpSettings settings = settings(config.http());
        Transport t;
        if (replay != null) {
            t = new ReplayTransport(new Recording(replay));
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
        return new SourceFactory(config, t, settings);
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
        return out;
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

    public Fetcher fetcher() {
        return fetcher;
    }

    @Override
    public void close() {
        transport.close();
    }
}
