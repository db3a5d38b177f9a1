package cn.countyflow.pilot.ui;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.countyflow.inbox.CaseSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.ui.RevisionsPanel;
import cn.countyflow.workflow.CaseDetails;

/** On a pilot application's case page: every revision of the 申报书; expanding one shows what changed. */
@Component
@Order(10)
class PilotRevisionsSection implements CaseSection {
    private final PilotApplicationService applications;
    private final cn.countyflow.pilot.PilotPrints prints;

    private final cn.countyflow.org.UserNames names;

    PilotRevisionsSection(PilotApplicationService applications, cn.countyflow.pilot.PilotPrints prints,
                          cn.countyflow.org.UserNames names) {
        this.names = names;
        this.applications = applications;
        this.prints = prints;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
        if (!PilotApplicationService.CASE_TYPE.equals(c.caseType())) return Optional.empty();
        var revisions = applications.revisions(c.id(), user);
        RevisionsPanel panel = new RevisionsPanel("pilot", "pilot.revisions.title", "pilot.revisions.none",
                revisions, names);
        if (!revisions.isEmpty()) {
            // the latest submitted revision, laid out like the paper form (issue 11 point 18)
            panel.addComponentAtIndex(1, cn.countyflow.ui.PdfLink.of("pilot-application-pdf",
                    panel.getTranslation("print.pilot.file", c.countyName(), String.valueOf(revisions.size())),
                    () -> prints.application(c.id(), user)));
        }
        return Optional.of(panel);
    }
}
