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
@Tag(name = "api.plan.tag.name", description = "api.plan.tag.description")
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
    @Operation(summary = "api.plan.rounds")
    List<Round> rounds() {
        return rounds.roundsFor(CurrentUser.get()).stream().map(Round::of).toList();
    }

    @PostMapping("/rounds")
    @Operation(summary = "api.plan.open")
    ResponseEntity<Round> open(@RequestBody PlanRoundService.RoundForm form) {
        PlanRound r = rounds.open(form, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/rounds/" + r.getId())).body(Round.of(r));
    }

    @GetMapping("/rounds/{id}")
    @Operation(summary = "api.plan.round")
    Round round(@PathVariable long id) {
        return Round.of(rounds.get(id, CurrentUser.get()));
    }

    @PostMapping("/rounds/{id}/plans")
    @Operation(summary = "api.plan.start")
    ResponseEntity<PlanService.Started> start(@PathVariable long id) {
        var started = plans.start(id, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/plans/" + started.caseId())).body(started);
    }

    @GetMapping("/rounds/{id}/overview")
    @Operation(summary = "api.plan.overview")
    PlanService.Overview overview(@PathVariable long id) {
        return plans.overview(id, CurrentUser.get());
    }

    @PostMapping("/rounds/{id}/compilations")
    @Operation(summary = "api.plan.compile")
    ResponseEntity<CompilationService.Summary> compile(@PathVariable long id) {
        var s = compilations.compile(id, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/compilations/" + s.id())).body(s);
    }

    @GetMapping("/rounds/{id}/compilations")
    @Operation(summary = "api.plan.compilations")
    List<CompilationService.Summary> compilations(@PathVariable long id) {
        return compilations.ofRound(id, CurrentUser.get());
    }

    @GetMapping("/compilations/{id}")
    @Operation(summary = "api.plan.compilation")
    CompilationService.Summary compilation(@PathVariable long id) {
        return compilations.get(id, CurrentUser.get());
    }

    @GetMapping("/plans")
    @Operation(summary = "api.plan.plans")
    List<PlanService.PlanRow> plans() {
        return plans.plansFor(CurrentUser.get());
    }

    @GetMapping("/plans/{caseId}")
    @Operation(summary = "api.plan.plan")
    PlanService.PlanDetail plan(@PathVariable long caseId) {
        return plans.detail(caseId, CurrentUser.get());
    }

    @GetMapping("/plans/{caseId}/reviews")
    @Operation(summary = "api.plan.reviews")
    List<PlanService.Review> reviews(@PathVariable long caseId) {
        return plans.reviews(caseId, CurrentUser.get());
    }

    @PostMapping("/rounds/{id}/escalations")
    @Operation(summary = "api.plan.escalate")
    ResponseEntity<EscalationService.Recorded> escalate(@PathVariable long id, @RequestBody EscalationService.StepForm form) {
        var r = escalations.record(id, form, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/rounds/" + id + "/escalations")).body(r);
    }

    @GetMapping("/rounds/{id}/escalations")
    @Operation(summary = "api.plan.escalations")
    List<EscalationService.Recorded> escalations(@PathVariable long id,
                                                 @org.springframework.web.bind.annotation.RequestParam(required = false) String city) {
        return escalations.steps(id, city, CurrentUser.get());
    }
}
