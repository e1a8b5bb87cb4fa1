package kz.egov.workflow.signature;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import kz.egov.workflow.application.InvalidRequestException;
import kz.egov.workflow.identity.Bin;
import kz.egov.workflow.identity.Iin;
import kz.egov.workflow.identity.InvalidIdentifierException;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/signatures/verify}: any signed-in user may ask whether a signed request is acceptable.
 * 200 with the verdict, also when the signature is not valid (the verdict says why); 400 when the input
 * cannot be read at all (base64, CMS, IIN/BIN).
 */
@RestController
@RequestMapping("/api/v1/signatures")
class SignatureController {

  private final SignatureVerifier verifier;
  private final SignatureProperties properties;

  SignatureController(SignatureVerifier verifier, SignatureProperties properties) {
    this.verifier = verifier;
    this.properties = properties;
  }

  /**
   * @param cms the CMS SignedData, base64 (DER)
   * @param data the signed data, base64, only for a detached signature
   * @param iin the IIN the request names (an individual, or the employee of a legal entity)
   * @param bin the BIN the request names (a legal entity)
   */
  record VerifyRequest(String cms, String data, String iin, String bin) {}

  @PostMapping("/verify")
  SignatureVerdict verify(@RequestBody VerifyRequest request) {
    List<String> problems = new ArrayList<>();
    byte[] cms = null;
    byte[] data = null;
    if (request.cms() == null || request.cms().isBlank()) {
      problems.add("cms: required (the CMS SignedData, base64)");
    } else {
      cms = base64("cms", request.cms(), problems);
    }
    if (request.data() != null && !request.data().isBlank()) {
      data = base64("data", request.data(), problems);
    }
    Iin iin = null;
    Bin bin = null;
    try {
      iin = request.iin() == null || request.iin().isBlank() ? null : Iin.parse(request.iin(), properties.testPki());
    } catch (InvalidIdentifierException e) {
      problems.add("iin: " + e.getMessage());
    }
    try {
      bin = request.bin() == null || request.bin().isBlank() ? null : Bin.parse(request.bin(), properties.testPki());
    } catch (InvalidIdentifierException e) {
      problems.add("bin: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      if (cms != null) {
        // name an unreadable CMS too, so that the caller fixes every field in one round
        try {
          new CMSSignedData(cms);
        } catch (CMSException | RuntimeException e) {
          problems.add(0, "cms: not a readable CMS SignedData");
        }
      }
      throw new InvalidRequestException(problems);
    }
    SignatureVerdict verdict = verifier.verify(cms, data, new SignatureVerifier.Expected(iin, bin));
    if (verdict.signers().isEmpty() && verdict.has(Reason.MALFORMED)) {
      throw new InvalidRequestException(verdict.messages().stream().map(m -> "cms: " + m.english()).toList());
    }
    return verdict;
  }

  private static byte[] base64(String field, String text, List<String> problems) {
    try {
      return Base64.getMimeDecoder().decode(text.strip().replace("-", "+").replace("_", "/"));
    } catch (IllegalArgumentException e) {
      problems.add(field + ": not valid base64 (" + e.getMessage() + ")");
      return null;
    }
  }
}
