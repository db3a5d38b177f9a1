package cn.countyflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.org.UserAccountService;

/**
 * Which office holds a task, on which rung of the ladder (county → city → province officer → provincial approver),
 * and who is one rung up: read from the task's candidate groups ({@code <role>_<org code>}), or from its assignee's
 * role when it has none (an expert's scoring). The one place that knows the ladder for escalations and urging.
 */
@Component
class TaskOffices {
    /** Rungs of the ladder, lowest first. An expert's step is supervised by the province's officers. */
    enum Level { COUNTY, EXPERT, CITY, PROVINCE, APPROVER }

    record Holder(Role role, String orgCode, Level level) {
    }

    private final TaskService tasks;
    private final OrganisationService organisations;
    private final UserAccountService users;

    TaskOffices(TaskService tasks, OrganisationService organisations, UserAccountService users) {
        this.tasks = tasks;
        this.organisations = organisations;
        this.users = users;
    }

    static Level levelOf(Role role) {
        return switch (role) {
            case COUNTY_DRAFTER, COUNTY_LEADER -> Level.COUNTY;
            case EXPERT -> Level.EXPERT;
            case CITY_REVIEWER -> Level.CITY;
            case PROVINCE_OFFICER -> Level.PROVINCE;
            case PROVINCE_APPROVER, ADMIN -> Level.APPROVER;
        };
    }

    /** The role and office of a candidate group id, if it is one of ours. */
    static Optional<Holder> parseGroup(String groupId) {
        if (groupId == null) return Optional.empty();
        int cut = groupId.lastIndexOf('_');
        if (cut <= 0) return Optional.empty();
        try {
            Role role = Role.valueOf(groupId.substring(0, cut).toUpperCase());
            return Optional.of(new Holder(role, groupId.substring(cut + 1), levelOf(role)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    List<String> candidateGroups(String taskId) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) groups.add(link.getGroupId());
        }
        return groups;
    }

    /** Who holds the task: its first candidate group of ours, else its assignee's (or owner's) role and office. */
    Optional<Holder> holder(Task task) {
        for (String group : candidateGroups(task.getId())) {
            Optional<Holder> h = parseGroup(group);
            if (h.isPresent()) return h;
        }
        String person = task.getOwner() != null ? task.getOwner() : task.getAssignee();
        return holderOf(person);
    }

    Optional<Holder> holderOf(String username) {
        if (username == null) return Optional.empty();
        return users.find(username).flatMap(u -> u.roles().stream().sorted().findFirst()
                .map(r -> new Holder(r, u.orgCode(), levelOf(r))));
    }

    /**
     * The group one rung up from the holder: a county's step goes to its city's reviewers (to the province's officers
     * for a province-direct county), a city's or an expert's to the province's officers, a province officer's to the
     * provincial approvers; the approvers are the top, their own overdue steps stay with them.
     */
    Optional<String> groupAbove(Holder holder, CaseFile c) {
        String province = c != null ? c.getProvinceCode() : organisations.find(holder.orgCode()).map(Organisation::getProvinceCode).orElse(null);
        if (province == null) return Optional.empty();
        return switch (holder.level()) {
            case COUNTY -> {
                String city = c != null ? c.getCityCode()
                        : organisations.find(holder.orgCode()).map(Organisation::getReviewingCityCode).orElse(null);
                yield Optional.of(city != null ? Role.CITY_REVIEWER.groupOf(city) : Role.PROVINCE_OFFICER.groupOf(province));
            }
            case EXPERT, CITY -> Optional.of(Role.PROVINCE_OFFICER.groupOf(province));
            case PROVINCE, APPROVER -> Optional.of(Role.PROVINCE_APPROVER.groupOf(province));
        };
    }

    /**
     * Whether the user's office supervises the holder of a task on this case: a rung above it on the case's ladder
     * (the case's city for a county step; the case's province for county, expert and city steps; the provincial
     * approvers for a province officer's step).
     */
    boolean supervises(CountyFlowUser user, Holder holder, CaseFile c) {
        if (c == null) return false;
        boolean city = user.has(Role.CITY_REVIEWER) && user.orgCode().equals(c.getCityCode());
        boolean officer = user.has(Role.PROVINCE_OFFICER) && user.orgCode().equals(c.getProvinceCode());
        boolean approver = user.has(Role.PROVINCE_APPROVER) && user.orgCode().equals(c.getProvinceCode());
        return switch (holder.level()) {
            case COUNTY -> city || officer || approver;
            case EXPERT, CITY -> officer || approver;
            case PROVINCE -> approver;
            case APPROVER -> false;
        };
    }
}
