package kz.egov.workflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The figures of a run as markdown under target/benchmarks/, ready to paste into docs/BENCHMARKS.md. */
final class BenchReport {

  static final String COMMAND = "./mvnw -o -Pbenchmark -Dlint.skip=true test";

  private final StringBuilder text = new StringBuilder();

  BenchReport(String title) {
    text.append("# ").append(title).append("\n\n");
  }

  BenchReport line(String format, Object... args) {
    text.append(String.format(Locale.ROOT, format, args)).append('\n');
    return this;
  }

  BenchReport heading(String title) {
    text.append("\n## ").append(title).append("\n\n");
    return this;
  }

  BenchReport table(String... columns) {
    text.append("| ").append(String.join(" | ", columns)).append(" |\n|");
    text.append("---|".repeat(columns.length)).append('\n');
    return this;
  }

  BenchReport row(Object... cells) {
    text.append("| ").append(List.of(cells).stream().map(BenchReport::cell).collect(Collectors.joining(" | ")))
        .append(" |\n");
    return this;
  }

  private static String cell(Object value) {
    if (value instanceof Double d) {
      return d >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.2f", d);
    }
    return String.valueOf(value);
  }

  /** The machine, the JVM and the command with the sizes of this run. */
  BenchReport machine(String sizes) throws IOException, InterruptedException {
    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).start();
    String version = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()
        .replace("\n", "; ");
    java.waitFor();
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    long memKib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
        .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
    line("Run %s. Machine: `nproc` = %d (%s), %d GiB RAM; `java -version`: %s.",
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
        Runtime.getRuntime().availableProcessors(), cpu, Math.round(memKib / 1024.0 / 1024.0), version);
    line("");
    line("Command: `%s %s`", COMMAND, sizes);
    return this;
  }

  static String mib(long bytes) {
    return String.valueOf(Math.round(bytes / 1024.0 / 1024.0));
  }

  Path write(String file) throws IOException {
    Path path = Path.of("target/benchmarks", file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text.toString(), StandardCharsets.UTF_8);
    System.out.println(text);
    return path;
  }
}
