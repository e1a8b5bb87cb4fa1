package kz.egov.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist in the state language and in Russian: a clerk whose browser speaks English switches the language in the
 * header (scripts/egov-language.js), and Tasklist's own labels follow (locales/kk.json, locales/ru.json).
 */
@EnabledIfChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TasklistLanguageTest {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;

  @Test
  void theClerkSwitchesTasklistToKazakhAndToRussian() {
    String base = "http://localhost:" + port;
    browser.signOut(base + "/camunda/app/welcome/");
    browser.open(base + "/camunda/app/tasklist/default/");
    browser.type(By.cssSelector("input[ng-model=username]"), "wko.clerk");
    browser.type(By.cssSelector("input[ng-model=password]"), "demo");
    browser.click(By.cssSelector("button[type=submit]"));
    browser.visible(By.xpath("//a[contains(normalize-space(.), 'Start process')]"));
    browser.step("english");

    new Select(browser.clickable(By.id("egov-language"))).selectByValue("kk");
    browser.visible(By.xpath("//a[contains(normalize-space(.), 'Процесті бастау')]"));
    browser.visible(By.xpath("//*[contains(normalize-space(.), 'Тізімнен тапсырманы таңдаңыз.')]"));
    browser.step("kazakh");
    assertThat(browser.driver().getPageSource()).doesNotContain("Start process", "Select a task in the list.");
    assertThat(new Select(browser.clickable(By.id("egov-language"))).getFirstSelectedOption().getText())
        .isEqualTo("Қазақша");

    // the choice is remembered: a new page in the same browser opens in Kazakh
    browser.open(base + "/camunda/app/tasklist/default/");
    browser.visible(By.xpath("//a[contains(normalize-space(.), 'Процесті бастау')]"));

    new Select(browser.clickable(By.id("egov-language"))).selectByValue("ru");
    browser.visible(By.xpath("//a[contains(normalize-space(.), 'Запустить процесс')]"));
    browser.visible(By.xpath("//*[contains(normalize-space(.), 'Выберите задачу в списке.')]"));
    browser.step("russian");

    ((JavascriptExecutor) browser.driver()).executeScript("window.localStorage.removeItem('egov-locale');");
  }
}
