package cn.countyflow.org;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.UUID;

/**
 * Mirrors CountyFlow's users into Camunda's identity tables, so that candidate groups in the BPMN,
 * Cockpit and Tasklist show the same people. Groups are derived from role and organisation
 * ({@link Role#groupOf(String)}), e.g. {@code city_reviewer_130100} = 石家庄市 市级审核人.
 * Passwords are never copied: Camunda's webapps sign in through Spring Security.
 */
@Component
class CamundaIdentitySync {
    private final IdentityService identity;
    private final UserAccountService users;

    CamundaIdentitySync(IdentityService identity, UserAccountService users) {
        this.identity = identity;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    public void syncAll() {
        users.all().forEach(this::sync);
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onUserChanged(UserAccountService.UserChanged event) {
        sync(event.user());
    }

    void sync(CountyFlowUser u) {
        User user = identity.createUserQuery().userId(u.username()).singleResult();
        if (user == null) {
            user = identity.newUser(u.username());
            user.setPassword(UUID.randomUUID().toString());
        }
        user.setFirstName(u.displayName());
        user.setLastName(u.orgName());
        identity.saveUser(user);
        // memberships follow the user's roles and office: a role or office taken away leaves its group
        for (Group member : identity.createGroupQuery().groupMember(u.username()).list()) {
            if (!u.groups().contains(member.getId())) identity.deleteMembership(u.username(), member.getId());
        }
        for (String groupId : u.groups()) {
            Group group = identity.createGroupQuery().groupId(groupId).singleResult();
            if (group == null) {
                group = identity.newGroup(groupId);
                group.setName(groupName(u, groupId));
                group.setType(CountyFlowUser.CAMUNDA_ADMIN_GROUP.equals(groupId) ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
            }
            if (identity.createUserQuery().userId(u.username()).memberOfGroup(groupId).count() == 0) {
                identity.createMembership(u.username(), groupId);
            }
        }
    }

    private static String groupName(CountyFlowUser u, String groupId) {
        if (CountyFlowUser.CAMUNDA_ADMIN_GROUP.equals(groupId)) return OrgTexts.zh("role.ADMIN");
        return u.roles().stream().filter(r -> r.groupOf(u.orgCode()).equals(groupId)).findFirst()
                .map(r -> u.orgName() + " " + RoleLabels.zh(r)).orElse(groupId);
    }
}
