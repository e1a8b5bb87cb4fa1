package kz.egov.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import kz.egov.workflow.signature.DemoPki;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prod profile with its environment (given here as properties, as the variables would be): the application
 * starts with the administrator and the technical users from it and without any demo user, key or record; its
 * cookies are secure and HSTS is on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "camunda.bpm.process-engine-name=prodprofile",
    "camunda.bpm.generate-unique-process-application-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "EGOV_ADMIN_USER=chief",
    "EGOV_ADMIN_PASSWORD=Chief-secret-2026",
    "EGOV_PORTAL_SYSTEM_PASSWORD=portal-secret-2026",
    "EGOV_SERVICE_CENTER_SYSTEM_PASSWORD=center-secret-2026",
    "EGOV_PAYMENT_GATEWAY_SYSTEM_PASSWORD=gateway-secret-2026",
    "EGOV_DB_URL=jdbc:h2:mem:prodprofile;DB_CLOSE_DELAY=-1",
    "EGOV_DB_USER=sa",
    "EGOV_DB_PASSWORD=db-secret-2026",
    "EGOV_SIGNING_KEY_STORE=target/prod-profile-test/signing.p12",
    "EGOV_SIGNING_KEY_STORE_PASSWORD=keystore-2026",
    "EGOV_SIGNATURE_TRUST_STORE=target/prod-profile-test/nca-roots.pem",
    "EGOV_DOCUMENTS_PUBLIC_BASE_URL=https://workflow.example.kz"})
@ActiveProfiles("prod")
@DirtiesContext
class ProductionProfileTest {

  static {
    writeKeys(Path.of("target", "prod-profile-test"));
  }

  @Autowired IdentityService identity;
  @Autowired ApplicationContext context;
  @Autowired Environment environment;

  @Test
  void startsWithTheEnvironmentsUsersAndNoDemoOnes() {
    assertThat(identity.checkPassword("chief", "Chief-secret-2026")).isTrue();
    assertThat(identity.createUserQuery().userId("chief").memberOfGroup("camunda-admin").count()).isEqualTo(1);
    assertThat(identity.checkPassword("portal", "portal-secret-2026")).isTrue();
    assertThat(identity.createUserQuery().userId("portal").memberOfGroup("portal-system").count()).isEqualTo(1);
    assertThat(identity.checkPassword("service-center", "center-secret-2026")).isTrue();
    assertThat(identity.createUserQuery().userId("payment-gateway").memberOfGroup("payment-gateway").count())
        .isEqualTo(1);
    // the access model's groups are there, their members are not: people are added in Admin
    assertThat(identity.createGroupQuery().groupId("wko-clerk").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().list()).extracting(u -> u.getId())
        .containsExactlyInAnyOrder("chief", "portal", "service-center", "payment-gateway");
    assertThat(context.getBeanNamesForType(DemoUsers.class)).isEmpty();
    assertThat(context.getBeanNamesForType(DemoPki.class)).isEmpty();
  }

  @Test
  void cookiesAreSecureAndHstsIsOn() {
    assertThat(environment.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
    assertThat(environment.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie", Boolean.class))
        .isTrue();
    assertThat(environment.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie", Boolean.class)).isTrue();
    assertThat(environment.getProperty("camunda.bpm.webapp.header-security.hsts-disabled", Boolean.class)).isFalse();
    assertThat(environment.getProperty("egov.signature.test-pki", Boolean.class)).isFalse();
  }

  /** A provider key store and its certificate as the trusted root, as an operator would provide them. */
  static void writeKeys(Path dir) {
    try {
      Files.createDirectories(dir);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      X500Name name = new X500Name("CN=Production test provider, C=KZ");
      Instant now = Instant.now();
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
          name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
          Date.from(now.plus(30, ChronoUnit.DAYS)), name, keys.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("provider", keys.getPrivate(), "keystore-2026".toCharArray(),
          new Certificate[] {certificate});
      try (OutputStream out = Files.newOutputStream(dir.resolve("signing.p12"))) {
        store.store(out, "keystore-2026".toCharArray());
      }
      Files.writeString(dir.resolve("nca-roots.pem"), "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
