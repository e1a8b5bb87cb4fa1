package kz.egov.workflow.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import kz.egov.workflow.identity.IdentificationNumbers;
import kz.egov.workflow.licensing.Licence;
import kz.egov.workflow.licensing.LicenceStatus;
import kz.egov.workflow.licensing.LicensingRegister;
import kz.egov.workflow.registry.StateSystemUnavailableException;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Every check of {@code POST /api/v1/applications} before anything is written: the service, the channel and
 * whether the caller may use it, the applicant's IIN/BIN, the kind of request, the form against its schema,
 * the attachments, the signed document and, for a re-issuance or a duplicate, the licence in the e-licensing
 * register. All problems are collected and answered together (400), so that a caller fixes them at once.
 */
@Component
public class ApplicationChecks {

  public static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");
  static final List<String> FIELDS = List.of("service", "channel", "requestKind", "reference", "applicant",
      "portalLogin", "formData", "attachments", "signature", "oneTimePassword");
  static final List<String> ONE_TIME_PASSWORD_FIELDS = List.of("id", "code");
  static final List<String> APPLICANT_FIELDS = List.of("id", "name");
  static final List<String> ATTACHMENT_FIELDS = List.of("name", "contentType", "content");
  private static final Pattern UNSAFE_NAME = Pattern.compile("[\\p{Cntrl}/\\\\]");

  private final ServiceCatalog catalog;
  private final FormSchemas schemas;
  private final LicensingRegister licensing;
  private final RepositoryService repository;
  private final AsSystem asSystem;
  private final ObjectMapper json;

  public ApplicationChecks(ServiceCatalog catalog, FormSchemas schemas, LicensingRegister licensing,
      RepositoryService repository, AsSystem asSystem, ObjectMapper json) {
    this.catalog = catalog;
    this.schemas = schemas;
    this.licensing = licensing;
    this.repository = repository;
    this.asSystem = asSystem;
    this.json = json;
  }

  /** The caller may not submit on this channel: 403, before the content is judged. */
  public static class ChannelNotAllowedException extends RuntimeException {
    public ChannelNotAllowedException(String message) {
      super(message);
    }
  }

  /**
   * @throws InvalidRequestException with every problem found
   * @throws ChannelNotAllowedException when the caller's groups do not allow the channel
   * @throws StateSystemUnavailableException when the licence of a re-issuance or duplicate cannot be looked up
   */
  public SubmittedApplication check(JsonNode body, String idempotencyKey, Caller caller) {
    List<String> problems = new ArrayList<>();
    if (idempotencyKey == null || idempotencyKey.isEmpty()) {
      problems.add("Idempotency-Key: header required (1 to 100 characters, the same for every retry)");
    } else if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      problems.add("Idempotency-Key: 1 to 100 visible ASCII characters");
    }
    if (!(body instanceof ObjectNode request)) {
      problems.add("body: a JSON object is required");
      throw new InvalidRequestException(problems);
    }
    unknownFields(request, FIELDS, "", problems);

    String service = text(request, "service", "service", problems, true);
    String channel = text(request, "channel", "channel", problems, true);
    ApplicationProperties.Service definition = null;
    if (service != null) {
      definition = catalog.service(service).orElse(null);
      if (definition == null) {
        problems.add("service: '" + service + "' is not a service of this application (known: "
            + String.join(", ", catalog.services().keySet()) + ")");
      }
    }
    boolean channelKnown = false;
    if (definition != null && channel != null) {
      if (!definition.channels().contains(channel)) {
        problems.add("channel: '" + channel + "' is not a channel of " + service + " (known: "
            + String.join(", ", definition.channels()) + ")");
      } else {
        channelKnown = true;
        if (!catalog.maySubmit(service, channel, caller.groups())) {
          throw new ChannelNotAllowedException(caller.userId() + " may not submit " + service + " applications on the "
              + channel + " channel");
        }
        String key = ServiceCatalog.processKey(service, channel);
        boolean deployed = asSystem.call(() ->
            repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0);
        if (!deployed) {
          problems.add("channel: the process " + key + " (processes/" + service + "/" + channel
              + ".bpmn) is not deployed");
        }
      }
    }

