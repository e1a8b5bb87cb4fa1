package kz.egov.workflow.application;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * {@code egov.applications}: the services the application API accepts (the catalog) and its limits.
 * Each service names its provider, who may apply (a BIN, an IIN or either), the kinds of request, the
 * channels with a diagram ({@code processes/<service>/<channel>.bpmn}) and the form-data schema.
 */
@ConfigurationProperties("egov.applications")
public record ApplicationProperties(Limits limits, Map<String, Service> services) {

  public ApplicationProperties {
    limits = limits == null ? new Limits(null, null, null) : limits;
    services = services == null ? Map.of() : new TreeMap<>(services);
  }

  public record Limits(DataSize maxAttachmentBytes, Integer maxAttachments, DataSize maxRequestBytes) {

    public Limits {
      maxAttachmentBytes = maxAttachmentBytes == null ? DataSize.ofMegabytes(10) : maxAttachmentBytes;
      maxAttachments = maxAttachments == null ? 20 : maxAttachments;
      maxRequestBytes = maxRequestBytes == null ? DataSize.ofMegabytes(40) : maxRequestBytes;
    }
  }

  /**
   * One service of the catalog; {@code formSchema} is a Spring resource location (classpath: or file:).
   * {@code confidential}: the applicant's documents are read only by the provider's staff, auditors and
   * administrators, and an application only by its own applicant's channel (R5 item 17; docs/applications.md).
   * {@code oneTimePassword}: the portal may confirm a request with a one-time password instead of an EDS (R3
   * item 9, P3); otherwise the portal's request is signed.
   */
  public record Service(Names name, String provider, ApplicantKind applicantKind, List<String> requestKinds,
      List<String> channels, String formSchema, boolean confidential, boolean oneTimePassword) {

    @ConstructorBinding
    public Service {
      name = name == null ? new Names(null, null, null) : name;
      applicantKind = applicantKind == null ? ApplicantKind.ANY : applicantKind;
      requestKinds = requestKinds == null ? List.of() : List.copyOf(requestKinds);
      channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** A service that is not confidential and whose portal requests are signed with an EDS only. */
    public Service(Names name, String provider, ApplicantKind applicantKind, List<String> requestKinds,
        List<String> channels, String formSchema) {
      this(name, provider, applicantKind, requestKinds, channels, formSchema, false, false);
    }
  }

  /** A text in the state language, Russian and English. */
  public record Names(String kk, String ru, String en) {}
}
