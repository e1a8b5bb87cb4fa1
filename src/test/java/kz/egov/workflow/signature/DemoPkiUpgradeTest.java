package kz.egov.workflow.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo PKI directory generated before the legal entity's key existed (no company.p12): the next start adds
 * the company key, issued by the existing CA, and keeps the CA, provider and applicant keys that people may
 * already hold.
 */
class DemoPkiUpgradeTest {

  static DemoPki pki(Path directory) {
    return new DemoPki(new SignatureProperties(false, List.of(), null, null,
        new SignatureProperties.Demo(directory.toString())));
  }

  static X509Certificate certificate(Path keyStore, String alias) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keyStore)) {
      store.load(in, DemoPki.PASSWORD.toCharArray());
    }
    return (X509Certificate) store.getCertificate(alias);
  }

  @Test
  void aMissingCompanyKeyIsIssuedByTheExistingCa(@TempDir Path directory) throws Exception {
    DemoPki.Material first = pki(directory).ensure();
    byte[] ca = Files.readAllBytes(first.caCertificate());
    byte[] applicant = Files.readAllBytes(first.applicantKeyStore());
    byte[] provider = Files.readAllBytes(first.providerKeyStore());
    // as an older version left it
    Files.delete(first.companyKeyStore());
    Files.delete(first.companyCertificate());

    DemoPki.Material upgraded = pki(directory).ensure();

    assertThat(upgraded.companyKeyStore()).exists();
    assertThat(upgraded.companyCertificate()).exists();
    assertThat(Files.readAllBytes(upgraded.caCertificate())).isEqualTo(ca);
    assertThat(Files.readAllBytes(upgraded.applicantKeyStore())).isEqualTo(applicant);
    assertThat(Files.readAllBytes(upgraded.providerKeyStore())).isEqualTo(provider);
    X509CertificateHolder company = new X509CertificateHolder(certificate(upgraded.companyKeyStore(), "company")
        .getEncoded());
    assertThat(company.getIssuer()).isEqualTo(upgraded.ca().getSubject());
    assertThat(company.isSignatureValid(new JcaContentVerifierProviderBuilder().build(upgraded.ca()))).isTrue();
    assertThat(CertificateProfiles.read(company).bin()).isEqualTo(DemoPki.COMPANY_BIN);
  }

  @Test
  void aCompleteDirectoryIsReusedAsItIs(@TempDir Path directory) throws Exception {
    DemoPki.Material first = pki(directory).ensure();
    byte[] company = Files.readAllBytes(first.companyKeyStore());

    DemoPki.Material again = pki(directory).ensure();

    assertThat(Files.readAllBytes(again.companyKeyStore())).isEqualTo(company);
  }
}
