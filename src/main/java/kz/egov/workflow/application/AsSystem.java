package kz.egov.workflow.application;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the system rather than as the signed-in caller: technical users have no
 * CREATE_INSTANCE or READ_HISTORY on the processes, and the API decides itself who may do what (as
 * {@code payment.PaymentNotifications} correlates payments). The caller's authentication is restored after.
 */
@Component
public class AsSystem {

  private final IdentityService identityService;

  public AsSystem(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
