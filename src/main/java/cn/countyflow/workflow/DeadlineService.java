package cn.countyflow.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;

/**
 * Reminders and escalations of every human task of every process (到期提醒、逾期督办), from the due dates the BPMN
 * gives each step (the {@code deadlines} bean, the batch's or round's deadline for drafting).
 * <p>
 * One mechanism for all processes instead of two boundary timers per step: a sweep over the engine's open tasks
 * (its public native task query, so the database picks the few tasks that are due, indexed by our own tables), run
 * every minute. It covers processes added later without a line of BPMN, follows a due date that someone moved
 * (an extension, an administrator's change) where a timer would keep the old one, and leaves the task where it is.
 * A task due within {@code countyflow.deadlines.reminder-working-days} working days reminds its assignee or
 * candidates once; a task past its due date is escalated once, one level up (see {@link TaskOffices#groupAbove}):
 * it appears in that office's 逾期督办 list and they are notified. Each task is handled in its own transaction, and
 * a second node that raced for the same task loses on the primary key and skips it.
 */
@Service
@Transactional(readOnly = true)
public class DeadlineService {
    private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);
    static final int BATCH = 200;
    static final int MAX_BATCHES = 25;

    /** What one sweep did. */
    public record SweepResult(int reminded, int escalated, int closed) {
    }

    /** A row of 逾期督办: an overdue task escalated to the user's office. */
    public record Supervised(String taskId, String taskName, Long caseId, String caseTitle, String countyName,
                             String officeName, String level, String assignee, Instant due, Instant escalatedAt,
                             int workingDaysOverdue) {
    }

    /** Overdue open tasks in a user's scope, for dashboards: in all, per level and per office that holds them. */
    public record OverdueCounts(long total, Map<String, Long> byLevel, List<OfficeCount> byOffice) {
    }

    public record OfficeCount(String officeCode, String officeName, String level, long overdue) {
    }

    private final TaskService tasks;
    private final ManagementService management;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final TaskWork work;
    private final TaskOffices offices;
    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final TaskReminderRepository reminders;
    private final TaskEscalationRepository escalations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final EntityManager entities;
    private final int reminderDays;
    private final boolean sweepEnabled;

    DeadlineService(TaskService tasks, ManagementService management, WorkCalendar calendar, Clock clock, TaskWork work,
                    TaskOffices offices, CaseFileService cases, OrganisationService organisations,
                    TaskReminderRepository reminders, TaskEscalationRepository escalations,
                    ApplicationEventPublisher events, TransactionTemplate tx, EntityManager entities,
                    @Value("${countyflow.deadlines.reminder-working-days:2}") int reminderDays,
                    @Value("${countyflow.deadlines.sweep-enabled:true}") boolean sweepEnabled) {
        this.tasks = tasks;
        this.management = management;
        this.calendar = calendar;
        this.clock = clock;
        this.work = work;
        this.offices = offices;
        this.cases = cases;
        this.organisations = organisations;
        this.reminders = reminders;
        this.escalations = escalations;
        this.events = events;
        this.tx = tx;
        this.entities = entities;
        this.reminderDays = reminderDays;
        this.sweepEnabled = sweepEnabled;
    }

    @Scheduled(fixedDelayString = "${countyflow.deadlines.sweep-interval:PT1M}", initialDelayString = "PT20S")
    void scheduledSweep() {
        if (!sweepEnabled) return;
        try {
            sweep();
        } catch (RuntimeException e) {
            log.error("Deadline sweep failed; it runs again at the next interval", e);
        }
    }

    /** Reminds, escalates and closes what is due now (on the application's clock). Safe to run on several nodes. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public SweepResult sweep() {
        Instant now = clock.instant();
        int escalated = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Task> due = tasks.createNativeTaskQuery()
                    .sql("SELECT RES.* FROM " + taskTable() + " RES WHERE RES.DUE_DATE_ <= #{now} AND NOT EXISTS "
                            + "(SELECT 1 FROM task_escalation E WHERE E.task_id = RES.ID_) ORDER BY RES.DUE_DATE_, RES.ID_")
                    .parameter("now", Date.from(now)).listPage(0, BATCH);
            if (due.isEmpty()) break;
            for (Task t : due) if (once(() -> escalate(t, now))) escalated++;
            if (due.size() < BATCH) break;
        }
        int reminded = 0;
        Instant horizon = WorkCalendar.endOf(calendar.addWorkingDays(calendar.today(), reminderDays));
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Task> soon = tasks.createNativeTaskQuery()
                    .sql("SELECT RES.* FROM " + taskTable() + " RES WHERE RES.DUE_DATE_ > #{now} AND RES.DUE_DATE_ <= #{horizon}"
                            + " AND NOT EXISTS (SELECT 1 FROM task_reminder R WHERE R.task_id = RES.ID_)"
                            + " ORDER BY RES.DUE_DATE_, RES.ID_")
                    .parameter("now", Date.from(now)).parameter("horizon", Date.from(horizon)).listPage(0, BATCH);
            if (soon.isEmpty()) break;
            for (Task t : soon) if (once(() -> remind(t, now))) reminded++;
            if (soon.size() < BATCH) break;
        }
        int closed = closeGone(now);
        if (reminded + escalated + closed > 0) {
            log.info("Deadline sweep: {} reminded, {} escalated, {} closed", reminded, escalated, closed);
        }
        return new SweepResult(reminded, escalated, closed);
    }

    private String taskTable() {
        return management.getTableName(Task.class);
    }

    /** Runs one task's work in its own transaction; false when another node was first (or it was done already). */
    private boolean once(java.util.function.Supplier<Boolean> work) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> work.get()));
        } catch (DataIntegrityViolationException raced) {
            return false;
        }
    }

    private boolean escalate(Task t, Instant now) {
        if (escalations.existsById(t.getId())) return false;
        CaseFile c = work.caseOf(t);
        var holder = offices.holder(t).orElse(null);
        String target = holder == null ? null : offices.groupAbove(holder, c).orElse(null);
        String targetOrg = target == null ? null : TaskOffices.parseGroup(target).map(TaskOffices.Holder::orgCode).orElse(null);
        escalations.saveAndFlush(new TaskEscalation(t.getId(), c == null ? null : c.getId(), t.getTaskDefinitionKey(),
                t.getName(), holder == null ? "UNKNOWN" : holder.level().name(), holder == null ? null : holder.orgCode(),
                target, targetOrg, t.getDueDate().toInstant(), now));
        if (target != null) {
            events.publishEvent(new TaskEvents.Escalated(t.getId(), t.getName(), c == null ? null : c.getId(),
                    c == null ? null : c.getTitle(), holder == null ? "" : organisations.nameOf(holder.orgCode()), target,
                    t.getDueDate().toInstant()));
        }
        return true;
    }

    private boolean remind(Task t, Instant now) {
        if (reminders.existsById(t.getId())) return false;
        CaseFile c = work.caseOf(t);
        Instant due = t.getDueDate().toInstant();
        // a task that opened already this close to its due date was told its due date when it opened
        Instant reminderMoment = WorkCalendar.startOf(calendar.addWorkingDays(WorkCalendar.dayOf(due), -reminderDays));
        boolean notify = t.getCreateTime() == null || t.getCreateTime().toInstant().isBefore(reminderMoment);
        reminders.saveAndFlush(new TaskReminder(t.getId(), c == null ? null : c.getId(), due, now, notify));
        if (notify) {
            TaskEvents.Audience audience = t.getAssignee() != null ? TaskEvents.Audience.user(t.getAssignee())
                    : new TaskEvents.Audience(null, offices.candidateGroups(t.getId()));
            events.publishEvent(new TaskEvents.ReminderDue(t.getId(), t.getName(), c == null ? null : c.getId(),
                    c == null ? null : c.getTitle(), audience, due));
        }
        return notify;
    }

    /** Closes escalations of tasks that ended without a task event (e.g. an instance deleted skipping listeners). */
    private int closeGone(Instant now) {
        int closed = 0;
        String after = "";
        while (true) {
            List<TaskEscalation> open = escalations.findByClosedAtIsNullAndTaskIdGreaterThanOrderByTaskId(after,
                    PageRequest.of(0, 500));
            if (open.isEmpty()) break;
            Set<String> ids = open.stream().map(e -> e.taskId).collect(Collectors.toSet());
            Set<String> alive = tasks.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list().stream()
                    .map(Task::getId).collect(Collectors.toSet());
            for (String id : ids) {
                if (!alive.contains(id)) {
                    Integer n = tx.execute(s -> escalations.close(id, now));
                    closed += n == null ? 0 : n;
                }
            }
            after = open.get(open.size() - 1).taskId;
            if (open.size() < 500) break;
        }
        return closed;
    }

    // ---------------------------------------------------------------- 逾期督办

    /** The overdue tasks escalated to the user's offices, most overdue first, page by page. */
    public List<Supervised> supervision(CountyFlowUser user, int page, int size) {
        if (user.groups().isEmpty()) return List.of();
        List<TaskEscalation> rows = escalations.findAll(supervisedBy(user),
                PageRequest.of(Math.max(0, page), Math.max(1, Math.min(size, 200)),
                        Sort.by("dueAt").ascending().and(Sort.by("taskId")))).getContent();
        Map<Long, CaseFile> byCase = cases.findAll(rows.stream().map(e -> e.caseId).filter(java.util.Objects::nonNull)
                .distinct().toList()).stream().collect(Collectors.toMap(CaseFile::getId, Function.identity()));
        Map<String, Task> open = rows.isEmpty() ? Map.of() : tasks.createTaskQuery()
                .taskIdIn(rows.stream().map(e -> e.taskId).toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(Task::getId, Function.identity()));
        LocalDate today = calendar.today();
        return rows.stream().map(e -> {
            CaseFile c = byCase.get(e.caseId);
            Task t = open.get(e.taskId);
            return new Supervised(e.taskId, e.taskName, e.caseId, c == null ? "" : c.getTitle(),
                    c == null ? "" : organisations.nameOf(c.getCountyCode()), organisations.nameOf(e.officeCode),
                    e.level, t == null ? null : t.getAssignee(), e.dueAt, e.escalatedAt,
                    Math.max(0, calendar.workingDaysBetween(WorkCalendar.dayOf(e.dueAt), today)));
        }).toList();
    }

    public long countSupervision(CountyFlowUser user) {
        return user.groups().isEmpty() ? 0 : escalations.count(supervisedBy(user));
    }

    private Specification<TaskEscalation> supervisedBy(CountyFlowUser user) {
        return (root, query, cb) -> cb.and(root.get("targetGroup").in(user.groups()), cb.isNull(root.get("closedAt")),
                visible(root, query, cb, user));
    }

    private Predicate visible(Root<TaskEscalation> root, jakarta.persistence.criteria.CriteriaQuery<?> query,
                              jakarta.persistence.criteria.CriteriaBuilder cb, CountyFlowUser user) {
        var sub = query.subquery(Long.class);
        Root<CaseFile> c = sub.from(CaseFile.class);
        sub.select(c.get("id")).where(cases.visibleTo(user).toPredicate(c, query, cb));
        return root.get("caseId").in(sub);
    }

    /**
     * Open escalations (逾期督办) of the cases the user may see, in all, per level (COUNTY, CITY, EXPERT, PROVINCE,
     * APPROVER) and per office that holds the task: the sweep's view, as of its last run (every minute). The monitoring
     * pages count tasks past their due date from their own read model at the moment they are asked (overdue by city and
     * office, the dashboard's map); the two agree once the sweep has run.
     */
    public OverdueCounts overdueCounts(CountyFlowUser user) {
        var cb = entities.getCriteriaBuilder();
        var query = cb.createQuery(Object[].class);
        Root<TaskEscalation> root = query.from(TaskEscalation.class);
        query.multiselect(root.get("level"), root.get("officeCode"), cb.count(root))
                .where(cb.isNull(root.get("closedAt")), visible(root, query, cb, user))
                .groupBy(root.get("level"), root.get("officeCode"));
        Map<String, Long> byLevel = new LinkedHashMap<>();
        List<OfficeCount> byOffice = new ArrayList<>();
        long total = 0;
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : entities.createQuery(query).getResultList()) {
            String level = (String) row[0];
            String office = (String) row[1];
            long n = ((Number) row[2]).longValue();
            total += n;
            byLevel.merge(level, n, Long::sum);
            counts.merge(level + "|" + office, n, Long::sum);
            byOffice.add(new OfficeCount(office, organisations.nameOf(office), level, n));
        }
        byOffice.sort(java.util.Comparator.comparingLong(OfficeCount::overdue).reversed()
                .thenComparing(o -> o.officeCode() == null ? "" : o.officeCode()));
        return new OverdueCounts(total, byLevel, byOffice);
    }
}
