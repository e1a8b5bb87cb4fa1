package kz.egov.workflow.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;

/** What Tasklist's embedded scans form sends: an empty file for every file input where nothing was chosen. */
class ScanChecksTest {

  static final FileValue PDF = Variables.fileValue("application.pdf")
      .file("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).create();
  static final FileValue NOTHING_CHOSEN = Variables.fileValue("").file(new byte[0]).create();

  @Test
  void anEmptyOptionalScanIsNoScanAndIsDropped() {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariableTyped("scanApplication")).thenReturn(PDF);
    when(task.getVariableTyped("scanPremises")).thenReturn(NOTHING_CHOSEN);

    new ScanChecks().check(task, "scanApplication", "scanPremises,scanOther");

    verify(task).removeVariable("scanPremises");
    verify(task, never()).removeVariable("scanApplication");
  }

  @Test
  void anEmptyRequiredScanIsAMissingOne() {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariableTyped("scanApplication")).thenReturn(NOTHING_CHOSEN);

    assertThatThrownBy(() -> new ScanChecks().check(task, "scanApplication", "scanPremises"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("scanApplication: the scan is required");
  }
}
