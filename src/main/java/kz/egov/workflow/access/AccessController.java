package kz.egov.workflow.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, and (for administrators and auditors) the groups of the access model. */
@RestController
@RequestMapping("/api/v1")
class AccessController {

  private final IdentityService identityService;

  AccessController(IdentityService identityService) {
    this.identityService = identityService;
  }

  record Caller(String userId, List<String> groups) {}

  record GroupView(String id, String name, String type, long members) {}

  @GetMapping("/me")
  Caller me(Authentication authentication) {
    return new Caller(authentication.getName(),
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
  }

  @GetMapping("/access/groups")
  List<GroupView> groups() {
    Map<String, GroupView> views = new LinkedHashMap<>();
    for (Group group : identityService.createGroupQuery().orderByGroupId().asc().list()) {
      long members = identityService.createUserQuery().memberOfGroup(group.getId()).count();
      views.put(group.getId(), new GroupView(group.getId(), group.getName(), group.getType(), members));
    }
    return List.copyOf(views.values());
  }
}
