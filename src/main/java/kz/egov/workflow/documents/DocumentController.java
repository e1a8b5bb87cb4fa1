package kz.egov.workflow.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import kz.egov.workflow.application.ApiErrors;
import kz.egov.workflow.application.ApplicationViews;
import kz.egov.workflow.application.Caller;
import kz.egov.workflow.application.InvalidRequestException;
import kz.egov.workflow.application.ServiceCatalog;
import kz.egov.workflow.access.SystemGroup;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Results over {@code /api/v1}: an application's signed result as PDF, its detached signature and its record
 * (readers: {@link DocumentAccess}); and the public verification of a document by its number, which the QR code
 * on every document links to (no sign-in).
 */
@RestController
@RequestMapping("/api/v1")
class DocumentController {

  static final MediaType PKCS7_SIGNATURE = MediaType.parseMediaType("application/pkcs7-signature");
  /** A result PDF is a few hundred kilobytes; anything far larger is not one of ours. */
  static final int MAX_PDF_BYTES = 20 * 1024 * 1024;

  private final ResultDocuments documents;
  private final DocumentAccess access;
  private final ServiceCatalog catalog;
  private final ApplicationViews views;

  DocumentController(ResultDocuments documents, DocumentAccess access, ServiceCatalog catalog,
      ApplicationViews views) {
    this.documents = documents;
    this.access = access;
    this.catalog = catalog;
    this.views = views;
  }

  @GetMapping("/applications/{id}/result")
  ResponseEntity<byte[]> pdf(@PathVariable String id, Authentication caller) {
    StoredDocument document = readable(id, caller);
    return file(document.pdf(), MediaType.APPLICATION_PDF, document.number() + ".pdf");
  }

  @GetMapping("/applications/{id}/result.p7s")
  ResponseEntity<byte[]> signature(@PathVariable String id, Authentication caller) {
    StoredDocument document = readable(id, caller);
    return file(document.signature(), PKCS7_SIGNATURE, document.number() + ".pdf.p7s");
  }

  @GetMapping(path = "/applications/{id}/result.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResultDocument record(@PathVariable String id, Authentication caller) {
    return readable(id, caller).record();
  }

  @GetMapping(path = "/documents/{number}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> verify(@PathVariable String number) {
    return documents.verify(number).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notOurs(number));
  }

  /** The PDF someone holds, as the request body: is it, byte for byte, the one we issued under this number? */
  @PostMapping(path = "/documents/{number}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> compare(@PathVariable String number, InputStream body) throws IOException {
    byte[] pdf = body.readNBytes(MAX_PDF_BYTES + 1);
    if (pdf.length == 0) {
      throw new InvalidRequestException("body: send the PDF's bytes (Content-Type: application/pdf)");
    }
    if (pdf.length > MAX_PDF_BYTES) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(ApiErrors.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Too large",
              List.of("body: at most " + MAX_PDF_BYTES + " bytes; no document of ours is that large")));
    }
    return documents.compare(number, pdf).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notOurs(number));
  }

  private StoredDocument readable(String applicationId, Authentication caller) {
    if (!access.mayReadSome(caller) && caller != null && caller.getAuthorities().stream()
        .anyMatch(a -> SystemGroup.SERVICE_CENTER_OPERATOR.id().equals(a.getAuthority()))) {
      // R5 №3 P9: the operator hands the result over, so reads the results of the service-center applications the
      // operator may read (of a confidential service: the operator's own); nothing else, and no hint what exists
      ApplicationViews.Located located;
      try {
        located = views.locate(applicationId, Caller.of(caller));
      } catch (ApplicationViews.ApplicationNotFoundException e) {
        throw new AccessDeniedException("not an application the operator may read");
      }
      if (!ServiceCatalog.SERVICE_CENTER.equals(located.channel())) {
        throw new AccessDeniedException("not a service-center application");
      }
      return documents.resultOf(applicationId)
          .orElseThrow(() -> new DocumentNotFoundException("Application " + applicationId + " has no result document"));
    }
    if (!access.mayReadSome(caller)) {
      throw new AccessDeniedException("no group that reads results");
    }
    StoredDocument document = documents.resultOf(applicationId)
        .orElseThrow(() -> new DocumentNotFoundException("Application " + applicationId + " has no result document"));
    if (catalog.confidential(document.record().service())) {
      // R5 item 17: only whoever may read the application itself (its own applicant's channel, not every one)
      try {
        views.locate(applicationId, Caller.of(caller));
      } catch (ApplicationViews.ApplicationNotFoundException e) {
        throw new DocumentNotFoundException("Application " + applicationId + " has no result document");
      }
    }
    if (!access.mayRead(caller, document.record()) && !mayReadApplication(applicationId, caller)) {
      throw new AccessDeniedException("the result of an application the caller neither submitted nor examines");
    }
    return document;
  }

  /** The portal and the service centers read the results of what they submitted (ApplicationViews' rule). */
  private boolean mayReadApplication(String applicationId, Authentication caller) {
    try {
      views.locate(applicationId, Caller.of(caller));
      return true;
    } catch (ApplicationViews.ApplicationNotFoundException e) {
      return false;
    }
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.setContentDisposition(ContentDisposition.inline().filename(name).build());
    return new ResponseEntity<>(bytes, headers, HttpStatus.OK);
  }

  private static ResponseEntity<ProblemDetail> notOurs(String number) {
    ProblemDetail problem = ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found",
        List.of("No document number " + number + " was issued here"));
    problem.setProperty("ours", false);
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(DocumentNotFoundException.class)
  ProblemDetail notFound(DocumentNotFoundException e) {
    return ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found", List.of(e.getMessage()));
  }

  static class DocumentNotFoundException extends RuntimeException {
    DocumentNotFoundException(String message) {
      super(message);
    }
  }
}
