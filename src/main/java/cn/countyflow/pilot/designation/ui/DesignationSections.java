package cn.countyflow.pilot.designation.ui;

import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import cn.countyflow.inbox.CaseSection;
import cn.countyflow.inbox.TaskSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.designation.BatchList;
import cn.countyflow.pilot.designation.BatchListEntry;
import cn.countyflow.pilot.designation.DesignationService;
import cn.countyflow.pilot.designation.RankingService;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.TaskDetails;

/** Case-page parts of the designation feature. */
final class DesignationSections {
    private DesignationSections() {
    }

    /**
     * On an application's case page: its result (入选/未入选/公示中), rank and aggregated score, once the batch's list is
     * approved; for anyone who may see the case. Never experts or their individual scores.
     */
    @Component
    @Order(30)
    static class ResultSection implements CaseSection {
        private final DesignationService designation;

        ResultSection(DesignationService designation) {
            this.designation = designation;
        }

        @Override
        public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
            if (!PilotApplicationService.CASE_TYPE.equals(c.caseType())) return Optional.empty();
            return designation.resultOf(c.id(), user).map(r -> {
                VerticalLayout panel = new VerticalLayout();
                panel.setId("pilot-result");
                panel.setPadding(false);
                panel.add(new H3(panel.getTranslation("designation.result.title")));
                Span result = new Span(panel.getTranslation("designation.result." + r.result(), r.publicityEnd()));
                result.setId("pilot-result-outcome");
                panel.add(result);
                panel.add(new Span(panel.getTranslation("designation.result.rankScore", r.rank(), RankingView.show(r.score()))));
                if (r.note() != null) panel.add(new Span(r.note()));
                return panel;
            });
        }
    }

    /** On the approval case's page: the proposed list with the reasons for deviations, and a link to the ranking. */
    @Component
    @Order(30)
    static class ListSection implements CaseSection {
        private final DesignationService designation;
        private final cn.countyflow.org.OrganisationService organisations;

        private final cn.countyflow.pilot.designation.ListPrints prints;

        ListSection(DesignationService designation, cn.countyflow.org.OrganisationService organisations,
                    cn.countyflow.pilot.designation.ListPrints prints) {
            this.prints = prints;
            this.designation = designation;
            this.organisations = organisations;
        }

        @Override
        public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
            if (!RankingService.LIST_CASE_TYPE.equals(c.caseType())) return Optional.empty();
            return listPanel(designation, organisations, c.id(), prints, user);
        }
    }

    /**
     * Beside the approver's 审定拟入选名单 and the officer's 修改拟入选名单: the list under decision itself (ranks, scores,
     * who is included and the reason for every deviation from the top N), so that the decision is taken on what is
     * seen. TaskView has checked through TaskWork that the user may act on the task.
     */
    @Component
    @Order(10)
    static class ListBesideTask implements TaskSection {
        static final Set<String> LIST_STEPS = Set.of("Task_ApproveList", "Task_ReviseList");
        private final DesignationService designation;
        private final cn.countyflow.org.OrganisationService organisations;

        private final cn.countyflow.pilot.designation.ListPrints prints;

        ListBesideTask(DesignationService designation, cn.countyflow.org.OrganisationService organisations,
                       cn.countyflow.pilot.designation.ListPrints prints) {
            this.designation = designation;
            this.organisations = organisations;
            this.prints = prints;
        }

        @Override
        public Optional<com.vaadin.flow.component.Component> create(TaskDetails details, CountyFlowUser user) {
            var t = details.task();
            if (t.caseId() == null || !RankingService.LIST_CASE_TYPE.equals(t.caseType())
                    || !LIST_STEPS.contains(t.taskKey())) {
                return Optional.empty();
            }
            return listPanel(designation, organisations, t.caseId(), prints, user);
        }
    }

    /**
     * The proposed list of an approval case with the reasons for deviations, its PDF for those who may print it, and a
     * link to the whole ranking.
     */
    static Optional<com.vaadin.flow.component.Component> listPanel(DesignationService designation,
                                                                   cn.countyflow.org.OrganisationService organisations,
                                                                   long approvalCaseId,
                                                                   cn.countyflow.pilot.designation.ListPrints prints,
                                                                   CountyFlowUser user) {
        Optional<BatchList> list = designation.listOfCase(approvalCaseId);
        if (list.isEmpty()) return Optional.empty();
        VerticalLayout panel = new VerticalLayout();
        panel.setId("pilot-list");
        panel.setPadding(false);
        panel.add(new H3(panel.getTranslation("designation.list.title") + " · "
                + panel.getTranslation("designation.list.status." + list.get().getStatus())));
        long batchId = list.get().getBatchId();
        if (prints.mayPrintProposedList(batchId, user)) {
            panel.add(cn.countyflow.ui.PdfLink.of("pilot-list-pdf", panel.getTranslation("print.list.file", ""),
                    () -> prints.proposedList(batchId, user)));
        }
        Grid<BatchListEntry> grid = new Grid<>();
        grid.setId("pilot-list-entries");
        grid.addColumn(BatchListEntry::getRank).setHeader(panel.getTranslation("designation.ranking.rank")).setAutoWidth(true);
        grid.addColumn(e -> organisations.nameOf(e.getCountyCode()))
                .setHeader(panel.getTranslation("designation.ranking.county")).setFlexGrow(1);
        grid.addColumn(e -> RankingView.show(e.getScore())).setHeader(panel.getTranslation("designation.ranking.score"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.isIncluded() ? panel.getTranslation("designation.ranking.yes") : "")
                .setHeader(panel.getTranslation("designation.ranking.included")).setAutoWidth(true);
        // a reason is read whole: it wraps and its cell carries it as a tooltip
        grid.addComponentColumn(e -> {
            Span reason = new Span(e.getDeviationReason() == null ? "" : e.getDeviationReason());
            reason.getStyle().set("white-space", "normal");
            if (e.getDeviationReason() != null) reason.setTitle(e.getDeviationReason());
            return reason;
        }).setHeader(panel.getTranslation("designation.ranking.reason")).setFlexGrow(2);
        grid.addColumn(e -> panel.getTranslation("designation.outcome." + e.getOutcome()))
                .setHeader(panel.getTranslation("designation.publicity.outcome")).setAutoWidth(true);
        grid.setItems(designation.entries(list.get().getId()));
        grid.setAllRowsVisible(true);
        panel.add(grid);
        RouterLink ranking = new RouterLink(panel.getTranslation("designation.list.openRanking"), RankingView.class,
                new RouteParameters("batchId", String.valueOf(list.get().getBatchId())));
        ranking.setId("pilot-list-ranking-link");
        panel.add(ranking);
        return Optional.of(panel);
    }
}
