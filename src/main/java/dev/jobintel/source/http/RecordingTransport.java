package dev.jobintel.source.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/** Passes requests through and saves every response exactly as received ({@code fetch --record DIR}). */
public final class RecordingTransport implements Transport {

    /** The response arrived but could not be saved (disk full, directory gone): not the server's fault, not retried. */
    public static final class NotSaved extends IOException {
        private static final long serialVersionUID = 1L;

        NotSaved(String message, IOException cause) {
            super(message, cause);
        }
    }

    private final Transport inner;
    private final Recording recording;

    public RecordingTransport(Transport inner, Recording recording) {
        this.inner = inner;
        this.recording = recording;
    }

    @Override
    public Exchange get(URI uri, Map<String, String> headers) throws IOException {
        try (Exchange ex = inner.get(uri, headers); InputStream in = ex.body()) {
            int status = ex.status();
            String type = ex.header("Content-Type");
            String retryAfter = ex.header("Retry-After");
            byte[] body = in.readAllBytes();
            try {
                recording.write(uri, status, type, body);
            } catch (IOException e) {
                throw new NotSaved("could not save the response to the recording: " + e.getClass().getSimpleName()
                        + ": " + e.getMessage(), e);
            }
            return new Exchange() {
                @Override
                public int status() {
                    return status;
                }

                @Override
                public String header(String name) {
                    if (name.equalsIgnoreCase("Content-Type")) {
                        return type;
                    }
                    return name.equalsIgnoreCase("Retry-After") ? retryAfter : null;
                }

                @Override
                public InputStream body() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
