package cn.countyflow.plan.ui;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.countyflow.inbox.CaseSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.UserNames;
import cn.countyflow.plan.PlanPrints;
import cn.countyflow.plan.PlanService;
import cn.countyflow.ui.PdfLink;
import cn.countyflow.ui.RevisionsPanel;
import cn.countyflow.workflow.CaseDetails;

/**
 * On a plan's case page: every submitted revision of the plan, each expanding to what changed since the one before
 * (named by the form's labels, grouped by its sections, as for any form's revisions), and once it was submitted
 * 打印/下载PDF of its latest revision (issue 11 point 18).
 */
@Component
@Order(5)
class PlanRevisionsSection implements CaseSection {
    private final PlanService plans;
    private final PlanPrints prints;
    private final UserNames names;

    PlanRevisionsSection(PlanService plans, PlanPrints prints, UserNames names) {
        this.plans = plans;
        this.prints = prints;
        this.names = names;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
        if (!PlanService.CASE_TYPE.equals(c.caseType())) return Optional.empty();
        var detail = plans.detail(c.id(), user);
        RevisionsPanel panel = new RevisionsPanel("plan", "plan.revisions.title", "plan.revisions.none",
                detail.revisions(), names);
        if (!detail.revisions().isEmpty()) {
            String industry = detail.plan().industry() == null ? "" : detail.plan().industry();
            panel.addComponentAtIndex(1, PdfLink.of("plan-pdf", panel.getTranslation("print.plan.file", c.countyName(),
                    industry, String.valueOf(detail.revisions().size())), () -> prints.plan(c.id(), user)));
        }
        return Optional.of(panel);
    }
}
