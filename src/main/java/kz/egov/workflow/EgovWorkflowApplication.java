package kz.egov.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Kazakh e-government service regulations as executable BPMN on Camunda Platform 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EgovWorkflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(EgovWorkflowApplication.class, args);
  }
}
