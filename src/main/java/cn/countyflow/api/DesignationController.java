package cn.countyflow.api;

import java.net.URI;
import java.time.Instant;
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

import cn.countyflow.pilot.designation.BatchList;
import cn.countyflow.pilot.designation.DesignationService;
import cn.countyflow.pilot.designation.Objection;
import cn.countyflow.pilot.designation.ObjectionService;
import cn.countyflow.pilot.designation.RankingService;
import cn.countyflow.org.CurrentUser;

/** Ranking, proposed list, publicity and objections as JSON; approval steps go through /api/tasks. */
@RestController
@RequestMapping("/api/pilot")
@Tag(name = "api.designation.tag.name", description = "api.designation.tag.description")
class DesignationController {
    private final RankingService ranking;
    private final DesignationService designation;
    private final ObjectionService objections;

    DesignationController(RankingService ranking, DesignationService designation, ObjectionService objections) {
        this.ranking = ranking;
        this.designation = designation;
        this.objections = objections;
    }

    @GetMapping("/batches/{id}/ranking")
    @Operation(summary = "api.designation.ranking")
    RankingService.Ranking ranking(@PathVariable long id) {
        return ranking.ranking(id, CurrentUser.get());
    }

    record ListCreated(long listId, long batchId, String status, Long caseId, Instant proposedAt) {
        static ListCreated of(BatchList l) {
            return new ListCreated(l.getId(), l.getBatchId(), l.getStatus().name(), l.getCaseId(), l.getProposedAt());
        }
    }

    @PostMapping("/batches/{id}/list")
    @Operation(summary = "api.designation.propose")
    ResponseEntity<ListCreated> propose(@PathVariable long id, @RequestBody RankingService.Proposal proposal) {
        BatchList l = ranking.propose(id, proposal, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/cases/" + l.getCaseId())).body(ListCreated.of(l));
    }

    @GetMapping("/publicity")
    @Operation(summary = "api.designation.publicity")
    List<DesignationService.PublicityList> publicity() {
        return designation.publicity(CurrentUser.get());
    }

    record ObjectionForm(String text) {
    }

    record ObjectionFiled(long id, long entryId, Long caseId, Instant filedAt) {
    }

    @PostMapping("/publicity/entries/{entryId}/objections")
    @Operation(summary = "api.designation.object")
    ResponseEntity<ObjectionFiled> object(@PathVariable long entryId, @RequestBody ObjectionForm form) {
        Objection o = objections.file(entryId, form == null ? null : form.text(), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/cases/" + o.getCaseId()))
                .body(new ObjectionFiled(o.getId(), o.getEntryId(), o.getCaseId(), o.getFiledAt()));
    }
}
