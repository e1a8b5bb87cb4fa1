package kz.egov.workflow.process;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.egov.workflow.identity.Bin;
import kz.egov.workflow.identity.IdentificationNumbers;
import kz.egov.workflow.identity.Iin;
import kz.egov.workflow.identity.InvalidIdentifierException;
import kz.egov.workflow.signature.CertificateProfile;
import kz.egov.workflow.signature.Reason;
import kz.egov.workflow.signature.SignatureProperties;
import kz.egov.workflow.signature.SignatureVerdict;
import kz.egov.workflow.signature.SignatureVerdict.RevocationStatus;
import kz.egov.workflow.signature.SignatureVerifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "C2 EDS valid?" (R1 C2, R2 C3, R3 C2, R4 C2, R5 C3): verifies the signed request and sets the variables
 * the gateway and the refusal reason read. Input mappings: {@code cms} (DER bytes or base64 text), optional
 * {@code data} (the same; detached signatures), {@code iin} and/or {@code bin} (what the request names), or
 * {@code iinOrBin} where an individual or a legal entity may apply (R1 C2: "the IIN/BIN in the request equals the
 * IIN/BIN in the certificate"; R5 C3): a BIN is checked as the signer's BIN, an IIN as the signer's IIN.
 *
 * <p>Outputs: {@code signatureValid}, {@code signatureReasons} (codes, comma-separated), {@code signatureMessage}
 * (English with particulars), {@code signatureMessageRu}, {@code signatureMessageKk}, {@code signerIin},
 * {@code signerBin}, {@code signerName}, {@code signerOrganisation}, {@code signingTime}, {@code signingTimeSource}.
 *
 * <p>A bad signature, or an IIN/BIN in the request that is not a valid number, is never an exception: it is
 * {@code signatureValid=false} with its reasons. The one exception is a revocation source that cannot be
 * reached (or answers unusably) under the REFUSE policy when nothing else is wrong: that is an outage, not
 * the applicant's fault, so it is thrown and the job's retries (asyncBefore) end in an incident, not a refusal.
 */
@Component("verifySignature")
public class VerifySignatureDelegate implements JavaDelegate {

  private final SignatureVerifier verifier;
  private final SignatureProperties properties;

  public VerifySignatureDelegate(SignatureVerifier verifier, SignatureProperties properties) {
    this.verifier = verifier;
    this.properties = properties;
  }

  /** Revocation could not be established because its sources failed: retry later. */
  public static class RevocationUnavailableException extends RuntimeException {
    public RevocationUnavailableException(String message) {
      super(message);
    }
  }

  @Override
  public void execute(DelegateExecution execution) {
    Set<Reason> inputReasons = new LinkedHashSet<>();
    List<String> inputProblems = new ArrayList<>();
    Iin iin = null;
    Bin bin = null;
    String iinText = text(execution, "iin");
    String binText = text(execution, "bin");
    String either = text(execution, "iinOrBin");
    if (either != null) {
      // the 5th digit tells a BIN (4, 5, 6) from an IIN; a malformed number is then refused as that kind
      if (IdentificationNumbers.looksLikeBin(either) && !Iin.NCA_TEST_NUMBERS.contains(either)) {
        binText = binText == null ? either : binText;
      } else {
        iinText = iinText == null ? either : iinText;
      }
    }
    try {
      iin = iinText == null ? null : Iin.parse(iinText, properties.testPki());
    } catch (InvalidIdentifierException e) {
      inputReasons.add(Reason.IIN_MISMATCH);
      inputProblems.add("the request's IIN is not valid: " + e.getMessage());
    }
    try {
      bin = binText == null ? null : Bin.parse(binText, properties.testPki());
    } catch (InvalidIdentifierException e) {
      inputReasons.add(Reason.BIN_MISMATCH);
      inputProblems.add("the request's BIN is not valid: " + e.getMessage());
    }
    byte[] cms = bytes(execution, "cms");
    byte[] data = bytes(execution, "data");
    SignatureVerdict verdict = verifier.verify(cms, data, new SignatureVerifier.Expected(iin, bin));

    if (inputReasons.isEmpty() && revocationSourcesFailed(verdict)) {
      throw new RevocationUnavailableException("Revocation status unavailable, will retry: " + verdict.summary());
    }
    Set<Reason> reasons = new LinkedHashSet<>(verdict.reasons());
    reasons.addAll(inputReasons);
    List<String> english = new ArrayList<>();
    List<String> russian = new ArrayList<>();
    List<String> kazakh = new ArrayList<>();
    if (!verdict.valid()) {
      english.add(verdict.summary());
      russian.add(verdict.summaryRu());
      kazakh.add(verdict.summaryKk());
    }
    english.addAll(inputProblems);
    inputReasons.forEach(r -> {
      russian.add(r.ru());
      kazakh.add(r.kk());
    });
    boolean valid = reasons.isEmpty();
    execution.setVariable("signatureValid", valid);
    execution.setVariable("signatureReasons", reasons.stream().map(Enum::name).collect(Collectors.joining(",")));
    execution.setVariable("signatureMessage", valid ? verdict.summary() : String.join("; ", english));
    execution.setVariable("signatureMessageRu", valid ? verdict.summaryRu() : String.join("; ", russian));
    execution.setVariable("signatureMessageKk", valid ? verdict.summaryKk() : String.join("; ", kazakh));
    SignatureVerdict.SignerReport signer = verdict.signer();
    CertificateProfile profile = signer == null ? null : signer.certificate();
    execution.setVariable("signerIin", profile == null ? null : profile.iin());
    execution.setVariable("signerBin", profile == null ? null : profile.bin());
    execution.setVariable("signerName", profile == null ? null : profile.holderName());
    execution.setVariable("signerOrganisation", profile == null ? null : profile.organisation());
    execution.setVariable("signingTime", signer == null || signer.signingTime() == null ? null
        : Date.from(signer.signingTime()));
    execution.setVariable("signingTimeSource", signer == null || signer.signingTimeSource() == null ? null
        : signer.signingTimeSource().name());
  }

  /** Only REVOCATION_UNKNOWN stands in the way, and it comes from sources that failed (not "never issued"). */
  private static boolean revocationSourcesFailed(SignatureVerdict verdict) {
    List<SignatureVerdict.RevocationReport> reports = verdict.signers().stream()
        .flatMap(s -> s.revocation().stream()).toList();
    return verdict.reasons().equals(List.of(Reason.REVOCATION_UNKNOWN))
        && reports.stream().noneMatch(r -> r.status() == RevocationStatus.NOT_ISSUED)
        && reports.stream().anyMatch(r -> r.status() == RevocationStatus.UNAVAILABLE);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /**
   * A signature is raw DER ({@code Bytes}: a CMS with its document encapsulated is longer than the engine's
   * 4000-character strings) or base64 text.
   */
  private static byte[] bytes(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof byte[] raw) {
      return raw.length == 0 ? null : raw;
    }
    return decode(text(execution, name));
  }

  /** Undecodable base64 becomes bytes that are not CMS, so that the verdict says MALFORMED. */
  private static byte[] decode(String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      return Base64.getMimeDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      return new byte[] {0};
    }
  }
}
