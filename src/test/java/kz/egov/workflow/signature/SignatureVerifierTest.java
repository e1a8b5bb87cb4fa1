package kz.egov.workflow.signature;

import static kz.egov.workflow.signature.SignatureProperties.UnavailablePolicy.ACCEPT_AND_FLAG;
import static kz.egov.workflow.signature.SignatureProperties.UnavailablePolicy.REFUSE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import kz.egov.workflow.identity.Bin;
import kz.egov.workflow.identity.Iin;
import kz.egov.workflow.signature.SignatureVerdict.RevocationSource;
import kz.egov.workflow.signature.SignatureVerdict.RevocationStatus;
import kz.egov.workflow.signature.SignatureVerdict.SigningTimeSource;
import kz.egov.workflow.signature.SignatureVerifier.Expected;
import kz.egov.workflow.signature.TestPki.Issued;
import kz.egov.workflow.signature.TestPki.Spec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checks the regulations demand, against a test PKI with CRLs and OCSP over real HTTP on loopback. */
class SignatureVerifierTest {

  static final byte[] REQUEST = "{\"service\":\"archival-certificate\",\"applicant\":\"900101300126\"}"
      .getBytes(StandardCharsets.UTF_8);
  static final Iin APPLICANT = Iin.parse("900101300126");
  static final Bin ENTITY = Bin.parse("150540000017");

