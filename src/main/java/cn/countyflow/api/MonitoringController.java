package cn.countyflow.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.monitoring.CaseMonitor;
import cn.countyflow.monitoring.CaseMonitorService;
import cn.countyflow.monitoring.DashboardService;
import cn.countyflow.monitoring.ExcelExport;
import cn.countyflow.monitoring.FigureTable;
import cn.countyflow.monitoring.MonitorFilter;
import cn.countyflow.monitoring.MonitorRow;
import cn.countyflow.monitoring.MonitoringService;
import cn.countyflow.monitoring.OperationsService;
import cn.countyflow.monitoring.StatisticsService;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.workflow.FieldErrorsException;

/** Monitoring as JSON: the same services as the monitoring pages, under the same rules. */
@RestController
@RequestMapping("/api/monitoring")
@Tag(name = "监控 Monitoring", description = "案件与流程实例、运维操作、环节耗时、省级看板与导出")
class MonitoringController {
    private final MonitoringService monitoring;
    private final CaseMonitorService monitor;
    private final OperationsService operations;
    private final StatisticsService statistics;
    private final DashboardService dashboard;

    MonitoringController(MonitoringService monitoring, CaseMonitorService monitor, OperationsService operations,
                         StatisticsService statistics, DashboardService dashboard) {
        this.monitoring = monitoring;
        this.monitor = monitor;
        this.operations = operations;
        this.statistics = statistics;
        this.dashboard = dashboard;
    }

    @GetMapping("/cases")
    @Operation(summary = "监控列表：可按案件类型、流程、批次、市、县、环节、状态、逾期和创建日期筛选，可排序、分页")
    TaskController.Page<MonitorRow> cases(@RequestParam(required = false) String caseType,
                                         @RequestParam(required = false) String process,
                                         @RequestParam(required = false) String cohort,
                                         @RequestParam(required = false) String city,
                                         @RequestParam(required = false) String county,
                                         @RequestParam(required = false) String stage,
                                         @RequestParam(required = false) MonitorFilter.State state,
                                         @RequestParam(defaultValue = "false") boolean overdue,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(required = false) String text,
                                         @RequestParam(defaultValue = "id") String sort,
                                         @RequestParam(defaultValue = "false") boolean ascending,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "50") int size) {
        if (!MonitoringService.SORTABLE.contains(sort)) {
            throw FieldErrorsException.of("sort", "排序字段只能是 " + String.join("、", MonitoringService.SORTABLE.stream().sorted().toList()));
        }
        if (from != null && to != null && from.isAfter(to)) throw FieldErrorsException.of("to", "结束日期不能早于开始日期");
        var user = CurrentUser.get();
        var filter = new MonitorFilter(caseType, process, cohort, city, county, stage, state, overdue, from, to, text);
        int pageSize = TaskController.Page.size(size);
        var result = monitoring.list(user, filter, PageRequest.of(Math.max(0, page), pageSize,
                Sort.by(ascending ? Sort.Direction.ASC : Sort.Direction.DESC, sort).and(Sort.by(Sort.Direction.DESC, "id"))));
        return new TaskController.Page<>(result.getContent(), result.getTotalElements(), page, pageSize);
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "监控中的案件：流程实例、待办（办理人、候选岗位、期限）、事件、审批记录；管理员另见流程变量")
    CaseMonitor caseDetails(@PathVariable long id) {
        return monitor.details(id, CurrentUser.get());
    }

    @GetMapping("/cases/{id}/diagram")
    @Operation(summary = "流程实例的 BPMN 图、各环节执行次数、当前环节和出错环节")
    CaseMonitor.Diagram diagram(@PathVariable long id, @RequestParam(required = false) String instance) {
        return monitor.diagram(id, instance, CurrentUser.get());
    }

    record Reason(String reason) {
    }

    record Reassign(String username, String reason) {
    }

    @PostMapping("/cases/{id}/suspend")
    @Operation(summary = "挂起案件的流程实例（仅管理员，须填写理由）")
    ResponseEntity<Void> suspend(@PathVariable long id, @RequestBody Reason body) {
        operations.suspend(id, body == null ? null : body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cases/{id}/resume")
    @Operation(summary = "恢复挂起的流程实例（仅管理员，须填写理由）")
    ResponseEntity<Void> resume(@PathVariable long id, @RequestBody Reason body) {
        operations.resume(id, body == null ? null : body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cases/{id}/cancel")
    @Operation(summary = "撤销案件：结束其流程实例，案件为“已撤销”（仅管理员，须填写理由）")
    ResponseEntity<Void> cancel(@PathVariable long id, @RequestBody Reason body) {
        operations.cancel(id, body == null ? null : body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cases/{id}/tasks/{taskId}/reassign")
    @Operation(summary = "改派任务给可办理此任务的用户（仅管理员，须填写理由）")
    ResponseEntity<Void> reassign(@PathVariable long id, @PathVariable String taskId, @RequestBody Reassign body) {
        operations.reassign(id, taskId, body == null ? null : body.username(), body == null ? null : body.reason(),
                CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/cases/{id}/incidents/{incidentId}")
    @Operation(summary = "事件的错误信息和堆栈（仅管理员）")
    CaseMonitor.IncidentDetail incident(@PathVariable long id, @PathVariable String incidentId) {
        return monitor.incident(id, incidentId, CurrentUser.get());
    }

    @PostMapping("/cases/{id}/incidents/{incidentId}/retry")
    @Operation(summary = "重试失败的作业（仅管理员，须填写理由）：立即执行一次，回答是否成功")
    OperationsService.RetryOutcome retry(@PathVariable long id, @PathVariable String incidentId, @RequestBody Reason body) {
        return operations.retry(id, incidentId, body == null ? null : body.reason(), CurrentUser.get());
    }

    @GetMapping("/durations")
    @Operation(summary = "流程各环节耗时：次数、平均、中位数、90 分位（毫秒）")
    StatisticsService.ProcessDurations durations(@RequestParam String process) {
        return statistics.durations(CurrentUser.get(), process);
    }

    @GetMapping("/overdue")
    @Operation(summary = "逾期待办：按市、按办理单位")
    Map<String, List<StatisticsService.OverdueCount>> overdue() {
        var user = CurrentUser.get();
        return Map.of("byCity", statistics.overdueByCity(user), "byOffice", statistics.overdueByOffice(user));
    }

    @GetMapping("/dashboard")
    @Operation(summary = "省级看板：各图表的数据表（与图表、导出相同）")
    List<FigureTable> dashboard(@RequestParam(required = false) String province, @RequestParam(required = false) String cohort,
                                @RequestParam(required = false) String caseType,
                                @RequestParam(required = false) String indicator, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) DashboardService.MapFigure map) {
        return dashboard.figures(CurrentUser.get(), new DashboardService.Selection(province, cohort, caseType, indicator, year, map));
    }

    @GetMapping("/dashboard/{figure}.xlsx")
    @Operation(summary = "看板图表导出为 Excel（.xlsx，中文表头）")
    ResponseEntity<byte[]> export(@PathVariable String figure, @RequestParam(required = false) String province,
                                  @RequestParam(required = false) String cohort, @RequestParam(required = false) String caseType,
                                  @RequestParam(required = false) String indicator, @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) DashboardService.MapFigure map) {
        FigureTable table = dashboard.figure(CurrentUser.get(),
                new DashboardService.Selection(province, cohort, caseType, indicator, year, map), figure);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ExcelExport.fileName(table, cohort), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(ExcelExport.CONTENT_TYPE))
                .body(ExcelExport.write(table));
    }
}
