package kz.egov.workflow.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import kz.egov.workflow.access.AccessProperties;
import kz.egov.workflow.signature.CertificateProfile;
import kz.egov.workflow.signature.CertificateProfiles;
import kz.egov.workflow.signature.ResultSigner;
import kz.egov.workflow.signature.Role;
import kz.egov.workflow.signature.SignatureVerdict;
import kz.egov.workflow.signature.SignatureVerifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues, finds and verifies result documents: forms the record, renders the PDF, signs it with the provider's
 * key ("signed with the EDS of the provider's authorised person") and stores all of it. Issuing again for the same
 * application and kind (a retried job) returns the stored document.
 */
@Service
public class ResultDocuments {

  private final DocumentStore store;
  private final DocumentRenderer renderer;
  private final ResultSigner signer;
  private final SignatureVerifier verifier;
  private final AccessProperties access;
  private final DocumentsProperties properties;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  public ResultDocuments(DocumentStore store, DocumentRenderer renderer, ResultSigner signer,
      SignatureVerifier verifier, AccessProperties access, DocumentsProperties properties,
      PlatformTransactionManager transactions, Clock clock) {
    this.store = store;
    this.renderer = renderer;
    this.signer = signer;
    this.verifier = verifier;
    this.access = access;
    this.properties = properties;
    // nested: inside the engine's transaction a taken key rolls back to a savepoint, and the transaction stays usable
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
  }

  @Autowired
  public ResultDocuments(DocumentStore store, DocumentRenderer renderer, ResultSigner signer,
      SignatureVerifier verifier, AccessProperties access, DocumentsProperties properties,
      PlatformTransactionManager transactions) {
    this(store, renderer, signer, verifier, access, properties, transactions, Clock.system(DocumentStore.KAZAKHSTAN));
  }

  /**
   * The document of this kind for the application: the stored one, or a new one formed, signed and stored.
   *
   * @throws IllegalArgumentException when the order lacks what the document needs (a modelling error)
   */
  public StoredDocument issue(DocumentOrder order) {
    if (order.kind() != null && order.applicationId() != null) {
      Optional<StoredDocument> issued = store.byApplication(order.applicationId(), order.kind());
      if (issued.isPresent()) {
        return issued.get();
      }
    }
    Particulars particulars = particulars(order);
    OffsetDateTime issuedAt = OffsetDateTime.now(clock).withOffsetSameInstant(DocumentStore.KAZAKHSTAN)
        .truncatedTo(ChronoUnit.SECONDS);
    for (int attempt = 0; ; attempt++) {
      String number = number(order, attempt);
      ResultDocument record = record(order, particulars, number, issuedAt, signer());
      byte[] pdf = renderer.render(record);
      StoredDocument document = new StoredDocument(record, pdf, signer.signDetached(pdf), sha256(pdf));
      try {
        savepoint.executeWithoutResult(status -> store.insert(document));
        return document;
      } catch (DuplicateKeyException taken) {
        Optional<StoredDocument> raced = store.byApplication(order.applicationId(), order.kind());
        if (raced.isPresent()) {
          return raced.get();
        }
        if (!order.duplicate() || attempt >= 3) {
          throw new IllegalStateException("Document number " + number + " is already taken by another application's"
              + " document: was the licence number " + order.licenceNumber() + " given twice?", taken);
        }
      }
    }
  }

  /** What an order's document prints besides the common fields; the order's problems are thrown. */
  private record Particulars(AccessProperties.Provider provider, ResultDocument.Licence licence,
      ResultDocument.Certificate certificate, ResultDocument.ArchivalCertificate archival) {}

