package dev.jobintel.source.http;

import java.io.IOException;
import java.net.URI;

/** Recorded responses by request URL: a recording directory, or a snapshot made in memory. */
public interface ResponseStore {

    /** Opens a recorded body. */
    @FunctionalInterface
    interface BodySource {
        java.io.InputStream open() throws IOException;
    }

    /** A recorded response; the body is opened on demand, so a large one is streamed, not loaded. */
    record Entry(String url, int status, String contentType, BodySource body) {
        public static Entry of(String url, int status, String contentType, byte[] bytes) {
            return new Entry(url, status, contentType, () -> new java.io.ByteArrayInputStream(bytes));
        }
    }

    /** The response recorded for {@code uri}, or null. Credentials in the URL do not take part. */
    Entry read(URI uri) throws IOException;

    /** Where the responses come from, for messages. */
    String describe();
}
