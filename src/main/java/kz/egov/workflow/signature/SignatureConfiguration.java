package kz.egov.workflow.signature;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires verification and signing from {@code egov.signature}. In demo mode the generated demo CA is trusted,
 * its CRL consulted, and the demo provider key signs results unless a key store is configured.
 */
@Configuration
class SignatureConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SignatureConfiguration.class);

  @Bean
  SignatureVerifier signatureVerifier(SignatureProperties properties, ObjectProvider<DemoPki> demo) {
    CryptoAlgorithms.init();
    TrustAnchors trust = TrustAnchors.load(properties.trustStore());
    SignatureProperties.Revocation revocation = properties.revocation();
    DemoPki pki = demo.getIfAvailable();
    if (pki != null) {
      DemoPki.Material material = pki.ensure();
      trust = trust.with(List.of(material.ca()));
      revocation = revocation.withCrlUrls(List.of(material.crlUrl()));
    }
    if (trust.roots().isEmpty()) {
      log.warn("egov.signature.trust-store names no root certificate: every signature will be UNTRUSTED_CHAIN");
    }
    if (properties.testPki()) {
      log.warn("egov.signature.test-pki is on: the NCA's test IIN/BIN numbers are accepted. Never in production.");
    }
    Clock clock = Clock.systemUTC();
    RevocationChecker checker = new RevocationChecker(revocation,
        new RevocationFetcher(revocation.connectTimeout(), revocation.readTimeout()), clock);
    List<String> roots = new ArrayList<>();
    for (X509CertificateHolder root : trust.roots()) {
      roots.add(root.getSubject().toString());
    }
    log.info("Signature verification trusts {} root(s): {}; revocation: unavailable → {}", roots.size(), roots,
        revocation.onUnavailable());
    return new SignatureVerifier(trust, checker, clock);
  }

  @Bean
  ResultSigner resultSigner(SignatureProperties properties, ObjectProvider<DemoPki> demo) {
    SignatureProperties.Signing signing = properties.signing();
    if (signing.keyStore() != null && !signing.keyStore().isBlank()) {
      return ResultSigner.fromPkcs12(Path.of(signing.keyStore()),
          signing.password() == null ? new char[0] : signing.password().toCharArray(), signing.alias());
    }
    DemoPki pki = demo.getIfAvailable();
    if (pki == null) {
      throw new IllegalStateException("egov.signature.signing.key-store is not set: results cannot be signed. "
          + "Configure the provider's PKCS#12 key store (EGOV_SIGNING_KEY_STORE) or run with the demo profile.");
    }
    DemoPki.Material material = pki.ensure();
    return ResultSigner.fromPkcs12(material.providerKeyStore(), material.password().toCharArray(), "provider");
  }
}
