package kz.egov.workflow.documents;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code egov.documents}: the public address the verification link (and QR code) on every document points to,
 * each provider's place of issue, and the kind of activity each licensing service licenses, in Kazakh and Russian.
 */
@ConfigurationProperties("egov.documents")
public record DocumentsProperties(String publicBaseUrl, Map<String, Bilingual> placesOfIssue,
    Map<String, Bilingual> activities) {

  public DocumentsProperties {
    publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080"
        : publicBaseUrl.replaceAll("/+$", "");
    placesOfIssue = placesOfIssue == null ? Map.of() : Map.copyOf(placesOfIssue);
    activities = activities == null ? Map.of() : Map.copyOf(activities);
  }

  public record Bilingual(String kk, String ru) {}

  /** {@code <public-base-url>/api/v1/documents/{number}/verify}: what the QR code on the document encodes. */
  public String verificationUrl(String number) {
    return publicBaseUrl + "/api/v1/documents/" + number + "/verify";
  }
}
