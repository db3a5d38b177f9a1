package cn.countyflow.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.org.CurrentUser;

/** Pilot-county applications as JSON: batches, starting an application, its revisions. Steps go through /api/tasks. */
@RestController
@RequestMapping("/api/pilot")
@Tag(name = "api.pilot.tag.name", description = "api.pilot.tag.description")
class PilotController {
    private final PilotBatchService batches;
    private final PilotApplicationService applications;

    PilotController(PilotBatchService batches, PilotApplicationService applications) {
        this.batches = batches;
        this.applications = applications;
    }

    record Batch(long id, String name, int year, String provinceCode, LocalDate deadline, int expectedPilots,
                 int panelSize, String status, String createdBy, Instant createdAt, String reportFrequency,
                 int reportDueDays, LocalDate midtermDate) {
        static Batch of(PilotBatch b) {
            return new Batch(b.getId(), b.getName(), b.getYear(), b.getProvinceCode(), b.getDeadline(),
                    b.getExpectedPilots(), b.getPanelSize(), b.getStatus().name(), b.getCreatedBy(), b.getCreatedAt(),
                    b.getReportFrequency().name(), b.getReportDueDays(), b.getMidtermDate());
        }
    }

    /** A new batch with, optionally, its schedule for the pilot years (defaults: HALF_YEARLY, 15 days, mid-term 18 months after designation). */
    record BatchRequest(String name, Integer year, String provinceCode, LocalDate deadline, Integer expectedPilots,
                        Integer panelSize, String reportFrequency, Integer reportDueDays, LocalDate midtermDate) {
    }

    @GetMapping("/batches")
    @Operation(summary = "api.pilot.openBatches")
    List<Batch> openBatches() {
        return batches.openBatchesFor(CurrentUser.get()).stream().map(Batch::of).toList();
    }

    @PostMapping("/batches")
    @Operation(summary = "api.pilot.openBatch")
    ResponseEntity<Batch> openBatch(@RequestBody BatchRequest r) {
        PilotBatch b = batches.open(new PilotBatchService.BatchForm(r.name(), r.year(), r.provinceCode(), r.deadline(),
                r.expectedPilots(), r.panelSize()), new PilotBatchService.ScheduleForm(r.reportFrequency(),
                r.reportDueDays(), r.midtermDate()), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/pilot/batches/" + b.getId())).body(Batch.of(b));
    }

    record CloseRequest(String reason) {
    }

    record Change(String action, String reason, String detail, String changedBy, java.time.Instant changedAt) {
    }

    @PutMapping("/batches/{id}")
    @io.swagger.v3.oas.annotations.Operation(summary = "api.pilot.change")
    Batch change(@PathVariable long id, @RequestBody PilotBatchService.ChangeForm form) {
        return Batch.of(batches.change(id, form, CurrentUser.get()));
    }

    @PostMapping("/batches/{id}/close")
    @io.swagger.v3.oas.annotations.Operation(summary = "api.pilot.close")
    Batch close(@PathVariable long id, @RequestBody CloseRequest r) {
        return Batch.of(batches.close(id, r == null ? null : r.reason(), CurrentUser.get()));
    }

    @GetMapping("/batches/{id}/changes")
    @io.swagger.v3.oas.annotations.Operation(summary = "api.pilot.changes")
    List<Change> changes(@PathVariable long id) {
        return batches.changes(id, CurrentUser.get()).stream()
                .map(c -> new Change(c.getAction().name(), c.getReason(), c.getDetail(), c.getChangedBy(), c.getChangedAt()))
                .toList();
    }

    @PutMapping("/batches/{id}/schedule")
    @Operation(summary = "api.pilot.schedule")
    Batch schedule(@PathVariable long id, @RequestBody PilotBatchService.ScheduleForm form) {
        return Batch.of(batches.updateSchedule(id, form, CurrentUser.get()));
    }

    @PostMapping("/batches/{id}/applications")
    @Operation(summary = "api.pilot.start")
    ResponseEntity<PilotApplicationService.Started> start(@PathVariable long id) {
        var started = applications.start(id, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/cases/" + started.caseId())).body(started);
    }

    @GetMapping("/applications/{caseId}/revisions")
    @Operation(summary = "api.pilot.revisions")
    List<PilotApplicationService.Revision> revisions(@PathVariable long caseId) {
        return applications.revisions(caseId, CurrentUser.get());
    }
}
