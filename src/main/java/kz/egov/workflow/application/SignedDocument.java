package kz.egov.workflow.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;

/**
 * The application document the applicant signs on the portal (R2 №1 P8), encapsulated in the CMS:
 * {@code {"service", "requestKind", "applicantId", "formData", "attachments": [{"name", "sha256"}]}} ({@code requestKind}
 * only where the service has kinds of request). Here the
 * CMS is only read, not verified (that is the diagram's C3, {@code ${verifySignature}}): what was signed must
 * be what is submitted, or the diagram would judge a signature over something else.
 */
final class SignedDocument {

  static final List<String> FIELDS = List.of("service", "requestKind", "applicantId", "formData", "attachments");

  private SignedDocument() {}

  /**
   * What keeps the signature from covering this request: an unreadable CMS, a detached one, content that is
   * not the JSON document, or a field that differs. Empty when the signed document equals {@code expected}.
   */
  static List<String> problems(byte[] cms, ObjectNode expected, ObjectMapper json) {
    CMSSignedData signed;
    try {
      signed = new CMSSignedData(cms);
    } catch (CMSException | RuntimeException e) {
      return List.of("signature: not a readable CMS SignedData");
    }
    if (signed.getSignerInfos().size() == 0) {
      return List.of("signature: the CMS has no signer");
    }
    CMSTypedData content = signed.getSignedContent();
    if (content == null || !(content.getContent() instanceof byte[] bytes)) {
      return List.of("signature: the CMS is detached; the signed application document must be encapsulated"
          + " (openssl cms -sign -nodetach)");
    }
    JsonNode document;
    try {
      document = json.readTree(bytes);
    } catch (IOException e) {
      return List.of("signature: the signed content is not a JSON document");
    }
    if (!(document instanceof ObjectNode)) {
      return List.of("signature: the signed content is not a JSON object");
    }
    List<String> problems = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>(FIELDS);
    document.fieldNames().forEachRemaining(names::add);
    for (String field : names) {
      JsonNode signedValue = document.get(field);
      JsonNode submitted = expected.get(field);
      if (!FIELDS.contains(field)) {
        problems.add("signature: the signed document has a field '" + field + "' that is not part of it");
      } else if (signedValue == null && (submitted == null || submitted.isNull())) {
        // a field the request does not have either: a service without kinds of request (R1, R3) signs none
        continue;
      } else if (signedValue == null) {
        problems.add("signature: the signed document has no " + field);
      } else if (!signedValue.equals(submitted)) {
        problems.add("signature: the signed " + field + " differs from the request's"
            + firstDifference(signedValue, submitted, "").map(p -> " (at " + field + p + ")").orElse(""));
      }
    }
    return problems;
  }

  /** The first place where two JSON values differ, as a path such as {@code .metals[1]}. */
  private static java.util.Optional<String> firstDifference(JsonNode a, JsonNode b, String path) {
    if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
      return path.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(path);
    }
    if (a.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (!java.util.Objects.equals(a.get(name), b.get(name))) {
          return firstDifference(a.get(name), b.get(name), path + "." + name).or(() -> java.util.Optional.of(path
              + "." + name));
        }
      }
      return java.util.Optional.empty();
    }
    if (a.isArray()) {
      Iterator<JsonNode> left = a.elements();
      Iterator<JsonNode> right = b.elements();
      for (int i = 0; left.hasNext() || right.hasNext(); i++) {
        JsonNode l = left.hasNext() ? left.next() : null;
        JsonNode r = right.hasNext() ? right.next() : null;
        if (!java.util.Objects.equals(l, r)) {
          String at = path + "[" + i + "]";
          return firstDifference(l, r, at).or(() -> java.util.Optional.of(at));
        }
      }
      return java.util.Optional.empty();
    }
    return a.equals(b) || path.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(path);
  }
}
