package kz.egov.workflow.audit;

import java.util.Arrays;

/**
 * The middle and the 95th percentile of measured durations. The median of an even count is the mean of the
 * two middle values; the 95th percentile is the nearest rank, the ⌈0.95·n⌉-th smallest value, so that it is
 * always a duration that really occurred. Null values when nothing was measured.
 */
public record Distribution(int count, Double median, Double p95) {

  public static Distribution of(double[] values, int length) {
    if (length == 0) {
      return new Distribution(0, null, null);
    }
    double[] sorted = Arrays.copyOf(values, length);
    Arrays.sort(sorted);
    double median = length % 2 == 1 ? sorted[length / 2] : (sorted[length / 2 - 1] + sorted[length / 2]) / 2;
    int rank = (int) Math.ceil(0.95 * length);
    return new Distribution(length, median, sorted[rank - 1]);
  }
}
