package kz.egov.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.egov.workflow.audit.AuditDrill;
import kz.egov.workflow.audit.WorkingTimeMeasure;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The auditor signs in to Cockpit and opens the compliance page (/audit/) without a second login: the
 * audit drill's summary, the chart with the 95th percentile beyond the deadline, the applications with
 * breaches, one application's steps, and the labels in Russian.
 */
@EnabledIfChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class AuditPageTest {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired WorkingTimeMeasure measure;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theAuditorSignedInToCockpitReadsTheReportAndDrillsDown() {
    AuditDrill drill = new AuditDrill(engine, measure.zone());
    drill.seedOnce();
    String base = "http://localhost:" + port;
    browser.signOut(base + "/camunda/app/welcome/");
    browser.open(base + "/camunda/app/cockpit/");
    browser.type(By.cssSelector("input[ng-model=username]"), "auditor");
    browser.type(By.cssSelector("input[ng-model=password]"), "demo");
    browser.click(By.cssSelector("button[type=submit]"));
    browser.waitFor(driver -> browser.find(By.cssSelector("input[ng-model=username]")).isEmpty()
        || !browser.find(By.cssSelector("input[ng-model=username]")).get().isDisplayed());
    browser.step("cockpit");

    ClockUtil.setCurrentTime(drill.now());
    browser.open(base + "/audit?service=audit-drill&from=2031-02-01&to=2031-02-28");
    // the report reads the history of every application the suite has made so far (docs/audit.md: ~20 s for
    // 10,000), so late in a full run the first load takes longer than a page should
    browser.visible(By.cssSelector("body[data-loaded=true]"), java.time.Duration.ofSeconds(90));
    browser.click(By.cssSelector("button[data-lang=en]"));
    browser.step("report");

    WebElement service = browser.visible(By.xpath("//table[@id='services']//tr[td[1][contains(., 'audit-drill')]]"));
    List<String> cells = service.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    // total, finished, issued, refused, running, overdue, deadline breaches, step breaches, median, p95, deadline
    assertThat(cells.subList(2, 13)).containsExactly("6", "4", "3", "1", "2", "1", "2", "5", "2", "6", "5");
    assertThat(service.getAttribute("class")).contains("breach");
    assertThat(browser.driver().findElements(By.cssSelector("#chart rect.over"))).as("p95 6 WD > 5 WD").hasSize(1);
    assertThat(browser.driver().findElements(By.cssSelector("#chart line.deadline"))).hasSize(1);

    List<String> breached = browser.driver().findElements(By.cssSelector("#applications a.drill")).stream()
        .map(WebElement::getText).toList();
    assertThat(breached).containsExactly("AUDIT-DRILL-B", "AUDIT-DRILL-E", "AUDIT-DRILL-C", "AUDIT-DRILL-F");

    browser.click(By.xpath("//a[@class='drill' and text()='AUDIT-DRILL-B']"));
    browser.visible(By.id("detail"));
    browser.waitFor(driver -> driver.findElements(By.cssSelector("#detail-steps tbody tr")).size() == 6);
    assertThat(browser.driver().findElements(By.cssSelector("#detail-steps tbody tr.breach"))).hasSize(2);
    WebElement sign = browser.visible(By.xpath("//table[@id='detail-steps']//tr[td[1]='D4 Sign the certificate']"));
    assertThat(sign.getText()).contains("1 h 10 min").contains("norm exceeded");
    browser.step("detail");

    browser.click(By.cssSelector("button[data-lang=ru]"));
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Соблюдение регламента");
    assertThat(browser.visible(By.xpath("//table[@id='detail-steps']//tr[td[1]='D4 Sign the certificate']")).getText())
        .contains("1 ч 10 мин").contains("норма превышена");
    browser.step("russian");
  }
}
