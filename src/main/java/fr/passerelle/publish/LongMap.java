package fr.passerelle.publish;

import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * A map from long keys to values, open addressing with linear probing over a mixed hash. The release
 * tables' keys pack several small numbers into one long, which {@code Long.hashCode} folds into
 * colliding buckets (measured: a third of the publication's time in tree-bin lookups at 1M people).
 */
final class LongMap<V> {
    private long[] keys = new long[1024];
    private Object[] values = new Object[1024];
    private int size;

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
        }
    }

    @SuppressWarnings("unchecked")
    V computeIfAbsent(long key, LongFunction<V> create) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        for (; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        V v = create.apply(key);
        keys[i] = key;
        values[i] = v;
        if (++size * 2 > keys.length) {
            grow();
        }
        return v;
    }

    /** Every key, sorted (for output in a stable order). */
    long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                out[n++] = keys[i];
            }
        }
        Arrays.sort(out);
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != null) {
                int i = slot(oldKeys[j], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
