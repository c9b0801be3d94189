package dev.jobintel.source.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The edge where requests leave the process: the network, a replay directory, or a recorder
 * wrapping either. Everything above it (retries, politeness, parsing) is the same for all.
 */
public interface Transport extends AutoCloseable {

    /** A response whose body is read as a stream. */
    interface Exchange extends Closeable {
        int status();

        /** First value of a header, case-insensitive, or null. */
        String header(String name);

        InputStream body() throws IOException;
    }

    Exchange get(URI uri, Map<String, String> headers) throws IOException;

    /** Optional per-request read timeout override; transports that cannot honour it ignore it. */
    default Exchange get(URI uri, Map<String, String> headers, Duration readTimeout) throws IOException {
        return get(uri, headers);
    }

    @Override
    default void close() {
    }
}
