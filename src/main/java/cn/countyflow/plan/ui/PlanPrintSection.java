package cn.countyflow.plan.ui;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.countyflow.inbox.CaseSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.plan.PlanPrints;
import cn.countyflow.plan.PlanService;
import cn.countyflow.ui.PdfLink;
import cn.countyflow.workflow.CaseDetails;

/** On a plan's case page, once it was submitted: 打印/下载PDF of its latest revision (issue 11 point 18). */
@Component
@Order(5)
class PlanPrintSection implements CaseSection {
    private final PlanService plans;
    private final PlanPrints prints;

    PlanPrintSection(PlanService plans, PlanPrints prints) {
        this.plans = plans;
        this.prints = prints;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
        if (!PlanService.CASE_TYPE.equals(c.caseType())) return Optional.empty();
        var detail = plans.detail(c.id(), user);
        if (detail.revisions().isEmpty()) return Optional.empty();
        String industry = detail.plan().industry() == null ? "" : detail.plan().industry();
        var link = PdfLink.of("plan-pdf", cn.countyflow.workflow.Texts.get("print.plan.file", c.countyName(), industry,
                String.valueOf(detail.revisions().size())), () -> prints.plan(c.id(), user));
        return Optional.of(link);
    }
}
