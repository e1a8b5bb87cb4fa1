package kz.egov.workflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

import static org.camunda.spin.Spin.JSON;

/**
 * {@code ${signedRequests}}: the request a provider's employee or a service-center operator signs with the own
 * EDS in Tasklist (R4 P4: "signs the filled request form: the data entered and the scanned documents attached").
 * The same document the portal signs ({@code {"service", "requestKind", "applicantId", "formData",
 * "attachments": [{"name", "sha256"}]}}, docs/applications.md), the scans being the Tasklist file variables.
 * <ul>
 *   <li>{@code ${signedRequests.prepare(execution)}}: a start listener of the signing task; sets the Json variable
 *       {@code requestDocument} that the form offers to sign;</li>
 *   <li>{@code ${signedRequests.checkSigned(task)}}: the complete listener of the signing task: a signature file is
 *       required (400 through {@code /engine-rest}, the task stays open);</li>
 *   <li>{@code ${signedRequests.cms(execution)}}: the signature to verify: {@code cms} sent with the application,
 *       else the file {@code requestSignature} uploaded in Tasklist;</li>
 *   <li>{@code ${signedRequests.bytes(execution)}}: its exact text (UTF-8), the {@code data} of {@code verifySignature}
 *       (a detached signature is verified over it, an attached one must carry exactly it); null when nothing was
 *       prepared (the signature came with the application, over the document the application API compared).</li>
 * </ul>
 */
@Component("signedRequests")
public class SignedRequests {

  public static final String DOCUMENT = "requestDocument";

  public void prepare(DelegateExecution execution) {
    SpinJsonNode document = JSON("{}");
    document.prop("service", StepInputs.required(execution, "service"));
    String kind = StepInputs.optional(execution, "requestKind");
    if (kind != null) {
      document.prop("requestKind", kind);
    }
    document.prop("applicantId", StepInputs.required(execution, "applicantId"));
    Object form = execution.getVariable("formData");
    document.prop("formData", form instanceof SpinJsonNode json ? json : JSON("{}"));
    SpinJsonNode attachments = JSON("[]");
    if (execution.getVariable(DocumentChecklist.LIST) != null) {
      for (DocumentChecklist.RequiredDocument required : DocumentChecklist.documents(execution)) {
        String variable = required.scanVariable();
        if (execution.getVariableTyped(variable) instanceof FileValue file) {
          SpinJsonNode item = JSON("{}");
          item.prop("name", variable);
          item.prop("sha256", sha256(file));
          attachments.append(item);
        }
      }
    }
    document.prop("attachments", attachments);
    execution.setVariable(DOCUMENT, SpinValues.jsonValue(document.toString()).create());
  }

  public void checkSigned(org.camunda.bpm.engine.delegate.DelegateTask task) {
    byte[] signature = file(task, "requestSignature");
    if (signature == null || signature.length == 0) {
      throw new org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException("requestSignature",
          "requestSignature: the request signed with your EDS (a CMS file) is required (ЭЦҚ қолтаңбасы / подпись ЭЦП)");
    }
    if (signature.length > 1024 * 1024) {
      throw new org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException("requestSignature",
          "requestSignature: larger than 1 MB, not a signature");
    }
  }

  public byte[] cms(VariableScope scope) {
    Object sent = scope.getVariable("cms");
    if (sent instanceof byte[] bytes && bytes.length > 0) {
      return bytes;
    }
    if (sent instanceof String text && !text.isBlank()) {
      try {
        return java.util.Base64.getMimeDecoder().decode(text.strip());
      } catch (IllegalArgumentException e) {
        return new byte[] {0}; // not base64: the verdict says MALFORMED, a refusal, not an incident
      }
    }
    return file(scope, "requestSignature");
  }

  private static byte[] file(VariableScope scope, String name) {
    if (!(scope.getVariableTyped(name) instanceof FileValue file)) {
      return null;
    }
    try (InputStream in = file.getValue()) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] bytes(VariableScope scope) {
    if (!(scope.getVariableTyped(DOCUMENT, false) instanceof JsonValue json)) {
      return null;
    }
    return json.getValueSerialized().getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(FileValue file) {
    try (InputStream in = file.getValue()) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      if (in != null) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
