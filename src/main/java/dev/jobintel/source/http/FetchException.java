package dev.jobintel.source.http;

import dev.jobintel.internal.Throwables;

import java.io.IOException;

/**
 * A request that did not produce a usable body: an HTTP error status, a connection failure or
 * timeout after every retry, or an HTML page where JSON was expected. Carries the URL (with
 * secrets redacted), the last HTTP status and the number of attempts.
 */
public class FetchException extends IOException {

    private final String url;
    private final Integer status;
    private final int attempts;

    public FetchException(String message, String url, Integer status, int attempts, Throwable cause) {
        super(message + " (" + url + (status == null ? "" : ", HTTP " + status)
                + (attempts > 1 ? ", after " + attempts + " attempts" : "") + ")", cause);
        this.url = url;
        this.status = status;
        this.attempts = attempts;
    }

    public String url() {
        return url;
    }

    /** The last HTTP status, or null when no response arrived. */
    public Integer status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    /**
     * Whether no attempt got as far as a connection: the host refused it, has no address, or has no route. That
     * is the network's or the API's state, the same for every board on the host, not this board's.
     */
    public boolean unreachable() {
        return status == null && Throwables.neverConnected(getCause());
    }
}
