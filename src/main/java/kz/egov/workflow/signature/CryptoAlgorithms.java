package kz.egov.workflow.signature;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.PublicKey;
import java.security.Security;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * One place that turns a public key and an algorithm identifier into a Bouncy Castle verifier, for
 * certificates, CRLs, OCSP answers, CMS and timestamps alike: RSA and ECDSA through Bouncy Castle's JCA
 * provider, the Kazakh GOST OIDs through {@link KzGost}.
 */
public final class CryptoAlgorithms {

  static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

  static {
    if (Security.getProvider(PROVIDER) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  private static final DigestCalculatorProvider JCA_DIGESTS;

  static {
    try {
      JCA_DIGESTS = new JcaDigestCalculatorProviderBuilder().setProvider(PROVIDER).build();
    } catch (OperatorCreationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Digests by OID: the standard ones and the Kazakh GOST hashes. */
  public static final DigestCalculatorProvider DIGESTS = algorithm ->
      KzGost.byDigestOid(algorithm.getAlgorithm())
          .<DigestCalculator>map(scheme -> new GostDigestCalculator(scheme, algorithm))
          .orElseGet(() -> {
            try {
              return JCA_DIGESTS.get(algorithm);
            } catch (OperatorCreationException e) {
              throw new UnsupportedAlgorithmException("digest algorithm " + algorithm.getAlgorithm() + " is not supported");
            }
          });

  private CryptoAlgorithms() {}

  /** Makes sure the Bouncy Castle provider is registered. */
  public static void init() {
    // the static initialiser does it
  }

  /** Thrown when an OID is not one we can verify: the verdict says UNSUPPORTED_ALGORITHM. */
  public static class UnsupportedAlgorithmException extends RuntimeException {
    public UnsupportedAlgorithmException(String message) {
      super(message);
    }
  }

  /** A verifier of signatures made with {@code key}; {@code certificate} may be null. */
  public static ContentVerifierProvider verifierProvider(SubjectPublicKeyInfo key, X509CertificateHolder certificate) {
    if (KzGost.isGostKey(key)) {
      KzGost.Scheme keyScheme = KzGost.schemeOf(key);
      return new ContentVerifierProvider() {
        @Override
        public boolean hasAssociatedCertificate() {
          return certificate != null;
        }

        @Override
        public X509CertificateHolder getAssociatedCertificate() {
          return certificate;
        }

        @Override
        public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
          KzGost.Scheme scheme = KzGost.byAnyOid(algorithm.getAlgorithm()).orElseThrow(() ->
              new OperatorCreationException("a " + keyScheme.displayName() + " key cannot verify "
                  + algorithm.getAlgorithm()));
          if (scheme != keyScheme) {
            throw new OperatorCreationException("a " + keyScheme.displayName() + " key cannot verify "
                + scheme.displayName());
          }
          return new GostContentVerifier(scheme, key, algorithm);
        }
      };
    }
    PublicKey publicKey;
    try {
      publicKey = new JcaPEMKeyConverter().setProvider(PROVIDER).getPublicKey(key);
    } catch (Exception e) {
      throw new UnsupportedAlgorithmException("public key algorithm " + key.getAlgorithm().getAlgorithm()
          + " is not supported");
    }
    try {
      JcaContentVerifierProviderBuilder builder = new JcaContentVerifierProviderBuilder().setProvider(PROVIDER);
      ContentVerifierProvider jca = builder.build(publicKey);
      if (certificate == null) {
        return jca;
      }
      return new ContentVerifierProvider() {
        @Override
        public boolean hasAssociatedCertificate() {
          return true;
        }

        @Override
        public X509CertificateHolder getAssociatedCertificate() {
          return certificate;
        }

        @Override
        public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
          return jca.get(algorithm);
        }
      };
    } catch (OperatorCreationException e) {
      throw new UnsupportedAlgorithmException(e.getMessage());
    }
  }

  public static ContentVerifierProvider verifierProvider(X509CertificateHolder certificate) {
    return verifierProvider(certificate.getSubjectPublicKeyInfo(), null);
  }

  /**
   * A CMS signer-info verifier for {@code key}. The Kazakh GOST signer infos name the GOST key or
   * signature OID as their "encryption" algorithm: those go straight to the GOST verifier; the rest take
   * Bouncy Castle's usual digest+encryption → signature algorithm naming.
   * Pass a {@code certificate} only where Bouncy Castle should check its validity itself (timestamps).
   */
  public static SignerInformationVerifier signerVerifier(SubjectPublicKeyInfo key, X509CertificateHolder certificate) {
    ContentVerifierProvider provider = verifierProvider(key, certificate);
    return new SignerInformationVerifier(new DefaultCMSSignatureAlgorithmNameGenerator(),
        new DefaultSignatureAlgorithmIdentifierFinder(), provider, DIGESTS) {
      @Override
      public ContentVerifier getContentVerifier(AlgorithmIdentifier signingAlgorithm,
          AlgorithmIdentifier digestAlgorithm) throws OperatorCreationException {
        if (KzGost.byAnyOid(signingAlgorithm.getAlgorithm()).isPresent()) {
          KzGost.Scheme scheme = KzGost.byDigestOid(digestAlgorithm.getAlgorithm())
              .orElseThrow(() -> new OperatorCreationException("GOST signature with digest "
                  + digestAlgorithm.getAlgorithm()));
          return provider.get(scheme.signatureAlgorithm());
        }
        return super.getContentVerifier(signingAlgorithm, digestAlgorithm);
      }
    };
  }

  /** Whether an algorithm OID (signature or key) is one this application can verify. */
  public static String displayName(AlgorithmIdentifier algorithm) {
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    return KzGost.byAnyOid(oid).map(KzGost.Scheme::displayName).orElseGet(() -> {
      String name = new org.bouncycastle.operator.DefaultAlgorithmNameFinder().getAlgorithmName(oid);
      return name == null ? oid.getId() : name;
    });
  }

  /** A signer with a Kazakh GOST private key (used for the test PKI and optional GOST signing of results). */
  public static ContentSigner gostSigner(KzGost.Scheme scheme, ECPrivateKeyParameters key) {
    return new ContentSigner() {
      private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

      @Override
      public AlgorithmIdentifier getAlgorithmIdentifier() {
        return scheme.signatureAlgorithm();
      }

      @Override
      public OutputStream getOutputStream() {
        return buffer;
      }

      @Override
      public byte[] getSignature() {
        byte[] signature = KzGost.sign(scheme, key, buffer.toByteArray());
        buffer.reset();
        return signature;
      }
    };
  }

  private static final class GostContentVerifier implements ContentVerifier {
    private final KzGost.Scheme scheme;
    private final SubjectPublicKeyInfo key;
    private final AlgorithmIdentifier algorithm;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    GostContentVerifier(KzGost.Scheme scheme, SubjectPublicKeyInfo key, AlgorithmIdentifier algorithm) {
      this.scheme = scheme;
      this.key = key;
      this.algorithm = algorithm;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
      return buffer;
    }

    @Override
    public boolean verify(byte[] signature) {
      return KzGost.verify(scheme, key, buffer.toByteArray(), signature);
    }
  }

  private static final class GostDigestCalculator implements DigestCalculator {
    private final AlgorithmIdentifier algorithm;
    private final Digest digest;
    private final OutputStream out;

    GostDigestCalculator(KzGost.Scheme scheme, AlgorithmIdentifier algorithm) {
      this.algorithm = algorithm;
      this.digest = scheme.newDigest();
      this.out = new OutputStream() {
        @Override
        public void write(int b) {
          digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          digest.update(b, off, len);
        }
      };
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
      return out;
    }

    @Override
    public byte[] getDigest() {
      byte[] result = new byte[digest.getDigestSize()];
      digest.doFinal(result, 0);
      return result;
    }
  }
}
