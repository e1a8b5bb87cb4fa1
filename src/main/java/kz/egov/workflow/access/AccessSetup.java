package kz.egov.workflow.access;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Applies the access model once the engine has deployed the diagrams (auto-deployment runs while the
 * engine bean is built) and before the web server takes requests.
 */
@Component
class AccessSetup implements SmartInitializingSingleton {

  private final AccessModel accessModel;
  private final ObjectProvider<DemoUsers> demoUsers;
  private final ObjectProvider<TechnicalUsers> technicalUsers;

  AccessSetup(AccessModel accessModel, ObjectProvider<DemoUsers> demoUsers,
      ObjectProvider<TechnicalUsers> technicalUsers) {
    this.accessModel = accessModel;
    this.demoUsers = demoUsers;
    this.technicalUsers = technicalUsers;
  }

  @Override
  public void afterSingletonsInstantiated() {
    accessModel.apply();
    demoUsers.ifAvailable(DemoUsers::create);
    technicalUsers.ifAvailable(TechnicalUsers::apply);
  }
}
