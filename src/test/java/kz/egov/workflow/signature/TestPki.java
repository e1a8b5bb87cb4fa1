package kz.egov.workflow.signature;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A PKI shaped like the NCA's, built with Bouncy Castle for tests: an RSA root and intermediate, a GOST
 * 2015-512 and a GOST 2004 root, applicants with SERIALNUMBER=IIN…, OU=BIN… and the EKU roles, CRLs and an
 * OCSP responder served over real HTTP on loopback, whose answers each test can change.
 */
final class TestPki implements AutoCloseable {

  /** A key pair, RSA (JCA) or Kazakh GOST (Bouncy Castle low level). */
  record Key(SubjectPublicKeyInfo publicKey, Supplier<ContentSigner> signer, KeyPair jca, KzGost.Scheme gost) {}

  record Issued(Key key, X509CertificateHolder certificate) {}

  /** A certification authority of the test PKI, its CRL path and revocation state. */
  final class Ca {
    final String id;
    final Key key;
    final X509CertificateHolder certificate;
    final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    final Map<BigInteger, Instant> revokedInOcsp = new ConcurrentHashMap<>();
    final Set<BigInteger> neverIssued = ConcurrentHashMap.newKeySet();
    volatile boolean crlWithBadSignature;
    volatile boolean crlStale;

    Ca(String id, Key key, X509CertificateHolder certificate) {
      this.id = id;
      this.key = key;
      this.certificate = certificate;
    }

    String crlUrl() {
      return base + "/" + id + ".crl";
    }

    String ocspUrl() {
      return base + "/" + id + "/ocsp";
    }

    X500Name name() {
      return certificate.getSubject();
    }
  }

  static final String UNREACHABLE = "http://127.0.0.1:9/";
  static final SecureRandom RANDOM = new SecureRandom();

  final HttpServer server;
  final String base;
  final AtomicInteger ocspRequests = new AtomicInteger();
  final AtomicInteger crlRequests = new AtomicInteger();
  final Map<String, Ca> cas = new ConcurrentHashMap<>();
  final Ca root;
  final Ca intermediate;
  final Ca gostRoot;
  final Ca gost2004Root;
  final Issued tsa;

  TestPki() throws Exception {
    CryptoAlgorithms.init();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", this::handle);
    server.start();

    root = selfSigned("root", name("Test NCA Root (RSA)"), rsa());
    intermediate = subordinate("inter", name("Test NCA (RSA)"), rsa(), root);
    gostRoot = selfSigned("gost", name("Test NCA (GOST 2015)"), gost(KzGost.Scheme.GOST_2015_512));
    gost2004Root = selfSigned("gost2004", name("Test NCA (GOST 2004)"), gost(KzGost.Scheme.GOST_2004));
    Key tsaKey = rsa();
    X509v3CertificateBuilder tsaBuilder = builder(root, name("Test TSA"), tsaKey, Instant.now().minus(Duration.ofDays(3650)),
        Instant.now().plus(Duration.ofDays(365)));
    tsaBuilder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    tsa = new Issued(tsaKey, tsaBuilder.build(root.key.signer().get()));
  }

  TrustAnchors trust() {
    return new TrustAnchors(List.of(root.certificate, gostRoot.certificate, gost2004Root.certificate));
  }

  SignatureVerifier verifier(SignatureProperties.UnavailablePolicy policy) {
    SignatureProperties.Revocation settings = SignatureProperties.Revocation.defaults().withPolicy(policy);
    return verifier(settings);
  }

