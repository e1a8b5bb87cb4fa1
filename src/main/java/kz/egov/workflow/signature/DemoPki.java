package kz.egov.workflow.signature;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import kz.egov.workflow.identity.Bin;
import kz.egov.workflow.identity.Iin;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a small PKI shaped like the NCA's, generated on first start into {@code egov.signature.demo.directory}
 * ({@code ./data/pki}) and reused afterwards: a demo CA, the provider's certificate (BIN, first head) whose
 * PKCS#12 signs results, an applicant's certificate (IIN) with its PKCS#12 to sign requests with, and a
 * legal entity's signing certificate (the head of ТОО "Батыс Металл Трейд", R2's demo applicant) with its
 * PKCS#12. The CA's CRL is renewed on each start. Never active in the {@code prod} profile.
 */
@Component
@Profile("demo & !prod")
public class DemoPki {

  private static final Logger log = LoggerFactory.getLogger(DemoPki.class);

  public static final String PASSWORD = "demo";
  public static final String PROVIDER_BIN_PREFIX = "15054000001";
  public static final String APPLICANT_IIN_PREFIX = "90010130012";
  /** The demo legal entity (registry-demo/companies.csv) and its head, who signs for it with company.p12. */
  public static final String COMPANY_BIN = "040540000123";
  public static final String COMPANY_HEAD_IIN = "781122301233";
  public static final String COMPANY_NAME = "ТОО \"Батыс Металл Трейд\"";

  private final Path directory;
  private Material material;

  public DemoPki(SignatureProperties properties) {
    this.directory = Path.of(properties.demo().directory());
  }

  /** What the demo PKI consists of, as files. */
  public record Material(Path directory, Path caCertificate, Path crl, Path providerKeyStore, Path applicantKeyStore,
      Path applicantCertificate, Path companyKeyStore, Path companyCertificate, String password,
      X509CertificateHolder ca) {

    public String crlUrl() {
      return crl.toUri().toString();
    }
  }

  /**
   * The IIN that demo mode records for a demo staff user (Camunda user info {@code iin}) and puts into the
   * user's demo signing key: derived from the user id, so that the key and the record agree across restarts
   * without a table. Birth date and serial come from the id's hash; the century digit is 3 or 4 (born in the
   * 1900s, male/female), the check digit makes it valid.
   */
  public static String staffIin(String userId) {
    int hash = userId.hashCode() & 0x7fffffff;
    for (int attempt = 0; ; attempt++) {
      int h = hash + attempt * 7919;
      String birth = String.format("%02d%02d%02d", 60 + h % 40, 1 + (h / 40) % 12, 1 + (h / 480) % 28);
      String eleven = birth + (3 + (h / 13440) % 2) + String.format("%04d", (h / 26880) % 10000);
      for (int check = 0; check <= 9; check++) {
        if (Iin.isValid(eleven + check)) {
          return eleven + check;
        }
      }
    }
  }

  /**
   * A demo staff member's signing key ({@code staff/<userId>.p12}, alias {@code staff}, password {@code demo}),
   * issued by the demo CA on first use: the employee's certificate of the NCA shape (IIN in SERIALNUMBER, the
   * organisation and its BIN, role employee), with the IIN of {@link #staffIin(String)}. Staff sign with it
   * where a regulation asks for an official's or an operator's own EDS.
   */
  public synchronized Path staffKeyStore(String userId) {
    if (!userId.matches("[a-zA-Z0-9][a-zA-Z0-9._-]*")) {
      throw new IllegalArgumentException("not a user id: " + userId);
    }
    Material material = ensure();
    Path file = material.directory().resolve("staff").resolve(userId + ".p12");
    if (Files.exists(file)) {
      return file;
    }
    try {
      Files.createDirectories(file.getParent());
      KeyStore ca = load(directory.resolve("demo-ca.p12"));
      PrivateKey caKey = (PrivateKey) ca.getKey("demo-ca", PASSWORD.toCharArray());
      X509Certificate caCertificate = (X509Certificate) ca.getCertificate("demo-ca");
      X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, userId.toUpperCase(java.util.Locale.ROOT))
          .addRDN(BCStyle.SERIALNUMBER, "IIN" + staffIin(userId)).addRDN(BCStyle.C, "KZ")
          .addRDN(BCStyle.O, "Demo service provider").addRDN(BCStyle.OU, "BIN" + complete(PROVIDER_BIN_PREFIX, true))
          .build();
      KeyPair keys = rsa();
      X509Certificate certificate = issue(name, keys, caCertificate, caKey, Instant.now(), List.of(Role.EMPLOYEE),
          "1.2.398.3.3.2.1");
      store(file, "staff", keys.getPrivate(), certificate, caCertificate);
      log.info("Demo PKI: issued {} for {} (IIN {})", file, userId, staffIin(userId));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("demo staff key " + file + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("demo staff key " + file + ": " + e.getMessage(), e);
    }
  }

