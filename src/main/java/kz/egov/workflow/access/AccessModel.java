package kz.egov.workflow.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The project's access model, applied at every start and idempotent: one group per role of every
 * provider, the system groups, a Tasklist filter per role, and authorizations so that each group sees
 * only its own work and auditors read everything but change nothing. Users and their passwords are not
 * part of it: demo mode adds demo users ({@link DemoUsers}), production adds them through Admin.
 */
@Component
public class AccessModel {

  private static final String ALL_TASKS_OF_MINE = "Менің тапсырмаларым / Мои задачи";
  static final String SHARED_PREFIX = "shared-";

  private static final Logger log = LoggerFactory.getLogger(AccessModel.class);

  private final AccessProperties properties;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;

  public AccessModel(AccessProperties properties, IdentityService identityService,
      AuthorizationService authorizationService, FilterService filterService, TaskService taskService,
      RepositoryService repositoryService) {
    this.properties = properties;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
  }

  public void apply() {
    List<String> definitionKeys = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).distinct().toList();

    for (AccessProperties.Provider provider : properties.providers()) {
      applyProvider(provider, definitionKeys);
    }
    applySystemGroups(definitionKeys);
    applyMyTasksFilter();
    log.info("Access model applied: {} providers, {} process definitions", properties.providers().size(),
        definitionKeys.size());
  }


  private void applyProvider(AccessProperties.Provider provider, List<String> definitionKeys) {
    String staff = provider.id();
    ensureGroup(staff, provider.nameKk() + " / " + provider.nameRu(), "WORKFLOW");
    for (StaffRole role : StaffRole.values()) {
      String group = role.groupId(provider.id());
      ensureGroup(group, role.label() + " · " + provider.nameRu(), "WORKFLOW");
      Filter filter = ensureFilter(role.label() + " · " + provider.id(),
          taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks(),
          role.english() + " of " + provider.name() + ": tasks offered to the role and those its members claimed",
          10 + role.ordinal());
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
    grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(staff, Resources.APPLICATION, "welcome", Permissions.ACCESS);
    boolean startsAny = false;
    for (String key : definitionKeys) {
      if (provider.runs(key)) {
        // a provider's staff follow their own provider's applications (and see their numbers on task cards)
        grant(staff, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE);
        if (key.endsWith("-provider") || key.endsWith("-local-executive-body")) {
          grant(staff, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE);
          startsAny = true;
        }
      } else if (key.startsWith(SHARED_PREFIX)) {
        grant(staff, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
      }
    }
    if (startsAny) {
      grant(staff, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
    }
  }

  private void applySystemGroups(List<String> definitionKeys) {
    for (SystemGroup group : SystemGroup.values()) {
      ensureGroup(group.id(), group.label(), group.type());
    }

    String operator = SystemGroup.SERVICE_CENTER_OPERATOR.id();
    Filter operatorFilter = ensureFilter(SystemGroup.SERVICE_CENTER_OPERATOR.label(),
        taskService.createTaskQuery().taskCandidateGroup(operator).includeAssignedTasks(),
        "Service-center operators: applications filed at the service center and results to hand over", 5);
    grant(operator, Resources.FILTER, operatorFilter.getId(), Permissions.READ);
    grant(operator, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(operator, Resources.APPLICATION, "welcome", Permissions.ACCESS);

    for (String key : definitionKeys) {
      if (key.endsWith("-service-center")) {
        for (String starter : List.of(operator, SystemGroup.SERVICE_CENTER_SYSTEM.id())) {
          grant(starter, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
              ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
      } else if (key.endsWith("-portal")) {
        grant(SystemGroup.PORTAL.id(), Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
      } else if (key.startsWith(SHARED_PREFIX)) {
        grant(operator, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
      }
    }
    for (SystemGroup starter : List.of(SystemGroup.SERVICE_CENTER_OPERATOR, SystemGroup.SERVICE_CENTER_SYSTEM,
        SystemGroup.PORTAL)) {
      grant(starter.id(), Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
    }

    // Auditors read every definition, instance, task and its history in Cockpit, and change nothing.
    String auditor = SystemGroup.AUDITOR.id();
    grant(auditor, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(auditor, Resources.APPLICATION, "welcome", Permissions.ACCESS);
    grant(auditor, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK);
    grant(auditor, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.READ);
    grant(auditor, Resources.TASK, Authorization.ANY, TaskPermissions.READ);
    grant(auditor, Resources.HISTORIC_TASK, Authorization.ANY, HistoricTaskPermissions.READ);
    grant(auditor, Resources.HISTORIC_PROCESS_INSTANCE, Authorization.ANY, HistoricProcessInstancePermissions.READ);
    grant(auditor, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
    grant(auditor, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(auditor, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
    grant(auditor, Resources.OPERATION_LOG_CATEGORY, Authorization.ANY, UserOperationLogCategoryPermissions.READ);
    // ... and who may do what: users, groups and authorizations (read only; Admin stays closed to them)
    grant(auditor, Resources.USER, Authorization.ANY, Permissions.READ);
    grant(auditor, Resources.GROUP, Authorization.ANY, Permissions.READ);
    grant(auditor, Resources.AUTHORIZATION, Authorization.ANY, Permissions.READ);
  }

  /** "My tasks": what the signed-in person has claimed, readable by everyone who signs in; listed after the role filters. */
  private void applyMyTasksFilter() {
    Filter filter = ensureFilter(ALL_TASKS_OF_MINE, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        "Tasks you have claimed", 100);
    if (authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(Resources.FILTER).resourceId(filter.getId()).count() == 0) {
      Authorization global = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      global.setUserId(Authorization.ANY);
      global.setResource(Resources.FILTER);
      global.setResourceId(filter.getId());
      global.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(global);
    }
  }

  private void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  private Filter ensureFilter(String name, TaskQuery query, String description, int priority) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing;
    }
    Filter filter = filterService.newTaskFilter(name);
    filter.setQuery(query);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("description", description);
    props.put("priority", priority);
    props.put("refresh", true);
    // shown on every task card in Tasklist, so a clerk sees which application a task is about
    props.put("variables", List.of(
        Map.of("name", "applicationNumber", "label", "Өтінім № / Заявление №"),
        Map.of("name", "applicantName", "label", "Өтініш беруші / Заявитель")));
    filter.setProperties(props);
    return filterService.saveFilter(filter);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
