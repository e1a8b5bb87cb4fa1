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
 * The embedded registries as a tester prepares cases: list (paged), get, create, and import a CSV file
 * (all rows or none). These are the tables the embedded adapters answer from.
 */
@RestController
@RequestMapping("/api/v1/registry")
class RegistryController {

  private final RegistryStore store;

  RegistryController(RegistryStore store) {
    this.store = store;
  }

  @GetMapping("/persons")
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  RegistryStore.Page<Person> persons(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return store.list(RegistryKind.PERSON, page, size);
  }

  @GetMapping("/persons/{iin}")
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  Person person(@PathVariable String iin) {
    return get(RegistryKind.PERSON, iin);
  }

  @PostMapping(path = "/persons", consumes = "application/json")
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  ResponseEntity<Person> createPerson(@RequestBody Person person) {
    return ResponseEntity.status(HttpStatus.CREATED).body(store.create(RegistryKind.PERSON, person));
  }

  @PostMapping(path = "/persons/import", consumes = {"text/csv", "text/plain"})
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  ResponseEntity<Map<String, Integer>> importPersons(@RequestBody(required = false) String csv) {
    return imported(store.importCsv(RegistryKind.PERSON, csv));
  }

  @GetMapping("/companies")
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  RegistryStore.Page<Company> companies(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return store.list(RegistryKind.COMPANY, page, size);
  }

  @GetMapping("/companies/{bin}")
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  Company company(@PathVariable String bin) {
    return get(RegistryKind.COMPANY, bin);
  }

  @PostMapping(path = "/companies", consumes = "application/json")
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  ResponseEntity<Company> createCompany(@RequestBody Company company) {
    return ResponseEntity.status(HttpStatus.CREATED).body(store.create(RegistryKind.COMPANY, company));
  }

  @PostMapping(path = "/companies/import", consumes = {"text/csv", "text/plain"})
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  ResponseEntity<Map<String, Integer>> importCompanies(@RequestBody(required = false) String csv) {
    return imported(store.importCsv(RegistryKind.COMPANY, csv));
  }

  @GetMapping("/powers-of-attorney")
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  RegistryStore.Page<PowerOfAttorney> powersOfAttorney(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return store.list(RegistryKind.POWER_OF_ATTORNEY, page, size);
  }

  @GetMapping("/powers-of-attorney/{number}")
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  PowerOfAttorney powerOfAttorney(@PathVariable String number) {
    return get(RegistryKind.POWER_OF_ATTORNEY, number);
  }

  @PostMapping(path = "/powers-of-attorney", consumes = "application/json")
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  ResponseEntity<PowerOfAttorney> createPowerOfAttorney(@RequestBody PowerOfAttorney powerOfAttorney) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(store.create(RegistryKind.POWER_OF_ATTORNEY, powerOfAttorney));
  }

  @PostMapping(path = "/powers-of-attorney/import", consumes = {"text/csv", "text/plain"})
  @PreAuthorize("@stateSystemAccess.mayWrite(authentication)")
  ResponseEntity<Map<String, Integer>> importPowersOfAttorney(@RequestBody(required = false) String csv) {
    return imported(store.importCsv(RegistryKind.POWER_OF_ATTORNEY, csv));
  }

  private <T> T get(RegistryKind<T> kind, String key) {
    return store.find(kind, key).orElseThrow(() -> new RecordNotFoundException(
        "No " + kind.name() + " " + key + " in the embedded registry"));
  }

  private static ResponseEntity<Map<String, Integer>> imported(int count) {
    if (count == 0) {
      throw new InvalidRequestException("the file has no rows after the header");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", count));
  }
}
