package kz.egov.workflow.scrapmetal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Signs as an applicant's EDS tool would: a CMS SignedData with the signed document encapsulated. */
public final class DemoSigner {

  private final PrivateKey key;
  private final List<X509Certificate> chain;

  private DemoSigner(PrivateKey key, List<X509Certificate> chain) {
    this.key = key;
    this.chain = chain;
  }

  /** The key of a demo PKCS#12 file (the demo PKI's applicant.p12 or company.p12). */
  public static DemoSigner fromPkcs12(Path file, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.toCharArray());
    }
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : store.getCertificateChain(alias)) {
          chain.add((X509Certificate) certificate);
        }
        return new DemoSigner((PrivateKey) store.getKey(alias, password.toCharArray()), chain);
      }
    }
    throw new IllegalArgumentException(file + " holds no key");
  }

  /** A CMS (DER) with {@code document} encapsulated. */
  public byte[] signAttached(byte[] document) throws Exception {
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
        .build(new JcaContentSignerBuilder(algorithm).build(key), chain.get(0)));
    generator.addCertificates(new JcaCertStore(chain));
    return generator.generate(new CMSProcessableByteArray(document), true).getEncoded();
  }
}
