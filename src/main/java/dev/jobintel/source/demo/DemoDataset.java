package dev.jobintel.source.demo;

import dev.jobintel.source.JobSource;
import dev.jobintel.source.jsonl.JsonlSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bundled demo snapshot that {@code jobintel run} uses when no source is configured. It is
 * made by {@link DemoGenerator} on demand, byte for byte the same every time.
 */
public final class DemoDataset {

    public static final String BOARD = "bundled demo snapshot";

    private DemoDataset() {
    }

    private static final class Holder {
        static final List<DemoPosting> POSTINGS = List.copyOf(DemoGenerator.snapshot());
        static final byte[] BYTES = join(POSTINGS);
    }

    public static List<DemoPosting> postings() {
        return Holder.POSTINGS;
    }

    public static JobSource source() {
        return new JsonlSource("demo", List.of(new JsonlSource.Input(BOARD, () -> new ByteArrayInputStream(Holder.BYTES))));
    }

    /** The snapshot in the JSON Lines import format, as 'jobintel demo --jsonl' writes it. */
    public static byte[] jsonLines() {
        return Holder.BYTES.clone();
    }

    private static byte[] join(List<DemoPosting> postings) {
        StringBuilder sb = new StringBuilder(postings.size() * 2_500);
        for (DemoPosting p : postings) {
            sb.append(p.jsonLine()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
