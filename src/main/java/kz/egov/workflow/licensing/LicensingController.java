package kz.egov.workflow.licensing;

import kz.egov.workflow.identity.IdentificationNumbers;
import java.time.LocalDate;
import java.util.List;
import kz.egov.workflow.application.InvalidRequestException;
import kz.egov.workflow.registry.RecordNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The e-licensing register over {@code /api/v1/licensing}: licences by holder or number, applications by number. */
@RestController
@RequestMapping("/api/v1/licensing")
class LicensingController {

  private final LicensingRegister register;

  LicensingController(LicensingRegister register) {
    this.register = register;
  }

  record Revocation(LocalDate on) {}

  @GetMapping("/licences")
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  List<Licence> licences(@RequestParam String holder) {
    IdentificationNumbers.iinOrBinProblem(holder).ifPresent(p -> {
      throw new InvalidRequestException("holder: " + p);
    });
    return register.licencesOf(holder);
  }

  @GetMapping("/licences/{number}")
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  Licence licence(@PathVariable String number) {
    return register.licence(number).orElseThrow(() -> new RecordNotFoundException("No licence " + number));
  }

  @PostMapping(path = "/licences", consumes = "application/json")
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  ResponseEntity<Licence> issue(@RequestBody LicenceIssue issue) {
    return ResponseEntity.status(HttpStatus.CREATED).body(register.issue(issue));
  }

  @PostMapping(path = "/licences/{number}/revocation", consumes = "application/json")
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  Licence revoke(@PathVariable String number, @RequestBody Revocation revocation) {
    if (revocation.on() == null) {
      throw new InvalidRequestException("on: required (YYYY-MM-DD), the day the licence is revoked");
    }
    return register.revoke(number, revocation.on());
  }

  @GetMapping("/applications/{number}")
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  RegisteredApplication application(@PathVariable String number) {
    return register.application(number).orElseThrow(() -> new RecordNotFoundException("No application " + number));
  }
}
