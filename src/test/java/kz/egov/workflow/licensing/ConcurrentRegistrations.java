package kz.egov.workflow.licensing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Registers applications from several threads at once, as parallel jobs of the engine would. */
public final class ConcurrentRegistrations {

  private ConcurrentRegistrations() {}

  /** {@code threads} callers, each registering {@code each} applications. */
  public static List<RegisteredApplication> run(LicensingRegister register, String provider, int threads,
      int each) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<RegisteredApplication>>> callers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        callers.add(() -> {
          List<RegisteredApplication> mine = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            mine.add(register.register(new ApplicationRegistration(provider, "040540000123", "scrap-metal-license",
                "issuance", provider + "-" + thread + "-" + i)));
          }
          return mine;
        });
      }
      List<RegisteredApplication> all = new ArrayList<>();
      for (Future<List<RegisteredApplication>> result : pool.invokeAll(callers)) {
        all.addAll(result.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

}
