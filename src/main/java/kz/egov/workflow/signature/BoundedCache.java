package kz.egov.workflow.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A least-recently-used map with a bound on entries and an expiry per entry (revocation answers until their nextUpdate). */
final class BoundedCache<K, V> {

  private record Entry<V>(V value, Instant expiresAt) {}

  private final int maxEntries;
  private final Clock clock;
  private final LinkedHashMap<K, Entry<V>> entries;

  BoundedCache(int maxEntries, Clock clock) {
    this.maxEntries = Math.max(1, maxEntries);
    this.clock = clock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
        return size() > BoundedCache.this.maxEntries;
      }
    };
  }

  synchronized V get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (!clock.instant().isBefore(entry.expiresAt())) {
      entries.remove(key);
      return null;
    }
    return entry.value();
  }

  synchronized void put(K key, V value, Instant expiresAt) {
    if (expiresAt.isAfter(clock.instant())) {
      entries.put(key, new Entry<>(value, expiresAt));
    }
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized void clear() {
    entries.clear();
  }
}
