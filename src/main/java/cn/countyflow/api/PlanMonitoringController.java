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
@Tag(name = "api.plan.tag.name")
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
    @Operation(summary = "api.planMonitoring.areas")
    List<PlanMonitoringService.AreaStatus> areas(@PathVariable long id) {
        return monitoring.areas(id, CurrentUser.get());
    }

    @GetMapping("/plans/{caseId}/progress")
    @Operation(summary = "api.planMonitoring.entries")
    List<PlanProgressService.Entry> entries(@PathVariable long caseId) {
        return progress.entries(caseId, CurrentUser.get());
    }

    @GetMapping("/plans/{caseId}/progress/periods")
    @Operation(summary = "api.planMonitoring.periods")
    List<String> periods(@PathVariable long caseId) {
        return progress.openPeriods(caseId, CurrentUser.get());
    }

    @PostMapping("/plans/{caseId}/progress")
    @Operation(summary = "api.planMonitoring.enter")
    List<PlanProgressService.Entry> enter(@PathVariable long caseId, @RequestBody ProgressForm form) {
        return progress.enter(caseId, form.periodKey(), form.values(), CurrentUser.get());
    }

    @GetMapping("/monitoring/{caseId}/rollup")
    @Operation(summary = "api.planMonitoring.rollUp")
    PlanProgressService.RollUp rollUp(@PathVariable long caseId, @RequestParam("period") String period) {
        return progress.rollUp(caseId, period, CurrentUser.get());
    }
}
