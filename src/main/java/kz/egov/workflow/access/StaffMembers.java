package kz.egov.workflow.access;

import java.util.Optional;
import kz.egov.workflow.identity.Iin;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Who a staff member is as a signer: the IIN on record for an engine user (Camunda user info {@code iin}).
 * Where a regulation asks for an official's or an operator's own EDS (R3 the head signs the certificate,
 * R4 №2 and R5 №3 the service-center operator signs the request), the diagram compares the signer's IIN in
 * the certificate with {@code ${staffMembers.iin(user)}}, so that one person cannot sign with another's key.
 */
@Component("staffMembers")
public class StaffMembers {

  /** The user-info key under which the IIN is kept. */
  public static final String IIN = "iin";

  private final IdentityService identityService;

  public StaffMembers(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * The IIN on record for the user. Fails when there is none: in a diagram that is an incident an
   * administrator resolves by recording the IIN ({@code PUT /api/v1/staff/{userId}/iin}) and retrying,
   * never a signature accepted without knowing whose it must be.
   */
  public String iin(String userId) {
    return find(userId).map(Iin::value).orElseThrow(() -> new IllegalStateException(
        "No IIN is on record for the user '" + userId + "': an administrator records it with "
            + "PUT /api/v1/staff/" + userId + "/iin, then retries this step"));
  }

  public Optional<Iin> find(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    String value = identityService.getUserInfo(userId, IIN);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(Iin.parse(value));
  }

  public boolean exists(String userId) {
    return identityService.createUserQuery().userId(userId).count() > 0;
  }

  public void record(String userId, Iin iin) {
    identityService.setUserInfo(userId, IIN, iin.value());
  }
}
