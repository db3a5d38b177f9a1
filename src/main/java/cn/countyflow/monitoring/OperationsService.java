package cn.countyflow.monitoring;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.countyflow.workflow.Texts;
import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.CaseStatus;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.TaskWork;

/**
 * What an administrator may do to a running case (运维操作): reassign a task, suspend and resume, cancel (已撤销),
 * retry a failed job. Admins only; each needs a reason, is written to the audit log and to the case's history, and
 * changes nothing when refused or invalid. Views and /api call these same methods.
 */
@Service
public class OperationsService {
    private static final Logger log = LoggerFactory.getLogger(OperationsService.class);
    static final int REASON_MAX = 500;

    /** The case-history codes of the operations (labels: decision.<CODE>). */
    public static final String SUSPEND = "MONITOR_SUSPEND";
    public static final String RESUME = "MONITOR_RESUME";
    public static final String CANCEL = "MONITOR_CANCEL";
    public static final String REASSIGN = "MONITOR_REASSIGN";
    public static final String RETRY = "MONITOR_RETRY";

    private final MonitoringService monitoring;
    private final CaseMonitorService monitor;
    private final CaseFileService cases;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final TaskWork work;
    private final UserAccountService users;
    private final cn.countyflow.org.UserAdministration administration;
    private final AuditService audit;
    private final TransactionTemplate tx;

    OperationsService(MonitoringService monitoring, CaseMonitorService monitor, CaseFileService cases, RuntimeService runtime,
                      TaskService tasks, ManagementService management, TaskWork work, UserAccountService users,
                      cn.countyflow.org.UserAdministration administration, AuditService audit, TransactionTemplate tx) {
        this.administration = administration;
        this.monitoring = monitoring;
        this.monitor = monitor;
        this.cases = cases;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.work = work;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
    }

    /** Suspends every running instance of the case (its own and those it called). */
    public void suspend(long caseId, String reason, CountyFlowUser admin) {
        tx.executeWithoutResult(s -> {
            CaseFile c = adminCase(caseId, admin, "MONITOR_SUSPEND");
            String why = reason(reason);
            List<ProcessInstance> active = instances(c).stream().filter(p -> !p.isSuspended()).toList();
            if (active.isEmpty()) throw FieldErrorsException.of("case", Texts.get("monitor.op.notActive"));
            active.forEach(p -> runtime.suspendProcessInstanceById(p.getId()));
            cases.suspensionChanged(c.getId(), true);
            done(c, admin, SUSPEND, why, "MONITOR_SUSPEND", null);
        });
    }

    public void resume(long caseId, String reason, CountyFlowUser admin) {
        tx.executeWithoutResult(s -> {
            CaseFile c = adminCase(caseId, admin, "MONITOR_RESUME");
            String why = reason(reason);
            List<ProcessInstance> suspended = instances(c).stream().filter(ProcessInstance::isSuspended).toList();
            if (suspended.isEmpty()) throw FieldErrorsException.of("case", Texts.get("monitor.op.notSuspended"));
            suspended.forEach(p -> runtime.activateProcessInstanceById(p.getId()));
            cases.suspensionChanged(c.getId(), false);
            done(c, admin, RESUME, why, "MONITOR_RESUME", null);
        });
    }

    /**
     * Cancels the case: its process instance (and what it called) is deleted with the reason, without running the
     * processes' own listeners, and the case becomes 已撤销. Its history stays.
     */
    public void cancel(long caseId, String reason, CountyFlowUser admin) {
        tx.executeWithoutResult(s -> {
            CaseFile c = adminCase(caseId, admin, "MONITOR_CANCEL");
            String why = reason(reason);
            boolean running = c.getProcessInstanceId() != null && runtime.createProcessInstanceQuery()
                    .processInstanceId(c.getProcessInstanceId()).count() > 0;
            if (!running) throw FieldErrorsException.of("case", Texts.get("monitor.op.notRunning"));
            runtime.deleteProcessInstance(c.getProcessInstanceId(), Texts.get("monitor.op.cancelledBy", admin.username(), why),
                    true, true);
            cases.suspensionChanged(c.getId(), false);
            cases.setStatus(c, CaseStatus.CANCELLED);
            done(c, admin, CANCEL, why, "MONITOR_CANCEL", null);
        });
    }

