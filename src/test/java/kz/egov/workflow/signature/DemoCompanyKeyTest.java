package kz.egov.workflow.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import kz.egov.workflow.identity.Bin;
import kz.egov.workflow.identity.Iin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo legal entity's key (company.p12): a request signed by the head of ТОО "Батыс Металл Трейд" verifies
 * for its BIN, and the individual demo applicant's signature does not (R2: the applicant is a legal entity).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class DemoCompanyKeyTest {

  static final byte[] REQUEST = "{\"service\":\"scrap-metal-license\",\"bin\":\"040540000123\"}"
      .getBytes(StandardCharsets.UTF_8);
  static final Bin COMPANY = Bin.parse("040540000123");

  @Autowired DemoPki demoPki;
  @Autowired SignatureVerifier verifier;

  static ResultSigner signer(Path keyStore, String alias, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keyStore)) {
      store.load(in, password.toCharArray());
    }
    List<X509Certificate> chain = new ArrayList<>();
    for (Certificate c : store.getCertificateChain(alias)) {
      chain.add((X509Certificate) c);
    }
    return new ResultSigner((PrivateKey) store.getKey(alias, password.toCharArray()), chain);
  }

  @Test
  void theHeadsSignatureVerifiesForTheLegalEntitysBin() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    byte[] cms = signer(material.companyKeyStore(), "company", material.password()).signDetached(REQUEST);

    SignatureVerdict verdict = verifier.verify(cms, REQUEST, new SignatureVerifier.Expected(null, COMPANY));

    assertThat(verdict.valid()).as(verdict.summary()).isTrue();
    CertificateProfile certificate = verdict.signer().certificate();
    assertThat(certificate.bin()).isEqualTo("040540000123");
    assertThat(certificate.iin()).isEqualTo("781122301233");
    assertThat(certificate.organisation()).isEqualTo("ТОО \"Батыс Металл Трейд\"");
    assertThat(certificate.holderName()).isEqualTo("ЖУМАБАЕВ НУРЛАН КАСЫМОВИЧ");
    assertThat(certificate.surname()).isEqualTo("ЖУМАБАЕВ");
    assertThat(certificate.legalEntity()).isTrue();
    assertThat(certificate.roles()).containsExactlyInAnyOrder(Role.LEGAL_ENTITY, Role.FIRST_HEAD);
    assertThat(certificate.policies()).containsExactly("1.2.398.3.3.2.1");
    assertThat(certificate.signing()).isTrue();

    // the head's IIN and the company's BIN together, as a portal request names them
    assertThat(verifier.verify(cms, REQUEST, new SignatureVerifier.Expected(Iin.parse("781122301233"), COMPANY))
        .valid()).isTrue();
    // the company.pem beside it is the same certificate
    assertThat(CertificateProfiles.read(TrustAnchors.read(Files.readAllBytes(material.companyCertificate())).get(0))
        .bin()).isEqualTo("040540000123");
  }

  @Test
  void theIndividualApplicantsSignatureIsABinMismatchForTheLegalEntity() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    byte[] cms = signer(material.applicantKeyStore(), "applicant", material.password()).signDetached(REQUEST);

    SignatureVerdict verdict = verifier.verify(cms, REQUEST, new SignatureVerifier.Expected(null, COMPANY));

    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.reasons()).containsExactly(Reason.BIN_MISMATCH);
    assertThat(verdict.summary()).contains("040540000123", "no BIN");
  }

  @Test
  void anotherLegalEntitysBinIsAMismatchForTheHeadsSignature() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    byte[] cms = signer(material.companyKeyStore(), "company", material.password()).signDetached(REQUEST);

    SignatureVerdict verdict = verifier.verify(cms, REQUEST,
        new SignatureVerifier.Expected(null, Bin.parse("110840001237")));

    assertThat(verdict.reasons()).containsExactly(Reason.BIN_MISMATCH);
  }
}
