package kz.egov.workflow.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.egov.workflow.signature.SignatureVerdict.RevocationReport;
import kz.egov.workflow.signature.SignatureVerdict.RevocationSource;
import kz.egov.workflow.signature.SignatureVerdict.RevocationStatus;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.util.encoders.Hex;

/**
 * Is a certificate revoked? Asks OCSP first, then CRLs (with delta CRLs), at addresses from the certificate
 * and from configuration. Every answer's own signature is checked (by the issuing CA, or by an OCSP
 * responder certificate the CA issued for that purpose), and its freshness (nextUpdate). Answers are kept
 * in a bounded cache until their nextUpdate. When nothing usable answers, the report says UNAVAILABLE
 * and lists every problem met; what that means for the verdict is the caller's policy.
 */
public class RevocationChecker {

  private static final int NOT_ISSUED_YEAR = 1970;

  private final SignatureProperties.Revocation settings;
  private final RevocationFetcher fetcher;
  private final Clock clock;
  private final BoundedCache<String, VerifiedCrl> crls;
  private final BoundedCache<String, OcspAnswer> ocspAnswers;
  private final BoundedCache<String, X509CRLHolder> downloads;

  public RevocationChecker(SignatureProperties.Revocation settings, RevocationFetcher fetcher, Clock clock) {
    this.settings = settings;
    this.fetcher = fetcher;
    this.clock = clock;
    this.crls = new BoundedCache<>(settings.cacheSize(), clock);
    this.ocspAnswers = new BoundedCache<>(settings.cacheSize(), clock);
    this.downloads = new BoundedCache<>(settings.cacheSize(), clock);
  }

  public SignatureProperties.Revocation settings() {
    return settings;
  }

  /** Forgets every cached answer. */
  public void clearCache() {
    crls.clear();
    ocspAnswers.clear();
    downloads.clear();
  }

  /** A verified CRL, indexed by serial number (NCA CRLs have many entries). */
  private record VerifiedCrl(String url, X509CRLHolder crl, BigInteger number, Map<BigInteger, X509CRLEntryHolder> entries,
      List<String> deltaUrls) {}

  private record OcspAnswer(String url, RevocationStatus status, Instant revokedAt, String reason, Instant thisUpdate,
      Instant nextUpdate) {}

  public RevocationReport check(X509CertificateHolder certificate, X509CertificateHolder issuer) {
    String subject = certificate.getSubject().toString();
    List<String> problems = new ArrayList<>();
    List<String> ocspUrls = new ArrayList<>();
    List<String> crlUrls = new ArrayList<>();
    List<String> deltaUrls = new ArrayList<>();
    if (settings.useCertificateAddresses()) {
      ocspUrls.addAll(ocspAddresses(certificate.getExtensions()));
      crlUrls.addAll(distributionPoints(certificate.getExtensions(), Extension.cRLDistributionPoints));
      deltaUrls.addAll(distributionPoints(certificate.getExtensions(), Extension.freshestCRL));
    }
    ocspUrls.addAll(settings.ocspUrls());
    crlUrls.addAll(settings.crlUrls());
    deltaUrls.addAll(settings.deltaCrlUrls());

    for (String url : new LinkedHashSet<>(ocspUrls)) {
      RevocationReport report = askOcsp(url, certificate, issuer, subject, problems);
      if (report != null) {
        return report;
      }
    }
    for (String url : new LinkedHashSet<>(crlUrls)) {
      RevocationReport report = consultCrl(url, deltaUrls, certificate, issuer, subject, problems);
      if (report != null) {
        return report;
      }
    }
    if (ocspUrls.isEmpty() && crlUrls.isEmpty()) {
      problems.add("no OCSP or CRL address in the certificate or the configuration");
    }
    return new RevocationReport(subject, RevocationStatus.UNAVAILABLE, RevocationSource.NONE, null, null, null, null,
        null, false, problems);
  }

