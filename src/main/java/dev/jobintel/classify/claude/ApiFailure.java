package dev.jobintel.classify.claude;

import dev.jobintel.internal.Secrets;

/**
 * A request the API did not answer with a message, sorted by what to do about it.
 *
 * @param retryAfterMillis what the server asked us to wait (retry-after-ms or retry-after), or null
 * @param noConnection     no connection could be made at all (refused, unknown host, no route): a
 *                         {@link Kind#SERVER} failure that says nothing answers at the base URL
 */
public record ApiFailure(Kind kind, Integer status, String type, String message, String requestId,
                         Long retryAfterMillis, boolean noConnection) {

    /** The server's words are kept as they came, but for the key: an API or proxy may echo it back. */
    public ApiFailure {
        message = Secrets.redact(message);
        type = Secrets.redact(type);
    }

    public ApiFailure(Kind kind, Integer status, String type, String message, String requestId, Long retryAfterMillis) {
        this(kind, status, type, message, requestId, retryAfterMillis, false);
    }

    /**
     * Sent, and no answer read: a timeout, a connection cut mid-answer, a body that is no response. The
     * API may have taken the request (and bill it); one that never connected, or got an HTTP status, did not.
     */
    public boolean unanswered() {
        return status == null && !noConnection;
    }

    /** What a failure means for the posting and for the run. */
    public enum Kind {
        /** 429: wait (as told) and try again; slows the whole run down. */
        RATE_LIMITED("rate_limited", true),
        /** 529: the API is overloaded; back off and try again. */
        OVERLOADED("overloaded", true),
        /**
         * 500, 502, 503, 409, a body that is not a valid response, or a connection that failed (refused, reset,
         * closed or cut mid-answer): try again. The ledger's error says which.
         */
        SERVER("server_error", true),
        /** 408, 504, or no answer in time: try again. */
        TIMEOUT("timeout", true),
        /** 400: this request is wrong; sending it again will not help. */
        BAD_REQUEST("bad_request", false),
        /** 413: the request is too large for the API. */
        TOO_LARGE("too_large", false),
        /** 401, 402, 403, 404, or a spend limit: nothing will work until a person acts; stop the run. */
        FATAL("stopped", false);

        private final String code;
        private final boolean transientFailure;

        Kind(String code, boolean transientFailure) {
            this.code = code;
            this.transientFailure = transientFailure;
        }

        /** The outcome written to the cost ledger and, after the last attempt, the posting's failure reason. */
        public String code() {
            return code;
        }

        public boolean isTransient() {
            return transientFailure;
        }
    }

    /** A one-line description for logs and the ledger; never contains the API key. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (status != null) {
            sb.append("HTTP ").append(status).append(' ');
        }
        if (type != null) {
            sb.append(type).append(": ");
        }
        sb.append(message == null ? kind.code() : message);
        if (requestId != null) {
            sb.append(" (request ").append(requestId).append(')');
        }
        return sb.toString();
    }
}
