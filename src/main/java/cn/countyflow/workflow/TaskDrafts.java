package cn.countyflow.workflow;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts across tasks: when a process replaces one task by another for the same work (e.g. a timer interrupts a
 * drafting task and opens a reminder task with the same form), the draft saved on the old task moves to the new
 * one, so nothing typed and saved is lost. Called by engine listeners inside the engine's transaction.
 */
@Service
public class TaskDrafts {
    private final TaskDraftRepository drafts;

    TaskDrafts(TaskDraftRepository drafts) {
        this.drafts = drafts;
    }

    /** Moves the draft of {@code fromTaskId} (if any) to {@code toTaskId}; true when there was one. */
    @Transactional
    public boolean carryOver(String fromTaskId, String toTaskId) {
        return drafts.findById(fromTaskId).map(old -> {
            TaskDraft moved = new TaskDraft(toTaskId, old.getCaseId(), old.getUsername(), old.getData());
            drafts.delete(old);
            drafts.save(moved);
            return true;
        }).orElse(false);
    }
}