  // ---- OCSP ---------------------------------------------------------------------------------------

  private RevocationReport askOcsp(String url, X509CertificateHolder certificate, X509CertificateHolder issuer,
      String subject, List<String> problems) {
    try {
      DigestCalculator sha1 = CryptoAlgorithms.DIGESTS.get(CertificateID.HASH_SHA1);
      CertificateID id = new CertificateID(sha1, issuer, certificate.getSerialNumber());
      String key = url + "|" + Hex.toHexString(id.toASN1Primitive().getEncoded());
      OcspAnswer cached = ocspAnswers.get(key);
      boolean fromCache = cached != null;
      OcspAnswer answer = fromCache ? cached : fetchOcsp(url, id, issuer);
      if (answer.status() == RevocationStatus.UNAVAILABLE) {
        problems.add("OCSP " + url + ": the responder does not know the certificate (status unknown)");
        return null;
      }
      if (!fromCache) {
        Instant until = clock.instant().plus(settings.ocspCacheTime());
        if (answer.nextUpdate() != null && answer.nextUpdate().isBefore(until)) {
          until = answer.nextUpdate();
        }
        ocspAnswers.put(key, answer, until);
      }
      return new RevocationReport(subject, answer.status(), RevocationSource.OCSP, url, answer.revokedAt(),
          answer.reason(), answer.thisUpdate(), answer.nextUpdate(), fromCache, problems);
    } catch (IOException e) {
      problems.add("OCSP " + url + " unreachable: " + e.getMessage());
    } catch (Exception e) {
      problems.add("OCSP " + url + ": " + e.getMessage());
    }
    return null;
  }

