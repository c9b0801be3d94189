package dev.jobintel.source.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Passes requests through and saves every response exactly as received ({@code fetch --record DIR}),
 * but for a credential of the request a server echoes back, which is masked.
 */
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
        try {
            return record(uri, headers);
        } catch (NotSaved e) {
            throw e;
        } catch (IOException e) {
            // No answer came (a timeout, a refused connection, a body cut off): a response an earlier
            // recording into this directory saved for the request is not what this run was told, and a
            // replay must fail the request as this run did rather than serve it.
            try {
                recording.forget(uri);
            } catch (IOException gone) {
                throw notSaved(gone);
            }
            throw e;
        }
    }

    private Exchange record(URI uri, Map<String, String> headers) throws IOException {
        try (Exchange ex = inner.get(uri, headers); InputStream in = ex.body()) {
            int status = ex.status();
            String type = ex.header("Content-Type");
            String retryAfter = ex.header("Retry-After");
            byte[] head = in.readNBytes(Body.SPOOL_ABOVE + 1);
            if (head.length <= Body.SPOOL_ABOVE) {
                // Whole: the bytes as received, but for a credential of the request the server echoed
                // back (an error page quoting the URL), which never goes to disk.
                byte[] body = withoutSecrets(head, uri);
                save(() -> recording.write(uri, status, type, body));
                return replay(status, type, retryAfter, () -> new ByteArrayInputStream(body));
            }
            // A large board: streamed to the recording, and read back from there, never held in memory.
            List<String> secrets = secrets(uri);
            Path file;
            try {
                file = secrets.isEmpty() ? recording.write(uri, status, type, head, in)
                        : recording.write(uri, status, type, new byte[0],
                                new MaskingInputStream(new SequenceInputStream(new ByteArrayInputStream(head), in), secrets));
            } catch (Recording.Unwritable e) {
                throw notSaved(e);
            }
            return replay(status, type, retryAfter, () -> Files.newInputStream(file));
        }
    }

    private interface Save {
        void run() throws IOException;
    }

    private static void save(Save save) throws NotSaved {
        try {
            save.run();
        } catch (IOException e) {
            throw notSaved(e);
        }
    }

    private static NotSaved notSaved(IOException e) {
        IOException cause = e instanceof Recording.Unwritable && e.getCause() instanceof IOException io ? io : e;
        return new NotSaved("could not save the response to the recording: " + cause.getClass().getSimpleName()
                + ": " + cause.getMessage(), cause);
    }

    /** {@code body} with the values of the request's secret parameters, as sent or URL-encoded, masked. */
    static byte[] withoutSecrets(byte[] body, URI uri) throws IOException {
        List<String> secrets = secrets(uri);
        return secrets.isEmpty() ? body : new MaskingInputStream(new ByteArrayInputStream(body), secrets).readAllBytes();
    }

    /**
     * The values of the request's secret parameters, as sent and decoded, each as the ISO-8859-1
     * string of its bytes; values under four characters are left (they would mask ordinary text).
     */
    private static List<String> secrets(URI uri) {
        String q = uri.getRawQuery();
        List<String> out = new ArrayList<>();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || !Fetcher.SECRET_PARAMS.contains(pair.substring(0, eq).toLowerCase(Locale.ROOT))) {
                continue;
            }
            String raw = pair.substring(eq + 1);
            String plain = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            for (String v : new String[] {raw, new String(plain.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)}) {
                if (v.length() >= 4 && !out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static Exchange replay(int status, String type, String retryAfter, Opener body) {
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
            public InputStream body() throws IOException {
                return body.open();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
        inner.close();
    }
}
