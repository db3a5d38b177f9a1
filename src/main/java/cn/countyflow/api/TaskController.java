package cn.countyflow.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.org.CurrentUser;
import cn.countyflow.workflow.DoneTask;
import cn.countyflow.workflow.TaskDetails;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskSummary;
import cn.countyflow.workflow.TaskWork;

/** The inbox as JSON: the same {@link TaskWork} the views call, under the same rules. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "api.task.tag.name", description = "api.task.tag.description")
class TaskController {
    private final TaskWork work;
    private final ObjectMapper json;

    TaskController(TaskWork work, ObjectMapper json) {
        this.work = work;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "api.task.myTasks")
    Page<TaskSummary> myTasks(@RequestParam(required = false) String taskName,
                              @RequestParam(required = false) String caseText,
                              @RequestParam(defaultValue = "false") boolean overdueOnly,
                              @RequestParam(defaultValue = "false") boolean assignedOnly,
                              @RequestParam(defaultValue = "CREATED") TaskFilter.Sort sort,
                              @RequestParam(defaultValue = "false") boolean ascending,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        var user = CurrentUser.get();
        var filter = new TaskFilter(taskName, caseText, overdueOnly, assignedOnly, sort, ascending);
        int pageSize = Page.size(size);
        return new Page<>(work.myTasks(user, filter, Page.offset(page, pageSize), pageSize),
                work.countMyTasks(user, filter), page, pageSize);
    }

    @GetMapping("/done")
    @Operation(summary = "api.task.done")
    Page<DoneTask> done(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var user = CurrentUser.get();
        int pageSize = Page.size(size);
        return new Page<>(work.doneTasks(user, Page.offset(page, pageSize), pageSize), work.countDoneTasks(user), page, pageSize);
    }

    @GetMapping("/{id}")
    @Operation(summary = "api.task.task")
    Map<String, Object> task(@PathVariable String id) throws Exception {
        TaskDetails details = work.open(id, CurrentUser.get());
        JsonNode form = details.formKey() == null ? null : json.readTree(work.formSchema(details.formKey()));
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("task", details.task());
        body.put("formKey", details.formFile());
        body.put("formVersion", details.formKey());
        body.put("form", form);
        body.put("data", details.data());
        body.put("draftSavedAt", details.draftSavedAt());
        return body;
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "api.task.claim")
    ResponseEntity<Void> claim(@PathVariable String id) {
        work.claim(id, CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "api.task.unclaim")
    ResponseEntity<Void> unclaim(@PathVariable String id) {
        work.unclaim(id, CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/draft")
    @Operation(summary = "api.task.saveDraft")
    ResponseEntity<Void> saveDraft(@PathVariable String id, @RequestBody Map<String, Object> data) {
        work.saveDraft(id, data, CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "api.task.complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> data) {
        work.complete(id, data == null ? Map.of() : data, CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    /** A page of results. */
    record Page<T>(List<T> items, long total, int page, int size) {
        static int size(int requested) {
            return Math.max(1, Math.min(requested, 200));
        }

        static int offset(int page, int size) {
            return Math.max(0, page) * size;
        }
    }
}
