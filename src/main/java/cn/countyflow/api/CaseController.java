package cn.countyflow.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.org.CurrentUser;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFileService;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "api.case.tag.name", description = "api.case.tag.description")
class CaseController {
    private final CaseFileService cases;

    CaseController(CaseFileService cases) {
        this.cases = cases;
    }

    @GetMapping("/{id}")
    @Operation(summary = "api.case.get")
    CaseDetails get(@PathVariable long id) {
        return cases.details(id, CurrentUser.get());
    }
}
