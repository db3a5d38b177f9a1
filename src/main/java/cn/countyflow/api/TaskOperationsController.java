package cn.countyflow.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.org.CurrentUser;
import cn.countyflow.workflow.DeadlineService;
import cn.countyflow.workflow.TaskOperations;

/**
 * The task operations as JSON: the same {@link TaskOperations} the views call, under the same rules. Refusals: 403 out
 * of scope, 400 with field errors ({@code to}, {@code reason}, {@code step}, {@code position}), 409 when the case has
 * moved on (withdraw too late, urged already today).
 */
@RestController
@Tag(name = "api.taskOperations.tag.name", description = "api.taskOperations.tag.description")
class TaskOperationsController {
    private final TaskOperations operations;
    private final DeadlineService deadlines;

    TaskOperationsController(TaskOperations operations, DeadlineService deadlines) {
        this.operations = operations;
        this.deadlines = deadlines;
    }

    record HandOver(String to, String reason) {
    }

    record Countersign(String to, TaskOperations.SignPosition position, String reason) {
    }

    record Sign(boolean agree, String comment) {
    }

    record Comment(String comment) {
    }

    record Reason(String reason) {
    }

    record Urge(String message) {
    }

    record Return(String step, String reason) {
    }

    record Copy(List<String> to, String reason) {
    }

    @PostMapping("/api/tasks/{id}/transfer")
    @Operation(summary = "api.taskOperations.transfer")
    ResponseEntity<Void> transfer(@PathVariable String id, @RequestBody HandOver body) {
        operations.transfer(id, body.to(), body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/tasks/{id}/transfer-candidates")
    @Operation(summary = "api.taskOperations.transferCandidates")
    List<TaskOperations.UserChoice> transferCandidates(@PathVariable String id) {
        return operations.transferCandidates(id, CurrentUser.get());
    }

    @PostMapping("/api/tasks/{id}/delegate")
    @Operation(summary = "api.taskOperations.delegate")
    ResponseEntity<Void> delegate(@PathVariable String id, @RequestBody HandOver body) {
        operations.delegate(id, body.to(), body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/tasks/{id}/colleagues")
    @Operation(summary = "api.taskOperations.colleagues")
    List<TaskOperations.UserChoice> colleagues(@PathVariable String id) {
        return operations.colleagues(id, CurrentUser.get());
    }

    @PostMapping("/api/tasks/{id}/resolve")
    @Operation(summary = "api.taskOperations.resolve")
    ResponseEntity<Void> resolve(@PathVariable String id, @RequestBody Comment body) {
        operations.resolve(id, body.comment(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{id}/countersign")
    @Operation(summary = "api.taskOperations.countersign")
    ResponseEntity<Void> countersign(@PathVariable String id, @RequestBody Countersign body) {
        operations.addSigner(id, body.to(), body.position(), body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{id}/sign")
    @Operation(summary = "api.taskOperations.sign")
    ResponseEntity<Void> sign(@PathVariable String id, @RequestBody Sign body) {
        operations.sign(id, body.agree(), body.comment(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{id}/withdraw")
    @Operation(summary = "api.taskOperations.withdraw")
    ResponseEntity<Void> withdraw(@PathVariable String id, @RequestBody Reason body) {
        operations.withdraw(id, body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{id}/urge")
    @Operation(summary = "api.taskOperations.urge")
    ResponseEntity<Void> urge(@PathVariable String id, @RequestBody Urge body) {
        operations.urge(id, body.message(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/tasks/{id}/return-targets")
    @Operation(summary = "api.taskOperations.returnTargets")
    List<TaskOperations.ReturnTarget> returnTargets(@PathVariable String id) {
        return operations.returnTargets(id, CurrentUser.get());
    }

    @PostMapping("/api/tasks/{id}/return")
    @Operation(summary = "api.taskOperations.returnTo")
    ResponseEntity<Void> returnTo(@PathVariable String id, @RequestBody Return body) {
        operations.returnTo(id, body.step(), body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{id}/cc")
    @Operation(summary = "api.taskOperations.cc")
    ResponseEntity<Void> cc(@PathVariable long id, @RequestBody Copy body) {
        operations.cc(id, body.to(), body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/cases/{id}/cc-candidates")
    @Operation(summary = "api.taskOperations.ccCandidates")
    List<TaskOperations.UserChoice> ccCandidates(@PathVariable long id) {
        return operations.ccCandidates(id, CurrentUser.get());
    }

    @GetMapping("/api/cases/copied-to-me")
    @Operation(summary = "api.taskOperations.copiedToMe")
    TaskController.Page<TaskOperations.CopiedCase> copiedToMe(@RequestParam(defaultValue = "0") int page,
                                                             @RequestParam(defaultValue = "50") int size) {
        var user = CurrentUser.get();
        int pageSize = TaskController.Page.size(size);
        return new TaskController.Page<>(operations.copiedToMe(user, page, pageSize), operations.countCopiedToMe(user), page, pageSize);
    }

    @GetMapping("/api/supervision")
    @Operation(summary = "api.taskOperations.supervision")
    TaskController.Page<DeadlineService.Supervised> supervision(@RequestParam(defaultValue = "0") int page,
                                                               @RequestParam(defaultValue = "50") int size) {
        var user = CurrentUser.get();
        int pageSize = TaskController.Page.size(size);
        return new TaskController.Page<>(deadlines.supervision(user, page, pageSize), deadlines.countSupervision(user), page, pageSize);
    }

    @GetMapping("/api/deadlines/overdue-counts")
    @Operation(summary = "api.taskOperations.overdueCounts")
    DeadlineService.OverdueCounts overdueCounts() {
        return deadlines.overdueCounts(CurrentUser.get());
    }

}
