package dev.jobintel.source.http;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/** Serves a run from recorded responses instead of the network ({@code fetch --replay DIR}, the demo snapshot). */
public final class ReplayTransport implements Transport {

    /** A URL the recording does not hold; never retried. */
    public static final class NotRecorded extends FileNotFoundException {
        NotRecorded(String message) {
            super(message);
        }
    }

    /** A recorded response whose files cannot be read (a damaged or hand-edited recording); never retried. */
    public static final class BrokenRecording extends IOException {
        BrokenRecording(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ResponseStore recording;

    public ReplayTransport(ResponseStore recording) {
        this.recording = recording;
    }

    @Override
    public Exchange get(URI uri, Map<String, String> headers) throws IOException {
        ResponseStore.Entry e = recording.read(uri);
        if (e == null) {
            // The fetch's error names the URL after this: said once. (A recording made before Lever and
            // SmartRecruiters pages overlapped asks for other pages than this version does.)
            throw new NotRecorded("no recorded response in " + recording.describe() + " for this request (a recording "
                    + "holds the requests of the version that made it)");
        }
        return new Exchange() {
            @Override
            public int status() {
                return e.status();
            }

            @Override
            public String header(String name) {
                return name.equalsIgnoreCase("Content-Type") ? e.contentType() : null;
            }

            @Override
            public InputStream body() throws IOException {
                return e.body().open();
            }

            @Override
            public void close() {
            }
        };
    }
}
