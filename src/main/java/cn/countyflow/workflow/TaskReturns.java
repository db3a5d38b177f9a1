package cn.countyflow.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.UserAccountService;

/**
 * Returns stand out: when a return (a 退回 decision, or 退回到已办环节) opens a task, the task remembers who returned the
 * work, when and why, in the engine's transaction. The inbox marks such tasks 退回; the task's form says it at the top.
 * Callers have already checked that the user may see the tasks they ask about (their inbox page, an opened task).
 */
@Service
@Transactional(readOnly = true)
public class TaskReturns {

    /** Who returned the work (name and office, never the account name alone), when, and why. */
    public record Note(String taskId, String returnedBy, String returnedByName, String office, Instant at, String reason) {
    }

    private final TaskReturnRepository returns;
    private final UserAccountService users;
    private final OrganisationService organisations;
    private final Clock clock;

    TaskReturns(TaskReturnRepository returns, UserAccountService users, OrganisationService organisations, Clock clock) {
        this.returns = returns;
        this.users = users;
        this.organisations = organisations;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void opened(TaskEvents.Opened e) {
        DecisionContext.Decision decision = e.decision();
        if (decision == null || !decision.isReturn()) return;
        returns.save(new TaskReturn(e.taskId(), e.caseId(), decision.actor(), clock.instant(), decision.comment()));
    }

    public Optional<Note> of(String taskId) {
        return returns.findById(taskId).map(this::note);
    }

    /** The returned ones among {@code taskIds}, by task id. */
    public Map<String, Note> among(Collection<String> taskIds) {
        if (taskIds.isEmpty()) return Map.of();
        return returns.findByTaskIdIn(taskIds).stream().map(this::note)
                .collect(Collectors.toMap(Note::taskId, Function.identity()));
    }

    private Note note(TaskReturn r) {
        var user = r.getReturnedBy() == null ? Optional.<cn.countyflow.org.CountyFlowUser>empty() : users.find(r.getReturnedBy());
        String name = user.map(u -> u.displayName()).orElse(r.getReturnedBy());
        String office = user.map(u -> u.orgName() != null ? u.orgName() : organisations.nameOf(u.orgCode())).orElse("");
        return new Note(r.getTaskId(), r.getReturnedBy(), name, office, r.getReturnedAt(), r.getReason());
    }
}
