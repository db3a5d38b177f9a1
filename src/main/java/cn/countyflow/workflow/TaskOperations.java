package cn.countyflow.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.org.UserAccountService;

/**
 * Everyday task operations beside completing a task, for the views and /api alike: 转办 (transfer), 委派 (delegate),
 * 加签 (add a signer), 抄送 (copy a case), 撤回 (withdraw a submission), 催办 (urge), 退回到已办环节 (return to a step
 * already passed). Each checks who may do it and to whom through the same rules as task work ({@link TaskWork}) and
 * case visibility ({@link CaseFileService}), needs a reason, is recorded as a decision on the case and in the audit
 * log, and tells the people concerned ({@link TaskEvents}). A refusal changes nothing: 403 for out of scope, 400 with
 * a field for bad input, 409 ({@link TaskStateException}) when the case has moved on.
 */
@Service
@Transactional(readOnly = true)
public class TaskOperations {
    static final int REASON_MIN = 2;
    static final int REASON_MAX = 500;

    /** Decision codes recorded on the case (labels: decision.&lt;CODE&gt;). */
    public static final String TRANSFER = "TRANSFER";
    public static final String DELEGATE = "DELEGATE";
    public static final String DELEGATE_RESOLVED = "DELEGATE_RESOLVED";
    public static final String COUNTERSIGN_BEFORE = "COUNTERSIGN_BEFORE";
    public static final String COUNTERSIGN_AFTER = "COUNTERSIGN_AFTER";
    public static final String SIGN_AGREE = "SIGN_AGREE";
    public static final String SIGN_DISAGREE = "SIGN_DISAGREE";
    public static final String CC = "CC";
    public static final String WITHDRAW = DecisionContext.WITHDRAW;
    public static final String URGE = "URGE";
    public static final String RETURN = DecisionContext.RETURN;

    /** 加签: the added signer signs before the requester decides, or after the requester gave their opinion. */
    public enum SignPosition { BEFORE, AFTER }

    /** A user one may choose in an operation's dialog. */
    public record UserChoice(String username, String displayName, String orgName) {
    }

    /** A step the case has passed on its path, to return to. */
    public record ReturnTarget(String activityId, String name) {
    }

    /** What an open task's holder sees of a delegation or co-signing in progress (null fields: none). */
    public record Handling(String kind, String position, String owner, String ownerName, boolean pendingWithMe) {
    }

    /** A row of 抄送我的. */
    public record CopiedCase(long caseId, String caseTitle, String countyName, String grantedBy, String reason,
                             java.time.Instant grantedAt, String currentStage) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final TaskWork work;
    private final TaskOffices offices;
    private final CaseFileService cases;
    private final UserAccountService users;
    private final OrganisationService organisations;
    private final AuditService audit;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CaseCcRepository ccGrants;
    private final TaskUrgeRepository urges;
    private final TaskDelegationRepository delegations;

