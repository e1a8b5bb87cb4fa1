package kz.egov.workflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Closed-loop load: {@code clients} threads call one after another for a while; latency percentiles and rate. */
final class Latency {

  /** What one level of concurrency gave. */
  record Figures(String endpoint, int clients, int requests, double perSecond, double p50Millis, double p99Millis) {}

  interface Call {
    /** One request, {@code i} unique across the run; fails on a wrong answer. */
    void call(int i) throws Exception;
  }

  private Latency() {}

  static Figures measure(String endpoint, int clients, double warmUpSeconds, double seconds, Call call)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    loop(clients, warmUpSeconds, call, next, null);
    List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    long begin = System.nanoTime();
    loop(clients, seconds, call, next, micros);
    double elapsed = (System.nanoTime() - begin) / 1e9;
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    return new Figures(endpoint, clients, sorted.size(), sorted.size() / elapsed, percentile(sorted, 50) / 1000.0,
        percentile(sorted, 99) / 1000.0);
  }

  private static void loop(int clients, double seconds, Call call, AtomicInteger next, List<Long> micros)
      throws Exception {
    long until = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(threads.submit(() -> {
          while (System.nanoTime() < until) {
            long start = System.nanoTime();
            call.call(next.getAndIncrement());
            if (micros != null) {
              micros.add((System.nanoTime() - start) / 1000);
            }
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      threads.shutdownNow();
      threads.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(sorted.size() * p / 100.0) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
