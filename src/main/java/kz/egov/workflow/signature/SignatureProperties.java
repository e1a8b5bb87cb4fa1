package kz.egov.workflow.signature;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code egov.signature}: what we trust, where revocation answers come from, and the provider's signing key.
 *
 * @param testPki accept the NCA's test certificates' IIN/BIN (which fail the check digit); never in production
 * @param trustStore certificate files (PEM bundles or DER): self-signed ones are trusted roots, the others
 *     intermediates that may complete a chain
 */
@ConfigurationProperties("egov.signature")
public record SignatureProperties(boolean testPki, List<String> trustStore, Revocation revocation, Signing signing,
    Demo demo) {

  public SignatureProperties {
    trustStore = clean(trustStore);
    revocation = revocation == null ? Revocation.defaults() : revocation;
    signing = signing == null ? new Signing(null, null, null) : signing;
    demo = demo == null ? new Demo(null) : demo;
  }

  /** Without blanks: an unset environment variable binds as one empty string. */
  static List<String> clean(List<String> values) {
    return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }

  /** What a verdict says when no revocation source gives a usable answer. */
  public enum UnavailablePolicy {
    /** Invalid, reason REVOCATION_UNKNOWN (the regulation demands "not on the revocation list"). */
    REFUSE,
    /** Valid, with REVOCATION_UNKNOWN among the verdict's warnings. */
    ACCEPT_AND_FLAG
  }

  /**
   * @param useCertificateAddresses take OCSP and CRL addresses from the certificate (AIA, CRL DP, freshest
   *     CRL); configured addresses are tried after them
   * @param maxAnswerAge how old an OCSP answer without nextUpdate may be
   * @param ocspCacheTime how long a good OCSP answer is reused (never beyond its nextUpdate)
   */
  public record Revocation(
      Boolean useCertificateAddresses,
      List<String> ocspUrls,
      List<String> crlUrls,
      List<String> deltaCrlUrls,
      UnavailablePolicy onUnavailable,
      Integer cacheSize,
      Duration connectTimeout,
      Duration readTimeout,
      Duration maxAnswerAge,
      Duration ocspCacheTime,
      Duration clockSkew,
      Long maxCrlBytes) {

    public Revocation {
      useCertificateAddresses = useCertificateAddresses == null || useCertificateAddresses;
      ocspUrls = clean(ocspUrls);
      crlUrls = clean(crlUrls);
      deltaCrlUrls = clean(deltaCrlUrls);
      onUnavailable = onUnavailable == null ? UnavailablePolicy.REFUSE : onUnavailable;
      cacheSize = cacheSize == null ? 1000 : cacheSize;
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
      maxAnswerAge = maxAnswerAge == null ? Duration.ofHours(1) : maxAnswerAge;
      ocspCacheTime = ocspCacheTime == null ? Duration.ofMinutes(5) : ocspCacheTime;
      clockSkew = clockSkew == null ? Duration.ofMinutes(5) : clockSkew;
      maxCrlBytes = maxCrlBytes == null ? 128L * 1024 * 1024 : maxCrlBytes;
    }

    public static Revocation defaults() {
      return new Revocation(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Revocation withPolicy(UnavailablePolicy policy) {
      return new Revocation(useCertificateAddresses, ocspUrls, crlUrls, deltaCrlUrls, policy, cacheSize,
          connectTimeout, readTimeout, maxAnswerAge, ocspCacheTime, clockSkew, maxCrlBytes);
    }

    public Revocation withCrlUrls(List<String> more) {
      List<String> all = new java.util.ArrayList<>(crlUrls);
      all.addAll(more);
      return new Revocation(useCertificateAddresses, ocspUrls, all, deltaCrlUrls, onUnavailable, cacheSize,
          connectTimeout, readTimeout, maxAnswerAge, ocspCacheTime, clockSkew, maxCrlBytes);
    }
  }

  /**
   * The provider's key that signs results: a PKCS#12 file. Empty in the demo profile: the generated demo
   * provider key is used. {@code alias} may be empty when the key store holds one key.
   */
  public record Signing(String keyStore, String password, String alias) {}

  /** Where the demo profile keeps its generated PKI. */
  public record Demo(String directory) {
    public Demo {
      directory = directory == null || directory.isBlank() ? "./data/pki" : directory;
    }
  }
}
