package kz.egov.workflow.application;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.identity.IdentificationNumbers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/applications}: the portal, the service centers' systems and the provider's staff submit
 * applications and read their status (docs/applications.md). Who may submit on which channel and who may
 * read is {@link ServiceCatalog}'s; bad input is one 400 listing every problem.
 */
@RestController
@RequestMapping(ApplicationLinks.BASE)
class ApplicationController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private final ApplicationSubmissions submissions;
  private final ApplicationViews views;
  private final ApplicationStore store;
  private final ServiceCatalog catalog;

  ApplicationController(ApplicationSubmissions submissions, ApplicationViews views, ApplicationStore store,
      ServiceCatalog catalog) {
    this.submissions = submissions;
    this.views = views;
    this.store = store;
    this.catalog = catalog;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> submit(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestBody JsonNode body, Authentication authentication) {
    ApplicationSubmissions.Receipt receipt = submissions.submit(body, idempotencyKey, Caller.of(authentication));
    URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(ApplicationLinks.self(receipt.id()))
        .build().toUri();
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED).location(location);
    if (receipt.replayed()) {
      answer.header(REPLAYED, "true");
    }
    return answer.body(receipt.response());
  }

  @GetMapping("/{id}")
  ApplicationView application(@PathVariable String id, Authentication authentication) {
    return views.view(id, Caller.of(authentication));
  }

  @GetMapping
  ApplicationView.Page applications(@RequestParam String applicantId,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
      Authentication authentication) {
    List<String> problems = new java.util.ArrayList<>();
    IdentificationNumbers.iinOrBinProblem(applicantId).ifPresent(p -> problems.add("applicantId: " + p));
    if (page < 0) {
      problems.add("page: 0 or more");
    }
    if (size < 1 || size > 100) {
      problems.add("size: 1 to 100");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return views.list(applicantId, page, size, Caller.of(authentication));
  }

  /** The attachments' names, types, sizes and hashes, for whoever may read the application. */
  @GetMapping("/{id}/attachments")
  List<Map<String, Object>> attachments(@PathVariable String id, Authentication authentication) {
    ApplicationViews.Located located = views.locate(id, Caller.of(authentication));
    return store.attachments(located.id()).stream().map(a -> Map.<String, Object>of("position", a.position(),
        "name", a.name(), "contentType", a.contentType(), "size", a.size(), "sha256", a.sha256(),
        "link", ApplicationLinks.attachments(located.id()) + "/" + a.position())).toList();
  }

  /** An attachment's bytes (positions from 1), for the provider's staff who examine it, auditors and administrators. */
  @GetMapping("/{id}/attachments/{position}")
  ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable int position,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    ApplicationViews.Located located = views.locate(id, caller);
    if (!catalog.mayReadAttachments(located.service(), caller.groups())) {
      throw new AttachmentsForbiddenException(caller.userId() + " may read application " + id
          + " but not its attachments (the provider's staff, auditors and administrators may)");
    }
    ApplicationStore.AttachmentInfo info = store.attachments(located.id()).stream()
        .filter(a -> a.position() == position).findFirst()
        .orElseThrow(() -> new ApplicationViews.ApplicationNotFoundException(id + " attachment " + position));
    byte[] content = store.attachmentContent(located.id(), position).orElseThrow();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(info.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(info.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-SHA256", info.sha256())
        .body(content);
  }

  static class AttachmentsForbiddenException extends RuntimeException {
    AttachmentsForbiddenException(String message) {
      super(message);
    }
  }
}
