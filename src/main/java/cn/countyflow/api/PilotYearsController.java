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
import cn.countyflow.workflow.Texts;

/** The pilot's three years as JSON: opening the mid-term early, the province's notices, a project's history. */
@RestController
@RequestMapping("/api/pilot")
@Tag(name = "api.pilotYears.tag.name", description = "api.pilotYears.tag.description")
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
    @Operation(summary = "api.pilotYears.openMidterm")
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
    @Operation(summary = "api.pilotYears.notices")
    NoticePage notices(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page<PilotNotice> p = notices.list(CurrentUser.get(), PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100)));
        return new NoticePage(p.getContent().stream().map(Notice::of).toList(), p.getTotalElements(), p.getNumber(), p.getSize());
    }

    @GetMapping("/notices/{id}")
    @Operation(summary = "api.pilotYears.notice")
    Notice notice(@PathVariable long id) {
        return Notice.of(notices.get(id, CurrentUser.get()));
    }

    @GetMapping("/projects/{caseId}")
    @Operation(summary = "api.pilotYears.project")
    PilotHistoryService.Summary project(@PathVariable long caseId) {
        return history.summary(caseId, CurrentUser.get())
                .orElseThrow(() -> new NotFoundException(Texts.get("pilot.years.error.notFound", String.valueOf(caseId))));
    }

    @GetMapping("/projects/{caseId}/history")
    @Operation(summary = "api.pilotYears.projectHistory")
    List<PilotHistoryService.Entry> projectHistory(@PathVariable long caseId) {
        return history.timeline(caseId, CurrentUser.get());
    }
}