    TaskOperations(TaskService tasks, RuntimeService runtime, HistoryService history, IdentityService identity,
                   TaskWork work, TaskOffices offices, CaseFileService cases, UserAccountService users,
                   OrganisationService organisations, AuditService audit, WorkCalendar calendar, Clock clock,
                   ApplicationEventPublisher events, CaseCcRepository ccGrants, TaskUrgeRepository urges,
                   TaskDelegationRepository delegations) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.work = work;
        this.offices = offices;
        this.cases = cases;
        this.users = users;
        this.organisations = organisations;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
        this.events = events;
        this.ccGrants = ccGrants;
        this.urges = urges;
        this.delegations = delegations;
    }

    // ---------------------------------------------------------------- 转办

    /**
     * 转办: the user who may act on the task hands it to another user who may act on it (a member of its candidate
     * groups whose scope holds the case): a county cannot hand a task to another county.
     */
    @Transactional
    public void transfer(String taskId, String toUsername, String reason, CountyFlowUser actor) {
        Task task = work.actionable(taskId, actor, "TASK_TRANSFER");
        notDelegated(task, actor, "TASK_TRANSFER");
        String why = reason(reason);
        CountyFlowUser target = targetUser(toUsername, "to");
        if (target.username().equals(actor.username())) throw FieldErrorsException.of("to", Texts.get("ops.error.self"));
        assignTo(task.getId(), target, why, actor, TRANSFER);
    }

    /**
     * Gives the task to {@code target}, who must be able to act on it (candidate group and scope), records the
     * decision {@code decisionCode} with the reason and tells the new holder. No check of the actor: callers check
     * (a holder's 转办 above; an administrator's reassignment in monitoring).
     */
    @Transactional
    public void assignTo(String taskId, CountyFlowUser target, String reason, CountyFlowUser actor, String decisionCode) {
        Task task = openTask(taskId);
        if (!work.mayTake(task.getId(), target)) {
            audit.recordIndependently(actor.username(), actor.orgCode(), "TASK_" + decisionCode, "task:" + taskId,
                    AuditEvent.Outcome.DENIED, target.username());
            throw FieldErrorsException.of("to", Texts.get("ops.error.mayNotAct", target.displayName()));
        }
        String before = task.getAssignee();
        tasks.setAssignee(task.getId(), target.username());
        CaseFile c = work.caseOf(task);
        record(c, task, actor, decisionCode, Texts.translate("ops.detail.transfer", Texts.CHINESE,
                target.displayName(), reason), null);
        audit.record(actor.username(), actor.orgCode(), "TASK_" + decisionCode, target(task, c), AuditEvent.Outcome.SUCCESS,
                (before == null ? "-" : before) + " -> " + target.username() + ": " + reason);
        events.publishEvent(new TaskEvents.HandedOver(TaskEvents.HandOver.TRANSFER, task.getId(), task.getName(),
                c == null ? null : c.getId(), c == null ? null : c.getTitle(), target.username(), actor.displayName(), reason));
    }

    /** The users the task may be transferred to: members of its candidate groups who may act on it, but not me. */
    public List<UserChoice> transferCandidates(String taskId, CountyFlowUser actor) {
        Task task = work.actionable(taskId, actor, "TASK_TRANSFER");
        Set<String> names = new LinkedHashSet<>();
        for (String group : offices.candidateGroups(task.getId())) {
            identity.createUserQuery().memberOfGroup(group).list().forEach(u -> names.add(u.getId()));
        }
        return names.stream().filter(n -> !n.equals(actor.username()) && !n.equals(task.getAssignee()))
                .map(users::find).flatMap(java.util.Optional::stream).filter(u -> work.mayTake(task.getId(), u))
                .map(this::choice).toList();
    }

    // ---------------------------------------------------------------- 委派

    /**
     * 委派: the holder asks a colleague of the same office to work on the task; the colleague hands it back
     * ({@link #resolve}) and the holder, who stays its owner, submits it.
     */
    @Transactional
    public void delegate(String taskId, String toUsername, String reason, CountyFlowUser actor) {
        Task task = work.actionable(taskId, actor, "TASK_DELEGATE");
        notDelegated(task, actor, "TASK_DELEGATE");
        String why = reason(reason);
        CountyFlowUser colleague = targetUser(toUsername, "to");
        if (colleague.username().equals(actor.username())) throw FieldErrorsException.of("to", Texts.get("ops.error.self"));
        CaseFile c = work.caseOf(task);
        if (!colleague.enabled() || !colleague.orgCode().equals(actor.orgCode()) || colleague.has(Role.EXPERT)
                || (c != null && !cases.canSee(colleague, c))) {
            audit.recordIndependently(actor.username(), actor.orgCode(), "TASK_DELEGATE", "task:" + taskId,
                    AuditEvent.Outcome.DENIED, colleague.username());
            throw FieldErrorsException.of("to", Texts.get("ops.error.notColleague", colleague.displayName()));
        }
        handOver(task, c, actor, colleague, TaskDelegation.Kind.DELEGATE, null, why);
        record(c, task, actor, DELEGATE, Texts.translate("ops.detail.delegate", Texts.CHINESE, colleague.displayName(), why), null);
        events.publishEvent(new TaskEvents.HandedOver(TaskEvents.HandOver.DELEGATE, task.getId(), task.getName(),
                c == null ? null : c.getId(), c == null ? null : c.getTitle(), colleague.username(), actor.displayName(), why));
    }

    /** Colleagues of my office who may be asked to work on the task (委派). */
    public List<UserChoice> colleagues(String taskId, CountyFlowUser actor) {
        Task task = work.actionable(taskId, actor, "TASK_DELEGATE");
        CaseFile c = work.caseOf(task);
        Set<String> names = new LinkedHashSet<>();
        for (Role role : Role.values()) {
            if (role == Role.EXPERT || role == Role.ADMIN) continue;
            identity.createUserQuery().memberOfGroup(role.groupOf(actor.orgCode())).list().forEach(u -> names.add(u.getId()));
        }
        return names.stream().filter(n -> !n.equals(actor.username())).map(users::find).flatMap(java.util.Optional::stream)
                .filter(u -> u.enabled() && (c == null || cases.canSee(u, c))).map(this::choice).toList();
    }

    /** 委派办结: the colleague hands the task back to its owner, with what they did. */
    @Transactional
    public void resolve(String taskId, String comment, CountyFlowUser delegate) {
        Task task = openTask(taskId);
        TaskDelegation d = pendingWith(task, delegate, TaskDelegation.Kind.DELEGATE, "TASK_RESOLVE");
        String text = reason(comment);
        CaseFile c = work.caseOf(task);
        d.answer("RESOLVED", text, clock.instant());
        delegations.save(d);
        tasks.resolveTask(task.getId());
        record(c, task, delegate, DELEGATE_RESOLVED, text, null);
        audit.record(delegate.username(), delegate.orgCode(), "TASK_RESOLVE", target(task, c), AuditEvent.Outcome.SUCCESS, text);
        events.publishEvent(new TaskEvents.HandedOver(TaskEvents.HandOver.RESOLVED, task.getId(), task.getName(),
                c == null ? null : c.getId(), c == null ? null : c.getTitle(), d.owner, delegate.displayName(), text));
    }

    // ---------------------------------------------------------------- 加签

    /**
     * 加签: the holder asks another user who may act on the task to sign it. BEFORE: the signer signs first
     * ({@link #sign}) and the task comes back to the holder, who decides. AFTER: the holder's opinion ({@code reason})
     * is recorded now and the signer completes the task. Either way the case waits for both, and both are recorded.
     */
    @Transactional
    public void addSigner(String taskId, String toUsername, SignPosition position, String reason, CountyFlowUser actor) {
        Task task = work.actionable(taskId, actor, "TASK_COUNTERSIGN");
        notDelegated(task, actor, "TASK_COUNTERSIGN");
        if (position == null) throw FieldErrorsException.of("position", Texts.get("ops.error.position"));
        String why = reason(reason);
        CountyFlowUser signer = targetUser(toUsername, "to");
        if (signer.username().equals(actor.username())) throw FieldErrorsException.of("to", Texts.get("ops.error.self"));
        if (!work.mayTake(task.getId(), signer)) {
            audit.recordIndependently(actor.username(), actor.orgCode(), "TASK_COUNTERSIGN", "task:" + taskId,
                    AuditEvent.Outcome.DENIED, signer.username());
            throw FieldErrorsException.of("to", Texts.get("ops.error.mayNotAct", signer.displayName()));
        }
        CaseFile c = work.caseOf(task);
        if (position == SignPosition.BEFORE) {
            handOver(task, c, actor, signer, TaskDelegation.Kind.COUNTERSIGN, position, why);
            record(c, task, actor, COUNTERSIGN_BEFORE, Texts.translate("ops.detail.countersignBefore", Texts.CHINESE,
                    signer.displayName(), why), null);
        } else {
            if (task.getAssignee() == null) tasks.claim(task.getId(), actor.username());
            delegations.save(new TaskDelegation(task.getId(), c == null ? null : c.getId(), TaskDelegation.Kind.COUNTERSIGN,
                    position, actor.username(), signer.username(), why, clock.instant()));
            tasks.setOwner(task.getId(), actor.username());
            tasks.setAssignee(task.getId(), signer.username());
            record(c, task, actor, COUNTERSIGN_AFTER, Texts.translate("ops.detail.countersignAfter", Texts.CHINESE,
                    signer.displayName(), why), null);
        }
        audit.record(actor.username(), actor.orgCode(), "TASK_COUNTERSIGN", target(task, c), AuditEvent.Outcome.SUCCESS,
                position + " " + signer.username() + ": " + why);
        events.publishEvent(new TaskEvents.HandedOver(TaskEvents.HandOver.COUNTERSIGN, task.getId(), task.getName(),
                c == null ? null : c.getId(), c == null ? null : c.getTitle(), signer.username(), actor.displayName(), why));
    }

    /** 加签意见: the signer asked to sign before the holder agrees or disagrees, with a comment; the task goes back. */
    @Transactional
    public void sign(String taskId, boolean agree, String comment, CountyFlowUser signer) {
        Task task = openTask(taskId);
        TaskDelegation d = pendingWith(task, signer, TaskDelegation.Kind.COUNTERSIGN, "TASK_SIGN");
        String text = reason(comment);
        CaseFile c = work.caseOf(task);
        d.answer(agree ? "AGREE" : "DISAGREE", text, clock.instant());
        delegations.save(d);
        tasks.resolveTask(task.getId());
        record(c, task, signer, agree ? SIGN_AGREE : SIGN_DISAGREE, text, null);
        audit.record(signer.username(), signer.orgCode(), "TASK_SIGN", target(task, c), AuditEvent.Outcome.SUCCESS,
                (agree ? "AGREE " : "DISAGREE ") + text);
        events.publishEvent(new TaskEvents.HandedOver(TaskEvents.HandOver.SIGNED, task.getId(), task.getName(),
                c == null ? null : c.getId(), c == null ? null : c.getTitle(), d.owner, signer.displayName(), text));
    }

    /** The delegation or co-signing in progress on an open task the user may see, or null. */
    public Handling handling(String taskId, CountyFlowUser user) {
        Task task = work.actionable(taskId, user, "TASK_OPEN");
        return delegations.findFirstByTaskIdAndAnsweredAtIsNullOrderByIdDesc(task.getId())
                .filter(d -> d.position != SignPosition.AFTER)
                .filter(d -> task.getDelegationState() == DelegationState.PENDING)
                .map(d -> new Handling(d.kind.name(), d.position == null ? null : d.position.name(), d.owner,
                        users.find(d.owner).map(CountyFlowUser::displayName).orElse(d.owner),
                        user.username().equals(task.getAssignee())))
                .orElse(null);
    }

    private void handOver(Task task, CaseFile c, CountyFlowUser owner, CountyFlowUser to, TaskDelegation.Kind kind,
                          SignPosition position, String why) {
        if (task.getAssignee() == null) tasks.claim(task.getId(), owner.username());
        delegations.save(new TaskDelegation(task.getId(), c == null ? null : c.getId(), kind, position, owner.username(),
                to.username(), why, clock.instant()));
        tasks.delegateTask(task.getId(), to.username());
        audit.record(owner.username(), owner.orgCode(), "TASK_" + kind.name(), target(task, c), AuditEvent.Outcome.SUCCESS,
                to.username() + ": " + why);
    }

    private TaskDelegation pendingWith(Task task, CountyFlowUser user, TaskDelegation.Kind kind, String action) {
        TaskDelegation d = delegations.findFirstByTaskIdAndAnsweredAtIsNullOrderByIdDesc(task.getId())
                .filter(x -> x.kind == kind && x.position != SignPosition.AFTER).orElse(null);
        if (d == null || task.getDelegationState() != DelegationState.PENDING || !user.username().equals(task.getAssignee())) {
            throw refuse(user, action, task.getId(), Texts.get("ops.error.notDelegatedToYou"));
        }
        return d;
    }

    private void notDelegated(Task task, CountyFlowUser actor, String action) {
        if (task.getDelegationState() == DelegationState.PENDING) {
            throw refuse(actor, action, task.getId(), Texts.get("ops.error.delegatedComplete", task.getOwner()));
        }
    }

    // ---------------------------------------------------------------- 抄送

    /**
     * 抄送: a user who may see the case gives read access to users of the same office or of an office above it on
     * the case's ladder (county → city → province); never to experts. The case then shows in their 抄送我的 list.
     */
    @Transactional
    public void cc(long caseId, List<String> usernames, String reason, CountyFlowUser actor) {
        CaseFile c = cases.get(caseId, actor);
        String why = reason(reason);
        if (usernames == null || usernames.isEmpty()) throw FieldErrorsException.of("to", Texts.get("ops.error.ccNobody"));
        List<String> ladder = ladderFrom(actor, c);
        List<CountyFlowUser> targets = new ArrayList<>();
        for (String name : new LinkedHashSet<>(usernames)) {
            CountyFlowUser u = targetUser(name, "to");
            if (u.username().equals(actor.username())) throw FieldErrorsException.of("to", Texts.get("ops.error.self"));
            if (!u.enabled() || u.has(Role.EXPERT) || u.has(Role.ADMIN) || !ladder.contains(u.orgCode())) {
                audit.recordIndependently(actor.username(), actor.orgCode(), "CASE_CC", "case:" + caseId,
                        AuditEvent.Outcome.DENIED, u.username());
                throw FieldErrorsException.of("to", Texts.get("ops.error.ccNotAllowed", u.displayName()));
            }
            targets.add(u);
        }
        List<String> granted = new ArrayList<>();
        for (CountyFlowUser u : targets) {
            if (ccGrants.existsByCaseIdAndUsername(c.getId(), u.username())) continue;
            ccGrants.save(new CaseCc(c.getId(), u.username(), actor.username(), why, clock.instant()));
            granted.add(u.username());
        }
        if (granted.isEmpty()) throw FieldErrorsException.of("to", Texts.get("ops.error.ccAlready"));
        String names = targets.stream().filter(u -> granted.contains(u.username())).map(CountyFlowUser::displayName)
                .reduce((a, b) -> a + "、" + b).orElse("");
        cases.record(new CaseDecision(c.getId(), null, null, Texts.translate("ops.history.case", Texts.CHINESE),
                actor.username(), actor.displayName(), actor.orgCode(), TaskWork.primaryRole(actor), CC,
                Texts.translate("ops.detail.cc", Texts.CHINESE, names, why), clock.instant()));
        audit.record(actor.username(), actor.orgCode(), "CASE_CC", "case:" + caseId, AuditEvent.Outcome.SUCCESS,
                String.join(",", granted) + ": " + why);
        events.publishEvent(new TaskEvents.Copied(c.getId(), c.getTitle(), granted, actor.displayName(), why));
    }

    /** Users the case may be copied to by this user (same office or above on the case's ladder, no experts). */
    public List<UserChoice> ccCandidates(long caseId, CountyFlowUser actor) {
        CaseFile c = cases.get(caseId, actor);
        List<UserChoice> result = new ArrayList<>();
        for (String org : ladderFrom(actor, c)) {
            for (Role role : Role.values()) {
                if (role == Role.EXPERT || role == Role.ADMIN) continue;
                for (User u : identity.createUserQuery().memberOfGroup(role.groupOf(org)).list()) {
                    if (u.getId().equals(actor.username()) || ccGrants.existsByCaseIdAndUsername(c.getId(), u.getId())) continue;
                    users.find(u.getId()).filter(CountyFlowUser::enabled).map(this::choice)
                            .filter(x -> result.stream().noneMatch(r -> r.username().equals(x.username())))
                            .ifPresent(result::add);
                }
            }
        }
        return result;
    }

    /** The offices from the actor's up the case's ladder (county, its city, its province). */
    private List<String> ladderFrom(CountyFlowUser actor, CaseFile c) {
        List<String> ladder = new ArrayList<>();
        ladder.add(c.getCountyCode());
        if (c.getCityCode() != null) ladder.add(c.getCityCode());
        ladder.add(c.getProvinceCode());
        int at = ladder.indexOf(actor.orgCode());
        if (at < 0 || actor.has(Role.EXPERT)) {
            throw refuse(actor, "CASE_CC", "case:" + c.getId(), Texts.get("ops.error.ccNotInLadder"));
        }
        return ladder.subList(at, ladder.size());
    }

    /** 抄送我的: the cases copied to me, newest first. */
    public List<CopiedCase> copiedToMe(CountyFlowUser user, int page, int size) {
        var rows = ccGrants.findByUsernameOrderByGrantedAtDescIdDesc(user.username(),
                PageRequest.of(Math.max(0, page), Math.max(1, Math.min(size, 200)))).getContent();
        Map<Long, CaseFile> byId = new LinkedHashMap<>();
        cases.findAll(rows.stream().map(r -> r.caseId).distinct().toList()).forEach(c -> byId.put(c.getId(), c));
        return rows.stream().filter(r -> byId.containsKey(r.caseId)).map(r -> {
            CaseFile c = byId.get(r.caseId);
            return new CopiedCase(c.getId(), c.getTitle(), organisations.nameOf(c.getCountyCode()),
                    users.find(r.grantedBy).map(CountyFlowUser::displayName).orElse(r.grantedBy), r.reason, r.grantedAt,
                    c.getCurrentStage());
        }).toList();
    }

    public long countCopiedToMe(CountyFlowUser user) {
        return ccGrants.countByUsername(user.username());
    }

    // ---------------------------------------------------------------- 撤回

    /**
     * 撤回: the user who completed a task takes the submission back while the next step has not been acted on: the
     * process has done nothing since but open user tasks that nobody has claimed. The next step is cancelled and the
     * user's step opens again, assigned to them (process-instance modification). Refused afterwards (409).
     */
    @Transactional
    public void withdraw(String completedTaskId, String reason, CountyFlowUser actor) {
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(completedTaskId).singleResult();
        if (done == null) throw new NotFoundException(Texts.get("ops.error.noSuchTask", completedTaskId));
        if (!actor.username().equals(done.getAssignee()) || done.getEndTime() == null
                || !"completed".equals(done.getDeleteReason())) {
            throw refuse(actor, "TASK_WITHDRAW", completedTaskId, Texts.get("ops.error.notYourSubmission"));
        }
        String why = reason(reason);
        String pid = done.getProcessInstanceId();
        var instance = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
        if (instance == null) throw tooLate(actor, completedTaskId, "ops.error.withdrawEnded");
        // nothing completed after mine in this process, and no called process running
        boolean laterWork = history.createHistoricTaskInstanceQuery().processInstanceId(pid).finished().list().stream()
                .anyMatch(t -> !t.getId().equals(done.getId()) && "completed".equals(t.getDeleteReason())
                        && !t.getStartTime().before(done.getEndTime()));
        boolean called = runtime.createProcessInstanceQuery().superProcessInstanceId(pid).count() > 0;
        List<Task> next = tasks.createTaskQuery().processInstanceId(pid).list();
        ActivityInstance tree = runtime.getActivityInstance(pid);
        List<ActivityInstance> active = leaves(tree);
        boolean onlyFreshUserTasks = !next.isEmpty() && next.size() == active.size()
                && next.stream().allMatch(t -> t.getAssignee() == null && t.getOwner() == null
                && !t.getCreateTime().before(done.getEndTime()));
        if (laterWork || called || !onlyFreshUserTasks || instance.isSuspended()) {
            throw tooLate(actor, completedTaskId, "ops.error.withdrawTooLate");
        }
        CaseFile c = cases.findByBusinessKey(instance.getBusinessKey()).orElse(null);
        if (c != null && !cases.canSee(actor, c)) {
            throw refuse(actor, "TASK_WITHDRAW", completedTaskId, Texts.get("ops.error.outOfScope"));
        }
        DecisionContext.during(new DecisionContext.Decision(WITHDRAW, why, actor.username()), () -> {
            // start first: cancelling the last activity instance first would end the process instance
            var modification = runtime.createProcessInstanceModification(pid).startBeforeActivity(done.getTaskDefinitionKey());
            active.forEach(a -> modification.cancelActivityInstance(a.getId()));
            modification.setAnnotation(Texts.translate("ops.annotation.withdraw", Texts.CHINESE, actor.username(), why))
                    .execute();
        });
        Task reopened = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(done.getTaskDefinitionKey())
                .singleResult();
        if (reopened != null) tasks.setAssignee(reopened.getId(), actor.username());
        if (c != null) {
            cases.record(new CaseDecision(c.getId(), completedTaskId, done.getTaskDefinitionKey(), done.getName(),
                    actor.username(), actor.displayName(), actor.orgCode(), TaskWork.primaryRole(actor), WITHDRAW, why,
                    clock.instant(), done.getName()));
        }
        audit.record(actor.username(), actor.orgCode(), "TASK_WITHDRAW", "task:" + completedTaskId
                + (c == null ? "" : " case:" + c.getId()), AuditEvent.Outcome.SUCCESS, why);
    }

    private TaskStateException tooLate(CountyFlowUser actor, String taskId, String key) {
        String message = Texts.get(key);
        audit.recordIndependently(actor.username(), actor.orgCode(), "TASK_WITHDRAW", "task:" + taskId,
                AuditEvent.Outcome.DENIED, message);
        return new TaskStateException(message);
    }

    /** The activity instances that are leaves of the tree (the steps the instance is waiting in). */
    private static List<ActivityInstance> leaves(ActivityInstance node) {
        List<ActivityInstance> result = new ArrayList<>();
        if (node == null) return result;
        if (node.getChildActivityInstances().length == 0 && node.getChildTransitionInstances().length == 0
                && node.getParentActivityInstanceId() != null) {
            result.add(node);
        }
        for (ActivityInstance child : node.getChildActivityInstances()) result.addAll(leaves(child));
        if (node.getChildTransitionInstances().length > 0) result.add(node); // an async continuation: not withdrawable
        return result;
    }

    // ---------------------------------------------------------------- 催办

    /**
     * 催办: an office above the task's holder on the case's ladder reminds its current holders (the assignee, else
     * the candidates), at most once a working day per task, whoever urges.
     */
    @Transactional
    public void urge(String taskId, String message, CountyFlowUser actor) {
        Task task = openTask(taskId);
        CaseFile c = work.caseOf(task);
        var holder = offices.holder(task).orElse(null);
        if (c == null || holder == null || !cases.canSee(actor, c) || !offices.supervises(actor, holder, c)) {
            throw refuse(actor, "TASK_URGE", taskId, Texts.get("ops.error.notSupervisor"));
        }
        String text = reason(message);
        LocalDate today = calendar.today();
        var last = urges.findFirstByTaskIdOrderByUrgedAtDesc(task.getId());
        if (last.isPresent() && calendar.workingDaysBetween(last.get().urgedOn, today) < 1) {
            String refusal = Texts.get("ops.error.urgedToday", users.find(last.get().urgedBy)
                    .map(CountyFlowUser::displayName).orElse(last.get().urgedBy));
            audit.recordIndependently(actor.username(), actor.orgCode(), "TASK_URGE", "task:" + taskId,
                    AuditEvent.Outcome.DENIED, refusal);
            throw new TaskStateException(refusal);
        }
        urges.save(new TaskUrge(task.getId(), c.getId(), actor.username(), actor.orgCode(), text, today, clock.instant()));
        record(c, task, actor, URGE, text, null);
        audit.record(actor.username(), actor.orgCode(), "TASK_URGE", target(task, c), AuditEvent.Outcome.SUCCESS, text);
        TaskEvents.Audience audience = task.getAssignee() != null ? TaskEvents.Audience.user(task.getAssignee())
                : new TaskEvents.Audience(null, offices.candidateGroups(task.getId()));
        events.publishEvent(new TaskEvents.Urged(task.getId(), task.getName(), c.getId(), c.getTitle(), audience,
                actor.displayName(), text));
    }

    /** Whether the user's office may urge the holders of this open task (for showing the button). */
    public boolean mayUrge(String taskId, CountyFlowUser user) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) return false;
        CaseFile c = work.caseOf(task);
        return c != null && offices.holder(task).map(h -> cases.canSee(user, c) && offices.supervises(user, h, c)).orElse(false);
    }

    // ---------------------------------------------------------------- 退回到已办环节

    /** The steps of this task's process that the case has passed (finished user tasks), to return to. */
    public List<ReturnTarget> returnTargets(String taskId, CountyFlowUser actor) {
        Task task = work.actionable(taskId, actor, "TASK_RETURN");
        Map<String, ReturnTarget> passed = new LinkedHashMap<>();
        history.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId()).finished()
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .filter(t -> "completed".equals(t.getDeleteReason()))
                .filter(t -> !t.getTaskDefinitionKey().equals(task.getTaskDefinitionKey()))
                .forEach(t -> passed.putIfAbsent(t.getTaskDefinitionKey(), new ReturnTarget(t.getTaskDefinitionKey(), t.getName())));
        return List.copyOf(passed.values());
    }

    /**
     * 退回到已办环节: the holder returns the case to a step it has already passed on its path, with a reason, through
     * the engine's process-instance modification (this step cancelled, the earlier one started again). The earlier
     * step goes back to whoever completed it last when they may still act on it, else to its office. The case's
     * history records the return, its reason and the step it went back to.
     */
    @Transactional
    public void returnTo(String taskId, String activityId, String reason, CountyFlowUser actor) {
        Task task = work.actionable(taskId, actor, "TASK_RETURN");
        notDelegated(task, actor, "TASK_RETURN");
        String why = reason(reason);
        ReturnTarget target = returnTargets(taskId, actor).stream().filter(t -> t.activityId().equals(activityId))
                .findFirst().orElseThrow(() -> {
                    audit.recordIndependently(actor.username(), actor.orgCode(), "TASK_RETURN", "task:" + taskId,
                            AuditEvent.Outcome.DENIED, String.valueOf(activityId));
                    return FieldErrorsException.of("step", Texts.get("ops.error.notPassed"));
                });
        String pid = task.getProcessInstanceId();
        List<ActivityInstance> active = leaves(runtime.getActivityInstance(pid));
        if (active.size() != 1 || runtime.createProcessInstanceQuery().superProcessInstanceId(pid).count() > 0) {
            throw new TaskStateException(Texts.get("ops.error.parallel"));
        }
        HistoricTaskInstance last = history.createHistoricTaskInstanceQuery().processInstanceId(pid)
                .taskDefinitionKey(activityId).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1)
                .stream().findFirst().orElse(null);
        CaseFile c = work.caseOf(task);
        DecisionContext.during(new DecisionContext.Decision(RETURN, why, actor.username()), () ->
                runtime.createProcessInstanceModification(pid)
                        .startBeforeActivity(activityId)
                        .cancelActivityInstance(active.get(0).getId())
                        .setAnnotation(Texts.translate("ops.annotation.return", Texts.CHINESE, actor.username(),
                                task.getName(), target.name(), why))
                        .execute());
        Task reopened = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(activityId).singleResult();
        if (reopened != null && last != null && last.getAssignee() != null) {
            users.find(last.getAssignee()).filter(u -> work.mayTake(reopened.getId(), u))
                    .ifPresent(u -> tasks.setAssignee(reopened.getId(), u.username()));
        }
        record(c, task, actor, RETURN, why, target.name());
        if (c != null) cases.setStatus(c, CaseStatus.RETURNED);
        audit.record(actor.username(), actor.orgCode(), "TASK_RETURN", target(task, c), AuditEvent.Outcome.SUCCESS,
                target.activityId() + ": " + why);
    }

    // ---------------------------------------------------------------- helpers

    private Task openTask(String taskId) {
        Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) throw new NotFoundException(Texts.get("ops.error.noSuchTask", String.valueOf(taskId)));
        return task;
    }

    private CountyFlowUser targetUser(String username, String field) {
        if (username == null || username.isBlank()) throw FieldErrorsException.of(field, Texts.get("ops.error.userRequired"));
        return users.find(username.trim()).map(CountyFlowUser::withoutPassword)
                .orElseThrow(() -> FieldErrorsException.of(field, Texts.get("ops.error.unknownUser", username.trim())));
    }

    /** A reason or comment: required, 2 to 500 characters once trimmed. */
    static String reason(String raw) {
        // one text rule: what counts is the visible text (no zero-width, bidi or combining marks, no emoji, no U+3000)
        String text = TextRule.clean(raw);
        if (TextRule.visibleLength(text) < REASON_MIN) {
            throw FieldErrorsException.of("reason", Texts.get("ops.error.reason", REASON_MIN));
        }
        if (text.length() > REASON_MAX) throw FieldErrorsException.of("reason", Texts.get("ops.error.reasonTooLong", REASON_MAX));
        return text;
    }

    private void record(CaseFile c, Task task, CountyFlowUser actor, String code, String comment, String targetStep) {
        if (c == null) return;
        cases.record(new CaseDecision(c.getId(), task.getId(), task.getTaskDefinitionKey(), task.getName(),
                actor.username(), actor.displayName(), actor.orgCode(), TaskWork.primaryRole(actor), code, comment,
                clock.instant(), targetStep));
    }

    private static String target(Task task, CaseFile c) {
        return "task:" + task.getId() + (c == null ? "" : " case:" + c.getId());
    }

    private NotPermittedException refuse(CountyFlowUser user, String action, String target, String message) {
        audit.recordIndependently(user.username(), user.orgCode(), action, target, AuditEvent.Outcome.DENIED, message);
        return new NotPermittedException(message);
    }

    private UserChoice choice(CountyFlowUser u) {
        return new UserChoice(u.username(), u.displayName(), u.orgName());
    }
}