  SignatureVerifier verifier(SignatureProperties.Revocation settings) {
    Clock clock = Clock.systemUTC();
    return new SignatureVerifier(trust(), new RevocationChecker(settings,
        new RevocationFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5)), clock), clock);
  }

  // ---- keys and certificates -----------------------------------------------------------------------

  static Key rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    return new Key(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()), () -> {
      try {
        return new JcaContentSignerBuilder("SHA256withRSA").setProvider("BC").build(pair.getPrivate());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, pair, null);
  }

  static Key gost(KzGost.Scheme scheme) {
    AsymmetricCipherKeyPair pair = KzGost.generateKeyPair(scheme);
    return new Key(KzGost.encode(scheme, (ECPublicKeyParameters) pair.getPublic()),
        () -> CryptoAlgorithms.gostSigner(scheme, (ECPrivateKeyParameters) pair.getPrivate()), null, scheme);
  }

  static X500Name name(String cn) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "KZ").addRDN(BCStyle.CN, cn).build();
  }

  private Ca selfSigned(String id, X500Name name, Key key) throws Exception {
    X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, serial(),
        Date.from(Instant.now().minus(Duration.ofDays(3650))), Date.from(Instant.now().plus(Duration.ofDays(3650))),
        name, key.publicKey());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    Ca ca = new Ca(id, key, builder.build(key.signer().get()));
    cas.put(id, ca);
    return ca;
  }

  private Ca subordinate(String id, X500Name name, Key key, Ca issuer) throws Exception {
    X509v3CertificateBuilder builder = builder(issuer, name, key, Instant.now().minus(Duration.ofDays(3650)),
        Instant.now().plus(Duration.ofDays(3000)));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    builder.addExtension(Extension.cRLDistributionPoints, false, distributionPoint(issuer.crlUrl()));
    Ca ca = new Ca(id, key, builder.build(issuer.key.signer().get()));
    cas.put(id, ca);
    return ca;
  }

  private static X509v3CertificateBuilder builder(Ca issuer, X500Name subject, Key key, Instant from, Instant to) {
    return new X509v3CertificateBuilder(issuer.name(), serial(), Date.from(from), Date.from(to), subject, key.publicKey());
  }

  static BigInteger serial() {
    return new BigInteger(64, RANDOM).add(BigInteger.ONE);
  }

  static CRLDistPoint distributionPoint(String url) {
    return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url))), null, null)});
  }

  /** What an applicant certificate looks like; the defaults are a valid individual's signing certificate. */
  static final class Spec {
    String iin = "900101300126";
    String bin;
    String organisation;
    List<Role> roles = List.of(Role.INDIVIDUAL);
    Instant notBefore = Instant.now().minus(Duration.ofDays(30));
    Instant notAfter = Instant.now().plus(Duration.ofDays(365));
    boolean signing = true;
    String ocsp;
    String crl;
    KzGost.Scheme gost;

    Spec iin(String value) {
      iin = value;
      return this;
    }

    Spec legalEntity(String binValue, Role... entityRoles) {
      bin = binValue;
      organisation = "ТОО \"Тест, Ромашка\"";
      roles = new ArrayList<>(List.of(Role.LEGAL_ENTITY));
      roles.addAll(List.of(entityRoles));
      return this;
    }

    Spec valid(Instant from, Instant to) {
      notBefore = from;
      notAfter = to;
      return this;
    }

    Spec authenticationOnly() {
      signing = false;
      return this;
    }

    Spec ocsp(String url) {
      ocsp = url;
      return this;
    }

    Spec crl(String url) {
      crl = url;
      return this;
    }

    Spec gost(KzGost.Scheme scheme) {
      gost = scheme;
      return this;
    }
  }

  Issued applicant(Ca issuer, Spec spec) throws Exception {
    Key key = spec.gost == null ? rsa() : gost(spec.gost);
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.CN, "ТЕСТОВ ТЕСТ").addRDN(BCStyle.SURNAME, "ТЕСТОВ")
        .addRDN(BCStyle.SERIALNUMBER, "IIN" + spec.iin).addRDN(BCStyle.C, "KZ")
        .addRDN(BCStyle.GIVENNAME, "ТЕСТОВИЧ");
    if (spec.bin != null) {
      subject.addRDN(BCStyle.O, spec.organisation).addRDN(BCStyle.OU, "BIN" + spec.bin);
    }
    X509v3CertificateBuilder builder = builder(issuer, subject.build(), key, spec.notBefore, spec.notAfter);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(spec.signing
        ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    List<KeyPurposeId> purposes = new ArrayList<>();
    spec.roles.forEach(r -> purposes.add(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(r.oid()))));
    if (!spec.signing) {
      purposes.add(KeyPurposeId.id_kp_clientAuth);
    }
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
    if (spec.crl != null) {
      builder.addExtension(Extension.cRLDistributionPoints, false, distributionPoint(spec.crl));
    }
    if (spec.ocsp != null) {
      builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
          new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, spec.ocsp))));
    }
    return new Issued(key, builder.build(issuer.key.signer().get()));
  }

  // ---- CMS ----------------------------------------------------------------------------------------

  static byte[] sign(Issued signer, byte[] data, boolean attached, X509CertificateHolder... extraCertificates) throws Exception {
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    SignerInfoGeneratorBuilder builder = new SignerInfoGeneratorBuilder(CryptoAlgorithms.DIGESTS);
    if (signer.key().gost() != null) {
      builder.setContentDigest(signer.key().gost().digestAlgorithm());
    }
    generator.addSignerInfoGenerator(builder.build(signer.key().signer().get(), signer.certificate()));
    List<X509CertificateHolder> certificates = new ArrayList<>(List.of(signer.certificate()));
    certificates.addAll(List.of(extraCertificates));
    generator.addCertificates(new org.bouncycastle.util.CollectionStore<>(certificates));
    return generator.generate(new CMSProcessableByteArray(data), attached).getEncoded("DER");
  }

  /** Adds an RFC 3161 timestamp token of {@code genTime} from the test TSA to the (only) signer. */
  byte[] timestamp(byte[] cms, Instant genTime) throws Exception {
    CMSSignedData signed = new CMSSignedData(cms);
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    byte[] imprint = MessageDigest.getInstance("SHA-256").digest(signer.getSignature());
    TimeStampTokenGenerator generator = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
        .setProvider("BC").build("SHA256withRSA", tsa.key().jca().getPrivate(),
            new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(tsa.certificate())),
        CryptoAlgorithms.DIGESTS.get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
            org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)), new ASN1ObjectIdentifier("1.2.3.4.5"));
    generator.addCertificates(new org.bouncycastle.util.CollectionStore<>(List.of(tsa.certificate())));
    TimeStampRequestGenerator request = new TimeStampRequestGenerator();
    request.setCertReq(true);
    TimeStampToken token = generator.generate(request.generate(NISTObjectIdentifiers.id_sha256, imprint),
        BigInteger.valueOf(genTime.toEpochMilli()), Date.from(genTime));
    Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
        new DERSet(token.toCMSSignedData().toASN1Structure()));
    SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer,
        new AttributeTable(new DERSet(attribute)));
    return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped)).getEncoded("DER");
  }

  // ---- HTTP: CRLs and OCSP ------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      if (path.endsWith(".crl")) {
        crlRequests.incrementAndGet();
        Ca ca = cas.get(path.substring(1, path.length() - 4));
        body = ca == null ? null : crl(ca);
      } else if (path.endsWith("/ocsp")) {
        ocspRequests.incrementAndGet();
        Ca ca = cas.get(path.substring(1, path.length() - 5));
        body = ca == null ? null : ocsp(ca, exchange.getRequestBody().readAllBytes());
      } else {
        body = null;
      }
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (Exception e) {
      exchange.sendResponseHeaders(500, -1);
    }
  }

  byte[] crl(Ca ca) throws Exception {
    Instant now = Instant.now();
    Instant thisUpdate = ca.crlStale ? now.minus(Duration.ofDays(10)) : now.minus(Duration.ofMinutes(1));
    X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.name(), Date.from(thisUpdate));
    builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(ca.crlStale ? 1 : 7))));
    builder.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.ONE));
    ca.revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
    Key signer = ca.crlWithBadSignature ? (ca.key.gost() == null ? rsa() : gost(ca.key.gost())) : ca.key;
    return builder.build(signer.signer().get()).getEncoded();
  }

  private byte[] ocsp(Ca ca, byte[] requestBytes) throws Exception {
    OCSPReq request = new OCSPReq(requestBytes);
    BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(ca.name()));
    Date thisUpdate = Date.from(Instant.now().minus(Duration.ofMinutes(1)));
    Date nextUpdate = Date.from(Instant.now().plus(Duration.ofHours(1)));
    for (Req single : request.getRequestList()) {
      BigInteger serial = single.getCertID().getSerialNumber();
      CertificateStatus status = CertificateStatus.GOOD;
      if (ca.neverIssued.contains(serial)) {
        status = new RevokedStatus(Date.from(Instant.EPOCH), CRLReason.unspecified);
      } else if (ca.revokedInOcsp.containsKey(serial)) {
        status = new RevokedStatus(Date.from(ca.revokedInOcsp.get(serial)), CRLReason.keyCompromise);
      }
      builder.addResponse(single.getCertID(), status, thisUpdate, nextUpdate);
    }
    return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
        builder.build(ca.key.signer().get(), new X509CertificateHolder[] {ca.certificate}, new Date())).getEncoded();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
