package kz.egov.workflow.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.egov.workflow.identity.Iin;
import kz.egov.workflow.signature.SignatureVerifier.Expected;
import kz.egov.workflow.signature.TestPki.Issued;
import kz.egov.workflow.signature.TestPki.Spec;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard tools agree with us both ways: we verify what OpenSSL signs, OpenSSL verifies what we sign. */
class OpenSslInteropTest {

  static TestPki pki;
  @TempDir Path dir;

  @BeforeAll
  static void pki() throws Exception {
    pki = new TestPki();
  }

  @AfterAll
  static void stop() {
    pki.close();
  }

  @Test
  void weVerifyASignatureMadeByOpenSsl() throws Exception {
    Issued applicant = pki.applicant(pki.intermediate, new Spec().ocsp(pki.intermediate.ocspUrl()));
    Path key = write("applicant.key", applicant.key().jca().getPrivate());
    Path certificate = write("applicant.pem", new JcaX509CertificateConverter().getCertificate(applicant.certificate()));
    Path chain = write("chain.pem", new JcaX509CertificateConverter().getCertificate(pki.intermediate.certificate));
    Path request = dir.resolve("request.json");
    Files.writeString(request, "{\"service\":\"scrap-metal-license\"}");
    Path signature = dir.resolve("request.p7s");

    openssl("cms", "-sign", "-binary", "-in", request.toString(), "-signer", certificate.toString(), "-inkey",
        key.toString(), "-certfile", chain.toString(), "-outform", "DER", "-out", signature.toString(), "-md", "sha256");

    SignatureVerdict detached = pki.verifier(SignatureProperties.UnavailablePolicy.REFUSE)
        .verify(Files.readAllBytes(signature), Files.readAllBytes(request), Expected.iin(Iin.parse("900101300126")));
    assertThat(detached.reasons()).as(detached.summary()).isEmpty();
    assertThat(detached.detached()).isTrue();
    assertThat(detached.signer().certificate().iin()).isEqualTo("900101300126");

    Path attached = dir.resolve("attached.p7s");
    openssl("cms", "-sign", "-nodetach", "-binary", "-in", request.toString(), "-signer", certificate.toString(),
        "-inkey", key.toString(), "-certfile", chain.toString(), "-outform", "DER", "-out", attached.toString());
    assertThat(pki.verifier(SignatureProperties.UnavailablePolicy.REFUSE)
        .verify(Files.readAllBytes(attached), null, Expected.none()).valid()).isTrue();
  }

  @Test
  void openSslVerifiesAResultWeSigned() throws Exception {
    Issued provider = pki.applicant(pki.intermediate, new Spec().legalEntity("150540000017", Role.FIRST_HEAD));
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    ResultSigner signer = new ResultSigner(provider.key().jca().getPrivate(), List.of(
        converter.getCertificate(provider.certificate()), converter.getCertificate(pki.intermediate.certificate)));
    byte[] result = "Архивная справка № 42".getBytes(StandardCharsets.UTF_8);
    Path content = dir.resolve("result.txt");
    Files.write(content, result);
    Path signature = dir.resolve("result.p7s");
    Files.write(signature, signer.signDetached(result));
    Path ca = write("ca.pem", converter.getCertificate(pki.root.certificate));

    String out = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(), "-content",
        content.toString(), "-CAfile", ca.toString(), "-purpose", "any", "-out", dir.resolve("verified.txt").toString());
    assertThat(out).contains("Verification successful");
    assertThat(Files.readAllBytes(dir.resolve("verified.txt"))).isEqualTo(result);

    // and a changed result fails
    Files.write(content, "Архивная справка № 43".getBytes(StandardCharsets.UTF_8));
    assertThat(run("cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(), "-content",
        content.toString(), "-CAfile", ca.toString(), "-purpose", "any").exit()).isNotZero();
  }

  @Test
  void pkcs12KeyStoreSigns() throws Exception {
    Issued provider = pki.applicant(pki.intermediate, new Spec().legalEntity("150540000017", Role.FIRST_HEAD));
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("provider", provider.key().jca().getPrivate(), "secret".toCharArray(), new Certificate[] {
        converter.getCertificate(provider.certificate()), converter.getCertificate(pki.intermediate.certificate)});
    Path file = dir.resolve("provider.p12");
    try (var out = Files.newOutputStream(file)) {
      store.store(out, "secret".toCharArray());
    }
    ResultSigner signer = ResultSigner.fromPkcs12(file, "secret".toCharArray(), null);
    assertThat(signer.chain()).hasSize(2);
    byte[] data = "result".getBytes(StandardCharsets.UTF_8);
    SignatureVerdict verdict = pki.verifier(SignatureProperties.UnavailablePolicy.ACCEPT_AND_FLAG)
        .verify(signer.signDetached(data), data, Expected.bin(kz.egov.workflow.identity.Bin.parse("150540000017")));
    assertThat(verdict.valid()).as(verdict.summary()).isTrue();
  }

  private Path write(String name, Object object) throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    Path file = dir.resolve(name);
    Files.writeString(file, text.toString());
    return file;
  }

  record Result(int exit, String output) {}

  private String openssl(String... arguments) throws Exception {
    Result result = run(arguments);
    assertThat(result.exit()).as("openssl %s: %s", String.join(" ", arguments), result.output()).isZero();
    return result.output();
  }

  private Result run(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
    } catch (java.io.IOException e) {
      return fail("openssl is needed for this test and was not found on PATH (install it: apt-get install openssl): "
          + e.getMessage());
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("openssl did not finish: " + output);
    }
    return new Result(process.exitValue(), output);
  }
}
