package dev.jobintel.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A filter whose work is all in {@link #read(byte[], int, int)}: a one-byte read goes through it too,
 * where {@link FilterInputStream} would pass it straight to the stream underneath, past the filter.
 */
public abstract class BlockFilterInputStream extends FilterInputStream {

    protected BlockFilterInputStream(InputStream in) {
        super(in);
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
