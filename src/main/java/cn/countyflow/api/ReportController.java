package cn.countyflow.api;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.reporting.ReportService;
import cn.countyflow.org.CurrentUser;

@RestController
@RequestMapping("/api")
@Tag(name = "api.report.tag.name", description = "api.report.tag.description")
class ReportController {
    static final int MAX_PAGE_SIZE = 200;
    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/cases/{caseId}/reports")
    @Operation(summary = "api.report.ofCase")
    List<ReportService.ReportDetails> ofCase(@PathVariable long caseId) {
        return reports.reportsOf(caseId, CurrentUser.get());
    }

    @GetMapping("/reports/{id}")
    @Operation(summary = "api.report.one")
    ReportService.ReportDetails one(@PathVariable long id) {
        return reports.report(id, CurrentUser.get());
    }

    @GetMapping("/reports/late")
    @Operation(summary = "api.report.late")
    TaskController.Page<ReportService.ReportSummary> late(@RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size,
                                           @RequestParam(required = false) String county) {
        var result = reports.lateReports(CurrentUser.get(), county, PageRequest.of(Math.max(0, page),
                Math.max(1, Math.min(size, MAX_PAGE_SIZE))));
        return new TaskController.Page<>(result.getContent(), result.getTotalElements(), result.getNumber(),
                result.getSize());
    }

    @GetMapping("/reports/late/counts")
    @Operation(summary = "api.report.lateCounts")
    List<ReportService.LateCount> lateCounts() {
        return reports.lateCounts(CurrentUser.get());
    }
}
