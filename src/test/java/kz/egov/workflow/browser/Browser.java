package kz.egov.workflow.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class (the system's browser and chromedriver, see {@link ChromiumCondition}),
 * with the steps of the running test remembered as screenshots. When a test fails, its steps, the last screen
 * and the page source are written to {@code target/browser-screenshots/<class>/<test>/}.
 * Register it as a static {@code @RegisterExtension} field of an {@link EnabledIfChromium} class.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {

  static final Path ARTEFACTS = Path.of("target", "browser-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private record Step(String name, byte[] png) {}

  private WebDriver driver;
  private final List<Step> steps = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(ChromiumCondition.chromium().orElseThrow().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--lang=en-US");
    // the system's chromedriver, so that Selenium Manager never tries to download one
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(ChromiumCondition.chromedriver().orElseThrow().toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    steps.clear();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (driver == null) {
      return;
    }
    Path dir = ARTEFACTS.resolve(context.getRequiredTestClass().getSimpleName())
        .resolve(context.getRequiredTestMethod().getName());
    try {
      if (Files.isDirectory(dir)) {
        try (var old = Files.list(dir)) {
          for (Path file : old.toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(dir);
      for (int i = 0; i < steps.size(); i++) {
        Files.write(dir.resolve(String.format("%02d-%s.png", i + 1, steps.get(i).name())), steps.get(i).png());
      }
      Files.write(dir.resolve(String.format("%02d-at-failure.png", steps.size() + 1)), screenshot());
      Files.writeString(dir.resolve("at-failure.html"), driver.getPageSource(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("url.txt"), driver.getCurrentUrl() + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** Remembers what the screen shows now, under the step's name (written out only if the test fails). */
  public void step(String name) {
    steps.add(new Step(name.replaceAll("[^A-Za-z0-9._-]+", "-"), screenshot()));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Forgets who was signed in: cookies and the web apps' local storage. */
  public void signOut(String anyPageOfTheServer) {
    driver.get(anyPageOfTheServer);
    driver.manage().deleteAllCookies();
    ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  public <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).ignoring(RuntimeException.class).until(condition);
  }

  public WebElement visible(By locator) {
    return visible(locator, WAIT);
  }

  public WebElement visible(By locator, Duration wait) {
    return new WebDriverWait(driver, wait).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement clickable(By locator) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(locator));
  }

  public void click(By locator) {
    WebElement element = clickable(locator);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    clickable(locator).click();
  }

  public void type(By locator, String text) {
    WebElement element = visible(locator);
    element.clear();
    element.sendKeys(text);
  }

  public Optional<WebElement> find(By locator) {
    return driver.findElements(locator).stream().findFirst();
  }

  private byte[] screenshot() {
    try {
      return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("no screenshot: " + e.getMessage(), e));
    }
  }
}
