package dev.jobintel.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Standard output that remembers why a write failed. PrintStream swallows the error, and a reader
 * that closed the pipe ({@code jobintel report jobs | head}) got all it wanted, where a full disk
 * lost output the user expected: only the second deserves an error.
 */
final class StandardOutput extends FilterOutputStream {

    /** 128 + SIGPIPE: how a shell sees any program stopped because its reader went away. */
    static final int READER_GONE = 141;

    private static volatile boolean readerGone;

    private StandardOutput(OutputStream out) {
        super(out);
    }

    /** Replaces {@link System#out} with one on the same descriptor and charset that notices a closed pipe. */
    static void install() {
        OutputStream fd = new StandardOutput(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(new BufferedOutputStream(fd, 8192), true, charset()));
    }

    /** Whether a write failed because nothing reads standard output any more. */
    static boolean readerGone() {
        return readerGone;
    }

    /** The charset the JVM gave standard output (Java 17 names it sun.stdout.encoding, later ones stdout.encoding). */
    private static Charset charset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            // EPIPE: the JVM ignores SIGPIPE, so the write fails with this message (Linux and macOS alike).
            if (String.valueOf(e.getMessage()).contains("Broken pipe")) {
                readerGone = true;
            }
            throw e;
        }
    }
}
