package kz.egov.workflow.documents;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.egov.workflow.application.ApiErrors;
import kz.egov.workflow.application.InvalidRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/applications/{id}/draft.pdf[?kind=certificate|refusal]}: the draft an official is to sign
 * (R3 item 5 step 6: the head signs the certificate or the motivated refusal the executor prepared). The head
 * signs these exact bytes with his or her EDS tool and uploads the detached CMS ({@code .p7s}) in the task.
 * Staff only: the provider's own staff and administrators; applicants and systems see only the signed result.
 */
@RestController
@RequestMapping("/api/v1")
class DraftController {

  private final ResultDocuments documents;

  DraftController(ResultDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/applications/{id}/draft.pdf")
  ResponseEntity<?> draft(@PathVariable String id, @RequestParam(required = false) String kind,
      Authentication caller) {
    Set<String> groups = caller == null ? Set.of() : caller.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    // before saying whether a draft exists: only staff of some provider and administrators read drafts
    if (!groups.contains(DocumentAccess.ADMIN) && groups.stream().noneMatch(documents::isProvider)) {
      throw new AccessDeniedException("drafts are read by the provider's staff");
    }
    List<DocumentKind> kinds;
    if (kind == null || kind.isBlank()) {
      kinds = List.of(DocumentKind.values());
    } else {
      kinds = List.of(DocumentKind.ofCode(kind).orElseThrow(() -> new InvalidRequestException(
          "kind: one of licence, refusal, certificate, archival-certificate, not '" + kind + "'")));
    }
    Optional<DocumentDraft> draft = kinds.stream().flatMap(k -> documents.draft(id, k).stream())
        .max(java.util.Comparator.comparing(DocumentDraft::preparedAt));
    if (draft.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found", List.of("Application " + id
              + " has no draft awaiting a signature" + (kind == null ? "" : " of kind " + kind))));
    }
    String provider = draft.get().record().provider().id();
    if (!groups.contains(DocumentAccess.ADMIN) && !groups.contains(provider)) {
      throw new AccessDeniedException("the draft of another provider's application");
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(ContentDisposition.inline().filename(draft.get().number() + "-draft.pdf").build());
    headers.set("X-Document-Sha256", draft.get().pdfSha256());
    headers.set("X-Signatory", draft.get().signatory());
    return new ResponseEntity<>(draft.get().pdf(), headers, HttpStatus.OK);
  }
}
