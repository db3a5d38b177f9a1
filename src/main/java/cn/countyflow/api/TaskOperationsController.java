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
@Tag(name = "任务操作 Task operations", description = "转办、委派、加签、抄送、撤回、催办、退回到已办环节、逾期督办")
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
    @Operation(summary = "转办：把任务交给另一位可以办理它的用户（同一岗位、管辖范围内）")
    ResponseEntity<Void> transfer(@PathVariable String id, @RequestBody HandOver body) {
        operations.transfer(id, body.to(), body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/tasks/{id}/transfer-candidates")
    @Operation(summary = "可转办给的用户")
    List<TaskOperations.UserChoice> transferCandidates(@PathVariable String id) {
        return operations.transferCandidates(id, CurrentUser.get());
    }

    @PostMapping("/api/tasks/{id}/delegate")
    @Operation(summary = "委派：请本单位同事办理，同事办完交回后由本人提交")
    ResponseEntity<Void> delegate(@PathVariable String id, @RequestBody HandOver body) {
        operations.delegate(id, body.to(), body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/tasks/{id}/colleagues")
    @Operation(summary = "可委派的本单位同事")
    List<TaskOperations.UserChoice> colleagues(@PathVariable String id) {
        return operations.colleagues(id, CurrentUser.get());
    }

    @PostMapping("/api/tasks/{id}/resolve")
    @Operation(summary = "委派办结：交回委派人")
    ResponseEntity<Void> resolve(@PathVariable String id, @RequestBody Comment body) {
        operations.resolve(id, body.comment(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{id}/countersign")
    @Operation(summary = "加签：请另一位可以办理的用户在本人之前（BEFORE）或之后（AFTER）签署")
    ResponseEntity<Void> countersign(@PathVariable String id, @RequestBody Countersign body) {
        operations.addSigner(id, body.to(), body.position(), body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{id}/sign")
    @Operation(summary = "加签意见：同意或不同意，并交回加签发起人")
    ResponseEntity<Void> sign(@PathVariable String id, @RequestBody Sign body) {
        operations.sign(id, body.agree(), body.comment(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{id}/withdraw")
    @Operation(summary = "撤回：收回本人已提交的任务（{id} 为已办任务），下一环节尚未签收或办理时")
    ResponseEntity<Void> withdraw(@PathVariable String id, @RequestBody Reason body) {
        operations.withdraw(id, body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{id}/urge")
    @Operation(summary = "催办：上级单位提醒当前办理人，每个任务每个工作日至多一次")
    ResponseEntity<Void> urge(@PathVariable String id, @RequestBody Urge body) {
        operations.urge(id, body.message(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/tasks/{id}/return-targets")
    @Operation(summary = "可退回的已办环节")
    List<TaskOperations.ReturnTarget> returnTargets(@PathVariable String id) {
        return operations.returnTargets(id, CurrentUser.get());
    }

    @PostMapping("/api/tasks/{id}/return")
    @Operation(summary = "退回到已办环节（step 为环节标识），须填写理由")
    ResponseEntity<Void> returnTo(@PathVariable String id, @RequestBody Return body) {
        operations.returnTo(id, body.step(), body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{id}/cc")
    @Operation(summary = "抄送：给本单位或上级单位的用户查看此案件的权限")
    ResponseEntity<Void> cc(@PathVariable long id, @RequestBody Copy body) {
        operations.cc(id, body.to(), body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/cases/{id}/cc-candidates")
    @Operation(summary = "可抄送的用户")
    List<TaskOperations.UserChoice> ccCandidates(@PathVariable long id) {
        return operations.ccCandidates(id, CurrentUser.get());
    }

    @GetMapping("/api/cases/copied-to-me")
    @Operation(summary = "抄送我的")
    TaskController.Page<TaskOperations.CopiedCase> copiedToMe(@RequestParam(defaultValue = "0") int page,
                                                             @RequestParam(defaultValue = "50") int size) {
        var user = CurrentUser.get();
        int pageSize = TaskController.Page.size(size);
        return new TaskController.Page<>(operations.copiedToMe(user, page, pageSize), operations.countCopiedToMe(user), page, pageSize);
    }

    @GetMapping("/api/supervision")
    @Operation(summary = "逾期督办：逾期后升级到本单位的任务")
    TaskController.Page<DeadlineService.Supervised> supervision(@RequestParam(defaultValue = "0") int page,
                                                               @RequestParam(defaultValue = "50") int size) {
        var user = CurrentUser.get();
        int pageSize = TaskController.Page.size(size);
        return new TaskController.Page<>(deadlines.supervision(user, page, pageSize), deadlines.countSupervision(user), page, pageSize);
    }

    @GetMapping("/api/deadlines/overdue-counts")
    @Operation(summary = "逾期任务统计：按层级和承办单位（本人可见的案件）")
    DeadlineService.OverdueCounts overdueCounts() {
        return deadlines.overdueCounts(CurrentUser.get());
    }

}