  private OcspAnswer fetchOcsp(String url, CertificateID id, X509CertificateHolder issuer) throws Exception {
    byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
    OCSPResp response = new OCSPResp(fetcher.postOcsp(url, request));
    if (response.getStatus() != OCSPResp.SUCCESSFUL) {
      throw new IllegalStateException("responder status " + response.getStatus() + " (not successful)");
    }
    if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
      throw new IllegalStateException("not a basic OCSP response");
    }
    X509CertificateHolder signer = ocspSigner(basic, issuer);
    if (!basic.isSignatureValid(CryptoAlgorithms.verifierProvider(signer))) {
      throw new IllegalStateException("the answer's signature is not valid");
    }
    for (SingleResp single : basic.getResponses()) {
      CertificateID answered = single.getCertID();
      if (!answered.getSerialNumber().equals(id.getSerialNumber())
          || !answered.matchesIssuer(issuer, CryptoAlgorithms.DIGESTS)) {
        continue;
      }
      Instant thisUpdate = single.getThisUpdate().toInstant();
      Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
      checkFreshness(thisUpdate, nextUpdate, true);
      CertificateStatus status = single.getCertStatus();
      if (status == CertificateStatus.GOOD) {
        return new OcspAnswer(url, RevocationStatus.GOOD, null, null, thisUpdate, nextUpdate);
      }
      if (status instanceof RevokedStatus revoked) {
        Instant at = revoked.getRevocationTime().toInstant();
        String reason = revoked.hasRevocationReason() ? reasonName(revoked.getRevocationReason()) : null;
        // the NCA's responder answers "revoked on 1970-01-01" for serial numbers it never issued
        RevocationStatus verdict = LocalDate.ofInstant(at, ZoneOffset.UTC).getYear() == NOT_ISSUED_YEAR
            ? RevocationStatus.NOT_ISSUED : RevocationStatus.REVOKED;
        return new OcspAnswer(url, verdict, at, reason, thisUpdate, nextUpdate);
      }
      if (status instanceof UnknownStatus) {
        return new OcspAnswer(url, RevocationStatus.UNAVAILABLE, null, null, thisUpdate, nextUpdate);
      }
    }
    throw new IllegalStateException("the answer is not about the certificate asked for");
  }

  /** The CA itself, or a responder certificate the CA issued with the OCSP-signing purpose. */
  private X509CertificateHolder ocspSigner(BasicOCSPResp response, X509CertificateHolder issuer) throws Exception {
    ResponderID responder = response.getResponderId().toASN1Primitive();
    if (responderIs(responder, issuer)) {
      return issuer;
    }
    for (X509CertificateHolder candidate : response.getCerts()) {
      if (!responderIs(responder, candidate)) {
        continue;
      }
      if (!candidate.getIssuer().equals(issuer.getSubject())
          || !candidate.isSignatureValid(CryptoAlgorithms.verifierProvider(issuer))) {
        throw new IllegalStateException("the responder certificate " + candidate.getSubject()
            + " is not issued by " + issuer.getSubject());
      }
      ExtendedKeyUsage eku = candidate.getExtensions() == null ? null
          : ExtendedKeyUsage.fromExtensions(candidate.getExtensions());
      if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
        throw new IllegalStateException("the responder certificate " + candidate.getSubject()
            + " lacks the OCSP-signing purpose");
      }
      if (!candidate.isValidOn(java.util.Date.from(clock.instant()))) {
        throw new IllegalStateException("the responder certificate " + candidate.getSubject() + " is not valid now");
      }
      return candidate;
    }
    throw new IllegalStateException("the answer is signed by neither the CA nor a responder it authorised");
  }

  private static boolean responderIs(ResponderID responder, X509CertificateHolder certificate) throws Exception {
    if (responder.getName() != null) {
      return responder.getName().equals(certificate.getSubject());
    }
    byte[] keyHash = responder.getKeyHash();
    DigestCalculator sha1 = CryptoAlgorithms.DIGESTS.get(CertificateID.HASH_SHA1);
    sha1.getOutputStream().write(certificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes());
    return Arrays.equals(keyHash, sha1.getDigest());
  }

  // ---- CRL ----------------------------------------------------------------------------------------

  private RevocationReport consultCrl(String url, List<String> configuredDeltas, X509CertificateHolder certificate,
      X509CertificateHolder issuer, String subject, List<String> problems) {
    VerifiedCrl base;
    boolean fromCache;
    String key = url + "|" + issuer.getSubject() + "|" + issuer.getSerialNumber();
    try {
      base = crls.get(key);
      fromCache = base != null;
      if (base == null) {
        X509CRLHolder crl = downloadCrl(url);
        if (!crl.getIssuer().equals(issuer.getSubject())) {
          // a configured CRL of another CA: not a problem, just not this certificate's
          if (!settings.crlUrls().contains(url)) {
            problems.add("CRL " + url + " is issued by " + crl.getIssuer() + ", not by " + issuer.getSubject());
          }
          return null;
        }
        if (crl.getExtension(Extension.deltaCRLIndicator) != null) {
          problems.add("CRL " + url + " is a delta CRL, not a base CRL");
          return null;
        }
        base = verify(url, crl, issuer);
        crls.put(key, base, crl.getNextUpdate().toInstant());
      }
    } catch (IOException e) {
      problems.add("CRL " + url + " unreachable: " + e.getMessage());
      return null;
    } catch (Exception e) {
      problems.add("CRL " + url + ": " + e.getMessage());
      return null;
    }

    BigInteger serial = certificate.getSerialNumber();
    X509CRLEntryHolder entry = base.entries().get(serial);
    boolean revoked = entry != null && !isRemoveFromCrl(entry);
    Instant revokedAt = revoked ? entry.getRevocationDate().toInstant() : null;
    String reason = revoked ? entryReason(entry) : null;
    String usedUrl = url;
    Instant thisUpdate = base.crl().getThisUpdate().toInstant();
    Instant nextUpdate = base.crl().getNextUpdate().toInstant();

    // delta CRLs: the base's freshest-CRL pointer, the certificate's, and configured ones
    Set<String> deltas = new LinkedHashSet<>(base.deltaUrls());
    deltas.addAll(configuredDeltas);
    for (String deltaUrl : deltas) {
      try {
        String deltaKey = deltaUrl + "|delta|" + key;
        VerifiedCrl delta = crls.get(deltaKey);
        if (delta == null) {
          X509CRLHolder crl = downloadCrl(deltaUrl);
          if (!crl.getIssuer().equals(issuer.getSubject())) {
            continue;
          }
          Extension indicator = crl.getExtension(Extension.deltaCRLIndicator);
          if (indicator == null) {
            problems.add("delta CRL " + deltaUrl + " has no delta CRL indicator");
            continue;
          }
          delta = verify(deltaUrl, crl, issuer);
          BigInteger baseNumber = ASN1Integer.getInstance(indicator.getParsedValue()).getValue();
          if (base.number() != null && baseNumber.compareTo(base.number()) > 0) {
            problems.add("delta CRL " + deltaUrl + " needs base CRL number " + baseNumber + ", have " + base.number());
            continue;
          }
          crls.put(deltaKey, delta, crl.getNextUpdate().toInstant());
        }
        X509CRLEntryHolder deltaEntry = delta.entries().get(serial);
        if (deltaEntry != null) {
          if (isRemoveFromCrl(deltaEntry)) {
            revoked = false;
            revokedAt = null;
            reason = null;
          } else {
            revoked = true;
            revokedAt = deltaEntry.getRevocationDate().toInstant();
            reason = entryReason(deltaEntry);
          }
          usedUrl = url + " + " + deltaUrl;
        }
        thisUpdate = delta.crl().getThisUpdate().toInstant();
        nextUpdate = delta.crl().getNextUpdate().toInstant();
      } catch (IOException e) {
        problems.add("delta CRL " + deltaUrl + " unreachable (the base CRL is fresh and used): " + e.getMessage());
      } catch (Exception e) {
        problems.add("delta CRL " + deltaUrl + " not used: " + e.getMessage());
      }
    }
    return new RevocationReport(subject, revoked ? RevocationStatus.REVOKED : RevocationStatus.GOOD,
        RevocationSource.CRL, usedUrl, revokedAt, reason, thisUpdate, nextUpdate, fromCache, problems);
  }

  /** Downloads are kept until the CRL's nextUpdate, so that configured CRLs of other CAs are not fetched each time. */
  private X509CRLHolder downloadCrl(String url) throws IOException {
    X509CRLHolder cached = downloads.get(url);
    if (cached != null) {
      return cached;
    }
    X509CRLHolder crl = parseCrl(fetcher.get(url, settings.maxCrlBytes()));
    if (crl.getNextUpdate() != null) {
      downloads.put(url, crl, crl.getNextUpdate().toInstant());
    }
    return crl;
  }

  private static X509CRLHolder parseCrl(byte[] bytes) {
    try {
      if (bytes.length > 0 && bytes[0] == '-') {
        try (PEMParser pem = new PEMParser(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII))) {
          Object object = pem.readObject();
          if (object instanceof X509CRLHolder holder) {
            return holder;
          }
          throw new IllegalArgumentException("no CRL in the PEM file");
        }
      }
      return new X509CRLHolder(bytes);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a CRL (" + e.getMessage() + ")", e);
    }
  }

  private VerifiedCrl verify(String url, X509CRLHolder crl, X509CertificateHolder issuer) throws Exception {
    boolean signatureValid;
    try {
      signatureValid = crl.isSignatureValid(CryptoAlgorithms.verifierProvider(issuer));
    } catch (Exception e) {
      signatureValid = false;
    }
    if (!signatureValid) {
      throw new IllegalStateException("the CRL's signature is not valid for " + issuer.getSubject());
    }
    if (crl.getNextUpdate() == null) {
      throw new IllegalStateException("the CRL has no nextUpdate");
    }
    checkFreshness(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant(), false);
    Map<BigInteger, X509CRLEntryHolder> entries = new HashMap<>();
    for (Object entry : crl.getRevokedCertificates()) {
      X509CRLEntryHolder revoked = (X509CRLEntryHolder) entry;
      entries.put(revoked.getSerialNumber(), revoked);
    }
    Extension numberExtension = crl.getExtension(Extension.cRLNumber);
    BigInteger number = numberExtension == null ? null
        : CRLNumber.getInstance(numberExtension.getParsedValue()).getCRLNumber();
    Extensions extensions = crl.getExtensions();
    List<String> deltaUrls = settings.useCertificateAddresses() ? distributionPoints(extensions, Extension.freshestCRL)
        : List.of();
    return new VerifiedCrl(url, crl, number, entries, deltaUrls);
  }

  private void checkFreshness(Instant thisUpdate, Instant nextUpdate, boolean ocsp) {
    Instant now = clock.instant();
    if (thisUpdate.isAfter(now.plus(settings.clockSkew()))) {
      throw new IllegalStateException("the answer is dated " + thisUpdate + ", in the future");
    }
    if (nextUpdate != null) {
      if (nextUpdate.isBefore(now.minus(settings.clockSkew()))) {
        throw new IllegalStateException("the answer is stale: its nextUpdate " + nextUpdate + " has passed");
      }
    } else if (ocsp && thisUpdate.isBefore(now.minus(settings.maxAnswerAge()))) {
      throw new IllegalStateException("the answer of " + thisUpdate + " is older than " + settings.maxAnswerAge());
    }
  }

  private static boolean isRemoveFromCrl(X509CRLEntryHolder entry) {
    Extension reason = entry.getExtensions() == null ? null : entry.getExtensions().getExtension(Extension.reasonCode);
    return reason != null && CRLReason.getInstance(reason.getParsedValue()).getValue().intValue() == CRLReason.removeFromCRL;
  }

  private static String entryReason(X509CRLEntryHolder entry) {
    Extension reason = entry.getExtensions() == null ? null : entry.getExtensions().getExtension(Extension.reasonCode);
    return reason == null ? null : reasonName(CRLReason.getInstance(reason.getParsedValue()).getValue().intValue());
  }

  private static String reasonName(int code) {
    return switch (code) {
      case CRLReason.keyCompromise -> "keyCompromise";
      case CRLReason.cACompromise -> "cACompromise";
      case CRLReason.affiliationChanged -> "affiliationChanged";
      case CRLReason.superseded -> "superseded";
      case CRLReason.cessationOfOperation -> "cessationOfOperation";
      case CRLReason.certificateHold -> "certificateHold";
      case CRLReason.privilegeWithdrawn -> "privilegeWithdrawn";
      case CRLReason.aACompromise -> "aACompromise";
      default -> "unspecified";
    };
  }

  // ---- addresses ----------------------------------------------------------------------------------

  static List<String> ocspAddresses(Extensions extensions) {
    List<String> urls = new ArrayList<>();
    AuthorityInformationAccess aia = extensions == null ? null : AuthorityInformationAccess.fromExtensions(extensions);
    if (aia != null) {
      for (AccessDescription description : aia.getAccessDescriptions()) {
        if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
          uri(description.getAccessLocation(), urls);
        }
      }
    }
    return urls;
  }

  static List<String> distributionPoints(Extensions extensions, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
    List<String> urls = new ArrayList<>();
    Extension extension = extensions == null ? null : extensions.getExtension(type);
    if (extension == null) {
      return urls;
    }
    for (DistributionPoint point : CRLDistPoint.getInstance(extension.getParsedValue()).getDistributionPoints()) {
      DistributionPointName name = point.getDistributionPoint();
      if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
        for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
          uri(general, urls);
        }
      }
    }
    return urls;
  }

  private static void uri(GeneralName name, List<String> urls) {
    if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
      urls.add(name.getName().toString());
    }
  }
}
