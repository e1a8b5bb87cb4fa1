package kz.egov.workflow.signature;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;

/** Reads a {@link CertificateProfile} from a certificate (subject parsed with Bouncy Castle's {@link BCStyle}). */
public final class CertificateProfiles {

  private CertificateProfiles() {}

  public static CertificateProfile read(X509CertificateHolder certificate) {
    X500Name subject = certificate.getSubject();
    String serial = first(subject, BCStyle.SERIALNUMBER);
    String iin = serial != null && serial.startsWith("IIN") ? serial.substring(3) : null;
    String bin = null;
    for (RDN rdn : subject.getRDNs(BCStyle.OU)) {
      String ou = text(rdn);
      if (ou.startsWith("BIN")) {
        bin = ou.substring(3);
      }
    }
    Extensions extensions = certificate.getExtensions();
    List<Role> roles = new ArrayList<>();
    boolean authentication = false;
    ExtendedKeyUsage eku = extensions == null ? null : ExtendedKeyUsage.fromExtensions(extensions);
    if (eku != null) {
      for (KeyPurposeId purpose : eku.getUsages()) {
        Role.byOid(purpose.getId()).ifPresent(roles::add);
        if (purpose.equals(KeyPurposeId.id_kp_clientAuth)) {
          authentication = true;
        }
      }
    }
    KeyUsage keyUsage = extensions == null ? null : KeyUsage.fromExtensions(extensions);
    boolean signing = keyUsage == null || keyUsage.hasUsages(KeyUsage.nonRepudiation);
    if (keyUsage != null && keyUsage.hasUsages(KeyUsage.digitalSignature) && !signing) {
      authentication = true;
    }
    List<String> policies = new ArrayList<>();
    CertificatePolicies certificatePolicies = extensions == null ? null : CertificatePolicies.fromExtensions(extensions);
    if (certificatePolicies != null) {
      for (PolicyInformation policy : certificatePolicies.getPolicyInformation()) {
        policies.add(policy.getPolicyIdentifier().getId());
      }
    }
    return new CertificateProfile(
        subject.toString(),
        certificate.getIssuer().toString(),
        certificate.getSerialNumber().toString(16),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        first(subject, BCStyle.CN),
        first(subject, BCStyle.SURNAME),
        first(subject, BCStyle.GIVENNAME),
        iin,
        bin,
        first(subject, BCStyle.O),
        first(subject, BCStyle.C),
        first(subject, BCStyle.E),
        roles,
        policies,
        signing,
        authentication,
        CryptoAlgorithms.displayName(certificate.getSubjectPublicKeyInfo().getAlgorithm()));
  }

  private static String first(X500Name name, ASN1ObjectIdentifier attribute) {
    RDN[] rdns = name.getRDNs(attribute);
    return rdns.length == 0 ? null : text(rdns[0]);
  }

  /** The attribute's text as written (IETFUtils would escape commas and quotes of organisation names). */
  private static String text(RDN rdn) {
    ASN1Encodable value = rdn.getFirst().getValue();
    return value instanceof ASN1String string ? string.getString() : IETFUtils.valueToString(value);
  }
}
