package kz.egov.workflow.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Finds the system's Chromium and chromedriver (never downloads them: only Debian's packages are used). */
public final class ChromiumCondition implements ExecutionCondition {

  static final String INSTALL = "apt-get install chromium chromium-driver";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> missing = new ArrayList<>();
    if (chromium().isEmpty()) {
      missing.add("Chromium (set CHROMIUM or install it in /usr/bin/chromium)");
    }
    if (chromedriver().isEmpty()) {
      missing.add("chromedriver (set CHROMEDRIVER or put it on the PATH)");
    }
    return missing.isEmpty()
        ? ConditionEvaluationResult.enabled("Chromium " + chromium().get() + ", driver " + chromedriver().get())
        : ConditionEvaluationResult.disabled("Browser tests skipped: no " + String.join(" and no ", missing)
            + "; install them with `" + INSTALL + "`");
  }

  static Optional<Path> chromium() {
    return first(System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
  }

  static Optional<Path> chromedriver() {
    Optional<Path> configured = first(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver");
    if (configured.isPresent()) {
      return configured;
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "chromedriver")).filter(Files::isExecutable).findFirst();
  }

  private static Optional<Path> first(String... candidates) {
    return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).map(Path::of).filter(Files::isExecutable)
        .findFirst();
  }
}
