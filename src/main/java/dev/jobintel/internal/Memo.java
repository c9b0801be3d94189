package dev.jobintel.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembered results of a pure function, for values that repeat across a run's postings (a
 * market has few distinct location strings and employers). Safe for concurrent use; bounded by
 * starting over when full, which is simple and costs only recomputation.
 */
public final class Memo<K, V> {

    private final int limit;
    private final Function<K, V> compute;
    private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();

    /**
     * @param limit   entries kept before the memo starts over
     * @param compute the function remembered; it must not return null
     */
    public Memo(int limit, Function<K, V> compute) {
        this.limit = limit;
        this.compute = compute;
    }

    public V get(K key) {
        V v = values.get(key);
        if (v == null) {
            if (values.size() >= limit) {
                values.clear();
            }
            v = compute.apply(key);
            values.put(key, v);
        }
        return v;
    }
}
