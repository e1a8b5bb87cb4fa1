package kz.egov.workflow.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs results with the provider's key ("signed with the EDS of the provider's authorised person"): a
 * detached CMS SignedData, SHA-256 with RSA or ECDSA, carrying the certificate chain, so that anyone can
 * check it with {@code openssl cms -verify -binary -inform DER -content <file> -CAfile <ca.pem>}.
 */
public class ResultSigner {

  private final PrivateKey key;
  private final List<X509Certificate> chain;

  public ResultSigner(PrivateKey key, List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("the signing key needs its certificate");
    }
    this.key = key;
    this.chain = List.copyOf(chain);
  }

  /** The key (and its chain) of a PKCS#12 file; {@code alias} may be null when the file holds one key. */
  public static ResultSigner fromPkcs12(Path file, char[] password, String alias) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      String chosen = alias;
      if (chosen == null || chosen.isBlank()) {
        chosen = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
            .orElseThrow(() -> new IllegalStateException("key store " + file + " holds no private key"));
      }
      PrivateKey key = (PrivateKey) store.getKey(chosen, password);
      if (key == null) {
        throw new IllegalStateException("key store " + file + " has no private key under alias " + chosen);
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : store.getCertificateChain(chosen)) {
        chain.add((X509Certificate) certificate);
      }
      return new ResultSigner(key, chain);
    } catch (IOException e) {
      throw new UncheckedIOException("key store " + file + " cannot be read: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("key store " + file + " cannot be opened: " + e.getMessage(), e);
    }
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  public List<X509Certificate> chain() {
    return chain;
  }

  /** A detached CMS signature (DER) over {@code data}. */
  public byte[] signDetached(byte[] data) {
    try {
      String algorithm = switch (key.getAlgorithm()) {
        case "RSA" -> "SHA256withRSA";
        case "EC", "ECDSA" -> "SHA256withECDSA";
        default -> throw new IllegalStateException("signing with a " + key.getAlgorithm() + " key is not supported");
      };
      ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(CryptoAlgorithms.PROVIDER).build(key);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
          new JcaDigestCalculatorProviderBuilder().setProvider(CryptoAlgorithms.PROVIDER).build())
          .build(signer, new JcaX509CertificateHolder(certificate())));
      generator.addCertificates(new JcaCertStore(chain));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(data), false);
      return signed.getEncoded("DER");
    } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
      throw new IllegalStateException("signing failed: " + e.getMessage(), e);
    }
  }
}