  private Particulars particulars(DocumentOrder order) {
    List<String> problems = new ArrayList<>(order.problems());
    AccessProperties.Provider provider = access.providers().stream().filter(p -> p.id().equals(order.provider()))
        .findFirst().orElse(null);
    if (provider == null && order.provider() != null) {
      problems.add("provider '" + order.provider() + "' is not one of egov.access.providers");
    }
    ResultDocument.Licence licence = null;
    ResultDocument.Certificate certificate = null;
    ResultDocument.ArchivalCertificate archival = null;
    if (problems.isEmpty() && order.kind() == DocumentKind.LICENCE) {
      licence = licence(order, problems);
    }
    if (problems.isEmpty() && order.kind() == DocumentKind.CERTIFICATE) {
      certificate = CertificateParticulars.certificate(order.formData(), problems);
    }
    if (problems.isEmpty() && order.kind() == DocumentKind.ARCHIVAL_CERTIFICATE) {
      // R4: the local executive body's archives; the form names the state archive when another one holds the files
      archival = CertificateParticulars.archival(order.formData(), provider.nameKk() + " / " + provider.nameRu(),
          problems);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Cannot issue the " + (order.kind() == null ? "document" : order.kind().code())
          + " of application " + order.applicationId() + ": " + String.join("; ", problems));
    }
    return new Particulars(provider, licence, certificate, archival);
  }

  private ResultDocument record(DocumentOrder order, Particulars particulars, String number, OffsetDateTime issuedAt,
      ResultDocument.Signer signer) {
    return new ResultDocument(number, order.kind(), issuedAt, provider(particulars.provider()),
        new ResultDocument.Applicant(order.applicantId(), order.applicantName(), order.applicantAddress()),
        order.applicationId(), order.applicationNumber(), order.applicationRegisteredAt() == null ? null
        : order.applicationRegisteredAt().withOffsetSameInstant(DocumentStore.KAZAKHSTAN), order.service(),
        order.requestKind(), particulars.licence(), refusal(order), signer, properties.verificationUrl(number),
        particulars.certificate(), particulars.archival());
  }

  /**
   * The official who is to sign a draft with his or her own EDS: the engine user, the name printed on the
   * document, the IIN on record for the user (staffMembers), and whether he or she signs as the head.
   */
  public record Signatory(String userId, String name, String iin, boolean head) {}

  /**
   * Forms and renders the document as a draft for {@code signatory} to sign (R3 item 5 step 5: the executor
   * prepares the certificate; step 3: the motivated refusal), replacing an earlier draft of the application's kind.
   * The PDF names the signatory; the organisation and its BIN are the provider's (its signing certificate).
   *
   * @throws IllegalArgumentException when the order lacks what the document needs
   * @throws IllegalStateException when the application's document of this kind is issued already
   */
  public DocumentDraft prepareDraft(DocumentOrder order, Signatory signatory, String preparedBy) {
    if (order.kind() != null && order.applicationId() != null
        && store.byApplication(order.applicationId(), order.kind()).isPresent()) {
      throw new IllegalStateException("The " + order.kind().code() + " of application " + order.applicationId()
          + " is signed and issued already");
    }
    if (order.kind() == DocumentKind.LICENCE && order.duplicate()) {
      throw new IllegalArgumentException("a duplicate licence is not drafted for an official's signature");
    }
    Particulars particulars = particulars(order);
    OffsetDateTime preparedAt = OffsetDateTime.now(clock).withOffsetSameInstant(DocumentStore.KAZAKHSTAN)
        .truncatedTo(ChronoUnit.SECONDS);
    ResultDocument.Signer provider = signer();
    ResultDocument.Signer signer = new ResultDocument.Signer(signatory.name(), signatory.iin(), provider.bin(),
        provider.organisation(), signatory.head(), null, null);
    ResultDocument record = record(order, particulars, number(order, 0), preparedAt, signer);
    byte[] pdf = renderer.render(record);
    DocumentDraft draft = new DocumentDraft(record, pdf, sha256(pdf), signatory.userId(), preparedBy, preparedAt);
    store.saveDraft(draft);
    return draft;
  }

  /** Whether {@code group} is a provider's staff group ({@code egov.access.providers}). */
  boolean isProvider(String group) {
    return access.providers().stream().anyMatch(p -> p.id().equals(group));
  }

  public Optional<DocumentDraft> draft(String applicationId, DocumentKind kind) {
    return store.draft(applicationId, kind);
  }

  /**
   * The draft becomes the application's result, with the official's detached CMS over its exact PDF bytes as its
   * {@code .p7s}; the record names the certificate that signed it. The caller has verified the signature
   * (process: the head's task listener). Issuing again (a repeated completion) returns the stored document.
   *
   * @throws IllegalStateException when there is no draft to sign
   */
  public StoredDocument issueDrafted(String applicationId, DocumentKind kind, byte[] cms,
      CertificateProfile signedWith) {
    Optional<StoredDocument> issued = store.byApplication(applicationId, kind);
    if (issued.isPresent()) {
      return issued.get();
    }
    DocumentDraft draft = store.draft(applicationId, kind).orElseThrow(() -> new IllegalStateException(
        "Application " + applicationId + " has no draft " + kind.code() + " to sign"));
    ResultDocument.Signer printed = draft.record().signer();
    ResultDocument.Signer signer = new ResultDocument.Signer(printed.name(), signedWith.iin(), printed.bin(),
        printed.organisation(), printed.head(), signedWith.serialNumber(), signedWith.issuer());
    StoredDocument document = new StoredDocument(draft.record().signedBy(signer), draft.pdf(), cms, draft.pdfSha256());
    savepoint.executeWithoutResult(status -> {
      store.insert(document);
      store.deleteDraft(applicationId, kind);
    });
    return document;
  }

  public Optional<StoredDocument> byNumber(String number) {
    return store.byNumber(number);
  }

  public Optional<StoredDocument> resultOf(String applicationId) {
    return store.resultOf(applicationId);
  }

  /**
   * What anyone may learn about a document by its number: only what is printed on it, its PDF's SHA-256, and
   * whether the provider's signature over the stored PDF verifies now.
   */
  public Optional<DocumentVerification> verify(String number) {
    return store.byNumber(number).map(document -> {
      ResultDocument record = document.record();
      SignatureVerdict verdict = verifier.verify(document.signature(), document.pdf(), SignatureVerifier.Expected.none());
      String stored = sha256(document.pdf());
      boolean intact = stored.equals(document.pdfSha256());
      List<String> reasons = new ArrayList<>(verdict.reasons().stream().map(Enum::name).toList());
      if (!intact) {
        reasons.add("STORED_PDF_CHANGED");
      }
      return new DocumentVerification(true, record.number(), record.kind(), record.kind().titleKk(),
          record.kind().titleRu(), record.issuedAt(), record.applicant().name(),
          new DocumentVerification.Issuer(record.provider().id(), record.provider().nameKk(),
              record.provider().nameRu()),
          new DocumentVerification.SignedBy(record.signer().name(), record.signer().bin(),
              record.signer().organisation()),
          document.pdfSha256(), verdict.valid() && intact, reasons, verdict.verifiedAt());
    });
  }

  /** Whether {@code pdf} is, byte for byte, the document stored under {@code number}. */
  public Optional<DocumentComparison> compare(String number, byte[] pdf) {
    return store.byNumber(number).map(document -> {
      String submitted = sha256(pdf);
      boolean unchanged = submitted.equals(document.pdfSha256());
      return new DocumentComparison(true, document.number(), unchanged, unchanged ? "unchanged" : "altered", submitted,
          document.pdfSha256());
    });
  }

  private ResultDocument.Provider provider(AccessProperties.Provider provider) {
    DocumentsProperties.Bilingual place = properties.placesOfIssue().get(provider.id());
    DocumentsProperties.Bilingual details = properties.authorityDetails().get(provider.id());
    return new ResultDocument.Provider(provider.id(), provider.nameKk(), provider.nameRu(),
        place == null ? null : place.kk(), place == null ? null : place.ru(), details == null ? null : details.kk(),
        details == null ? null : details.ru());
  }

  private String number(DocumentOrder order, int attempt) {
    return switch (order.kind()) {
      case LICENCE -> order.duplicate()
          // a duplicate repeats the licence's number; the document gets its own: <licence>-D1, -D2, ...
          ? order.licenceNumber() + "-D" + (store.countNumbered(order.licenceNumber() + "-D") + 1 + attempt)
          : order.licenceNumber();
      // one motivated refusal answers one registered application
      case REFUSAL -> order.applicationNumber() + "-REF";
      // R1 P9, R3 step 5: the certificate answers one registered application, as R4's archival certificate does
      case CERTIFICATE -> order.applicationNumber() + "-CERT";
      case ARCHIVAL_CERTIFICATE -> order.applicationNumber() + "-AC";
    };
  }

  private ResultDocument.Licence licence(DocumentOrder order, List<String> problems) {
    JsonNode form = order.formData();
    DocumentsProperties.Bilingual configured = properties.activities().get(order.service());
    String activity = text(form, "activity");
    String activityKk = first(text(form, "activityKk"), activity, configured == null ? null : configured.kk());
    String activityRu = first(text(form, "activityRu"), activity, configured == null ? null : configured.ru());
    if (activityKk == null || activityRu == null) {
      problems.add("the kind of activity: formData.activityKk/activityRu (or activity), or egov.documents.activities."
          + order.service());
    }
    List<String> subtypes = new ArrayList<>();
    JsonNode listed = form == null ? null : first(form.get("subtypes"), form.get("activitySubtypes"));
    if (listed != null && listed.isArray()) {
      listed.forEach(s -> Optional.ofNullable(plain(s)).ifPresent(subtypes::add));
    } else if (listed != null) {
      Optional.ofNullable(plain(listed)).ifPresent(subtypes::add);
    }
    // codes the form sends (archaeological, ...) print as the configured names
    subtypes.replaceAll(code -> properties.subtype(order.service(), code));
    String place = first(text(form, "place"), text(form, "activityPlace"), text(form, "siteAddress"));
    OffsetDateTime today = OffsetDateTime.now(clock).withOffsetSameInstant(DocumentStore.KAZAKHSTAN);
    return new ResultDocument.Licence(order.licenceNumber(),
        order.licenceIssuedOn() == null ? today.toLocalDate() : order.licenceIssuedOn(), activityKk, activityRu,
        subtypes, place, first(blankToNull(order.specialConditions()), text(form, "specialConditions")),
        order.duplicate());
  }

  private static ResultDocument.Refusal refusal(DocumentOrder order) {
    if (order.kind() != DocumentKind.REFUSAL) {
      return null;
    }
    return new ResultDocument.Refusal(order.refusalStep(), order.refusalReason(),
        first(order.refusalReasonKk(), order.refusalReason()), first(order.refusalReasonRu(), order.refusalReason()));
  }

  private ResultDocument.Signer signer() {
    try {
      CertificateProfile profile = CertificateProfiles.read(new JcaX509CertificateHolder(signer.certificate()));
      return new ResultDocument.Signer(profile.holderName(), profile.iin(), profile.bin(), profile.organisation(),
          profile.roles().contains(Role.FIRST_HEAD), profile.serialNumber(), profile.issuer());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("the signing certificate cannot be read: " + e.getMessage(), e);
    }
  }

  /** A form field as text: a string, a number, or an object's {@code address} / {@code name}. */
  private static String text(JsonNode form, String field) {
    return form == null ? null : plain(form.get(field));
  }

  private static String plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      return first(plain(node.get("address")), plain(node.get("name")), plain(node.get("nameRu")));
    }
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(n -> Optional.ofNullable(plain(n)).ifPresent(parts::add));
      return parts.isEmpty() ? null : String.join(", ", parts);
    }
    String text = node.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
