package kz.egov.workflow.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.egov.workflow.access.AccessProperties;
import kz.egov.workflow.access.SystemGroup;
import org.springframework.stereotype.Component;

/**
 * The services the API accepts ({@code egov.applications.services}) and the rules that follow from them:
 * the process key {@code <service>-<channel>}, who may submit on a channel and who may read an application.
 */
@Component
public class ServiceCatalog {

  public static final String PORTAL = "portal";
  public static final String PROVIDER = "provider";
  public static final String SERVICE_CENTER = "service-center";
  static final String ADMIN = "camunda-admin";

  private final ApplicationProperties properties;

  public ServiceCatalog(ApplicationProperties properties, AccessProperties access) {
    this.properties = properties;
    Set<String> providers = access.providers().stream().map(AccessProperties.Provider::id)
        .collect(java.util.stream.Collectors.toSet());
    properties.services().forEach((id, service) -> {
      if (service.provider() == null || !providers.contains(service.provider())) {
        throw new IllegalStateException("egov.applications.services." + id + ".provider: '" + service.provider()
            + "' is not one of egov.access.providers " + providers);
      }
      if (service.channels().isEmpty()) {
        throw new IllegalStateException("egov.applications.services." + id + ".channels: none configured");
      }
    });
  }

  /** A service's process on one channel. */
  public record ProcessKey(String service, String channel) {
    public String value() {
      return service + "-" + channel;
    }
  }

  public ApplicationProperties.Limits limits() {
    return properties.limits();
  }

  public Map<String, ApplicationProperties.Service> services() {
    return properties.services();
  }

  public Optional<ApplicationProperties.Service> service(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(properties.services().get(id));
  }

  public static String processKey(String service, String channel) {
    return service + "-" + channel;
  }

  /**
   * The catalog service whose key this is ({@code scrap-metal-license-portal} → scrap-metal-license,
   * portal), also for a channel the service does not offer; empty for keys of other processes.
   */
  public Optional<ProcessKey> parse(String processKey) {
    if (processKey == null) {
      return Optional.empty();
    }
    // the longest service id first, so that a service whose id extends another's is found
    return properties.services().keySet().stream()
        .filter(s -> processKey.startsWith(s + "-") && processKey.length() > s.length() + 1)
        .max(java.util.Comparator.comparingInt(String::length))
        .map(s -> new ProcessKey(s, processKey.substring(s.length() + 1)));
  }

  /**
   * Who may submit on a channel (R2 items 6 and 7): the portal's system for the portal, the provider's staff
   * for the provider, the service centers' system and operators for a service center; administrators all.
   */
  public boolean maySubmit(String service, String channel, Collection<String> groups) {
    if (groups.contains(ADMIN)) {
      return true;
    }
    ApplicationProperties.Service definition = properties.services().get(service);
    if (definition == null) {
      return false;
    }
    return switch (channel) {
      case PORTAL -> groups.contains(SystemGroup.PORTAL.id());
      case PROVIDER -> groups.contains(definition.provider());
      case SERVICE_CENTER -> groups.contains(SystemGroup.SERVICE_CENTER_SYSTEM.id())
          || groups.contains(SystemGroup.SERVICE_CENTER_OPERATOR.id());
      default -> false;
    };
  }

  /** Groups that read every application: administrators and auditors. */
  public boolean readsAll(Collection<String> groups) {
    return groups.contains(ADMIN) || groups.contains(SystemGroup.AUDITOR.id());
  }

  /**
   * Who may read an application besides its submitter: the provider's staff, auditors and administrators. The
   * portal's and the service centers' systems and operators read only what they submitted themselves (the
   * submitter rule of {@link ApplicationViews}), not every application of their channel.
   */
  public boolean mayRead(String service, String channel, Collection<String> groups) {
    if (readsAll(groups)) {
      return true;
    }
    ApplicationProperties.Service definition = properties.services().get(service);
    return definition != null && groups.contains(definition.provider());
  }

  /** Attachments' bytes: the provider's staff who examine them, auditors and administrators. */
  public boolean mayReadAttachments(String service, Collection<String> groups) {
    ApplicationProperties.Service definition = properties.services().get(service);
    return readsAll(groups) || definition != null && groups.contains(definition.provider());
  }

  /** Every process key of the catalog, each service on each of its channels. */
  public List<String> processKeys() {
    return properties.services().entrySet().stream()
        .flatMap(e -> e.getValue().channels().stream().map(c -> processKey(e.getKey(), c))).toList();
  }

  /** The process keys whose applications these groups may read (all of them for auditors and admins). */
  public List<String> readableProcessKeys(Collection<String> groups) {
    return properties.services().entrySet().stream()
        .flatMap(e -> e.getValue().channels().stream()
            .filter(c -> mayRead(e.getKey(), c, groups))
            .map(c -> processKey(e.getKey(), c)))
        .toList();
  }

  /** R5 item 17: a service whose applicant's documents are confidential ({@code confidential: true}). */
  public boolean confidential(String service) {
    ApplicationProperties.Service definition = service == null ? null : properties.services().get(service);
    return definition != null && definition.confidential();
  }

  /**
   * Who may read an application of a confidential service (R5 item 17): administrators, auditors and the provider's
   * staff; the portal only for the applicant it names ({@link Caller#onBehalfOf()}: the application's IIN/BIN or the
   * portal login it was filed with) and only applications filed through the portal; at a service center its system
   * and the operator who accepted the application, not every operator.
   */
  public boolean mayReadConfidential(String service, String channel, Caller caller, String applicantId,
      String portalLogin, String operator) {
    Collection<String> groups = caller.groups();
    ApplicationProperties.Service definition = properties.services().get(service);
    if (readsAll(groups) || definition != null && groups.contains(definition.provider())) {
      return true;
    }
    return switch (channel == null ? "" : channel) {
      case PORTAL -> groups.contains(SystemGroup.PORTAL.id()) && caller.onBehalfOf() != null
          && (caller.onBehalfOf().equals(applicantId) || caller.onBehalfOf().equals(portalLogin));
      case SERVICE_CENTER -> groups.contains(SystemGroup.SERVICE_CENTER_SYSTEM.id())
          || groups.contains(SystemGroup.SERVICE_CENTER_OPERATOR.id()) && caller.userId().equals(operator);
      default -> false;
    };
  }
}
