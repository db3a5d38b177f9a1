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
import cn.countyflow.workflow.Texts;

/** Monitoring as JSON: the same services as the monitoring pages, under the same rules. */
@RestController
@RequestMapping("/api/monitoring")
@Tag(name = "api.monitoring.tag.name", description = "api.monitoring.tag.description")
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
    @Operation(summary = "api.monitoring.cases")
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
            throw FieldErrorsException.of("sort", Texts.get("api.error.sort", String.join(Texts.get("list.separator"), MonitoringService.SORTABLE.stream().sorted().toList())));
        }
        if (from != null && to != null && from.isAfter(to)) throw FieldErrorsException.of("to", Texts.get("api.error.toBeforeFrom"));
        var user = CurrentUser.get();
        var filter = new MonitorFilter(caseType, process, cohort, city, county, stage, state, overdue, from, to, text);
        int pageSize = TaskController.Page.size(size);
        var result = monitoring.list(user, filter, PageRequest.of(Math.max(0, page), pageSize,
                Sort.by(ascending ? Sort.Direction.ASC : Sort.Direction.DESC, sort).and(Sort.by(Sort.Direction.DESC, "id"))));
        return new TaskController.Page<>(result.getContent(), result.getTotalElements(), page, pageSize);
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "api.monitoring.caseDetails")
    CaseMonitor caseDetails(@PathVariable long id) {
        return monitor.details(id, CurrentUser.get());
    }

    @GetMapping("/cases/{id}/diagram")
    @Operation(summary = "api.monitoring.diagram")
    CaseMonitor.Diagram diagram(@PathVariable long id, @RequestParam(required = false) String instance) {
        return monitor.diagram(id, instance, CurrentUser.get());
    }

    record Reason(String reason) {
    }

    record Reassign(String username, String reason) {
    }

    @PostMapping("/cases/{id}/suspend")
    @Operation(summary = "api.monitoring.suspend")
    ResponseEntity<Void> suspend(@PathVariable long id, @RequestBody Reason body) {
        operations.suspend(id, body == null ? null : body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cases/{id}/resume")
    @Operation(summary = "api.monitoring.resume")
    ResponseEntity<Void> resume(@PathVariable long id, @RequestBody Reason body) {
        operations.resume(id, body == null ? null : body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cases/{id}/cancel")
    @Operation(summary = "api.monitoring.cancel")
    ResponseEntity<Void> cancel(@PathVariable long id, @RequestBody Reason body) {
        operations.cancel(id, body == null ? null : body.reason(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cases/{id}/tasks/{taskId}/reassign")
    @Operation(summary = "api.monitoring.reassign")
    ResponseEntity<Void> reassign(@PathVariable long id, @PathVariable String taskId, @RequestBody Reassign body) {
        operations.reassign(id, taskId, body == null ? null : body.username(), body == null ? null : body.reason(),
                CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/cases/{id}/incidents/{incidentId}")
    @Operation(summary = "api.monitoring.incident")
    CaseMonitor.IncidentDetail incident(@PathVariable long id, @PathVariable String incidentId) {
        return monitor.incident(id, incidentId, CurrentUser.get());
    }

    @PostMapping("/cases/{id}/incidents/{incidentId}/retry")
    @Operation(summary = "api.monitoring.retry")
    OperationsService.RetryOutcome retry(@PathVariable long id, @PathVariable String incidentId, @RequestBody Reason body) {
        return operations.retry(id, incidentId, body == null ? null : body.reason(), CurrentUser.get());
    }

    @GetMapping("/durations")
    @Operation(summary = "api.monitoring.durations")
    StatisticsService.ProcessDurations durations(@RequestParam String process) {
        return statistics.durations(CurrentUser.get(), process);
    }

    @GetMapping("/overdue")
    @Operation(summary = "api.monitoring.overdue")
    Map<String, List<StatisticsService.OverdueCount>> overdue() {
        var user = CurrentUser.get();
        return Map.of("byCity", statistics.overdueByCity(user), "byOffice", statistics.overdueByOffice(user));
    }

    @GetMapping("/dashboard")
    @Operation(summary = "api.monitoring.dashboard")
    List<FigureTable> dashboard(@RequestParam(required = false) String province, @RequestParam(required = false) String cohort,
                                @RequestParam(required = false) String caseType,
                                @RequestParam(required = false) String indicator, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) DashboardService.MapFigure map) {
        return dashboard.figures(CurrentUser.get(), new DashboardService.Selection(province, cohort, caseType, indicator, year, map));
    }

    @GetMapping("/dashboard/{figure}.xlsx")
    @Operation(summary = "api.monitoring.export")
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