    String requestKind = text(request, "requestKind", "requestKind", problems, definition != null
        && !definition.requestKinds().isEmpty());
    if (definition != null && requestKind != null && !definition.requestKinds().contains(requestKind)) {
      problems.add("requestKind: '" + requestKind + "' is not a kind of request of " + service + " (known: "
          + String.join(", ", definition.requestKinds()) + ")");
      requestKind = null;
    }

    String reference = text(request, "reference", "reference", problems, false);
    if (reference != null && !REFERENCE.matcher(reference).matches()) {
      problems.add("reference: 1 to 64 letters, digits, '.', '_' or '-'");
    }

    String applicantId = null;
    String applicantName = null;
    JsonNode applicant = request.get("applicant");
    if (applicant == null || applicant.isNull()) {
      problems.add("applicant: required ({\"id\": IIN or BIN, \"name\"})");
    } else if (!applicant.isObject()) {
      problems.add("applicant: an object {\"id\", \"name\"} is required");
    } else {
      unknownFields((ObjectNode) applicant, APPLICANT_FIELDS, "applicant.", problems);
      applicantId = text(applicant, "id", "applicant.id", problems, true);
      applicantName = text(applicant, "name", "applicant.name", problems, false);
      if (applicantName != null && applicantName.length() > 300) {
        problems.add("applicant.name: at most 300 characters");
      }
      if (applicantId != null) {
        ApplicantKind kind = definition == null ? ApplicantKind.ANY : definition.applicantKind();
        Optional<String> problem = kind.problem(applicantId);
        if (problem.isPresent()) {
          problems.add("applicant.id: " + problem.get() + (definition == null || kind == ApplicantKind.ANY ? ""
              : " (" + service + " is applied for by " + (kind == ApplicantKind.BIN ? "a legal entity with a BIN"
                  : "an individual with an IIN") + ")"));
          applicantId = null;
        }
      }
    }

    String portalLogin = text(request, "portalLogin", "portalLogin", problems, ServiceCatalog.PORTAL.equals(channel));
    if (portalLogin != null) {
      IdentificationNumbers.iinOrBinProblem(portalLogin).ifPresent(p -> problems.add("portalLogin: " + p));
    }

    ObjectNode formData = null;
    JsonNode form = request.get("formData");
    if (form == null || form.isNull()) {
      problems.add("formData: required (the application form's fields)");
    } else if (!form.isObject()) {
      problems.add("formData: a JSON object is required");
    } else {
      formData = (ObjectNode) form;
      if (definition != null && (requestKind != null || definition.requestKinds().isEmpty())) {
        problems.addAll(schemas.problems(service, requestKind, formData));
      }
    }

    List<SubmittedApplication.Attachment> attachments = attachments(request.get("attachments"), problems);

    // R3 item 9, P3: the applicant signs with an EDS or confirms the request with a one-time password
    String otpId = null;
    String otpCode = null;
    JsonNode otp = request.get("oneTimePassword");
    if (otp != null && !otp.isNull()) {
      if (!otp.isObject()) {
        problems.add("oneTimePassword: an object {\"id\", \"code\"} is required (POST /api/v1/otp sends the code)");
      } else {
        unknownFields((ObjectNode) otp, ONE_TIME_PASSWORD_FIELDS, "oneTimePassword.", problems);
        otpId = text(otp, "id", "oneTimePassword.id", problems, true);
        otpCode = text(otp, "code", "oneTimePassword.code", problems, true);
        if (otpId != null && !otpId.matches("[0-9a-fA-F-]{36}")) {
          problems.add("oneTimePassword.id: the id POST /api/v1/otp answered");
        }
        if (otpCode != null && !otpCode.matches("[0-9]{4,10}")) {
          problems.add("oneTimePassword.code: the digits of the text message");
        }
      }
      if (definition != null && !definition.oneTimePassword()) {
        problems.add("oneTimePassword: " + service + " requests are signed with an EDS (signature)");
      }
      if (request.hasNonNull("signature")) {
        problems.add("oneTimePassword: give a signature or a one-time password, not both");
      }
      if (reference == null) {
        problems.add("reference: required with a one-time password (the code was sent for this reference)");
      }
    }
    boolean confirmedByOtp = otp != null && !otp.isNull();

