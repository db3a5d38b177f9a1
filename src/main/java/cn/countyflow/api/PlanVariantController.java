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
@Tag(name = "振兴计划省级变体 Plan variants", description = "本省配置、重点产业/产业集群名单、年度评估、中期评估")
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
    @Operation(summary = "本省的振兴计划变体：牵头部门、经办与审定称谓、编制表单、根植性主导产业上限、名单类型与规模、梯次决策表、评估年份")
    PlanVariantService.Variant variant() {
        return variants.mine(CurrentUser.get());
    }

    @GetMapping("/key-list")
    @Operation(summary = "本省名单（省：全省；市：所辖县；县：本县），及本人能否调整")
    ClusterListService.ListView list() {
        return lists.list(CurrentUser.get());
    }

    @PostMapping("/key-list")
    @Operation(summary = "增补名单条目（本省省级经办处室）：县、产业、集群、营业收入（亿元，有梯次的省份必填）、计划案件编号、理由；400 逐字段错误")
    ResponseEntity<ClusterListService.Entry> add(@RequestBody ClusterListService.EntryForm form) {
        var entry = lists.add(form, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/key-list/" + entry.id())).body(entry);
    }

    @GetMapping("/key-list/history")
    @Operation(summary = "本省名单的全部调整记录（省级）")
    List<ClusterListService.Change> provinceHistory() {
        return lists.provinceHistory(CurrentUser.get());
    }

    @GetMapping("/key-list/{id}")
    @Operation(summary = "一个名单条目（范围外 403）")
    ClusterListService.Entry entry(@PathVariable long id) {
        return lists.get(id, CurrentUser.get());
    }

    @GetMapping("/key-list/{id}/history")
    @Operation(summary = "一个名单条目的调整历史：增补、认定、剔除、关联计划，各含年份、理由、人、时间")
    List<ClusterListService.Change> history(@PathVariable long id) {
        return lists.history(id, CurrentUser.get());
    }

    @PostMapping("/key-list/{id}/removal")
    @Operation(summary = "剔除名单条目（须填写理由；条目与历史保留）")
    ClusterListService.Entry remove(@PathVariable long id, @RequestBody Reason body) {
        return lists.remove(id, body == null ? null : body.reason(), CurrentUser.get());
    }

    @PostMapping("/key-list/{id}/recognition")
    @Operation(summary = "认定培育中的产业集群（成熟一个认定一个；须已在该年度评估中排名）")
    ClusterListService.Entry recognise(@PathVariable long id, @RequestBody Recognition body) {
        return lists.recognise(id, body == null ? null : body.year(), body == null ? null : body.reason(), CurrentUser.get());
    }

    @PostMapping("/key-list/{id}/plan")
    @Operation(summary = "将本县的振兴计划标记为名单条目的计划（须填写理由）")
    ClusterListService.Entry link(@PathVariable long id, @RequestBody PlanLink body) {
        if (body == null || body.planCaseId() == null) {
            throw cn.countyflow.workflow.FieldErrorsException.of("planCaseId", cn.countyflow.workflow.Texts.get("plan.list.error.plan"));
        }
        return lists.linkPlan(id, body.planCaseId(), body.reason(), CurrentUser.get());
    }

    @PostMapping("/key-list/assessments")
    @Operation(summary = "开展年度评估（本省省级经办处室）：按营业收入完成率和增速排名，更新梯次")
    List<ClusterListService.Ranked> assess(@RequestBody Year body) {
        return lists.assess(body == null ? null : body.year(), CurrentUser.get());
    }

    @GetMapping("/key-list/assessments/{year}")
    @Operation(summary = "某年度评估的排名（本省省级）")
    List<ClusterListService.Ranked> assessment(@PathVariable int year) {
        return lists.assessment(year, CurrentUser.get());
    }

    @GetMapping("/plans/{caseId}/key-list")
    @Operation(summary = "本计划所在的名单条目（即计划是否列入本省名单）")
    List<ClusterListService.Entry> ofPlan(@PathVariable long caseId) {
        return lists.ofPlan(caseId, CurrentUser.get());
    }

    @PostMapping("/plans/{caseId}/midterms")
    @Operation(summary = "开启计划的中期评估（本省省级经办处室；计划须已报省）：调用考核评估能力流程")
    ResponseEntity<PlanMidtermService.Midterm> startMidterm(@PathVariable long caseId) {
        var m = midterms.start(caseId, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/plan/plans/" + caseId + "/midterms")).body(m);
    }

    @GetMapping("/plans/{caseId}/midterms")
    @Operation(summary = "计划的中期评估及其状态（进行中、整改中、通过、中止）")
    List<PlanMidtermService.Midterm> midterms(@PathVariable long caseId) {
        return midterms.midterms(caseId, CurrentUser.get());
    }
}
