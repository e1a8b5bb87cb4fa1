package kz.egov.workflow.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.egov.workflow.identity.Bin;
import kz.egov.workflow.identity.Iin;
import kz.egov.workflow.signature.SignatureProperties.UnavailablePolicy;
import kz.egov.workflow.signature.SignatureVerdict.Message;
import kz.egov.workflow.signature.SignatureVerdict.RevocationReport;
import kz.egov.workflow.signature.SignatureVerdict.SignerReport;
import kz.egov.workflow.signature.SignatureVerdict.SigningTimeSource;
import kz.egov.workflow.signature.SignatureVerdict.TimestampReport;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.Store;

/**
 * Verifies a CMS (PKCS#7) SignedData, attached or detached, the way the regulations demand: the signature
 * over the content, the chain to a trusted root, validity at the signing time (proven by an RFC 3161
 * timestamp, else the moment of verification), revocation, the certificate profile and the match with the
 * IIN/BIN named in the request. Never throws for bad input: everything ends up in the {@link SignatureVerdict}.
 */
public class SignatureVerifier {

  private static final int MAX_CHAIN = 10;

  private final TrustAnchors trust;
  private final RevocationChecker revocation;
  private final Clock clock;

  public SignatureVerifier(TrustAnchors trust, RevocationChecker revocation, Clock clock) {
    this.trust = trust;
    this.revocation = revocation;
    this.clock = clock;
  }

  /** Whom the request says signed it: an individual's IIN, a legal entity's BIN, or both (an employee). */
  public record Expected(Iin iin, Bin bin) {
    public static Expected none() {
      return new Expected(null, null);
    }

    public static Expected iin(Iin iin) {
      return new Expected(iin, null);
    }

    public static Expected bin(Bin bin) {
      return new Expected(null, bin);
    }
  }

  public TrustAnchors trust() {
    return trust;
  }

  public RevocationChecker revocation() {
    return revocation;
  }

  public SignatureVerdict verify(byte[] cms, byte[] detachedData, Expected expected) {
    Instant now = clock.instant();
    Expected wanted = expected == null ? Expected.none() : expected;
    CMSSignedData signed;
    boolean detached;
    try {
      if (cms == null || cms.length == 0) {
        return malformed("the signature is empty", wanted, now, false);
      }
      ContentInfo info = ContentInfo.getInstance(cms);
      if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
        return malformed("the CMS is of type " + info.getContentType() + ", not SignedData", wanted, now, false);
      }
      signed = new CMSSignedData(info);
      detached = signed.getSignedContent() == null;
      if (detached) {
        if (detachedData == null) {
          return malformed("the signature is detached: the signed data must be sent with it", wanted, now, true);
        }
        signed = new CMSSignedData(new CMSProcessableByteArray(detachedData), info);
      } else if (detachedData != null && !Arrays.equals((byte[]) signed.getSignedContent().getContent(), detachedData)) {
        return malformed("the signature carries its own content, and the data sent differs from it", wanted, now, false);
      }
    } catch (CMSException | RuntimeException e) {
      return malformed("cannot read CMS SignedData: " + rootMessage(e), wanted, now, false);
    }

    Collection<SignerInformation> signerInfos = signed.getSignerInfos().getSigners();
    if (signerInfos.isEmpty()) {
      return malformed("the SignedData has no signer", wanted, now, detached);
    }
    @SuppressWarnings("unchecked")
    Store<X509CertificateHolder> store = signed.getCertificates();
    List<X509CertificateHolder> sent = new ArrayList<>(store.getMatches(null));

    List<SignerReport> signers = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    List<Reason> warnings = new ArrayList<>();
    for (SignerInformation signer : signerInfos) {
      signers.add(verifySigner(signer, sent, now, messages, warnings));
    }
    matchIdentity(signers, wanted, messages);

