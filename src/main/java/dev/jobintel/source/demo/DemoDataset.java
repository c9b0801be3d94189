package dev.jobintel.source.demo;

import dev.jobintel.source.JobSource;
import dev.jobintel.source.jsonl.JsonlSource;

import java.io.ByteArrayInputStream;
import java.util.List;

/** PLACEHOLDER until the generator lands. */
public final class DemoDataset {
    private DemoDataset() {
    }

    public static JobSource source() {
        return new JsonlSource("demo", List.of(new JsonlSource.Input("bundled demo snapshot",
                () -> new ByteArrayInputStream(new byte[0]))));
    }
}
