package kz.egov.workflow.documents;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code egov.documents}: the public address the verification link (and QR code) on every document points to,
 * each provider's place of issue and details (the refusal's "authority's details", R5 appendix 3), the kind of
 * activity each licensing service licenses and the names of its subtypes, in Kazakh and Russian.
 */
@ConfigurationProperties("egov.documents")
public record DocumentsProperties(String publicBaseUrl, Map<String, Bilingual> placesOfIssue,
    Map<String, Bilingual> activities, Map<String, Bilingual> authorityDetails,
    Map<String, Map<String, Bilingual>> subtypes) {

  @ConstructorBinding
  public DocumentsProperties {
    publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080"
        : publicBaseUrl.replaceAll("/+$", "");
    placesOfIssue = placesOfIssue == null ? Map.of() : Map.copyOf(placesOfIssue);
    activities = activities == null ? Map.of() : Map.copyOf(activities);
    authorityDetails = authorityDetails == null ? Map.of() : Map.copyOf(authorityDetails);
    subtypes = subtypes == null ? Map.of() : Map.copyOf(subtypes);
  }

  public DocumentsProperties(String publicBaseUrl, Map<String, Bilingual> placesOfIssue,
      Map<String, Bilingual> activities) {
    this(publicBaseUrl, placesOfIssue, activities, null, null);
  }

  /** A subtype as the licence prints it: "kk / ru" when {@code subtypes.<service>.<code>} names it, else as given. */
  public String subtype(String service, String code) {
    Bilingual named = service == null ? null : subtypes.getOrDefault(service, Map.of()).get(code);
    return named == null ? code : named.kk() + " / " + named.ru();
  }

  public record Bilingual(String kk, String ru) {}

  /** {@code <public-base-url>/api/v1/documents/{number}/verify}: what the QR code on the document encodes. */
  public String verificationUrl(String number) {
    return publicBaseUrl + "/api/v1/documents/" + number + "/verify";
  }
}
