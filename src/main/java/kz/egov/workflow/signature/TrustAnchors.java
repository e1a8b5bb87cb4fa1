package kz.egov.workflow.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

/**
 * The certification authorities we trust: self-signed certificates are roots (trust anchors), the others
 * intermediates that may complete a chain the signer did not send. Loaded from PEM bundles or DER files.
 */
public final class TrustAnchors {

  private final List<X509CertificateHolder> roots;
  private final List<X509CertificateHolder> intermediates;

  public TrustAnchors(Collection<X509CertificateHolder> certificates) {
    List<X509CertificateHolder> r = new ArrayList<>();
    List<X509CertificateHolder> i = new ArrayList<>();
    for (X509CertificateHolder certificate : certificates) {
      (selfSigned(certificate) ? r : i).add(certificate);
    }
    this.roots = List.copyOf(r);
    this.intermediates = List.copyOf(i);
  }

  public static TrustAnchors load(List<String> files) {
    List<X509CertificateHolder> certificates = new ArrayList<>();
    for (String file : files) {
      try {
        certificates.addAll(read(Files.readAllBytes(Path.of(file))));
      } catch (IOException e) {
        throw new UncheckedIOException("trust store file " + file + " cannot be read: " + e.getMessage(), e);
      }
    }
    return new TrustAnchors(certificates);
  }

  /** Every certificate in a PEM bundle, or the one certificate of a DER file. */
  public static List<X509CertificateHolder> read(byte[] bytes) throws IOException {
    List<X509CertificateHolder> certificates = new ArrayList<>();
    if (bytes.length > 0 && bytes[0] == 0x30) {
      certificates.add(new X509CertificateHolder(bytes));
      return certificates;
    }
    try (PEMParser pem = new PEMParser(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII))) {
      for (Object object; (object = pem.readObject()) != null; ) {
        if (object instanceof X509CertificateHolder certificate) {
          certificates.add(certificate);
        }
      }
    }
    return certificates;
  }

  public TrustAnchors with(Collection<X509CertificateHolder> more) {
    List<X509CertificateHolder> all = new ArrayList<>(roots);
    all.addAll(intermediates);
    all.addAll(more);
    return new TrustAnchors(all);
  }

  public List<X509CertificateHolder> roots() {
    return roots;
  }

  public List<X509CertificateHolder> intermediates() {
    return intermediates;
  }

  public boolean isRoot(X509CertificateHolder certificate) {
    return roots.contains(certificate);
  }

  static boolean selfSigned(X509CertificateHolder certificate) {
    if (!certificate.getSubject().equals(certificate.getIssuer())) {
      return false;
    }
    try {
      return certificate.isSignatureValid(CryptoAlgorithms.verifierProvider(certificate));
    } catch (Exception e) {
      return false;
    }
  }
}
