package kz.egov.workflow.signature;

import java.time.Instant;
import java.util.List;

/**
 * What a Kazakh certificate says about its holder: IIN (SERIALNUMBER=IIN…), BIN (OU=BIN…), names,
 * organisation, roles (extended key usage) and whether it is a signing certificate (non-repudiation).
 * {@code iin}/{@code bin} are the digits as written in the certificate, even when they are not valid numbers.
 */
public record CertificateProfile(
    String subject,
    String issuer,
    String serialNumber,
    Instant notBefore,
    Instant notAfter,
    String commonName,
    String surname,
    String givenName,
    String iin,
    String bin,
    String organisation,
    String country,
    String email,
    List<Role> roles,
    List<String> policies,
    boolean signing,
    boolean authentication,
    String keyAlgorithm) {

  public CertificateProfile {
    roles = roles == null ? List.of() : List.copyOf(roles);
    policies = policies == null ? List.of() : List.copyOf(policies);
  }

  public boolean legalEntity() {
    return bin != null || roles.contains(Role.LEGAL_ENTITY);
  }

  /**
   * The holder's name as the NCA writes it: CN is "SURNAME NAME", GIVENNAME carries the patronymic.
   */
  public String holderName() {
    if (commonName == null) {
      return null;
    }
    return givenName == null || commonName.contains(givenName) ? commonName : commonName + " " + givenName;
  }
}
