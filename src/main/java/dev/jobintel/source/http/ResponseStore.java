package dev.jobintel.source.http;

import java.io.IOException;
import java.net.URI;

/** Recorded responses by request URL: a recording directory, or a snapshot made in memory. */
public interface ResponseStore {

    /** A recorded response. */
    record Entry(String url, int status, String contentType, byte[] body) {
    }

    /** The response recorded for {@code uri}, or null. Credentials in the URL do not take part. */
    Entry read(URI uri) throws IOException;

    /** Where the responses come from, for messages. */
    String describe();
}
