package cn.countyflow.workflow;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drafts across tasks: when a process replaces one task by another for the same work (e.g. a timer interrupts a
 * drafting task and opens a reminder task with the same form), the draft saved on the old task moves to the new
 * one, so nothing typed and saved is lost. Called by engine listeners inside the engine's transaction.
 */
@Service
public class TaskDrafts {
    private final TaskDraftRepository drafts;
    private final ObjectMapper json;
    private final Clock clock;

    TaskDrafts(TaskDraftRepository drafts, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.drafts = drafts;
        this.json = json;
    }

    /** Moves the draft of {@code fromTaskId} (if any) to {@code toTaskId}; true when there was one. */
    @Transactional
    public boolean carryOver(String fromTaskId, String toTaskId) {
        return carryOver(fromTaskId, toTaskId, Map.of());
    }

    /**
     * Moves the draft of {@code fromTaskId} (if any) to {@code toTaskId}, setting the given read-only fields (e.g. a
     * reminder the new task's form shows) over the saved data; true when there was a draft.
     */
    @Transactional
    public boolean carryOver(String fromTaskId, String toTaskId, Map<String, Object> overrides) {
        return drafts.findById(fromTaskId).map(old -> {
            String data = old.getData();
            if (!overrides.isEmpty()) {
                try {
                    Map<String, Object> merged = json.readValue(data, new TypeReference<LinkedHashMap<String, Object>>() { });
                    merged.putAll(overrides);
                    data = json.writeValueAsString(merged);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("draft data is corrupt", e);
                }
            }
            TaskDraft moved = new TaskDraft(toTaskId, old.getCaseId(), old.getUsername(), data, clock.instant());
            drafts.delete(old);
            drafts.save(moved);
            return true;
        }).orElse(false);
    }
}
