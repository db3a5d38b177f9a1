package cn.countyflow.workflow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;

/**
 * Cases and who may see them. The visibility rule lives here and only here:
 * a county sees its own cases, a city its counties' cases (province-direct counties have no reviewing city),
 * the province all of its province, an expert only the cases they currently have a task on, an admin everything.
 */
@Service
@Transactional(readOnly = true)
public class CaseFileService {
    private final CaseFileRepository cases;
    private final CaseDecisionRepository decisions;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final OrganisationService organisations;
    private final AuditService audit;
    private final cn.countyflow.org.UserAccountService users;
    private final Clock clock;
    private final CaseCcRepository ccGrants;

    CaseFileService(CaseFileRepository cases, CaseDecisionRepository decisions, RuntimeService runtime, TaskService tasks,
                OrganisationService organisations, AuditService audit, cn.countyflow.org.UserAccountService users, Clock clock,
                CaseCcRepository ccGrants) {
        this.clock = clock;
        this.ccGrants = ccGrants;
        this.cases = cases;
        this.decisions = decisions;
        this.runtime = runtime;
        this.tasks = tasks;
        this.organisations = organisations;
        this.audit = audit;
        this.users = users;
    }

    /** The candidate groups of a county's case, as process variables: who drafts, signs, screens and checks. */
    public Map<String, Object> routingGroups(Organisation county) {
        Map<String, Object> v = new HashMap<>();
        v.put("countyCode", county.getCode());
        v.put("provinceDirect", county.isProvinceDirect());
        v.put("draftersGroup", Role.COUNTY_DRAFTER.groupOf(county.getCode()));
        v.put("leadersGroup", Role.COUNTY_LEADER.groupOf(county.getCode()));
        v.put("cityReviewersGroup", county.getReviewingCityCode() == null ? null
                : Role.CITY_REVIEWER.groupOf(county.getReviewingCityCode()));
        v.put("provinceOfficersGroup", Role.PROVINCE_OFFICER.groupOf(county.getProvinceCode()));
        v.put("provinceApproversGroup", Role.PROVINCE_APPROVER.groupOf(county.getProvinceCode()));
        return v;
    }

    /** Opens a case for a county (or a city's or province's own case) and starts its process, with the case id as business key. */
    @Transactional
    public CaseFile start(String caseType, String title, String countyCode, String processKey,
                          Map<String, Object> variables, CountyFlowUser starter) {
        return start(caseType, title, countyCode, processKey, variables, starter, null);
    }

    /**
     * Opens a case that belongs to a cohort (the batch or round its programme opened, e.g. {@code PILOT_BATCH:12}):
     * monitoring filters and the dashboard group cases by it, and never need to know the programme.
     */
    @Transactional
    public CaseFile start(String caseType, String title, String countyCode, String processKey,
                          Map<String, Object> variables, CountyFlowUser starter, String cohort) {
        Organisation county = organisations.get(countyCode);
        // a city's own case (e.g. its monitoring reports) is in the city's scope: its city code is its own
        String city = county.getLevel() == cn.countyflow.org.OrgLevel.CITY ? county.getCode() : county.getReviewingCityCode();
        CaseFile unsaved = new CaseFile(caseType, title, county.getCode(), city,
                county.getProvinceCode(), starter.username(), clock.instant());
        unsaved.setCohort(cohort);
        CaseFile c = cases.save(unsaved);
        Map<String, Object> v = new HashMap<>(routingGroups(county));
        v.putAll(variables);
        v.put("caseId", c.getId());
        ProcessInstance pi = runtime.startProcessInstanceByKey(processKey, String.valueOf(c.getId()), v);
        c.attachProcess(pi.getId(), clock.instant());
        audit.record(starter.username(), starter.orgCode(), "CASE_START", "case:" + c.getId(),
                AuditEvent.Outcome.SUCCESS, processKey);
        return c;
    }

