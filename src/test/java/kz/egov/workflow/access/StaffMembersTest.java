package kz.egov.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kz.egov.workflow.identity.Iin;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.CertificateProfiles;
import kz.egov.workflow.signature.DemoPki;
import kz.egov.workflow.signature.Reason;
import kz.egov.workflow.signature.Role;
import kz.egov.workflow.signature.SignatureVerdict;
import kz.egov.workflow.signature.SignatureVerifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** A staff member's own EDS: the IIN on record, the demo key that carries it, and who may change it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class StaffMembersTest {

  @Autowired StaffMembers staff;
  @Autowired DemoUsers demoUsers;
  @Autowired DemoPki demoPki;
  @Autowired SignatureVerifier verifier;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate http;

  @Test
  void everyDemoUserHasItsOwnValidIinOnRecord() {
    Set<String> seen = new HashSet<>();
    for (DemoUsers.DemoUser user : demoUsers.users()) {
      String iin = staff.iin(user.id());
      assertThat(Iin.isValid(iin)).as(user.id()).isTrue();
      assertThat(iin).isEqualTo(DemoPki.staffIin(user.id()));
      assertThat(seen.add(iin)).as("IIN of %s is not shared", user.id()).isTrue();
    }
  }

  @Test
  void aSignatureWithTheHeadsKeyIsTheHeadsAndNobodyElses() throws Exception {
    byte[] document = "Certificate AKM-2017-0001".getBytes(StandardCharsets.UTF_8);
    byte[] cms = DemoSigner.fromPkcs12(demoPki.staffKeyStore("akmola.head"), DemoPki.PASSWORD).signAttached(document);

    SignatureVerdict head = verifier.verify(cms, null, SignatureVerifier.Expected.iin(Iin.parse(staff.iin("akmola.head"))));
    assertThat(head.valid()).as(head.summary()).isTrue();
    assertThat(head.signer().certificate().iin()).isEqualTo(staff.iin("akmola.head"));
    assertThat(head.signer().certificate().roles()).contains(Role.EMPLOYEE);

    SignatureVerdict clerk = verifier.verify(cms, null, SignatureVerifier.Expected.iin(Iin.parse(staff.iin("akmola.clerk"))));
    assertThat(clerk.valid()).isFalse();
    assertThat(clerk.reasons()).contains(Reason.IIN_MISMATCH);
  }

  @Test
  void withoutAnIinOnRecordTheStepFailsWithWhatToDo() {
    String userId = newUser();
    assertThatThrownBy(() -> staff.iin(userId)).hasMessageContaining("PUT /api/v1/staff/" + userId + "/iin");
  }

  @Test
  void anAdministratorRecordsAValidIinOthersMayNot() {
    String userId = newUser();
    String iin = DemoPki.staffIin(userId);

    ResponseEntity<Map> byClerk = put("akmola.clerk", "demo", userId, iin);
    assertThat(byClerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(staff.find(userId)).isEmpty();

    String wrongCheckDigit = iin.substring(0, 11) + ((iin.charAt(11) - '0' + 1) % 10);
    ResponseEntity<Map> bad = put("admin", "admin", userId, wrongCheckDigit);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("detail").toString()).contains("iin:").containsIgnoringCase("check digit");
    assertThat(staff.find(userId)).isEmpty();

    assertThat(put("admin", "admin", "no.such.user", iin).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<Map> ok = put("admin", "admin", userId, iin);
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ok.getBody().get("iin")).isEqualTo(iin);
    assertThat(staff.iin(userId)).isEqualTo(iin);
  }

  @Test
  void membersReadTheirOwnRecordAuditorsReadAllOthersNone() {
    assertThat(http.withBasicAuth("akmola.head", "demo").getForEntity("/api/v1/staff/akmola.head", Map.class)
        .getBody().get("iin")).isEqualTo(DemoPki.staffIin("akmola.head"));
    assertThat(http.withBasicAuth("auditor", "demo").getForEntity("/api/v1/staff/akmola.head", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("wko.clerk", "demo").getForEntity("/api/v1/staff/akmola.head", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void inDemoModeAMemberDownloadsTheKeyThatCarriesTheirIin() throws Exception {
    ResponseEntity<byte[]> key = http.withBasicAuth("operator", "demo").getForEntity("/api/v1/staff/me/demo-key", byte[].class);
    assertThat(key.getStatusCode()).isEqualTo(HttpStatus.OK);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(key.getBody()), DemoPki.PASSWORD.toCharArray());
    X509Certificate certificate = (X509Certificate) store.getCertificate("staff");
    assertThat(CertificateProfiles.read(new X509CertificateHolder(certificate.getEncoded())).iin())
        .isEqualTo(staff.iin("operator"));
  }

  private ResponseEntity<Map> put(String user, String password, String userId, String iin) {
    return http.withBasicAuth(user, password).exchange("/api/v1/staff/" + userId + "/iin", HttpMethod.PUT,
        new HttpEntity<>(Map.of("iin", iin)), Map.class);
  }

  private String newUser() {
    String id = "staff-test-" + System.nanoTime();
    User user = identityService.newUser(id);
    user.setFirstName("Test");
    user.setLastName("Staff");
    user.setPassword("secret-" + id);
    identityService.saveUser(user);
    return id;
  }
}
