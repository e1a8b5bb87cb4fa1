package kz.egov.workflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The application in a child JVM, as production runs it: the test's class path plus the generated benchmark
 * diagrams ({@link BenchDiagrams}), the {@code demo} and {@code benchmark} profiles, H2 in a file or PostgreSQL,
 * the job executor running, the configuration of application.yaml unless {@code bench.node.args} adds to it.
 * Measures its start (spawn to health UP), its resident set (/proc) and its heap (actuator metrics).
 */
final class AppNode implements AutoCloseable {

  static final Duration STARTUP = Duration.ofSeconds(Long.getLong("bench.startup.seconds", 240));
  static final ObjectMapper JSON = new ObjectMapper();

  /** Where a node keeps its data: H2 in a file of its own, or a PostgreSQL database shared with others. */
  record Database(String label, String url, String profiles) {

    /** H2 in a file of its own, with application.yaml's URL settings (-Dbench.h2.lock-timeout=1000: H2's default). */
    static Database h2(String name) {
      return new Database("H2", "jdbc:h2:file:" + Path.of("target/bench/h2").toAbsolutePath() + "/" + name + "-"
          + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=" + System.getProperty("bench.h2.lock-timeout",
          "10000"), "demo,benchmark");
    }

    static Database postgres(String jdbcUrl) {
      return new Database("PostgreSQL", jdbcUrl, "postgres,demo,benchmark");
    }
  }

  final String name;
  final Database database;
  final Process process;
  final int port;
  final Path log;
  final HttpClient client;
  long startupMillis;

  private AppNode(String name, Database database, Process process, int port, Path log, HttpClient client) {
    this.name = name;
    this.database = database;
    this.process = process;
    this.port = port;
    this.log = log;
    this.client = client;
  }

  /** Starts the node and waits until its health is UP. */
  static AppNode start(String name, Database database, Path pki, List<String> extraArgs) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // surefire's class path ends with an empty entry, which would put the working directory on the class path
    String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")).split(File.pathSeparator)).filter(e -> !e.isBlank())
        .collect(Collectors.joining(File.pathSeparator)) + File.pathSeparator + BenchDiagrams.classPathRoot();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + System.getProperty("bench.xmx", "1g"), "-XX:+UseParallelGC"));
    String jvm = System.getProperty("bench.node.jvm", "").trim().replace("{name}", name);
    if (!jvm.isEmpty()) {
      command.addAll(Arrays.asList(jvm.split("\\s+")));
    }
    command.addAll(List.of("-cp", classPath, "kz.egov.workflow.EgovWorkflowApplication",
        "--spring.profiles.active=" + database.profiles(),
        "--spring.datasource.url=" + database.url(),
        "--server.port=" + port,
        "--egov.signature.demo.directory=" + pki.toAbsolutePath(),
        "--camunda.bpm.job-execution.enabled=true",
        // the node's name in the job log (act_hi_job_log.hostname_): which node ran which job
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--management.endpoints.web.exposure.include=health,info,metrics",
        "--logging.level.root=WARN"));
    if (database.label().equals("PostgreSQL")) {
      command.add("--spring.datasource.username=postgres");
      command.add("--spring.datasource.password=");
    }
    command.addAll(extraArgs);
    String more = System.getProperty("bench.node.args", "").trim();
    if (!more.isEmpty()) {
      command.addAll(Arrays.asList(more.split("\\s+")));
    }
    Files.createDirectories(Path.of("target/bench"));
    Path log = Path.of("target/bench/" + name + ".log");
    long spawned = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AppNode node = new AppNode(name, database, process, port, log, client);
    try {
      node.awaitUp();
    } catch (Exception | AssertionError e) {
      node.close();
      throw e;
    }
    node.startupMillis = (System.nanoTime() - spawned) / 1_000_000;
    return node;
  }

  private void awaitUp() throws Exception {
    long until = System.currentTimeMillis() + STARTUP.toMillis();
    while (System.currentTimeMillis() < until) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " ended at start; see " + log + ":\n" + tail(40));
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " not up within " + STARTUP + "; see " + log);
  }

  /** The last lines of the node's log that are not stack frames. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log).stream().filter(l -> !l.startsWith("\tat ")).toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return e.toString();
    }
  }

  String base() {
    return "http://localhost:" + port;
  }

  /** Resident set size of the node's JVM, KiB (VmRSS of /proc/<pid>/status). */
  long rssKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + process.pid());
  }

  /** Heap in use, bytes (actuator's jvm.memory.used, area heap). */
  long heapUsedBytes() throws Exception {
    JsonNode metric = json(get("admin:admin", "/actuator/metrics/jvm.memory.used?tag=area:heap"));
    return metric.at("/measurements/0/value").asLong();
  }

  HttpResponse<String> get(String credentials, String path) throws IOException, InterruptedException {
    return send(credentials, "GET", path, null, null);
  }

  HttpResponse<String> post(String credentials, String path, String body) throws IOException, InterruptedException {
    return send(credentials, "POST", path, body, null);
  }

  HttpResponse<String> send(String credentials, String method, String path, String body, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            credentials.getBytes(StandardCharsets.UTF_8)));
    if (body != null) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The body of a 2xx answer as JSON; anything else fails with the answer. */
  static JsonNode json(HttpResponse<String> answer) throws IOException {
    if (answer.statusCode() / 100 != 2) {
      throw new AssertionError(answer.request().method() + " " + answer.uri() + " answered " + answer.statusCode()
          + ": " + answer.body());
    }
    return JSON.readTree(answer.body());
  }

  long count(String credentials, String path) throws Exception {
    return json(get(credentials, path)).path("count").asLong();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
