package cn.countyflow.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.org.CurrentUser;
import cn.countyflow.plan.CompilationService;
import cn.countyflow.plan.EscalationService;
import cn.countyflow.plan.PlanRound;
import cn.countyflow.plan.PlanRoundService;
import cn.countyflow.plan.PlanService;

/**
 * Characteristic-industry revitalization plans as JSON: rounds, starting a plan, a plan with its revisions,
 * argumentation and city reviews, the province's overview of a round and its compilations. The steps (drafting,
 * sign-off, city review, approval, revision of a compilation) go through /api/tasks like every task.
 */
@RestController
@RequestMapping("/api/plan")
@Tag(name = "县域特色产业振兴计划 Plans", description = "编制批次、编制计划、计划详情、全省汇总")
class PlanController {
    private final PlanRoundService rounds;
    private final PlanService plans;
    private final CompilationService compilations;
    private final EscalationService escalations;

    PlanController(PlanRoundService rounds, PlanService plans, CompilationService compilations,
                   EscalationService escalations) {
        this.escalations = escalations;
        this.rounds = rounds;
        this.plans = plans;
        this.compilations = compilations;
    }

    record Round(long id, String name, String provinceCode, int periodStart, int periodEnd, int baseYear,
                 LocalDate countyDeadline, LocalDate cityDeadline, String outline, String status, String createdBy,
                 Instant createdAt) {
        static Round of(PlanRound r) {
            return new Round(r.getId(), r.getName(), r.getProvinceCode(), r.getPeriodStart(), r.getPeriodEnd(),
                    r.getBaseYear(), r.getCountyDeadline(), r.getCityDeadline(), r.getOutline(), r.getStatus().name(),
                    r.getCreatedBy(), r.getCreatedAt());
        }
    }

    @GetMapping("/rounds")
    @Operation(summary = "本省的振兴计划编制批次（县、市、省均可见），新的在前")
    List<Round> rounds() {
        return rounds.roundsFor(CurrentUser.get()).stream().map(Round::of).toList();
    }

    @PostMapping("/rounds")
    @Operation(summary = "开启编制批次（省级经办处室）：名称、计划期限、基期年份、县级与市级截止日期、参考提纲；不通过校验时返回 400 和逐字段错误")
    ResponseEntity<Round> open(@RequestBody PlanRoundService.RoundForm form) {
        PlanRound r = rounds.open(form, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/rounds/" + r.getId())).body(Round.of(r));
    }

    @GetMapping("/rounds/{id}")
    @Operation(summary = "一个编制批次（本省用户）")
    Round round(@PathVariable long id) {
        return Round.of(rounds.get(id, CurrentUser.get()));
    }

    @PostMapping("/rounds/{id}/plans")
    @Operation(summary = "编制一个特色产业的振兴计划（县级经办人；一个县可编制多个）：返回案件编号和编制任务编号")
    ResponseEntity<PlanService.Started> start(@PathVariable long id) {
        var started = plans.start(id, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/plans/" + started.caseId())).body(started);
    }

    @GetMapping("/rounds/{id}/overview")
    @Operation(summary = "全省计划一览（省级）：按市、县、产业列出本轮计划，及逾期的县和市")
    PlanService.Overview overview(@PathVariable long id) {
        return plans.overview(id, CurrentUser.get());
    }

    @PostMapping("/rounds/{id}/compilations")
    @Operation(summary = "汇总本轮已报省的计划并报省政府审定（省级经办处室）：按市和产业的基期与目标汇总表")
    ResponseEntity<CompilationService.Summary> compile(@PathVariable long id) {
        var s = compilations.compile(id, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/compilations/" + s.id())).body(s);
    }

    @GetMapping("/rounds/{id}/compilations")
    @Operation(summary = "本轮的汇总（省级），新的在前")
    List<CompilationService.Summary> compilations(@PathVariable long id) {
        return compilations.ofRound(id, CurrentUser.get());
    }

    @GetMapping("/compilations/{id}")
    @Operation(summary = "一次汇总及其汇总表（省级）")
    CompilationService.Summary compilation(@PathVariable long id) {
        return compilations.get(id, CurrentUser.get());
    }

    @GetMapping("/plans")
    @Operation(summary = "我可以查看的计划：县级本县的、市级所辖县的、省级全省的")
    List<PlanService.PlanRow> plans() {
        return plans.plansFor(CurrentUser.get());
    }

    @GetMapping("/plans/{caseId}")
    @Operation(summary = "一个计划：最新内容、修订记录、专家论证、市政府审定的四项意见、指标目标")
    PlanService.PlanDetail plan(@PathVariable long caseId) {
        return plans.detail(caseId, CurrentUser.get());
    }

    @GetMapping("/plans/{caseId}/reviews")
    @Operation(summary = "市政府审定记录：每次审定的四项（通过/不通过及意见）")
    List<PlanService.Review> reviews(@PathVariable long caseId) {
        return plans.reviews(caseId, CurrentUser.get());
    }

    @PostMapping("/rounds/{id}/escalations")
    @Operation(summary = "五步工作法（省级经办处室）：对一个市依次记录 WARNING 警示、INTERVIEW 约谈、BULLETIN 通报、REPORT 报告、"
            + "ACCOUNTABILITY 问责，含日期、事由和文书附件编号（先经 /api/attachments 上传）；跳步时返回 400 并指出缺少的步骤")
    ResponseEntity<EscalationService.Recorded> escalate(@PathVariable long id, @RequestBody EscalationService.StepForm form) {
        var r = escalations.record(id, form, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/rounds/" + id + "/escalations")).body(r);
    }

    @GetMapping("/rounds/{id}/escalations")
    @Operation(summary = "五步工作法记录：省级看全省（可按 city 筛选），市级只看对本市的记录")
    List<EscalationService.Recorded> escalations(@PathVariable long id,
                                                 @org.springframework.web.bind.annotation.RequestParam(required = false) String city) {
        return escalations.steps(id, city, CurrentUser.get());
    }
}
