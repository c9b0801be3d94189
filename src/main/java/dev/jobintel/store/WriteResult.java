package dev.jobintel.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What writing a batch of outcomes did.
 *
 * @param deferred      merged postings whose job does not exist yet (its creator failed); they
 *                      stay pending and are classified on the next pass
 * @param storeFailures postings the database refused; recorded as failed(store_error)
 * @param superseded    postings left as they were because they no longer had the content they
 *                      were decided on (or were no longer pending): a fetch landed new content
 *                      meanwhile, so they wait, pending, to be decided again
 */
public record WriteResult(int enriched, int merged, int filtered, int failed, List<Long> deferred,
                          List<Long> storeFailures, List<Long> superseded) {

    public static final WriteResult EMPTY = new WriteResult(0, 0, 0, 0, List.of(), List.of(), List.of());

    public WriteResult {
        deferred = List.copyOf(deferred);
        storeFailures = List.copyOf(storeFailures);
        superseded = List.copyOf(superseded);
    }

    public WriteResult plus(WriteResult o) {
        return new WriteResult(enriched + o.enriched, merged + o.merged, filtered + o.filtered, failed + o.failed,
                concat(deferred, o.deferred), concat(storeFailures, o.storeFailures), concat(superseded, o.superseded));
    }

    /** Those of {@code batch}, in order, that this write did not find superseded. */
    public List<Outcome> notSuperseded(List<Outcome> batch) {
        if (superseded.isEmpty()) {
            return batch;
        }
        Set<Long> skipped = new HashSet<>(superseded);
        return batch.stream().filter(o -> !skipped.contains(o.postingId())).toList();
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