    byte[] cms = null;
    String cmsText = text(request, "signature", "signature", problems, ServiceCatalog.PORTAL.equals(channel)
        && !confirmedByOtp);
    if (cmsText != null) {
      cms = base64(cmsText, "signature", problems);
      if (cms != null && cms.length == 0) {
        problems.add("signature: empty");
        cms = null;
      }
    }
    if (cms != null) {
      // compare the signed document field by field with what the request says (all of it must be well-formed)
      ObjectNode expected = json.createObjectNode();
      expected.set("service", request.get("service"));
      expected.set("requestKind", request.get("requestKind"));
      expected.set("applicantId", applicant == null ? null : applicant.get("id"));
      expected.set("formData", form);
      ArrayNode signedAttachments = expected.putArray("attachments");
      attachments.forEach(a -> signedAttachments.addObject().put("name", a.name()).put("sha256", a.sha256()));
      problems.addAll(SignedDocument.problems(cms, expected, json));
    }

    String licenceNumber = formData == null || !formData.path("licenceNumber").isTextual() ? null
        : formData.get("licenceNumber").asText();
    if (licenceNumber != null && applicantId != null && definition != null && requestKind != null
        && problems.stream().noneMatch(p -> p.startsWith("formData.licenceNumber"))) {
      try {
        licenceProblem(licenceNumber, applicantId, definition).ifPresent(problems::add);
      } catch (StateSystemUnavailableException e) {
        if (problems.isEmpty()) {
          throw e;
        }
        problems.add("formData.licenceNumber: could not be checked now, the e-licensing register is unavailable");
      }
    }