    Set<Reason> reasons = new LinkedHashSet<>();
    messages.forEach(m -> reasons.add(m.code()));
    return new SignatureVerdict(reasons.isEmpty(), List.copyOf(reasons), messages, List.copyOf(new LinkedHashSet<>(warnings)),
        signers, wanted.iin() == null ? null : wanted.iin().value(), wanted.bin() == null ? null : wanted.bin().value(),
        detached, now);
  }

  private SignerReport verifySigner(SignerInformation signer, List<X509CertificateHolder> sent, Instant now,
      List<Message> verdictMessages, List<Reason> warnings) {
    List<Message> messages = new ArrayList<>();
    String signatureAlgorithm = CryptoAlgorithms.displayName(signer.toASN1Structure().getDigestEncryptionAlgorithm());
    String digestAlgorithm = CryptoAlgorithms.displayName(signer.getDigestAlgorithmID());
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> matches = sent.stream().filter(c -> signer.getSID().match(c)).toList();
    if (matches.isEmpty()) {
      messages.add(Message.of(Reason.MALFORMED, "the signer's certificate is not included in the CMS"));
      verdictMessages.addAll(messages);
      return new SignerReport(null, List.of(), signatureAlgorithm, digestAlgorithm, null, null, null, null, List.of(),
          reasons(messages));
    }
    X509CertificateHolder certificate = matches.iterator().next();
    CertificateProfile profile = CertificateProfiles.read(certificate);

    // 1. the signature over the content
    boolean signatureOk = false;
    try {
      signatureOk = signer.verify(CryptoAlgorithms.signerVerifier(certificate.getSubjectPublicKeyInfo(), null));
      if (!signatureOk) {
        messages.add(Message.of(Reason.BAD_SIGNATURE, "the signature value does not verify with the certificate's key"));
      }
    } catch (CMSSignerDigestMismatchException e) {
      messages.add(Message.of(Reason.BAD_SIGNATURE, "the content's digest differs from the signed message digest"));
    } catch (CryptoAlgorithms.UnsupportedAlgorithmException e) {
      messages.add(Message.of(Reason.UNSUPPORTED_ALGORITHM, e.getMessage()));
    } catch (CMSException e) {
      if (e.getCause() instanceof OperatorCreationException || e.getCause() instanceof CryptoAlgorithms.UnsupportedAlgorithmException) {
        messages.add(Message.of(Reason.UNSUPPORTED_ALGORITHM, signatureAlgorithm + " with " + digestAlgorithm
            + ": " + rootMessage(e)));
      } else {
        messages.add(Message.of(Reason.BAD_SIGNATURE, rootMessage(e)));
      }
    } catch (RuntimeException e) {
      messages.add(Message.of(Reason.BAD_SIGNATURE, rootMessage(e)));
    }

    // 2. the signing time: a valid timestamp proves it; otherwise validity is judged now
    Instant claimed = claimedSigningTime(signer);
    Instant signingTime = now;
    SigningTimeSource timeSource = SigningTimeSource.VERIFICATION_TIME;
    TimestampReport timestamp = null;
    Attribute tokenAttribute = signer.getUnsignedAttributes() == null ? null
        : signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (tokenAttribute != null && signatureOk) {
      try {
        timestamp = verifyTimestamp(tokenAttribute.getAttrValues().getObjectAt(0), signer.getSignature(), sent);
        signingTime = timestamp.time();
        timeSource = SigningTimeSource.TIMESTAMP;
      } catch (Exception e) {
        messages.add(Message.of(Reason.BAD_TIMESTAMP, rootMessage(e)));
      }
    }

    // 3. the chain to a trusted root, each certificate valid at the signing time
    Chain chain = buildChain(certificate, sent);
    if (chain.unsupported() != null) {
      messages.add(Message.of(Reason.UNSUPPORTED_ALGORITHM, chain.unsupported()));
    } else if (chain.problem() != null) {
      messages.add(Message.of(Reason.UNTRUSTED_CHAIN, chain.problem()));
    }
    Date at = Date.from(signingTime);
    for (X509CertificateHolder link : chain.certificates()) {
      String who = link == certificate ? "the signer's certificate" : "CA certificate " + link.getSubject();
      if (at.after(link.getNotAfter())) {
        messages.add(Message.of(Reason.EXPIRED, who + " expired on " + link.getNotAfter().toInstant()
            + ", before " + signingTime + " (" + timeSource + ")"));
      } else if (at.before(link.getNotBefore())) {
        messages.add(Message.of(Reason.NOT_YET_VALID, who + " is valid from " + link.getNotBefore().toInstant()
            + ", after " + signingTime + " (" + timeSource + ")"));
      }
    }

    // 4. revocation of every certificate below the root; pointless (and a needless outbound call) when
    //    the signature or the chain already failed
    List<RevocationReport> revocations = new ArrayList<>();
    if (signatureOk && chain.trusted()) {
      List<X509CertificateHolder> links = chain.certificates();
      for (int i = 0; i + 1 < links.size(); i++) {
        RevocationReport report = revocation.check(links.get(i), links.get(i + 1));
        revocations.add(report);
        judgeRevocation(report, links.get(i) == certificate, signingTime, timeSource, messages, warnings);
      }
    }

    // 5. a signing certificate, not an authentication one
    if (!profile.signing()) {
      messages.add(Message.of(Reason.NOT_A_SIGNING_CERTIFICATE, "key usage lacks nonRepudiation"));
    }

    verdictMessages.addAll(messages);
    return new SignerReport(profile, chain.certificates().stream().map(c -> c.getSubject().toString()).toList(),
        signatureAlgorithm, digestAlgorithm, signingTime, timeSource, claimed, timestamp, revocations, reasons(messages));
  }

  private void judgeRevocation(RevocationReport report, boolean signerCertificate, Instant signingTime,
      SigningTimeSource timeSource, List<Message> messages, List<Reason> warnings) {
    String who = signerCertificate ? "the signer's certificate" : "CA certificate " + report.certificate();
    switch (report.status()) {
      case GOOD -> { }
      case REVOKED -> {
        // a certificate revoked after a timestamped signature does not void that signature
        if (timeSource == SigningTimeSource.TIMESTAMP && report.revokedAt() != null
            && report.revokedAt().isAfter(signingTime)) {
          return;
        }
        messages.add(Message.of(Reason.REVOKED, who + " was revoked on " + report.revokedAt()
            + (report.revocationReason() == null ? "" : " (" + report.revocationReason() + ")") + " according to "
            + report.source() + " " + report.url()));
      }
      case NOT_ISSUED -> messages.add(Message.of(Reason.REVOCATION_UNKNOWN, "the OCSP responder " + report.url()
          + " says " + who + " was never issued (revoked on 1970-01-01)"));
      case UNAVAILABLE -> {
        String detail = who + ": " + String.join("; ", report.problems());
        if (revocation.settings().onUnavailable() == UnavailablePolicy.REFUSE) {
          messages.add(Message.of(Reason.REVOCATION_UNKNOWN, detail));
        } else {
          warnings.add(Reason.REVOCATION_UNKNOWN);
        }
      }
      default -> throw new IllegalStateException(report.status().name());
    }
  }

  private void matchIdentity(List<SignerReport> signers, Expected expected, List<Message> messages) {
    List<CertificateProfile> profiles = signers.stream().map(SignerReport::certificate)
        .filter(java.util.Objects::nonNull).toList();
    if (profiles.isEmpty()) {
      return;
    }
    if (expected.iin() != null && profiles.stream().noneMatch(p -> expected.iin().value().equals(p.iin()))) {
      messages.add(Message.of(Reason.IIN_MISMATCH, "the request names IIN " + expected.iin() + ", the certificate carries "
          + (profiles.get(0).iin() == null ? "no IIN" : "IIN " + profiles.get(0).iin())));
    }
    if (expected.bin() != null) {
      List<CertificateProfile> ofEntity = profiles.stream().filter(p -> expected.bin().value().equals(p.bin())).toList();
      if (ofEntity.isEmpty()) {
        messages.add(Message.of(Reason.BIN_MISMATCH, "the request names BIN " + expected.bin() + ", the certificate carries "
            + (profiles.get(0).bin() == null ? "no BIN (an individual's certificate)" : "BIN " + profiles.get(0).bin())));
      } else if (ofEntity.stream().noneMatch(p -> p.roles().stream().anyMatch(Role::maySignForLegalEntity))) {
        messages.add(Message.of(Reason.NOT_AUTHORISED_TO_SIGN, "the certificate's roles are " + ofEntity.get(0).roles()
            + "; signing for BIN " + expected.bin() + " needs FIRST_HEAD or MAY_SIGN"));
      }
    }
  }

  // ---- timestamp ----------------------------------------------------------------------------------

  private TimestampReport verifyTimestamp(ASN1Encodable value, byte[] signatureValue, List<X509CertificateHolder> sent)
      throws Exception {
    TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(value));
    TimeStampTokenInfo info = token.getTimeStampInfo();
    DigestCalculator digest = CryptoAlgorithms.DIGESTS.get(info.getHashAlgorithm());
    digest.getOutputStream().write(signatureValue);
    if (!Arrays.equals(digest.getDigest(), info.getMessageImprintDigest())) {
      throw new IllegalStateException("the timestamp is not over this signature (message imprint differs)");
    }
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> tsaCertificates = token.getCertificates().getMatches(token.getSID());
    List<X509CertificateHolder> pool = new ArrayList<>(sent);
    pool.addAll(token.getCertificates().getMatches(null));
    pool.addAll(trust.intermediates());
    X509CertificateHolder tsa = tsaCertificates.isEmpty()
        ? pool.stream().filter(c -> token.getSID().match(c)).findFirst().orElseThrow(() ->
            new IllegalStateException("the timestamp authority's certificate (" + token.getSID().getIssuer() + ", serial "
                + token.getSID().getSerialNumber() + ") is neither in the token nor in the trust store"))
        : tsaCertificates.iterator().next();
    // checks the token's signature, that the TSA certificate was valid at genTime and has the timeStamping purpose
    token.validate(CryptoAlgorithms.signerVerifier(tsa.getSubjectPublicKeyInfo(), tsa));
    Chain chain = buildChain(tsa, pool);
    if (!chain.trusted()) {
      throw new IllegalStateException("the timestamp authority is not trusted: "
          + (chain.problem() != null ? chain.problem() : chain.unsupported()));
    }
    return new TimestampReport(info.getGenTime().toInstant(), tsa.getSubject().toString(),
        info.getSerialNumber().toString(16), CryptoAlgorithms.displayName(info.getHashAlgorithm()));
  }

  private static Instant claimedSigningTime(SignerInformation signer) {
    AttributeTable attributes = signer.getSignedAttributes();
    Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
    if (attribute == null) {
      return null;
    }
    try {
      return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  // ---- chain --------------------------------------------------------------------------------------

  private record Chain(List<X509CertificateHolder> certificates, boolean trusted, String problem, String unsupported) {}

  /** From the certificate up, through certificates sent with the signature or configured, to a trusted root. */
  private Chain buildChain(X509CertificateHolder leaf, List<X509CertificateHolder> sent) {
    List<X509CertificateHolder> chain = new ArrayList<>();
    chain.add(leaf);
    X509CertificateHolder current = leaf;
    List<X509CertificateHolder> candidates = new ArrayList<>(trust.roots());
    candidates.addAll(trust.intermediates());
    candidates.addAll(sent);
    String unsupported = null;
    for (int depth = 0; depth < MAX_CHAIN; depth++) {
      if (trust.isRoot(current)) {
        return new Chain(chain, true, null, null);
      }
      X509CertificateHolder issuer = null;
      for (X509CertificateHolder candidate : candidates) {
        if (!candidate.getSubject().equals(current.getIssuer()) || candidate.equals(current) || chain.contains(candidate)
            && !trust.isRoot(candidate)) {
          continue;
        }
        try {
          if (current.isSignatureValid(CryptoAlgorithms.verifierProvider(candidate))) {
            issuer = candidate;
            break;
          }
        } catch (CryptoAlgorithms.UnsupportedAlgorithmException e) {
          unsupported = "certificate " + current.getSubject() + ": " + e.getMessage();
        } catch (Exception e) {
          if (rootMessage(e).contains("cannot verify") || e.getCause() instanceof OperatorCreationException) {
            unsupported = "certificate " + current.getSubject() + " is signed with "
                + CryptoAlgorithms.displayName(current.getSignatureAlgorithm()) + ": " + rootMessage(e);
          }
        }
      }
      if (issuer == null) {
        if (unsupported != null) {
          return new Chain(chain, false, null, unsupported);
        }
        String problem = TrustAnchors.selfSigned(current)
            ? "the chain ends at " + current.getSubject() + ", which is not a trusted root"
            : "no trusted issuer " + current.getIssuer() + " found for " + current.getSubject();
        return new Chain(chain, false, problem, null);
      }
      if (!trust.isRoot(issuer) && !isCa(issuer)) {
        chain.add(issuer);
        return new Chain(chain, false, issuer.getSubject() + " is not a certification authority", null);
      }
      chain.add(issuer);
      current = issuer;
    }
    return new Chain(chain, false, "the chain is longer than " + MAX_CHAIN + " certificates", null);
  }

  private static boolean isCa(X509CertificateHolder certificate) {
    BasicConstraints constraints = certificate.getExtensions() == null ? null
        : BasicConstraints.fromExtensions(certificate.getExtensions());
    return constraints != null && constraints.isCA();
  }

  // ---- helpers ------------------------------------------------------------------------------------

  private static SignatureVerdict malformed(String detail, Expected expected, Instant now, boolean detached) {
    return new SignatureVerdict(false, List.of(Reason.MALFORMED), List.of(Message.of(Reason.MALFORMED, detail)),
        List.of(), List.of(), expected.iin() == null ? null : expected.iin().value(),
        expected.bin() == null ? null : expected.bin().value(), detached, now);
  }

  private static List<Reason> reasons(List<Message> messages) {
    return List.copyOf(new LinkedHashSet<>(messages.stream().map(Message::code).toList()));
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (t != e && e.getMessage() != null && !e.getMessage().equals(message)) {
      message = e.getMessage() + " (" + message + ")";
    }
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }

}