  static TestPki pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = new TestPki();
  }

  @AfterAll
  static void stop() {
    pki.close();
  }

  private Issued rsaApplicant(Spec spec) throws Exception {
    return pki.applicant(pki.intermediate, spec);
  }

  private SignatureVerdict verify(Issued signer, Expected expected) throws Exception {
    return pki.verifier(REFUSE).verify(TestPki.sign(signer, REQUEST, true, pki.intermediate.certificate), null, expected);
  }

  @Test
  void validRsaSignatureWithOcsp() throws Exception {
    Issued signer = rsaApplicant(new Spec().ocsp(pki.intermediate.ocspUrl()));
    SignatureVerdict verdict = verify(signer, Expected.iin(APPLICANT));

    assertThat(verdict.reasons()).isEmpty();
    assertThat(verdict.valid()).isTrue();
    SignatureVerdict.SignerReport report = verdict.signer();
    assertThat(report.certificate().iin()).isEqualTo("900101300126");
    assertThat(report.certificate().roles()).containsExactly(Role.INDIVIDUAL);
    assertThat(report.certificate().signing()).isTrue();
    assertThat(report.certificate().holderName()).isEqualTo("ТЕСТОВ ТЕСТ ТЕСТОВИЧ");
    assertThat(report.chain()).hasSize(3);
    assertThat(report.signingTimeSource()).isEqualTo(SigningTimeSource.VERIFICATION_TIME);
    assertThat(report.claimedSigningTime()).isNotNull();
    assertThat(report.signatureAlgorithm()).contains("RSA");
    // the applicant by OCSP, the intermediate by the root's CRL
    assertThat(report.revocation()).extracting(SignatureVerdict.RevocationReport::source)
        .containsExactly(RevocationSource.OCSP, RevocationSource.CRL);
    assertThat(report.revocation()).allMatch(r -> r.status() == RevocationStatus.GOOD);
  }

  @Test
  void validDetachedRsaSignatureWithCrlAndLegalEntityHead() throws Exception {
    Issued signer = rsaApplicant(new Spec().legalEntity("150540000017", Role.FIRST_HEAD).crl(pki.intermediate.crlUrl()));
    byte[] cms = TestPki.sign(signer, REQUEST, false, pki.intermediate.certificate);
    SignatureVerifier verifier = pki.verifier(REFUSE);

    SignatureVerdict verdict = verifier.verify(cms, REQUEST, new Expected(APPLICANT, ENTITY));
    assertThat(verdict.reasons()).isEmpty();
    assertThat(verdict.detached()).isTrue();
    assertThat(verdict.signer().certificate().bin()).isEqualTo("150540000017");
    assertThat(verdict.signer().certificate().organisation()).isEqualTo("ТОО \"Тест, Ромашка\"");
    assertThat(verdict.signer().revocation().get(0).source()).isEqualTo(RevocationSource.CRL);

    // the second time the CRLs come from the cache
    int downloads = pki.crlRequests.get();
    SignatureVerdict again = verifier.verify(cms, REQUEST, Expected.bin(ENTITY));
    assertThat(again.valid()).isTrue();
    assertThat(pki.crlRequests.get()).isEqualTo(downloads);
    assertThat(again.signer().revocation()).allMatch(SignatureVerdict.RevocationReport::cached);

    // detached without the data: malformed; with other data: tampered
    assertThat(verifier.verify(cms, null, Expected.none()).reasons()).containsExactly(Reason.MALFORMED);
    assertThat(verifier.verify(cms, "other".getBytes(StandardCharsets.UTF_8), Expected.none()).reasons())
        .containsExactly(Reason.BAD_SIGNATURE);
  }

  @Test
  void validGost2015Signature() throws Exception {
    Issued signer = pki.applicant(pki.gostRoot, new Spec().gost(KzGost.Scheme.GOST_2015_512).crl(pki.gostRoot.crlUrl()));
    SignatureVerdict verdict = pki.verifier(REFUSE).verify(TestPki.sign(signer, REQUEST, true), null,
        Expected.iin(APPLICANT));

    assertThat(verdict.reasons()).isEmpty();
    assertThat(verdict.signer().signatureAlgorithm()).isEqualTo("GOST 34.310-2015 (512)");
    assertThat(verdict.signer().certificate().keyAlgorithm()).isEqualTo("GOST 34.310-2015 (512)");
    // the CRL is GOST-signed too, and was verified
    assertThat(verdict.signer().revocation()).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(RevocationStatus.GOOD));

    // one changed byte of the content breaks it
    byte[] tampered = REQUEST.clone();
    tampered[5] ^= 1;
    SignatureVerdict bad = pki.verifier(REFUSE).verify(TestPki.sign(signer, REQUEST, false), tampered, Expected.none());
    assertThat(bad.reasons()).containsExactly(Reason.BAD_SIGNATURE);
  }

  @Test
  void validGost2004SignatureAndOcspAnsweredInGost() throws Exception {
    Issued signer = pki.applicant(pki.gost2004Root, new Spec().gost(KzGost.Scheme.GOST_2004).ocsp(pki.gost2004Root.ocspUrl()));
    SignatureVerdict verdict = pki.verifier(REFUSE).verify(TestPki.sign(signer, REQUEST, true), null,
        Expected.iin(APPLICANT));
    assertThat(verdict.reasons()).isEmpty();
    assertThat(verdict.signer().signatureAlgorithm()).isEqualTo("GOST 34.310-2004");
    assertThat(verdict.signer().revocation().get(0).source()).isEqualTo(RevocationSource.OCSP);
  }

  @Test
  void expiredAtSigningTime() throws Exception {
    Issued signer = rsaApplicant(new Spec().ocsp(pki.intermediate.ocspUrl())
        .valid(Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(35))));
    SignatureVerdict verdict = verify(signer, Expected.iin(APPLICANT));
    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.reasons()).containsExactly(Reason.EXPIRED);
    assertThat(verdict.messages().get(0).ru()).contains("Срок действия");
    assertThat(verdict.messages().get(0).detail()).contains("expired on");
  }

  @Test
  void expiredNowButValidAtTheTimestampedSigningTime() throws Exception {
    Issued signer = rsaApplicant(new Spec().ocsp(pki.intermediate.ocspUrl())
        .valid(Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(35))));
    Instant signedAt = Instant.now().minus(Duration.ofDays(100));
    byte[] cms = pki.timestamp(TestPki.sign(signer, REQUEST, true, pki.intermediate.certificate), signedAt);

    SignatureVerdict verdict = pki.verifier(REFUSE).verify(cms, null, Expected.iin(APPLICANT));
    assertThat(verdict.reasons()).as(verdict.summary()).isEmpty();
    assertThat(verdict.signer().signingTimeSource()).isEqualTo(SigningTimeSource.TIMESTAMP);
    assertThat(verdict.signer().signingTime()).isEqualTo(signedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(verdict.signer().timestamp().authority()).contains("Test TSA");
  }

  @Test
  void notYetValid() throws Exception {
    Issued signer = rsaApplicant(new Spec().ocsp(pki.intermediate.ocspUrl())
        .valid(Instant.now().plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(300))));
    assertThat(verify(signer, Expected.iin(APPLICANT)).reasons()).containsExactly(Reason.NOT_YET_VALID);
  }

  @Test
  void revokedByCrl() throws Exception {
    Issued signer = rsaApplicant(new Spec().crl(pki.intermediate.crlUrl()));
    pki.intermediate.revoked.put(signer.certificate().getSerialNumber(), Instant.now().minus(Duration.ofDays(1)));
    SignatureVerdict verdict = verify(signer, Expected.iin(APPLICANT));
    assertThat(verdict.reasons()).containsExactly(Reason.REVOKED);
    assertThat(verdict.signer().revocation().get(0).revocationReason()).isEqualTo("keyCompromise");
    assertThat(verdict.messages().get(0).detail()).contains("CRL");
  }

  @Test
  void revokedByOcsp() throws Exception {
    Issued signer = rsaApplicant(new Spec().ocsp(pki.intermediate.ocspUrl()).crl(pki.intermediate.crlUrl()));
    pki.intermediate.revokedInOcsp.put(signer.certificate().getSerialNumber(), Instant.now().minus(Duration.ofHours(2)));
    SignatureVerdict verdict = verify(signer, Expected.iin(APPLICANT));
    assertThat(verdict.reasons()).containsExactly(Reason.REVOKED);
    assertThat(verdict.signer().revocation().get(0).source()).isEqualTo(RevocationSource.OCSP);
  }

  @Test
  void ocspRevokedOn1970MeansNotIssued() throws Exception {
    Issued signer = rsaApplicant(new Spec().ocsp(pki.intermediate.ocspUrl()));
    pki.intermediate.neverIssued.add(signer.certificate().getSerialNumber());
    SignatureVerdict verdict = verify(signer, Expected.iin(APPLICANT));
    assertThat(verdict.reasons()).containsExactly(Reason.REVOCATION_UNKNOWN);
    assertThat(verdict.signer().revocation().get(0).status()).isEqualTo(RevocationStatus.NOT_ISSUED);
  }

  @Test
  void crlWithBadSignatureIsNotTrusted() throws Exception {
    TestPki.Ca ca = pki.gostRoot;
    Issued signer = pki.applicant(ca, new Spec().gost(KzGost.Scheme.GOST_2015_512).crl(ca.crlUrl() + "?bad"));
    ca.crlWithBadSignature = true;
    try {
      SignatureVerdict verdict = pki.verifier(REFUSE).verify(TestPki.sign(signer, REQUEST, true), null, Expected.none());
      assertThat(verdict.reasons()).containsExactly(Reason.REVOCATION_UNKNOWN);
      assertThat(verdict.signer().revocation().get(0).problems()).anySatisfy(p -> assertThat(p).contains("signature is not valid"));
    } finally {
      ca.crlWithBadSignature = false;
    }
  }

  @Test
  void staleCrlIsNotUsed() throws Exception {
    TestPki.Ca ca = pki.intermediate;
    Issued signer = rsaApplicant(new Spec().crl(ca.crlUrl() + "?stale"));
    ca.crlStale = true;
    try {
      SignatureVerdict verdict = verify(signer, Expected.none());
      assertThat(verdict.reasons()).containsExactly(Reason.REVOCATION_UNKNOWN);
      assertThat(verdict.messages().get(0).detail()).contains("stale");
    } finally {
      ca.crlStale = false;
    }
  }

  @Test
  void unreachableRevocationSourceUnderBothPolicies() throws Exception {
    Issued signer = rsaApplicant(new Spec().ocsp(TestPki.UNREACHABLE + "ocsp").crl(TestPki.UNREACHABLE + "x.crl"));
    byte[] cms = TestPki.sign(signer, REQUEST, true, pki.intermediate.certificate);

    SignatureVerdict refused = pki.verifier(REFUSE).verify(cms, null, Expected.iin(APPLICANT));
    assertThat(refused.valid()).isFalse();
    assertThat(refused.reasons()).containsExactly(Reason.REVOCATION_UNKNOWN);
    assertThat(refused.signer().revocation().get(0).status()).isEqualTo(RevocationStatus.UNAVAILABLE);
    assertThat(refused.signer().revocation().get(0).problems()).hasSize(2).allMatch(p -> p.contains("unreachable"));

    SignatureVerdict flagged = pki.verifier(ACCEPT_AND_FLAG).verify(cms, null, Expected.iin(APPLICANT));
    assertThat(flagged.valid()).isTrue();
    assertThat(flagged.warnings()).containsExactly(Reason.REVOCATION_UNKNOWN);
  }

  @Test
  void configuredAddressesWhenTheCertificateHasNone() throws Exception {
    Issued signer = rsaApplicant(new Spec());
    byte[] cms = TestPki.sign(signer, REQUEST, true, pki.intermediate.certificate);
    assertThat(pki.verifier(REFUSE).verify(cms, null, Expected.none()).reasons())
        .containsExactly(Reason.REVOCATION_UNKNOWN);
    // the configured list also holds another CA's CRL, which is skipped
    SignatureProperties.Revocation configured = new SignatureProperties.Revocation(true, java.util.List.of(),
        java.util.List.of(pki.gostRoot.crlUrl(), pki.intermediate.crlUrl()), null, REFUSE, 10, null, null, null, null,
        null, null);
    assertThat(pki.verifier(configured).verify(cms, null, Expected.none()).reasons()).isEmpty();
  }

  @Test
  void untrustedRoot() throws Exception {
    TestPki other = new TestPki();
    try {
      Issued signer = other.applicant(other.intermediate, new Spec().ocsp(other.intermediate.ocspUrl()));
      byte[] cms = TestPki.sign(signer, REQUEST, true, other.intermediate.certificate, other.root.certificate);
      SignatureVerdict verdict = pki.verifier(REFUSE).verify(cms, null, Expected.iin(APPLICANT));
      assertThat(verdict.reasons()).containsExactly(Reason.UNTRUSTED_CHAIN);
      assertThat(verdict.messages().get(0).detail()).contains("not a trusted root");
      assertThat(other.ocspRequests.get()).as("no revocation call for an untrusted chain").isZero();
    } finally {
      other.close();
    }
  }

  @Test
  void missingIntermediateIsUntrusted() throws Exception {
    Issued signer = rsaApplicant(new Spec().ocsp(pki.intermediate.ocspUrl()));
    SignatureVerdict verdict = pki.verifier(REFUSE).verify(TestPki.sign(signer, REQUEST, true), null, Expected.none());
    assertThat(verdict.reasons()).containsExactly(Reason.UNTRUSTED_CHAIN);
  }

  @Test
  void tamperedContent() throws Exception {
    Issued signer = rsaApplicant(new Spec().ocsp(pki.intermediate.ocspUrl()));
    byte[] cms = TestPki.sign(signer, REQUEST, true, pki.intermediate.certificate);
    String text = new String(cms, StandardCharsets.ISO_8859_1).replace("archival", "ARCHIVAL");
    SignatureVerdict verdict = pki.verifier(REFUSE).verify(text.getBytes(StandardCharsets.ISO_8859_1), null,
        Expected.iin(APPLICANT));
    assertThat(verdict.reasons()).containsExactly(Reason.BAD_SIGNATURE);
    assertThat(verdict.signer().revocation()).isEmpty();
  }

  @Test
  void iinMismatch() throws Exception {
    Issued signer = rsaApplicant(new Spec().iin("850315400015").ocsp(pki.intermediate.ocspUrl()));
    SignatureVerdict verdict = verify(signer, Expected.iin(APPLICANT));
    assertThat(verdict.reasons()).containsExactly(Reason.IIN_MISMATCH);
    assertThat(verdict.summary()).contains("names IIN 900101300126", "carries IIN 850315400015");
    assertThat(verdict.summaryRu()).contains("ИИН сертификата не совпадает");
  }

  @Test
  void legalEntityEmployeeWithoutSigningRole() throws Exception {
    Issued employee = rsaApplicant(new Spec().legalEntity("150540000017", Role.EMPLOYEE).ocsp(pki.intermediate.ocspUrl()));
    SignatureVerdict verdict = verify(employee, Expected.bin(ENTITY));
    assertThat(verdict.reasons()).containsExactly(Reason.NOT_AUTHORISED_TO_SIGN);

    Issued mayHead = rsaApplicant(new Spec().legalEntity("150540000017", Role.MAY_SIGN).ocsp(pki.intermediate.ocspUrl()));
    assertThat(verify(mayHead, Expected.bin(ENTITY)).valid()).isTrue();
    assertThat(verify(mayHead, Expected.bin(Bin.parse("101240003331"))).reasons()).containsExactly(Reason.BIN_MISMATCH);
  }

  @Test
  void authenticationCertificateDoesNotSign() throws Exception {
    Issued signer = rsaApplicant(new Spec().authenticationOnly().ocsp(pki.intermediate.ocspUrl()));
    SignatureVerdict verdict = verify(signer, Expected.iin(APPLICANT));
    assertThat(verdict.reasons()).containsExactly(Reason.NOT_A_SIGNING_CERTIFICATE);
    assertThat(verdict.signer().certificate().authentication()).isTrue();
  }

  @Test
  void malformedInput() {
    SignatureVerifier verifier = pki.verifier(REFUSE);
    assertThat(verifier.verify("not a cms".getBytes(StandardCharsets.UTF_8), null, Expected.none()).reasons())
        .containsExactly(Reason.MALFORMED);
    assertThat(verifier.verify(new byte[0], null, Expected.none()).reasons()).containsExactly(Reason.MALFORMED);
    assertThat(verifier.verify(null, null, Expected.none()).messages().get(0).detail()).contains("empty");
    assertThat(verifier.verify(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, null, Expected.none()).valid()).isFalse();
  }

  @Test
  void ncaTestIinsOnlyInTestPkiMode() throws Exception {
    Issued signer = rsaApplicant(new Spec().iin("123456789011").ocsp(pki.intermediate.ocspUrl()));
    SignatureVerdict verdict = verify(signer, Expected.iin(Iin.parse("123456789011", true)));
    assertThat(verdict.valid()).isTrue();
    assertThat(verdict.signer().certificate().iin()).isEqualTo("123456789011");
  }
}
