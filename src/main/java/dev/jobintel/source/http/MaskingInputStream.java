package dev.jobintel.source.http;

import dev.jobintel.internal.BlockFilterInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A stream with every occurrence of some secrets replaced by "***", however the reads split it:
 * the last bytes of each chunk (one fewer than the longest secret) wait for the next one, so a
 * secret across a boundary is still whole when it is looked for. Bytes are handled as ISO-8859-1,
 * which maps each to one char and back, so everything else passes exactly as it was.
 */
final class MaskingInputStream extends BlockFilterInputStream {

    private final List<String> secrets;
    private final int keep;
    private final byte[] chunk = new byte[64 * 1024];
    /** Masked bytes ready to hand out. */
    private byte[] ready = new byte[0];
    private int readyPos;
    /** Bytes read but not yet masked: the possible start of a secret. */
    private String carry = "";
    private boolean ended;

    /** @param secrets each at least four characters (ISO-8859-1 strings of the secrets' bytes) */
    MaskingInputStream(InputStream in, List<String> secrets) {
        super(in);
        this.secrets = List.copyOf(secrets);
        this.keep = secrets.stream().mapToInt(String::length).max().orElse(1) - 1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (readyPos >= ready.length) {
            if (ended) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, ready.length - readyPos);
        System.arraycopy(ready, readyPos, b, off, n);
        readyPos += n;
        return n;
    }

    private void fill() throws IOException {
        int n = in.read(chunk);
        String text = carry + (n > 0 ? new String(chunk, 0, n, StandardCharsets.ISO_8859_1) : "");
        for (String s : secrets) {
            text = text.replace(s, "***");
        }
        if (n < 0) {
            ended = true;
            carry = "";
        } else {
            int cut = Math.max(0, text.length() - keep);
            carry = text.substring(cut);
            text = text.substring(0, cut);
        }
        ready = text.getBytes(StandardCharsets.ISO_8859_1);
        readyPos = 0;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a masked stream is read, not skipped");
    }

    @Override
    public int available() {
        return ready.length - readyPos;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