    if (!problems.isEmpty() || !channelKnown) {
      throw new InvalidRequestException(problems.isEmpty() ? List.of("channel: required") : problems);
    }
    return new SubmittedApplication(reference, service, definition.provider(), channel, requestKind, applicantId,
        applicantName, portalLogin, formData, attachments, cms == null ? null : cmsText.replaceAll("\\s", ""),
        licenceNumber, sha256(canonical(request).toString().getBytes(StandardCharsets.UTF_8)), otpId, otpCode);
  }

  /** R2: a re-issuance or a duplicate is of the applicant's own licence, in force, of this provider. */
  private Optional<String> licenceProblem(String number, String applicantId, ApplicationProperties.Service service) {
    Optional<Licence> licence = licensing.licence(number);
    if (licence.isEmpty()) {
      return Optional.of("formData.licenceNumber: no licence " + number + " in the e-licensing register");
    }
    Licence found = licence.get();
    if (!applicantId.equals(found.holderId())) {
      return Optional.of("formData.licenceNumber: licence " + number + " is not the applicant's");
    }
    if (found.status() != LicenceStatus.ACTIVE) {
      return Optional.of("formData.licenceNumber: licence " + number + " is " + found.status().name().toLowerCase()
          + ", not in force");
    }
    if (found.provider() != null && !found.provider().equals(service.provider())) {
      return Optional.of("formData.licenceNumber: licence " + number + " was issued by " + found.provider()
          + ", not by " + service.provider());
    }
    return Optional.empty();
  }

  private List<SubmittedApplication.Attachment> attachments(JsonNode node, List<String> problems) {
    List<SubmittedApplication.Attachment> attachments = new ArrayList<>();
    if (node == null || node.isNull()) {
      return attachments;
    }
    if (!node.isArray()) {
      problems.add("attachments: an array is required");
      return attachments;
    }
    ApplicationProperties.Limits limits = catalog.limits();
    if (node.size() > limits.maxAttachments()) {
      problems.add("attachments: " + node.size() + " attachments, at most " + limits.maxAttachments());
      return attachments;
    }
    long maxBytes = limits.maxAttachmentBytes().toBytes();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String at = "attachments[" + i + "]";
      JsonNode item = node.get(i);
      if (!item.isObject()) {
        problems.add(at + ": an object {\"name\", \"contentType\", \"content\"} is required");
        continue;
      }
      unknownFields((ObjectNode) item, ATTACHMENT_FIELDS, at + ".", problems);
      String name = text(item, "name", at + ".name", problems, true);
      if (name != null) {
        if (name.length() > 255 || name.isBlank() || UNSAFE_NAME.matcher(name).find() || name.equals(".")
            || name.equals("..")) {
          problems.add(at + ".name: 1 to 255 characters, without '/', '\\' or control characters");
          name = null;
        } else if (!names.add(name)) {
          problems.add(at + ".name: '" + name + "' is attached twice; names must differ");
        }
      }
      String contentType = text(item, "contentType", at + ".contentType", problems, true);
      if (contentType != null) {
        try {
          MediaType type = MediaType.parseMediaType(contentType);
          if (type.isWildcardType() || type.isWildcardSubtype()) {
            problems.add(at + ".contentType: '" + contentType + "' is not a concrete media type");
          }
        } catch (InvalidMediaTypeException e) {
          problems.add(at + ".contentType: '" + contentType + "' is not a media type");
        }
      }
      String content = text(item, "content", at + ".content", problems, true);
      byte[] bytes = null;
      if (content != null) {
        long estimate = content.length() / 4L * 3;
        if (estimate > maxBytes + 3) {
          problems.add(at + ".content: about " + estimate + " bytes, at most " + maxBytes + " ("
              + limits.maxAttachmentBytes().toMegabytes() + " MiB) per attachment");
        } else {
          bytes = base64(content, at + ".content", problems);
          if (bytes != null && bytes.length > maxBytes) {
            problems.add(at + ".content: " + bytes.length + " bytes, at most " + maxBytes + " per attachment");
            bytes = null;
          } else if (bytes != null && bytes.length == 0) {
            problems.add(at + ".content: empty");
            bytes = null;
          }
        }
      }
      if (name != null && bytes != null) {
        attachments.add(new SubmittedApplication.Attachment(i + 1, name, contentType, bytes, sha256(bytes)));
      }
    }
    return attachments;
  }

  /** Strict base64 (line breaks allowed): anything else would decode to bytes nobody sent. */
  private static byte[] base64(String text, String field, List<String> problems) {
    try {
      return java.util.Base64.getDecoder().decode(text.replaceAll("[\\r\\n\\t ]", ""));
    } catch (IllegalArgumentException e) {
      problems.add(field + ": not valid base64");
      return null;
    }
  }

  private static void unknownFields(ObjectNode object, List<String> known, String prefix, List<String> problems) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(prefix + name + ": not a field here (known: " + String.join(", ", known) + ")");
      }
    }
  }

  /** A text field: null when absent (a problem when required) or not text (always a problem). */
  private static String text(JsonNode object, String name, String path, List<String> problems, boolean required) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        problems.add(path + ": required");
      }
      return null;
    }
    if (!value.isTextual()) {
      problems.add(path + ": text is required");
      return null;
    }
    if (value.asText().isBlank()) {
      problems.add(path + ": " + (required ? "required" : "empty"));
      return null;
    }
    return value.asText();
  }

  /** The JSON with every object's fields in name order: the same request always hashes the same. */
  static JsonNode canonical(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      object.fields().forEachRemaining(e -> sorted.put(e.getKey(), canonical(e.getValue())));
      ObjectNode copy = object.objectNode();
      sorted.forEach(copy::set);
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = array.arrayNode();
      array.forEach(e -> copy.add(canonical(e)));
      return copy;
    }
    return node;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
