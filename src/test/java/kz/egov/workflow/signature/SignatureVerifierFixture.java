package kz.egov.workflow.signature;

/** The test PKI for tests outside this package. */
public final class SignatureVerifierFixture implements AutoCloseable {

  private final TestPki pki;

  public SignatureVerifierFixture() throws Exception {
    pki = new TestPki();
  }

  public SignatureVerifier verifier(SignatureProperties.UnavailablePolicy policy) {
    return pki.verifier(policy);
  }

  /** A valid individual's signature (IIN 900101300126) whose revocation sources cannot be reached. */
  public byte[] signedWithUnreachableRevocation(byte[] data) throws Exception {
    TestPki.Issued signer = pki.applicant(pki.intermediate,
        new TestPki.Spec().ocsp(TestPki.UNREACHABLE + "ocsp"));
    return TestPki.sign(signer, data, false, pki.intermediate.certificate);
  }

  /** A valid individual's signature (IIN 900101300126) checked by OCSP; {@code attached} or detached. */
  public byte[] signed(byte[] data, boolean attached) throws Exception {
    TestPki.Issued signer = pki.applicant(pki.intermediate, new TestPki.Spec().ocsp(pki.intermediate.ocspUrl()));
    return TestPki.sign(signer, data, attached, pki.intermediate.certificate);
  }

  TestPki pki() {
    return pki;
  }

  @Override
  public void close() {
    pki.close();
  }
}
