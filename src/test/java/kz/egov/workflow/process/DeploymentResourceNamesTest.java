package kz.egov.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The diagrams and forms are deployed under their classpath names, so that an embedded form referenced as
 * {@code embedded:deployment:forms/scrap-metal-license/scans.html} (R2 P6) is found by Tasklist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class DeploymentResourceNamesTest {

  @Autowired RepositoryService repository;

  @Test
  void theEmbeddedScansFormIsFoundInTheDiagramsDeploymentByItsName() {
    ProcessDefinition provider = repository.createProcessDefinitionQuery().processDefinitionKey(
        "scrap-metal-license-provider").latestVersion().singleResult();
    List<String> names = repository.getDeploymentResources(provider.getDeploymentId()).stream()
        .map(Resource::getName).toList();

    assertThat(names).contains("processes/scrap-metal-license/provider.bpmn",
        "forms/scrap-metal-license/scans.html", "forms/scrap-metal-license/decision.form");
    assertThat(repository.getResourceAsStream(provider.getDeploymentId(), "forms/scrap-metal-license/scans.html"))
        .isNotNull();
  }
}