  /** The demo applicant's IIN: the prefix and its check digit (the individual's portal login). */
  public static String applicantIin() {
    return complete(APPLICANT_IIN_PREFIX, false);
  }

  public synchronized Material ensure() {
    if (material != null) {
      return material;
    }
    try {
      Files.createDirectories(directory);
      Path caPem = directory.resolve("demo-ca.pem");
      Path caStore = directory.resolve("demo-ca.p12");
      Path provider = directory.resolve("provider.p12");
      Path applicant = directory.resolve("applicant.p12");
      Path applicantPem = directory.resolve("applicant.pem");
      Path crl = directory.resolve("demo-ca.crl");
      Path company = directory.resolve("company.p12");
      Path companyPem = directory.resolve("company.pem");
      boolean created = false;
      if (!Files.exists(caStore) || !Files.exists(provider) || !Files.exists(applicant)) {
        generate(caPem, caStore, provider, applicant, applicantPem);
        created = true;
      }
      KeyStore ca = load(caStore);
      PrivateKey caKey = (PrivateKey) ca.getKey("demo-ca", PASSWORD.toCharArray());
      X509Certificate caCertificate = (X509Certificate) ca.getCertificate("demo-ca");
      X509CertificateHolder caHolder = new X509CertificateHolder(caCertificate.getEncoded());
      // a directory generated before the legal entity's key existed keeps its CA, provider and applicant keys
      // (applicants may hold applicant.p12 already): only the missing company key is issued by the same CA
      boolean companyAdded = false;
      if (created || !Files.exists(company) || !Files.exists(companyPem)) {
        issueCompany(company, companyPem, caCertificate, caKey);
        companyAdded = !created;
      }
      renewCrl(crl, caHolder, caKey);
      material = new Material(directory.toAbsolutePath(), caPem.toAbsolutePath(), crl.toAbsolutePath(),
          provider.toAbsolutePath(), applicant.toAbsolutePath(), applicantPem.toAbsolutePath(),
          company.toAbsolutePath(), companyPem.toAbsolutePath(), PASSWORD, caHolder);
      CertificateProfile head = CertificateProfiles.read(
          new X509CertificateHolder(load(company).getCertificate("company").getEncoded()));
      log.info("""
          Demo PKI {} in {} (password '{}'):
            demo-ca.pem     the demo CA (trusted in demo mode; verify our results with it)
            provider.p12    the provider's key that signs results (BIN {}, first head)
            applicant.p12   a demo applicant's key to sign requests with (IIN {})
            company.p12     a legal entity's key: {} signs for {} (BIN {}, IIN {}, first head){}
            demo-ca.crl     the CA's revocation list, renewed on each start""",
          created ? "generated" : "reused", material.directory(), PASSWORD,
          CertificateProfiles.read(new X509CertificateHolder(load(provider).getCertificate("provider").getEncoded())).bin(),
          CertificateProfiles.read(new X509CertificateHolder(load(applicant).getCertificate("applicant").getEncoded())).iin(),
          head.holderName(), head.organisation(), head.bin(), head.iin(), companyAdded ? " (added now)" : "");
      return material;
    } catch (IOException e) {
      throw new UncheckedIOException("demo PKI in " + directory + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("demo PKI in " + directory + ": " + e.getMessage(), e);
    }
  }

  private void generate(Path caPem, Path caStore, Path provider, Path applicant, Path applicantPem)
      throws GeneralSecurityException, IOException, OperatorCreationException {
    Instant now = Instant.now();
    KeyPair caKeys = rsa();
    X500Name caName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "KZ")
        .addRDN(BCStyle.O, "egov-workflow demo").addRDN(BCStyle.CN, "Demo NCA (not for production)").build();
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    JcaX509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(Duration.ofDays(1))),
        Date.from(now.plus(Duration.ofDays(3650))), caName, caKeys.getPublic());
    caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    caBuilder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(caKeys.getPublic()));
    X509Certificate ca = sign(caBuilder, caKeys.getPrivate());

    String bin = complete(PROVIDER_BIN_PREFIX, true);
    X500Name providerName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "ДЕМО РУКОВОДИТЕЛЬ")
        .addRDN(BCStyle.SURNAME, "ДЕМО").addRDN(BCStyle.SERIALNUMBER, "IIN" + complete("80020240003", false))
        .addRDN(BCStyle.C, "KZ").addRDN(BCStyle.O, "Demo service provider").addRDN(BCStyle.OU, "BIN" + bin).build();
    KeyPair providerKeys = rsa();
    X509Certificate providerCertificate = issue(providerName, providerKeys, ca, caKeys.getPrivate(), now,
        List.of(Role.LEGAL_ENTITY, Role.FIRST_HEAD), "1.2.398.3.3.2.1");
    store(provider, "provider", providerKeys.getPrivate(), providerCertificate, ca);

    String iin = complete(APPLICANT_IIN_PREFIX, false);
    X500Name applicantName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "ДЕМО ЗАЯВИТЕЛЬ")
        .addRDN(BCStyle.SURNAME, "ДЕМО").addRDN(BCStyle.GIVENNAME, "ДЕМОВИЧ").addRDN(BCStyle.SERIALNUMBER, "IIN" + iin)
        .addRDN(BCStyle.C, "KZ").build();
    KeyPair applicantKeys = rsa();
    X509Certificate applicantCertificate = issue(applicantName, applicantKeys, ca, caKeys.getPrivate(), now,
        List.of(Role.INDIVIDUAL), "1.2.398.3.3.2.3");
    store(applicant, "applicant", applicantKeys.getPrivate(), applicantCertificate, ca);

    store(caStore, "demo-ca", caKeys.getPrivate(), ca);
    writeAtomically(caPem, pem(ca).getBytes(StandardCharsets.US_ASCII));
    writeAtomically(applicantPem, pem(applicantCertificate).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The head of the demo legal entity, shaped as the NCA's legal-entity signing certificate: IIN in
   * SERIALNUMBER, the organisation in O, its BIN in OU, roles legal entity and first head, policy
   * 1.2.398.3.3.2.1 (legal entity signing), key usage digitalSignature + nonRepudiation.
   */
  private void issueCompany(Path company, Path companyPem, X509Certificate ca, PrivateKey caKey)
      throws GeneralSecurityException, IOException, OperatorCreationException {
    X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "ЖУМАБАЕВ НУРЛАН")
        .addRDN(BCStyle.SURNAME, "ЖУМАБАЕВ").addRDN(BCStyle.GIVENNAME, "КАСЫМОВИЧ")
        .addRDN(BCStyle.SERIALNUMBER, "IIN" + COMPANY_HEAD_IIN).addRDN(BCStyle.C, "KZ")
        .addRDN(BCStyle.O, COMPANY_NAME).addRDN(BCStyle.OU, "BIN" + COMPANY_BIN).build();
    KeyPair keys = rsa();
    X509Certificate certificate = issue(name, keys, ca, caKey, Instant.now(), List.of(Role.LEGAL_ENTITY, Role.FIRST_HEAD),
        "1.2.398.3.3.2.1");
    store(company, "company", keys.getPrivate(), certificate, ca);
    writeAtomically(companyPem, pem(certificate).getBytes(StandardCharsets.US_ASCII));
  }

  private static X509Certificate issue(X500Name subject, KeyPair keys, X509Certificate ca, PrivateKey caKey, Instant now,
      List<Role> roles, String policy) throws GeneralSecurityException, IOException, OperatorCreationException {
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))), subject, keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    // the roles, plus e-mail protection (as NCA signing certificates carry), so that a plain
    // `openssl cms -verify` (purpose smime_sign) accepts our results without -purpose any
    java.util.List<KeyPurposeId> purposes = new java.util.ArrayList<>(roles.stream()
        .map(r -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(r.oid()))).toList());
    purposes.add(KeyPurposeId.id_kp_emailProtection);
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
    builder.addExtension(Extension.certificatePolicies, false,
        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(policy))));
    builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
    builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
    return sign(builder, caKey);
  }

  private void renewCrl(Path crl, X509CertificateHolder ca, PrivateKey caKey) throws IOException, OperatorCreationException {
    Instant now = Instant.now();
    if (Files.exists(crl)) {
      X509CRLHolder existing = new X509CRLHolder(Files.readAllBytes(crl));
      if (existing.getNextUpdate() != null && existing.getNextUpdate().toInstant().isAfter(now.plus(Duration.ofDays(7)))) {
        return;
      }
    }
    X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.getSubject(), Date.from(now.minus(Duration.ofMinutes(5))));
    builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(30))));
    builder.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
    writeAtomically(crl, builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)).getEncoded());
  }

  /** The 11 given digits and the check digit that makes them a valid IIN or BIN. */
  static String complete(String elevenDigits, boolean bin) {
    for (int check = 0; check <= 9; check++) {
      String candidate = elevenDigits + check;
      if (bin ? Bin.isValid(candidate) : Iin.isValid(candidate)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(elevenDigits + " has no valid check digit");
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(96, new SecureRandom()).add(BigInteger.ONE);
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(builder.build(
        new JcaContentSignerBuilder("SHA256withRSA").build(key)));
  }

  private void store(Path file, String alias, PrivateKey key, X509Certificate... chain)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(alias, key, PASSWORD.toCharArray(), (Certificate[]) chain);
    Path temporary = Files.createTempFile(directory, alias, ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      store.store(out, PASSWORD.toCharArray());
    }
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static KeyStore load(Path file) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(file)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
    Files.write(temporary, bytes);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }
}