    /** Gives an open task of the case to another user who may act on it (candidate group and scope). */
    public void reassign(long caseId, String taskId, String username, String reason, CountyFlowUser admin) {
        tx.executeWithoutResult(s -> {
            CaseFile c = adminCase(caseId, admin, "MONITOR_REASSIGN");
            String why = reason(reason);
            Task task = tasks.createTaskQuery().taskId(taskId == null ? "" : taskId)
                    .processInstanceBusinessKey(String.valueOf(c.getId())).singleResult();
            if (task == null) throw new NotFoundException(Texts.get("monitor.task.notFound"));
            if (username == null || username.isBlank()) {
                throw FieldErrorsException.of("username", Texts.get("monitor.reassign.userRequired"));
            }
            CountyFlowUser target = users.find(username.trim()).orElseThrow(() ->
                    FieldErrorsException.of("username", Texts.get("monitor.reassign.unknownUser", username.trim())));
            if (target.username().equals(task.getAssignee())) {
                throw FieldErrorsException.of("username", Texts.get("monitor.reassign.same"));
            }
            if (!work.mayTake(task.getId(), target)) {
                audit.recordIndependently(admin.username(), admin.orgCode(), "MONITOR_REASSIGN", "task:" + task.getId(),
                        AuditEvent.Outcome.DENIED, target.username());
                throw FieldErrorsException.of("username", Texts.get("monitor.reassign.mayNotAct", target.displayName()));
            }
            String before = task.getAssignee();
            tasks.setAssignee(task.getId(), target.username());
            done(c, admin, REASSIGN, Texts.get("monitor.reassign.detail", task.getName(),
                    before == null ? Texts.get("monitor.reassign.pool") : before, target.username(), why),
                    "MONITOR_REASSIGN", "task:" + task.getId());
        });
    }

    /** The users who may take the task over: members of its candidate groups' offices who pass the same rule. */
    public List<CountyFlowUser> reassignCandidates(long caseId, String taskId, CountyFlowUser admin) {
        monitoring.requireAdmin(admin, "MONITOR_REASSIGN");
        CaseFile c = cases.get(caseId, admin);
        Task task = tasks.createTaskQuery().taskId(taskId == null ? "" : taskId)
                .processInstanceBusinessKey(String.valueOf(c.getId())).singleResult();
        if (task == null) throw new NotFoundException(Texts.get("monitor.task.notFound"));
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
                .map(l -> EngineHistoryListener.officeOfGroup(l.getGroupId())).filter(java.util.Objects::nonNull).distinct()
                .flatMap(office -> administration.search(admin, null, office,
                        org.springframework.data.domain.PageRequest.of(0, 200)).stream())
                .filter(u -> !u.username().equals(task.getAssignee()) && work.mayTake(task.getId(), u))
                .distinct().toList();
    }

    /** What a retry came to. */
    public record RetryOutcome(boolean succeeded, String message) {
    }

    /**
     * Retries the failed job of an incident: gives it one more try (recorded with the reason), then runs it at once
     * in its own transaction. Success resolves the incident; a new failure opens a new one, with its error.
     */
    public RetryOutcome retry(long caseId, String incidentId, String reason, CountyFlowUser admin) {
        String jobId = tx.execute(s -> {
            CaseFile c = adminCase(caseId, admin, "MONITOR_RETRY");
            String why = reason(reason);
            Incident incident = monitor.incidentOf(c, incidentId);
            if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()) || incident.getConfiguration() == null) {
                throw FieldErrorsException.of("incident", Texts.get("monitor.retry.notAJob"));
            }
            management.setJobRetries(incident.getConfiguration(), 1);
            done(c, admin, RETRY, Texts.get("monitor.retry.detail", incident.getActivityId(), why), "MONITOR_RETRY",
                    "incident:" + incidentId);
            return incident.getConfiguration();
        });
        try {
            management.executeJob(jobId);
            return new RetryOutcome(true, Texts.get("monitor.retry.succeeded"));
        } catch (OptimisticLockingException raced) {
            return new RetryOutcome(true, Texts.get("monitor.retry.handedOver"));
        } catch (ProcessEngineException | IllegalStateException failed) {
            log.info("Retried job {} failed again: {}", jobId, failed.getMessage());
            return new RetryOutcome(false, Texts.get("monitor.retry.failed"));
        } catch (RuntimeException failed) {
            // a delegate's own exception, wrapped or not: the engine has recorded it as a new incident
            log.info("Retried job {} failed again: {}", jobId, failed.toString());
            return new RetryOutcome(false, Texts.get("monitor.retry.failed"));
        }
    }

    // ---------------------------------------------------------------- helpers

    private CaseFile adminCase(long caseId, CountyFlowUser admin, String action) {
        monitoring.requireAdmin(admin, action);
        return cases.get(caseId, admin);
    }

    private List<ProcessInstance> instances(CaseFile c) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(c.getId())).list();
    }

    private void done(CaseFile c, CountyFlowUser admin, String code, String detail, String action, String target) {
        cases.recordOperation(c.getId(), Texts.get("monitor.op.historyLabel"), code, detail, admin);
        audit.record(admin.username(), admin.orgCode(), action, target == null ? "case:" + c.getId()
                : target + " case:" + c.getId(), AuditEvent.Outcome.SUCCESS, detail);
    }

    /**
     * A reason is required: at least 2 characters once invisible characters (format and control characters, NBSP,
     * ideographic spaces …) are ignored, at most 500. The reason is kept as written (full-width punctuation stays).
     */
    static String reason(String raw) {
        String text = cn.countyflow.workflow.TextRule.clean(raw);
        if (cn.countyflow.workflow.TextRule.visibleLength(text) < 2) {
            throw FieldErrorsException.of("reason", Texts.get("monitor.reason.required"));
        }
        if (text.length() > REASON_MAX) {
            throw FieldErrorsException.of("reason", Texts.get("monitor.reason.tooLong", REASON_MAX));
        }
        return text;
    }
}
