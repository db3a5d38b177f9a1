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
@Tag(name = "定期报告 Periodic reports", description = "案件的定期报告及每次报送；逾期报告（省级看全省，市级看本市所辖县）")
class ReportController {
    static final int MAX_PAGE_SIZE = 200;
    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/cases/{caseId}/reports")
    @Operation(summary = "主体案件的全部定期报告，每份含每次报送（文字、指标值与目标值、审核意见）；案件不在管辖范围 403")
    List<ReportService.ReportDetails> ofCase(@PathVariable long caseId) {
        return reports.reportsOf(caseId, CurrentUser.get());
    }

    @GetMapping("/reports/{id}")
    @Operation(summary = "一份定期报告及其每次报送；案件不在管辖范围 403，不存在 404")
    ReportService.ReportDetails one(@PathVariable long id) {
        return reports.report(id, CurrentUser.get());
    }

    @GetMapping("/reports/late")
    @Operation(summary = "逾期报告（分页，截止日期新者在前）：省级经办人/审定人看本省，市级审核人看本市所辖县；县级和专家 403")
    TaskController.Page<ReportService.ReportSummary> late(@RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size,
                                           @RequestParam(required = false) String county) {
        var result = reports.lateReports(CurrentUser.get(), county, PageRequest.of(Math.max(0, page),
                Math.max(1, Math.min(size, MAX_PAGE_SIZE))));
        return new TaskController.Page<>(result.getContent(), result.getTotalElements(), result.getNumber(),
                result.getSize());
    }

    @GetMapping("/reports/late/counts")
    @Operation(summary = "逾期报告按市、县统计：逾期份数与仍未报送份数；范围同上")
    List<ReportService.LateCount> lateCounts() {
        return reports.lateCounts(CurrentUser.get());
    }
}
