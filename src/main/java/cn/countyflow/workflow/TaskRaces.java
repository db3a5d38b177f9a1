package cn.countyflow.workflow;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Two people acting on one task at once: the engine lets exactly one win and fails the other with an optimistic-lock
 * conflict, "already claimed", a task that vanished under it ({@code NullValueException}) or a duplicate row. Every
 * such loser is told {@code 该任务已由他人办理} as a {@link TaskStateException} (409 at /api, the message in the UI),
 * never a 500. The one place for it: around every public operation of {@link TaskWork} and {@link TaskOperations},
 * outside their transactions (highest precedence), so that failures at commit are caught as well.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskRaces {
    private static final Logger log = LoggerFactory.getLogger(TaskRaces.class);
    private final org.camunda.bpm.engine.TaskService tasks;
    private final org.camunda.bpm.engine.HistoryService history;

    TaskRaces(org.camunda.bpm.engine.TaskService tasks, org.camunda.bpm.engine.HistoryService history) {
        this.tasks = tasks;
        this.history = history;
    }

    @Around("execution(public * cn.countyflow.workflow.TaskWork.*(..)) || execution(public * cn.countyflow.workflow.TaskOperations.*(..))")
    Object translate(ProceedingJoinPoint call) throws Throwable {
        try {
            return call.proceed();
        } catch (RuntimeException e) {
            if (!isRace(e) && !finishedMeanwhile(e, call.getArgs())) throw e;
            log.info("Task operation {} lost a race: {}", call.getSignature().getName(), e.toString());
            throw new TaskStateException(Texts.get("hardening.race"));
        }
    }

    /**
     * The engine may also fail in its own way (e.g. a NullPointerException on an execution another transaction
     * removed) when the task was completed under it: a task that is gone from the runtime and finished in the history
     * was lost to someone else, whatever the exception says. Our own refusals are never re-read this way.
     */
    private boolean finishedMeanwhile(RuntimeException e, Object[] args) {
        if (e instanceof cn.countyflow.org.InvalidInputException || e instanceof NotPermittedException
                || e instanceof NotFoundException || e instanceof TaskStateException
                || args.length == 0 || !(args[0] instanceof String taskId)) {
            return false;
        }
        try {
            return tasks.createTaskQuery().taskId(taskId).count() == 0
                    && history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    static boolean isRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof TaskAlreadyClaimedException
                    || t instanceof NullValueException || t instanceof ConcurrencyFailureException
                    || t instanceof DataIntegrityViolationException
                    || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }
}
