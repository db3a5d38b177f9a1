package cn.countyflow.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small in-memory caches with a bound: the least recently used entry goes when one more would pass it. */
public final class Bounded {
    private Bounded() {
    }

    /** A thread-safe map of at most {@code max} entries, forgetting the least recently used first. */
    public static <K, V> Map<K, V> lru(int max) {
        return Collections.synchronizedMap(new LinkedHashMap<K, V>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        });
    }
}
