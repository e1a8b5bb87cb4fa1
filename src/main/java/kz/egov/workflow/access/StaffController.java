package kz.egov.workflow.access;

import java.util.List;
import java.util.Map;
import kz.egov.workflow.application.ApiErrors;
import kz.egov.workflow.application.InvalidRequestException;
import kz.egov.workflow.identity.Iin;
import kz.egov.workflow.identity.InvalidIdentifierException;
import org.camunda.bpm.engine.IdentityService;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The IIN on record for a staff member (see {@link StaffMembers}): administrators record it, the member
 * and auditors read it.
 */
@RestController
@RequestMapping("/api/v1/staff")
class StaffController {

  private final IdentityService identityService;
  private final StaffMembers staff;
  private final ObjectProvider<DemoPki> demo;

  StaffController(IdentityService identityService, StaffMembers staff, ObjectProvider<DemoPki> demo) {
    this.identityService = identityService;
    this.staff = staff;
    this.demo = demo;
  }

  record StaffView(String userId, String firstName, String lastName, String iin) {}

  @GetMapping("/{userId}")
  @PreAuthorize("hasAnyAuthority('camunda-admin', 'auditor') or #userId == authentication.name")
  ResponseEntity<?> read(@PathVariable String userId) {
    return view(userId);
  }

  @PutMapping("/{userId}/iin")
  @PreAuthorize("hasAuthority('camunda-admin')")
  ResponseEntity<?> record(@PathVariable String userId, @RequestBody(required = false) Map<String, Object> body) {
    Object text = body == null ? null : body.get("iin");
    if (text == null || text.toString().isBlank()) {
      throw new InvalidRequestException(List.of("iin: required, the staff member's 12-digit IIN"));
    }
    Iin iin;
    try {
      iin = Iin.parse(text.toString().strip());
    } catch (InvalidIdentifierException e) {
      throw new InvalidRequestException(List.of("iin: " + e.getMessage()));
    }
    if (!staff.exists(userId)) {
      return notFound(userId);
    }
    staff.record(userId, iin);
    return view(userId);
  }

  private ResponseEntity<?> view(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return notFound(userId);
    }
    return ResponseEntity.ok(new StaffView(user.getId(), user.getFirstName(), user.getLastName(),
        staff.find(userId).map(Iin::value).orElse(null)));
  }

  private static ResponseEntity<ProblemDetail> notFound(String userId) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found", List.of("no user '" + userId + "'")));
  }

  /**
   * Demo mode: a staff member downloads the demo signing key that carries the IIN on record (PKCS#12,
   * password {@code demo}), to sign where the regulation asks for the member's own EDS.
   */
  @GetMapping("/me/demo-key")
  ResponseEntity<?> demoKey(Authentication authentication) throws java.io.IOException {
    DemoPki pki = demo.getIfAvailable();
    String userId = authentication.getName();
    if (pki == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found",
          List.of("demo keys exist only in demo mode; use the key your certification authority issued")));
    }
    String demoIin = DemoPki.staffIin(userId);
    String onRecord = staff.find(userId).map(Iin::value).orElse(null);
    if (!demoIin.equals(onRecord)) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiErrors.problem(HttpStatus.CONFLICT, "Conflict",
          List.of("the IIN on record for '" + userId + "' (" + onRecord + ") is not the demo key's (" + demoIin
              + "): signatures with the demo key would be refused")));
    }
    byte[] p12 = java.nio.file.Files.readAllBytes(pki.staffKeyStore(userId));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + userId + ".p12\"")
        .contentType(MediaType.parseMediaType("application/x-pkcs12"))
        .body(p12);
  }
}
