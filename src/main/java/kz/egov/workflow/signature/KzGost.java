package kz.egov.workflow.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cryptopro.ECGOST3410NamedCurves;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.GOST3411Digest;
import org.bouncycastle.crypto.digests.GOST3411_2012_256Digest;
import org.bouncycastle.crypto.digests.GOST3411_2012_512Digest;
import org.bouncycastle.crypto.engines.GOST28147Engine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECGOST3410Signer;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The Kazakh GOST algorithms (GOST 34.310-2004 and GOST 34.310-2015, with the hashes GOST 34.311-95 and
 * GOST 34.311-2015) under their national OIDs (1.2.398.3.10...), mapped onto Bouncy Castle's low-level
 * classes: the curves are the CryptoPro/TC26 ones, the 2004 hash is {@link GOST3411Digest} with the
 * "D-TEST" S-box, the 2015 hashes are Streebog.
 *
 * <p>Bouncy Castle's JCA provider does not know these OIDs ({@code getPublicKey()} is null for such a
 * certificate), so signatures are checked here with {@link ECGOST3410Signer}. On the wire the signature
 * is r‖s and the public key x‖y, each number little-endian (the byte-reverse of RFC 4491's s‖r).
 */
public final class KzGost {

  /** One Kazakh GOST variant: its OIDs and the Bouncy Castle parts it maps onto. */
  public enum Scheme {
    GOST_2004("GOST 34.310-2004", "1.2.398.3.10.1.1.1.2", "1.2.398.3.10.1.1.1.1", "1.2.398.3.10.1.1.1.1.1",
        "1.2.398.3.10.1.3.1", "GostR3410-2001-CryptoPro-A", () -> new GOST3411Digest(GOST28147Engine.getSBox("D-TEST"))),
    GOST_2015_256("GOST 34.310-2015 (256)", "1.2.398.3.10.1.1.2.3.1", "1.2.398.3.10.1.1.2.1", "1.2.398.3.10.1.1.2.1.1",
        "1.2.398.3.10.1.3.2", "Tc26-Gost-3410-12-256-paramSetA", GOST3411_2012_256Digest::new),
    GOST_2015_512("GOST 34.310-2015 (512)", "1.2.398.3.10.1.1.2.3.2", "1.2.398.3.10.1.1.2.2", "1.2.398.3.10.1.1.2.2.1",
        "1.2.398.3.10.1.3.3", "Tc26-Gost-3410-12-512-paramSetA", GOST3411_2012_512Digest::new);

    private final String displayName;
    private final ASN1ObjectIdentifier signatureOid;
    private final ASN1ObjectIdentifier keyOid;
    private final ASN1ObjectIdentifier curveOid;
    private final ASN1ObjectIdentifier digestOid;
    private final String bcCurveName;
    private final Supplier<Digest> digest;
    private final ECDomainParameters domain;

    Scheme(String displayName, String signatureOid, String keyOid, String curveOid, String digestOid,
        String bcCurveName, Supplier<Digest> digest) {
      this.displayName = displayName;
      this.signatureOid = new ASN1ObjectIdentifier(signatureOid);
      this.keyOid = new ASN1ObjectIdentifier(keyOid);
      this.curveOid = new ASN1ObjectIdentifier(curveOid);
      this.digestOid = new ASN1ObjectIdentifier(digestOid);
      this.bcCurveName = bcCurveName;
      this.digest = digest;
      X9ECParameters x9 = ECGOST3410NamedCurves.getByNameX9(bcCurveName);
      this.domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
    }

    public String displayName() {
      return displayName;
    }

    public ASN1ObjectIdentifier signatureOid() {
      return signatureOid;
    }

    public ASN1ObjectIdentifier keyOid() {
      return keyOid;
    }

    public ASN1ObjectIdentifier digestOid() {
      return digestOid;
    }

    public AlgorithmIdentifier signatureAlgorithm() {
      return new AlgorithmIdentifier(signatureOid);
    }

    public AlgorithmIdentifier digestAlgorithm() {
      return new AlgorithmIdentifier(digestOid);
    }

    public Digest newDigest() {
      return digest.get();
    }

    public ECDomainParameters domain() {
      return domain;
    }

    int fieldBytes() {
      return (domain.getCurve().getFieldSize() + 7) / 8;
    }
  }

  private KzGost() {}

  /** The scheme of a signature, key or digest OID, if it is one of the Kazakh GOST ones. */
  public static Optional<Scheme> byAnyOid(ASN1ObjectIdentifier oid) {
    for (Scheme scheme : Scheme.values()) {
      if (scheme.signatureOid.equals(oid) || scheme.keyOid.equals(oid) || scheme.digestOid.equals(oid)) {
        return Optional.of(scheme);
      }
    }
    return Optional.empty();
  }

  public static Optional<Scheme> byDigestOid(ASN1ObjectIdentifier oid) {
    return Arrays.stream(Scheme.values()).filter(s -> s.digestOid.equals(oid)).findFirst();
  }

  public static boolean isGostKey(SubjectPublicKeyInfo key) {
    return Arrays.stream(Scheme.values()).anyMatch(s -> s.keyOid.equals(key.getAlgorithm().getAlgorithm()));
  }

  /** The scheme of a public key: from its algorithm OID, cross-checked with its curve parameter when present. */
  public static Scheme schemeOf(SubjectPublicKeyInfo key) {
    Scheme scheme = Arrays.stream(Scheme.values())
        .filter(s -> s.keyOid.equals(key.getAlgorithm().getAlgorithm())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a Kazakh GOST key: " + key.getAlgorithm().getAlgorithm()));
    ASN1ObjectIdentifier curve = curveOf(key.getAlgorithm().getParameters());
    if (curve != null && !curve.equals(scheme.curveOid)) {
      throw new IllegalArgumentException("GOST key " + scheme.keyOid + " names the unknown curve " + curve);
    }
    return scheme;
  }

  /** Key parameters are a curve OID or a SEQUENCE starting with one (RFC 4491 style). */
  private static ASN1ObjectIdentifier curveOf(ASN1Encodable parameters) {
    if (parameters instanceof ASN1ObjectIdentifier oid) {
      return oid;
    }
    if (parameters instanceof ASN1Sequence seq && seq.size() > 0
        && seq.getObjectAt(0) instanceof ASN1ObjectIdentifier oid) {
      return oid;
    }
    return null;
  }

  public static ECPublicKeyParameters publicKey(SubjectPublicKeyInfo key) {
    Scheme scheme = schemeOf(key);
    ECDomainParameters domain = scheme.domain();
    byte[] raw = key.getPublicKeyData().getOctets();
    try {
      ASN1Primitive inner = ASN1Primitive.fromByteArray(raw);
      if (inner instanceof ASN1OctetString octets) {
        raw = octets.getOctets();
      }
    } catch (IOException | RuntimeException notWrapped) {
      // some encoders put x‖y straight into the BIT STRING
    }
    int half = scheme.fieldBytes();
    if (raw.length != 2 * half) {
      throw new IllegalArgumentException(scheme.displayName + " public key has " + raw.length
          + " bytes, expected " + 2 * half);
    }
    ECPoint point = domain.getCurve().createPoint(littleEndian(raw, 0, half), littleEndian(raw, half, half));
    if (!point.isValid()) {
      throw new IllegalArgumentException(scheme.displayName + " public key is not a point of its curve");
    }
    return new ECPublicKeyParameters(point, domain);
  }

  public static SubjectPublicKeyInfo encode(Scheme scheme, ECPublicKeyParameters key) {
    int half = scheme.fieldBytes();
    ECPoint q = key.getQ().normalize();
    byte[] xy = new byte[2 * half];
    putLittleEndian(q.getAffineXCoord().toBigInteger(), xy, 0, half);
    putLittleEndian(q.getAffineYCoord().toBigInteger(), xy, half, half);
    AlgorithmIdentifier algorithm = new AlgorithmIdentifier(scheme.keyOid,
        new DERSequence(new ASN1Encodable[] {scheme.curveOid, scheme.digestOid}));
    try {
      return new SubjectPublicKeyInfo(algorithm, new DEROctetString(xy));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] digest(Scheme scheme, byte[] data) {
    Digest digest = scheme.newDigest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  /** Verifies a signature (r‖s little-endian) over {@code data}, hashing it with the scheme's hash. */
  public static boolean verify(Scheme scheme, SubjectPublicKeyInfo key, byte[] data, byte[] signature) {
    ECPublicKeyParameters publicKey = publicKey(key);
    int half = scheme.fieldBytes();
    if (signature.length != 2 * half) {
      return false;
    }
    ECGOST3410Signer signer = new ECGOST3410Signer();
    signer.init(false, publicKey);
    return signer.verifySignature(digest(scheme, data), littleEndian(signature, 0, half),
        littleEndian(signature, half, half));
  }

  /** Signs {@code data}: the result is r‖s little-endian, as the Kazakh providers write it. */
  public static byte[] sign(Scheme scheme, ECPrivateKeyParameters key, byte[] data) {
    ECGOST3410Signer signer = new ECGOST3410Signer();
    signer.init(true, new ParametersWithRandom(key, new SecureRandom()));
    BigInteger[] rs = signer.generateSignature(digest(scheme, data));
    int half = scheme.fieldBytes();
    byte[] out = new byte[2 * half];
    putLittleEndian(rs[0], out, 0, half);
    putLittleEndian(rs[1], out, half, half);
    return out;
  }

  public static AsymmetricCipherKeyPair generateKeyPair(Scheme scheme) {
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(scheme.domain(), new SecureRandom()));
    return generator.generateKeyPair();
  }

  private static BigInteger littleEndian(byte[] bytes, int offset, int length) {
    byte[] big = new byte[length];
    for (int i = 0; i < length; i++) {
      big[i] = bytes[offset + length - 1 - i];
    }
    return new BigInteger(1, big);
  }

  private static void putLittleEndian(BigInteger value, byte[] out, int offset, int length) {
    byte[] big = value.toByteArray();
    // big-endian, possibly with a leading sign byte: copy the low {@code length} bytes reversed
    for (int i = 0; i < length; i++) {
      int from = big.length - 1 - i;
      out[offset + i] = from >= 0 ? big[from] : 0;
    }
  }
}
