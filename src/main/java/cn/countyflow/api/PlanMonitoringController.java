package cn.countyflow.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.org.CurrentUser;
import cn.countyflow.plan.PlanMonitoringService;
import cn.countyflow.plan.PlanProgressService;

/**
 * Monitoring of a compiled round as JSON, the same operations as 实施调度 (/plan/monitoring): late and missing
 * reports per city, a county's progress entries, and the roll-up a city's report opens with. The reports themselves
 * (the city's report, the province's review) go through /api/tasks like every task.
 */
@RestController
@RequestMapping("/api/plan")
@Tag(name = "县域特色产业振兴计划 Plans")
class PlanMonitoringController {
    private final PlanMonitoringService monitoring;
    private final PlanProgressService progress;

    PlanMonitoringController(PlanMonitoringService monitoring, PlanProgressService progress) {
        this.monitoring = monitoring;
        this.progress = progress;
    }

    record ProgressForm(String periodKey, Map<String, BigDecimal> values) {
    }

    @GetMapping("/rounds/{id}/monitoring")
    @Operation(summary = "实施调度：各市（省直管县）已到期、逾期和未报的调度报告（省级：本省；市级及省直管县：本单位；其他 403）")
    List<PlanMonitoringService.AreaStatus> areas(@PathVariable long id) {
        return monitoring.areas(id, CurrentUser.get());
    }

    @GetMapping("/plans/{caseId}/progress")
    @Operation(summary = "一个计划的县级进度填报（按报告期和指标）")
    List<PlanProgressService.Entry> entries(@PathVariable long caseId) {
        return progress.entries(caseId, CurrentUser.get());
    }

    @GetMapping("/plans/{caseId}/progress/periods")
    @Operation(summary = "县级现在可以填报进度的报告期（已开始的，新的在前）")
    List<String> periods(@PathVariable long caseId) {
        return progress.openPeriods(caseId, CurrentUser.get());
    }

    @PostMapping("/plans/{caseId}/progress")
    @Operation(summary = "县级填报一个报告期的进度（本县经办人；values: PLAN_REVENUE 亿元, PLAN_ENTERPRISES, PLAN_ABOVE_SCALE）；不通过校验时 400 和逐字段错误")
    List<PlanProgressService.Entry> enter(@PathVariable long caseId, @RequestBody ProgressForm form) {
        return progress.enter(caseId, form.periodKey(), form.values(), CurrentUser.get());
    }

    @GetMapping("/monitoring/{caseId}/rollup")
    @Operation(summary = "市级调度报告的汇总：所辖县一个报告期的进度，按产业合计")
    PlanProgressService.RollUp rollUp(@PathVariable long caseId, @RequestParam("period") String period) {
        return progress.rollUp(caseId, period, CurrentUser.get());
    }
}
