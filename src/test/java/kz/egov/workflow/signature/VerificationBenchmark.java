package kz.egov.workflow.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Full verifications per second (chain, revocation from a warm cache, profile, match) next to bare Bouncy
 * Castle verification of the same CMS's signature. Not part of the normal build (tag "benchmark"); run:
 * {@code ./mvnw -q -Dlint.skip=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=kz.egov.workflow.signature.VerificationBenchmark}
 */
@Tag("benchmark")
public class VerificationBenchmark {

  public static void main(String[] args) throws Exception {
    new VerificationBenchmark().verificationsPerSecond();
  }

  /** Full verifications and bare signature checks per second of one kind of CMS. */
  public record Result(String label, double full, double bare) {
    public double ratio() {
      return full / bare;
    }
  }

  @Test
  void verificationsPerSecond() throws Exception {
    measure(3, 5);
  }

  /** Both kinds of CMS, {@code warmUpSeconds} of warm-up and {@code seconds} of measurement for each figure. */
  public static List<Result> measure(double warmUpSeconds, double seconds) throws Exception {
    List<Result> results = new ArrayList<>();
    try (TestPki pki = new TestPki()) {
      byte[] data = "{\"service\":\"archival-certificate\"}".getBytes(StandardCharsets.UTF_8);
      TestPki.Issued rsa = pki.applicant(pki.intermediate, new TestPki.Spec().ocsp(pki.intermediate.ocspUrl()));
      TestPki.Issued gost = pki.applicant(pki.gostRoot, new TestPki.Spec().gost(KzGost.Scheme.GOST_2015_512)
          .crl(pki.gostRoot.crlUrl()));
      results.add(report(pki, "RSA-2048, SHA-256, chain root → intermediate → applicant, OCSP",
          TestPki.sign(rsa, data, true, pki.intermediate.certificate), rsa.certificate(), warmUpSeconds, seconds));
      results.add(report(pki, "GOST 34.310-2015 (512), Streebog-512, chain root → applicant, CRL",
          TestPki.sign(gost, data, true), gost.certificate(), warmUpSeconds, seconds));
    }
    return results;
  }

  private static Result report(TestPki pki, String label, byte[] cms, X509CertificateHolder certificate,
      double warmUpSeconds, double seconds) throws Exception {
    SignatureVerifier verifier = pki.verifier(SignatureProperties.UnavailablePolicy.REFUSE);
    assertThat(verifier.verify(cms, null, SignatureVerifier.Expected.none()).valid()).isTrue(); // warms the cache
    int requests = pki.ocspRequests.get() + pki.crlRequests.get();
    double full = perSecond(() -> verifier.verify(cms, null, SignatureVerifier.Expected.none()).valid(),
        warmUpSeconds, seconds);
    assertThat(pki.ocspRequests.get() + pki.crlRequests.get()).as("warm cache: no network").isEqualTo(requests);

    double bare = perSecond(() -> {
      CMSSignedData signed = new CMSSignedData(cms);
      SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
      if (KzGost.isGostKey(certificate.getSubjectPublicKeyInfo())) {
        return signer.verify(CryptoAlgorithms.signerVerifier(certificate.getSubjectPublicKeyInfo(), null));
      }
      return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider("BC").build(certificate));
    }, warmUpSeconds, seconds);
    System.out.printf("BENCHMARK %-30s full %8.1f/s   bare BC %8.1f/s   ratio full/bare %.2f%n", label, full, bare,
        full / bare);
    return new Result(label, full, bare);
  }

  interface Check {
    boolean run() throws Exception;
  }

  private static double perSecond(Check check, double warmUpSeconds, double seconds) throws Exception {
    long warmUntil = System.nanoTime() + (long) (warmUpSeconds * 1e9);
    while (System.nanoTime() < warmUntil) {
      assertThat(check.run()).isTrue();
    }
    int count = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      assertThat(check.run()).isTrue();
      count++;
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }
}
