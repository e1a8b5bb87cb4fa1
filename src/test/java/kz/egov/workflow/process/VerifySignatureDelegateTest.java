package kz.egov.workflow.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import kz.egov.workflow.signature.SignatureProperties;
import kz.egov.workflow.signature.SignatureVerifierFixture;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** An outage of the revocation sources under REFUSE is an incident to retry, not a refusal of the applicant. */
class VerifySignatureDelegateTest {

  @Test
  void unreachableRevocationUnderRefuseIsRetriedNotRefused() throws Exception {
    try (SignatureVerifierFixture fixture = new SignatureVerifierFixture()) {
      byte[] data = "request".getBytes(StandardCharsets.UTF_8);
      byte[] cms = fixture.signedWithUnreachableRevocation(data);
      SignatureProperties properties = new SignatureProperties(false, null, null, null, null);
      VerifySignatureDelegate delegate = new VerifySignatureDelegate(
          fixture.verifier(SignatureProperties.UnavailablePolicy.REFUSE), properties);
      DelegateExecution execution = mock(DelegateExecution.class);
      when(execution.getVariable("cms")).thenReturn(Base64.getEncoder().encodeToString(cms));
      when(execution.getVariable("data")).thenReturn(Base64.getEncoder().encodeToString(data));
      when(execution.getVariable("iin")).thenReturn("900101300126");

      assertThatThrownBy(() -> delegate.execute(execution))
          .isInstanceOf(VerifySignatureDelegate.RevocationUnavailableException.class)
          .hasMessageContaining("unreachable");
      verify(execution, never()).setVariable(anyString(), org.mockito.ArgumentMatchers.any());

      // accept-and-flag: valid, no exception
      VerifySignatureDelegate flagging = new VerifySignatureDelegate(
          fixture.verifier(SignatureProperties.UnavailablePolicy.ACCEPT_AND_FLAG), properties);
      flagging.execute(execution);
      verify(execution).setVariable("signatureValid", true);
    }
  }
}
