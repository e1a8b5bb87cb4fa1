package kz.egov.workflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.egov.workflow.access.StaffMembers;
import kz.egov.workflow.documents.DocumentDraft;
import kz.egov.workflow.documents.DocumentKind;
import kz.egov.workflow.documents.DocumentOrder;
import kz.egov.workflow.documents.ResultDocuments;
import kz.egov.workflow.documents.StoredDocument;
import kz.egov.workflow.identity.Iin;
import kz.egov.workflow.signature.SignatureProperties;
import kz.egov.workflow.signature.SignatureVerdict;
import kz.egov.workflow.signature.SignatureVerifier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * {@code ${resultDrafts}}: results that an official signs with his or her own EDS, not the provider's key (R3 item
 * 5: step 5 the executor prepares the certificate, step 3 the motivated refusal; step 6 the head signs it).
 * <ul>
 *   <li>{@link #prepare}: forms the document as a draft naming its signatory (the user in {@code headId}), and
 *       gives the head's task the exact PDF to sign: the file variable {@code resultDraft} (Tasklist downloads it)
 *       and {@code GET /api/v1/applications/{id}/draft.pdf}. Sets {@code resultDraftKind}, {@code resultDraftNumber},
 *       {@code resultDraftSha256}, {@code resultDraftPreparedBy}.</li>
 *   <li>{@link #sign}: the head's complete listener. The detached CMS in {@code headSignature} (a {@code .p7s} file
 *       from the embedded form, or Bytes / base64 text through {@code /engine-rest}) must verify over the draft's
 *       exact bytes: chain, validity, not revoked, and the signer's IIN = {@code staffMembers.iin(head)}. Then the
 *       draft becomes the result with that signature ({@code resultDocumentNumber}, {@code resultDocumentKind},
 *       {@code resultSignedBy}, {@code resultSignerIin}, {@code resultSignedAt}); otherwise 400 and the task stays
 *       open.</li>
 * </ul>
 */
@Component("resultDrafts")
public class ResultDrafts {

  static final String SIGNATURE = "headSignature";
  /** A detached CMS with a certificate chain is a few kilobytes; anything far larger is not one. */
  static final int MAX_SIGNATURE_BYTES = 256 * 1024;

  private final ResultDocuments documents;
  private final IssueDocument orders;
  private final StaffMembers staff;
  private final SignatureVerifier verifier;
  private final SignatureProperties signatureProperties;
  private final IdentityService identity;

  public ResultDrafts(ResultDocuments documents, IssueDocument orders, StaffMembers staff, SignatureVerifier verifier,
      SignatureProperties signatureProperties, IdentityService identity) {
    this.documents = documents;
    this.orders = orders;
    this.staff = staff;
    this.verifier = verifier;
    this.signatureProperties = signatureProperties;
    this.identity = identity;
  }

  /** The certificate's draft (R3 item 5 step 5). */
  public void prepareCertificate(DelegateTask task) {
    prepare(task, order(task, DocumentKind.CERTIFICATE));
  }

  /** The motivated refusal's draft at {@code step} with the person's {@code reason} (R3 item 5 step 3). */
  public void prepareRefusal(DelegateTask task, String step, String reason) {
    prepare(task, order(task, DocumentKind.CERTIFICATE).refusal(step, reason));
  }

  private DocumentOrder order(DelegateTask task, DocumentKind kind) {
    String applicationId = task.getExecution().getProcessBusinessKey();
    return orders.order(task, kind, applicationId);
  }

  void prepare(DelegateTask task, DocumentOrder order) {
    String signatory = text(task, "headId");
    if (signatory == null) {
      throw new IllegalStateException("Step '" + task.getName() + "': no head appointed (headId) to sign the "
          + order.kind().code());
    }
    String iin = staff.find(signatory).map(Iin::value).orElseThrow(() -> new FormFieldValidationException("headId",
        "No IIN is on record for the head " + signatory + ", who is to sign: an administrator records it (PUT"
            + " /api/v1/staff/" + signatory + "/iin), then complete this task again (басшының ЖСН-і тіркелмеген /"
            + " ИИН руководителя не записан)"));
    DocumentDraft draft;
    try {
      draft = documents.prepareDraft(order, new ResultDocuments.Signatory(signatory, fullName(signatory), iin, true),
          actor(task));
    } catch (IllegalArgumentException e) {
      throw new FormFieldValidationException("formData", "The " + order.kind().code() + " cannot be formed: "
          + e.getMessage());
    }
    task.setVariable("resultDraftKind", draft.record().kind().code());
    task.setVariable("resultDraftNumber", draft.number());
    task.setVariable("resultDraftSha256", draft.pdfSha256());
    task.setVariable("resultDraftPreparedBy", actor(task));
    task.setVariable("resultDraft", Variables.fileValue(draft.number() + "-draft.pdf").file(draft.pdf())
        .mimeType("application/pdf").create());
  }

  /** The head's complete listener: the signature over the draft, by the head, or 400. */
  public void sign(DelegateTask task) {
    String kindCode = text(task, "resultDraftKind");
    DocumentKind kind = DocumentKind.ofCode(kindCode == null ? "" : kindCode).orElseThrow(() ->
        new IllegalStateException("Step '" + task.getName() + "': no draft was prepared (resultDraftKind)"));
    String applicationId = task.getExecution().getProcessBusinessKey();
    String head = task.getAssignee() != null ? task.getAssignee() : actor(task);
    String actor = actor(task);
    if (actor != null && head != null && !actor.equals(head)) {
      throw new FormFieldValidationException(SIGNATURE, "Only " + head + ", the head this application is assigned"
          + " to, signs it; " + actor + " may not (тек " + head + " қол қояды / подписывает только " + head + ")");
    }
    DocumentDraft draft = documents.draft(applicationId, kind).orElseThrow(() -> new IllegalStateException(
        "Application " + applicationId + " has no draft " + kind.code() + " to sign"));
    if (!draft.signatory().equals(head)) {
      throw new FormFieldValidationException(SIGNATURE, "The draft " + draft.number() + " names " + draft.signatory()
          + " as its signatory, not " + head + ": the executor prepares it again for " + head);
    }
    byte[] cms = signature(task);
    String iin = staff.find(head).map(Iin::value).orElseThrow(() -> new FormFieldValidationException(SIGNATURE,
        "No IIN is on record for " + head + ": an administrator records it (PUT /api/v1/staff/" + head
            + "/iin) before the signature can be checked"));
    SignatureVerdict verdict = verifier.verify(cms, draft.pdf(),
        SignatureVerifier.Expected.iin(Iin.parse(iin, signatureProperties.testPki())));
    if (!verdict.valid()) {
      String codes = verdict.reasons().stream().map(Enum::name).collect(Collectors.joining(", "));
      throw new FormFieldValidationException(SIGNATURE, "The signature of " + draft.number() + " is not accepted ("
          + codes + "): " + verdict.summary() + " / " + verdict.summaryRu() + " / " + verdict.summaryKk());
    }
    StoredDocument document = documents.issueDrafted(applicationId, kind, cms, verdict.signer().certificate());
    task.setVariable("resultDocumentNumber", document.number());
    task.setVariable("resultDocumentKind", document.record().kind().code());
    task.setVariable("resultSignedBy", head);
    task.setVariable("resultSignerIin", verdict.signer().certificate().iin());
    task.setVariable("resultSignedAt", ClockUtil.getCurrentTime());
    task.removeVariable("resultDraft");
  }

  /** The detached CMS: a file (.p7s), Bytes, or base64 text (PEM armour allowed). */
  private static byte[] signature(DelegateTask task) {
    TypedValue typed = task.getVariableTyped(SIGNATURE);
    Object value = typed == null ? null : typed.getValue();
    byte[] cms;
    if (typed instanceof FileValue file) {
      try (InputStream in = file.getValue()) {
        cms = in == null ? new byte[0] : in.readNBytes(MAX_SIGNATURE_BYTES + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else if (value instanceof byte[] bytes) {
      cms = bytes;
    } else if (value instanceof String text && !text.isBlank()) {
      String base64 = text.replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "").replaceAll("\\s", "");
      try {
        cms = Base64.getDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        throw new FormFieldValidationException(SIGNATURE, SIGNATURE + ": not base64 of a CMS signature (.p7s)");
      }
    } else {
      cms = new byte[0];
    }
    if (cms.length > 0 && cms[0] != 0x30) {
      // EDS tools (NCALayer) often save the .p7s as base64 or PEM text rather than DER
      byte[] der = SignatureUploads.der(cms);
      cms = der == null ? cms : der;
    }
    if (cms.length == 0) {
      throw new FormFieldValidationException(SIGNATURE, SIGNATURE + ": the detached CMS signature (.p7s) of the"
          + " draft is required (қолтаңба файлы / файл подписи .p7s)");
    }
    if (cms.length > MAX_SIGNATURE_BYTES) {
      throw new FormFieldValidationException(SIGNATURE, SIGNATURE + ": more than " + MAX_SIGNATURE_BYTES
          + " bytes is not a signature");
    }
    return cms;
  }

  /** Who completes the task: the signed-in user, else its assignee. */
  static String actor(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
  }

  private String fullName(String userId) {
    var command = Context.getCommandContext();
    User user = command == null ? lookUp(userId) : command.runWithoutAuthorization(() -> lookUp(userId));
    if (user == null) {
      return userId;
    }
    String name = Stream.of(user.getFirstName(), user.getLastName()).filter(s -> s != null && !s.isBlank())
        .collect(Collectors.joining(" "));
    return name.isEmpty() ? userId : name;
  }

  private User lookUp(String userId) {
    return identity.createUserQuery().userId(userId).singleResult();
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
