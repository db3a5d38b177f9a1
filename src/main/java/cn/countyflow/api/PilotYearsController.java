package cn.countyflow.api;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.pilot.years.PilotHistoryService;
import cn.countyflow.pilot.years.PilotNotice;
import cn.countyflow.pilot.years.PilotNoticeService;
import cn.countyflow.pilot.years.PilotProjectService;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.workflow.NotFoundException;

/** The pilot's three years as JSON: opening the mid-term early, the province's notices, a project's history. */
@RestController
@RequestMapping("/api/pilot")
@Tag(name = "试点示范县创建 Pilot years", description = "中期评估开启、通报与示范标杆、试点历程")
class PilotYearsController {
    private final PilotProjectService projects;
    private final PilotNoticeService notices;
    private final PilotHistoryService history;

    PilotYearsController(PilotProjectService projects, PilotNoticeService notices, PilotHistoryService history) {
        this.projects = projects;
        this.notices = notices;
        this.history = history;
    }

    record MidtermOpened(long batchId, int opened) {
    }

    @PostMapping("/batches/{id}/midterm")
    @Operation(summary = "提前开启本批次的中期评估（省工信厅经办处室）：所有仍在等待中期评估的试点示范县随即进入考核评估；"
            + "没有等待中的试点时返回 400")
    MidtermOpened openMidterm(@PathVariable long id) {
        return new MidtermOpened(id, projects.openMidterm(id, CurrentUser.get()));
    }

    record Notice(long id, String kind, long projectCaseId, String countyCode, long batchId, String provinceCode,
                  String title, String body, String publishedBy, Instant publishedAt) {
        static Notice of(PilotNotice n) {
            return new Notice(n.getId(), n.getKind().name(), n.getProjectCaseId(), n.getCountyCode(), n.getBatchId(),
                    n.getProvinceCode(), n.getTitle(), n.getBody(), n.getPublishedBy(), n.getPublishedAt());
        }
    }

    record NoticePage(List<Notice> items, long total, int page, int size) {
    }

    @GetMapping("/notices")
    @Operation(summary = "通报与示范标杆：本省的取消试点示范通报和示范标杆经验（本省所有登录用户；管理员全部），新的在前")
    NoticePage notices(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page<PilotNotice> p = notices.list(CurrentUser.get(), PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100)));
        return new NoticePage(p.getContent().stream().map(Notice::of).toList(), p.getTotalElements(), p.getNumber(), p.getSize());
    }

    @GetMapping("/notices/{id}")
    @Operation(summary = "一份通报（本省用户；其他省份 403）")
    Notice notice(@PathVariable long id) {
        return Notice.of(notices.get(id, CurrentUser.get()));
    }

    @GetMapping("/projects/{caseId}")
    @Operation(summary = "试点示范县创建项目概况：申报案件、批次、评审得分与名次（不含专家）、确定日期、状态、中期评估日期、创建目标")
    PilotHistoryService.Summary project(@PathVariable long caseId) {
        return history.summary(caseId, CurrentUser.get())
                .orElseThrow(() -> new NotFoundException("试点示范县创建项目不存在：" + caseId));
    }

    @GetMapping("/projects/{caseId}/history")
    @Operation(summary = "试点历程：申报提交与审核、评审排名、确定、每次报告与评估的决定、整改、结果与通报，按时间先后")
    List<PilotHistoryService.Entry> projectHistory(@PathVariable long caseId) {
        return history.timeline(caseId, CurrentUser.get());
    }
}