    public boolean canSee(CountyFlowUser user, CaseFile c) {
        if (user.has(Role.ADMIN)) return true;
        if (user.actsForProvince(c.getProvinceCode())) return true;
        if (user.has(Role.CITY_REVIEWER) && user.orgCode().equals(c.getCityCode())) return true;
        if ((user.has(Role.COUNTY_DRAFTER) || user.has(Role.COUNTY_LEADER))
                && user.orgCode().equals(c.getCountyCode())) return true;
        if (user.has(Role.EXPERT)) {
            // by business key, not process instance id: the task may be in a process the case's process called
            // (expert review), which carries the caller's business key
            if (tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(c.getId()))
                    .taskAssignee(user.username()).count() > 0) return true;
        }
        // 抄送: a user the case was copied to may read it
        return c.getId() != null && ccGrants.existsByCaseIdAndUsername(c.getId(), user.username());
    }

    /** The case, if the user may see it; a refusal (recorded) otherwise. */
    public CaseFile get(long caseId, CountyFlowUser user) {
        CaseFile c = cases.findById(caseId).orElseThrow(() -> new NotFoundException(Texts.get("case.error.notFound", String.valueOf(caseId))));
        if (!canSee(user, c)) {
            audit.recordIndependently(user.username(), user.orgCode(), "CASE_READ", "case:" + caseId,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("case.error.outOfScope"));
        }
        return c;
    }

    public Optional<CaseFile> findByBusinessKey(String businessKey) {
        if (businessKey == null || !businessKey.chars().allMatch(Character::isDigit)) return Optional.empty();
        return cases.findById(Long.valueOf(businessKey));
    }

    /** The case whose own process instance this is (not a called one's). */
    /** The case of an open task, as the inbox's read model holds it (empty when the task is not in it). */
    Optional<CaseFile> findByOpenTask(String taskId) {
        return taskId == null ? Optional.empty() : cases.findByOpenTask(taskId);
    }

    public Optional<CaseFile> findByProcessInstanceId(String processInstanceId) {
        return processInstanceId == null ? Optional.empty() : cases.findByProcessInstanceId(processInstanceId);
    }

    public List<CaseFile> findAll(List<Long> ids) {
        return cases.findByIdIn(ids);
    }

    /**
     * The cases a user may see that also match the caller's filter (e.g. monitoring's criteria), paged and sorted
     * as asked: the visibility rule is applied here, whatever the filter says.
     */
    public Page<CaseFile> search(CountyFlowUser user, Specification<CaseFile> filter, Pageable pageable) {
        return cases.findAll(scope(user).and(filter), pageable);
    }

    /** How many cases the user may see match the filter. */
    public long count(CountyFlowUser user, Specification<CaseFile> filter) {
        return cases.count(scope(user).and(filter));
    }

    /** The cases a user may see, newest first, paged; filtered by title text when given. */
    public Page<CaseFile> search(CountyFlowUser user, String text, Pageable pageable) {
        return cases.findAll(scope(user).and(titleLike(text)), pageable);
    }

    /** Ids of visible cases whose title or county name contains the text (for filtering task lists), at most limit. */
    public List<Long> matchingIds(CountyFlowUser user, String text, int limit) {
        return cases.findAll(scope(user).and(titleLike(text)), Pageable.ofSize(limit)).map(CaseFile::getId).toList();
    }

    /** The visibility rule as a query condition, for callers that aggregate over visible cases. */
    public Specification<CaseFile> visibleTo(CountyFlowUser user) {
        return scope(user);
    }

    Specification<CaseFile> scope(CountyFlowUser user) {
        return (root, query, cb) -> {
            if (user.has(Role.ADMIN)) return cb.conjunction();
            List<Predicate> any = new ArrayList<>();
            if (user.isProvinceStaff()) {
                any.add(cb.equal(root.get("provinceCode"), user.orgCode()));
            }
            if (user.has(Role.CITY_REVIEWER)) any.add(cb.equal(root.get("cityCode"), user.orgCode()));
            if (user.has(Role.COUNTY_DRAFTER) || user.has(Role.COUNTY_LEADER)) {
                any.add(cb.equal(root.get("countyCode"), user.orgCode()));
            }
            if (user.has(Role.EXPERT)) {
                List<Long> held = casesWithTasksOf(user);
                if (!held.isEmpty()) any.add(root.get("id").in(held));
            }
            // 抄送: the cases copied to the user (asked only of users with a grant, so other lists keep their plan)
            if (ccGrants.existsByUsername(user.username())) {
                var copied = query.subquery(Long.class);
                var cc = copied.from(CaseCc.class);
                copied.select(cc.get("caseId")).where(cb.equal(cc.get("username"), user.username()));
                any.add(root.get("id").in(copied));
            }
            if (any.isEmpty()) return cb.disjunction();
            return cb.or(any.toArray(Predicate[]::new));
        };
    }

    /** At most this many of an expert's open tasks count for the cases they may see. */
    static final int EXPERT_TASK_LIMIT = 500;

    /**
     * The cases an expert holds an open task on: two bounded queries (their tasks, then those tasks' process
     * instances for the business key = case id), so tasks of called processes (expert review) count too.
     */
    private List<Long> casesWithTasksOf(CountyFlowUser user) {
        Set<String> pids = tasks.createTaskQuery().taskAssignee(user.username()).listPage(0, EXPERT_TASK_LIMIT).stream()
                .map(Task::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (pids.isEmpty()) return List.of();
        return runtime.createProcessInstanceQuery().processInstanceIds(pids).list().stream()
                .map(ProcessInstance::getBusinessKey)
                .filter(k -> k != null && !k.isEmpty() && k.chars().allMatch(Character::isDigit))
                .map(Long::valueOf).distinct().toList();
    }

    private static Specification<CaseFile> titleLike(String text) {
        return (root, query, cb) -> text == null || text.isBlank() ? cb.conjunction()
                : cb.like(root.get("title"), "%" + text.trim() + "%");
    }

    /** Everything the case page shows, for a user who may see the case. */
    public CaseDetails details(long caseId, CountyFlowUser user) {
        CaseFile c = get(caseId, user);
        boolean seesExperts = user.has(Role.ADMIN) || user.isProvinceStaff();
        // by business key: the case's own process and the processes it called (e.g. expert review)
        List<CaseDetails.OpenTask> open = c.getProcessInstanceId() == null ? List.of()
                : tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(c.getId()))
                .orderByTaskCreateTime().asc().list()
                .stream().map(t -> new CaseDetails.OpenTask(t.getId(), t.getName(),
                        seesExperts || !isExpert(t.getAssignee()) ? t.getAssignee() : Texts.get("role.EXPERT"),
                        t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant()))
                .toList();
        List<CaseDetails.Decision> trail = decisions(caseId).stream().map(d -> expertHidden(d, seesExperts)).toList();
        return new CaseDetails(c.getId(), c.getCaseType(), c.getTitle(), c.getCountyCode(),
                organisations.nameOf(c.getCountyCode()), c.getCityCode(),
                c.getCityCode() == null ? null : organisations.nameOf(c.getCityCode()), c.getStatus().name(),
                c.getCurrentStage(), c.getCreatedAt(), c.getCreatedBy(), open, trail);
    }

    private boolean isExpert(String username) {
        return username != null && users.find(username).map(u -> u.has(Role.EXPERT)).orElse(false);
    }

    /** Experts stay anonymous to everyone but the province (experts are not named in public): no name, office or comment. */
    private static CaseDetails.Decision expertHidden(CaseDecision d, boolean seesExperts) {
        if (seesExperts || !Role.EXPERT.name().equals(d.getRole())) {
            return new CaseDetails.Decision(d.getTaskName(), d.getUsername(), d.getUserName(), d.getOrgCode(), d.getRole(),
                    d.getDecision(), d.getComment(), d.getDecidedAt(), d.getTargetStep());
        }
        return new CaseDetails.Decision(d.getTaskName(), "", Texts.get("role.EXPERT"), null, d.getRole(), d.getDecision(), null,
                d.getDecidedAt(), d.getTargetStep());
    }

    public List<CaseDecision> decisions(long caseId) {
        return decisions.findByCaseIdOrderByDecidedAtAscIdAsc(caseId);
    }

    @Transactional
    void record(CaseDecision decision) {
        decisions.save(decision);
    }

    @Transactional
    public void setStatus(CaseFile c, CaseStatus status) {
        c.setStatus(status, clock.instant());
        cases.save(c);
    }

    /**
     * An administrator's operation on a case (suspend, cancel, reassign …), written to the case's history beside the
     * decisions so that everyone who reads the case sees it: who, when, in which role, what and why.
     */
    @Transactional
    public void recordOperation(long caseId, String label, String operation, String reason, CountyFlowUser user) {
        decisions.save(new CaseDecision(caseId, null, null, label, user.username(), user.displayName(), user.orgCode(),
                user.roles().stream().sorted().findFirst().map(Enum::name).orElse(null), operation, reason, clock.instant()));
    }

    /** The process instances of the case were suspended or resumed (the engine's history says so). */
    @Transactional
    public void suspensionChanged(long caseId, boolean suspended) {
        cases.findById(caseId).ifPresent(c -> {
            c.setSuspended(suspended);
            cases.save(c);
        });
    }

    /** An incident opened (+1) or was resolved or deleted (-1) in one of the case's process instances. */
    @Transactional
    public void incidentsChanged(long caseId, int by) {
        cases.findById(caseId).ifPresent(c -> {
            c.changeOpenIncidents(by);
            cases.save(c);
        });
    }

    /**
     * Called as the case's process reaches a step (see {@code CaseStages}), so lists show the stage without asking the
     * engine. The label is the bundles' {@code stage.<key>} where they have one, else the step's name on the diagram.
     */
    @Transactional
    public void stageReached(String businessKey, String stageKey, String diagramName, boolean ended) {
        findByBusinessKey(businessKey).ifPresent(c -> {
            c.setCurrentStage(stageKey, stageLabel(stageKey, diagramName), clock.instant());
            if (ended && c.getStatus() == CaseStatus.IN_PROGRESS) c.setStatus(CaseStatus.CLOSED, clock.instant());
            cases.save(c);
        });
    }

    /**
     * A stage a programme knows and the diagram does not show as a step of the case's own process (e.g. an application
     * in publicity, which the batch's process opens): {@code stage.<key>} must be in the bundles.
     */
    @Transactional
    public void stageReached(long caseId, String stageKey) {
        cases.findById(caseId).ifPresent(c -> {
            c.setCurrentStage(stageKey, stageLabel(stageKey, stageKey), clock.instant());
            cases.save(c);
        });
    }

    /** Stages are stored with their Chinese label (lists filter on it); the key stays for the step itself. */
    private static String stageLabel(String stageKey, String fallback) {
        String label = Texts.translate("stage." + stageKey, Texts.CHINESE);
        return label.startsWith("!") ? fallback : label;
    }
}
