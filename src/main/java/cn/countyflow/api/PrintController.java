package cn.countyflow.api;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.countyflow.forms.Pdf;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.pilot.PilotPrints;
import cn.countyflow.pilot.designation.ListPrints;
import cn.countyflow.plan.PlanPrints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Printable PDFs (issue 11 point 18): the submitted 申报书, a plan, the proposed list and the 公示 list, each laid out
 * like the paper form. The services check the scope (403 otherwise) and audit every print as {@code PDF_READ}.
 */
@RestController
@Tag(name = "api.print.tag.name", description = "api.print.tag.description")
class PrintController {
    private final PilotPrints pilot;
    private final PlanPrints plans;
    private final ListPrints lists;

    PrintController(PilotPrints pilot, PlanPrints plans, ListPrints lists) {
        this.pilot = pilot;
        this.plans = plans;
        this.lists = lists;
    }

    @GetMapping("/api/pilot/applications/{caseId}/pdf")
    @Operation(summary = "api.print.application")
    ResponseEntity<byte[]> application(@PathVariable long caseId, @RequestParam(defaultValue = "false") boolean inline) {
        return send(pilot.application(caseId, CurrentUser.get()), inline);
    }

    @GetMapping("/api/plan/plans/{caseId}/pdf")
    @Operation(summary = "api.print.plan")
    ResponseEntity<byte[]> plan(@PathVariable long caseId, @RequestParam(defaultValue = "false") boolean inline) {
        return send(plans.plan(caseId, CurrentUser.get()), inline);
    }

    @GetMapping("/api/pilot/batches/{id}/list/pdf")
    @Operation(summary = "api.print.proposedList")
    ResponseEntity<byte[]> proposedList(@PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) {
        return send(lists.proposedList(id, CurrentUser.get()), inline);
    }

    @GetMapping("/api/pilot/publicity/{listId}/pdf")
    @Operation(summary = "api.print.publicityList")
    ResponseEntity<byte[]> publicityList(@PathVariable long listId, @RequestParam(defaultValue = "false") boolean inline) {
        return send(lists.publicityList(listId, CurrentUser.get()), inline);
    }

    static ResponseEntity<byte[]> send(Pdf pdf, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(pdf.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf.content());
    }
}
