package kz.egov.workflow.registry;

import java.util.Map;
import kz.egov.workflow.application.InvalidRequestException;
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

/**
 * The embedded register of portal accounts as a tester prepares C1's cases: list (paged), get, create,
 * import a CSV file (all rows or none), block and unblock. Same readers and writers as the registries.
 */
@RestController
@RequestMapping("/api/v1/registry/portal-accounts")
class PortalAccountController {

  private final RegistryStore store;
  private final PortalAccountStore accounts;

  PortalAccountController(RegistryStore store, PortalAccountStore accounts) {
    this.store = store;
    this.accounts = accounts;
  }

  record Blocking(String reason) {}

  @GetMapping
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  RegistryStore.Page<PortalAccount> list(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return store.list(RegistryKind.PORTAL_ACCOUNT, page, size);
  }

  @GetMapping("/{login}")
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  PortalAccount get(@PathVariable String login) {
    return store.find(RegistryKind.PORTAL_ACCOUNT, login).orElseThrow(() -> new RecordNotFoundException(
        "No portal account " + login + " in the embedded register"));
  }

  @PostMapping(consumes = "application/json")
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  ResponseEntity<PortalAccount> create(@RequestBody PortalAccount account) {
    return ResponseEntity.status(HttpStatus.CREATED).body(store.create(RegistryKind.PORTAL_ACCOUNT, account));
  }

  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  ResponseEntity<Map<String, Integer>> importCsv(@RequestBody(required = false) String csv) {
    int count = store.importCsv(RegistryKind.PORTAL_ACCOUNT, csv);
    if (count == 0) {
      throw new InvalidRequestException("the file has no rows after the header");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", count));
  }

  @PostMapping(path = "/{login}/block", consumes = "application/json")
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  PortalAccount block(@PathVariable String login, @RequestBody Blocking blocking) {
    return accounts.block(login, blocking.reason());
  }

  @PostMapping("/{login}/unblock")
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  PortalAccount unblock(@PathVariable String login) {
    return accounts.unblock(login);
  }
}
