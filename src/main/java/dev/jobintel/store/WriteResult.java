package dev.jobintel.store;

import java.util.ArrayList;
import java.util.List;

/**
 * What writing a batch of outcomes did.
 *
 * @param deferred      merged postings whose job does not exist yet (its creator failed); they
 *                      stay pending and are classified on the next pass
 * @param storeFailures postings the database refused; recorded as failed(store_error)
 */
public record WriteResult(int enriched, int merged, int filtered, int failed, List<Long> deferred,
                          List<Long> storeFailures) {

    public static final WriteResult EMPTY = new WriteResult(0, 0, 0, 0, List.of(), List.of());

    public WriteResult {
        deferred = List.copyOf(deferred);
        storeFailures = List.copyOf(storeFailures);
    }

    public WriteResult plus(WriteResult o) {
        List<Long> d = new ArrayList<>(deferred);
        d.addAll(o.deferred);
        List<Long> s = new ArrayList<>(storeFailures);
        s.addAll(o.storeFailures);
        return new WriteResult(enriched + o.enriched, merged + o.merged, filtered + o.filtered, failed + o.failed, d, s);
    }
}
