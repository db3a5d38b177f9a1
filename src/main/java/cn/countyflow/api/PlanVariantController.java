package cn.countyflow.api;

import java.net.URI;
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
import cn.countyflow.plan.ClusterListService;
import cn.countyflow.plan.PlanMidtermService;
import cn.countyflow.plan.PlanVariantService;

/**
 * The provinces' variants of the plans programme as JSON (issue 8 points 8 and 9): my province's variant, its list
 * (Hebei's key industries, Hubei's county clusters) with additions, removals, recognitions and their history, the
 * annual assessment, and a plan's mid-term evaluation (whose steps go through /api/tasks like every task; its
 * progress table is at /api/cases/{id}/evaluations).
 */
@RestController
@RequestMapping("/api/plan")
@Tag(name = "api.planVariant.tag.name", description = "api.planVariant.tag.description")
class PlanVariantController {
    private final PlanVariantService variants;
    private final ClusterListService lists;
    private final PlanMidtermService midterms;

    PlanVariantController(PlanVariantService variants, ClusterListService lists, PlanMidtermService midterms) {
        this.variants = variants;
        this.lists = lists;
        this.midterms = midterms;
    }

    record Reason(String reason) {
    }

    record Recognition(Integer year, String reason) {
    }

    record PlanLink(Long planCaseId, String reason) {
    }

    record Year(Integer year) {
    }

    @GetMapping("/variant")
    @Operation(summary = "api.planVariant.variant")
    PlanVariantService.Variant variant() {
        return variants.mine(CurrentUser.get());
    }

    @GetMapping("/key-list")
    @Operation(summary = "api.planVariant.list")
    ClusterListService.ListView list() {
        return lists.list(CurrentUser.get());
    }

    @PostMapping("/key-list")
    @Operation(summary = "api.planVariant.add")
    ResponseEntity<ClusterListService.Entry> add(@RequestBody ClusterListService.EntryForm form) {
        var entry = lists.add(form, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/key-list/" + entry.id())).body(entry);
    }

    @GetMapping("/key-list/history")
    @Operation(summary = "api.planVariant.provinceHistory")
    List<ClusterListService.Change> provinceHistory() {
        return lists.provinceHistory(CurrentUser.get());
    }

    @GetMapping("/key-list/{id}")
    @Operation(summary = "api.planVariant.entry")
    ClusterListService.Entry entry(@PathVariable long id) {
        return lists.get(id, CurrentUser.get());
    }

    @GetMapping("/key-list/{id}/history")
    @Operation(summary = "api.planVariant.history")
    List<ClusterListService.Change> history(@PathVariable long id) {
        return lists.history(id, CurrentUser.get());
    }

    @PostMapping("/key-list/{id}/removal")
    @Operation(summary = "api.planVariant.remove")
    ClusterListService.Entry remove(@PathVariable long id, @RequestBody Reason body) {
        return lists.remove(id, body == null ? null : body.reason(), CurrentUser.get());
    }

    @PostMapping("/key-list/{id}/recognition")
    @Operation(summary = "api.planVariant.recognise")
    ClusterListService.Entry recognise(@PathVariable long id, @RequestBody Recognition body) {
        return lists.recognise(id, body == null ? null : body.year(), body == null ? null : body.reason(), CurrentUser.get());
    }

    @PostMapping("/key-list/{id}/plan")
    @Operation(summary = "api.planVariant.link")
    ClusterListService.Entry link(@PathVariable long id, @RequestBody PlanLink body) {
        if (body == null || body.planCaseId() == null) {
            throw cn.countyflow.workflow.FieldErrorsException.of("planCaseId", cn.countyflow.workflow.Texts.get("plan.list.error.plan"));
        }
        return lists.linkPlan(id, body.planCaseId(), body.reason(), CurrentUser.get());
    }

    @PostMapping("/key-list/assessments")
    @Operation(summary = "api.planVariant.assess")
    List<ClusterListService.Ranked> assess(@RequestBody Year body) {
        return lists.assess(body == null ? null : body.year(), CurrentUser.get());
    }

    @GetMapping("/key-list/assessments/{year}")
    @Operation(summary = "api.planVariant.assessment")
    List<ClusterListService.Ranked> assessment(@PathVariable int year) {
        return lists.assessment(year, CurrentUser.get());
    }

    @GetMapping("/plans/{caseId}/key-list")
    @Operation(summary = "api.planVariant.ofPlan")
    List<ClusterListService.Entry> ofPlan(@PathVariable long caseId) {
        return lists.ofPlan(caseId, CurrentUser.get());
    }

    @PostMapping("/plans/{caseId}/midterms")
    @Operation(summary = "api.planVariant.startMidterm")
    ResponseEntity<PlanMidtermService.Midterm> startMidterm(@PathVariable long caseId) {
        var m = midterms.start(caseId, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/plans/" + caseId + "/midterms")).body(m);
    }

    @GetMapping("/plans/{caseId}/midterms")
    @Operation(summary = "api.planVariant.midterms")
    List<PlanMidtermService.Midterm> midterms(@PathVariable long caseId) {
        return midterms.midterms(caseId, CurrentUser.get());
    }
}
