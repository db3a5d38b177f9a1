package cn.countyflow.reporting.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.countyflow.inbox.CaseSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.reporting.ReportService;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.WorkCalendar;

/**
 * On the subject case's page: its periodic reports (period, due date, status, late, submitted, accepted), and for
 * each report every revision with its text, indicator values beside their targets and the reviewer's answer. Shown
 * only for cases that have reports; the case page has scope-checked the user, ReportService checks again.
 */
@Component
@Order(20)
class ReportCaseSection implements CaseSection {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkCalendar.ZONE);
    private final ReportService reports;

    private final cn.countyflow.org.UserNames names;

    ReportCaseSection(ReportService reports, cn.countyflow.org.UserNames names) {
        this.reports = reports;
        this.names = names;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
        List<ReportService.ReportDetails> found = reports.reportsOf(c.id(), user);
        if (found.isEmpty()) return Optional.empty();
        return Optional.of(new ReportsPanel(found, names));
    }

    static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    static String number(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }

    static class ReportsPanel extends VerticalLayout {
        private final cn.countyflow.org.UserNames names;

        ReportsPanel(List<ReportService.ReportDetails> found, cn.countyflow.org.UserNames names) {
            this.names = names;
            setId("reporting-reports");
            setPadding(false);
            add(new H3(getTranslation("reporting.section.title")));
            Grid<ReportService.ReportSummary> grid = new Grid<>();
            grid.setId("reporting-reports-grid");
            grid.addColumn(ReportService.ReportSummary::periodLabel).setHeader(getTranslation("reporting.col.period"));
            grid.addColumn(r -> r.dueAt() == null ? "—" : DATE.format(r.dueAt())).setHeader(getTranslation("reporting.col.due"));
            grid.addColumn(r -> getTranslation("reporting.status." + r.status().name())).setHeader(getTranslation("reporting.col.status"));
            grid.addColumn(r -> getTranslation(r.late() ? "reporting.late.yes" : "reporting.late.no")).setHeader(getTranslation("reporting.col.late"));
            grid.addColumn(r -> time(r.submittedAt())).setHeader(getTranslation("reporting.col.submitted"));
            grid.addColumn(r -> time(r.acceptedAt())).setHeader(getTranslation("reporting.col.accepted"));
            grid.setItems(found.stream().map(ReportService.ReportDetails::report).toList());
            grid.setAllRowsVisible(true);
            add(grid);
            for (ReportService.ReportDetails d : found) {
                Details box = new Details(getTranslation("reporting.revisions.title", d.report().periodLabel(),
                        d.revisions().size()));
                box.setId("reporting-report-" + d.report().id());
                box.setWidthFull();
                if (d.revisions().isEmpty()) box.add(new Span(getTranslation("reporting.revision.none")));
                for (int i = d.revisions().size() - 1; i >= 0; i--) box.add(revision(d.report().id(), d.revisions().get(i)));
                add(box);
            }
        }

        private VerticalLayout revision(long reportId, ReportService.Revision r) {
            VerticalLayout v = new VerticalLayout();
            v.setId("reporting-revision-" + reportId + "-" + r.revision());
            v.setPadding(false);
            Span head = new Span(getTranslation("reporting.revision.summary", r.revision(),
                    names.label(r.submittedBy(), r.submittedByName()),
                    time(r.submittedAt()), r.afterDue() ? getTranslation("reporting.revision.afterDue") : ""));
            head.getStyle().set("font-weight", "600");
            v.add(head);
            v.add(new Paragraph(getTranslation("reporting.revision.workDone") + "：" + nz(r.workDone())));
            v.add(new Paragraph(getTranslation("reporting.revision.problems") + "：" + nz(r.problems())));
            if (!r.values().isEmpty()) {
                Grid<ReportService.ReportValue> values = new Grid<>();
                values.addColumn(ReportService.ReportValue::indicatorName).setHeader(getTranslation("reporting.value.indicator")).setFlexGrow(3);
                values.addColumn(x -> x.unit() == null ? "" : x.unit()).setHeader(getTranslation("reporting.value.unit"));
                values.addColumn(x -> number(x.target())).setHeader(getTranslation("reporting.value.target"));
                values.addColumn(x -> number(x.value())).setHeader(getTranslation("reporting.value.value"));
                values.setItems(r.values());
                values.setAllRowsVisible(true);
                v.add(values);
            }
            if (r.reviewDecision() != null) {
                v.add(new Span(getTranslation("reporting.revision.review", getTranslation("decision." + r.reviewDecision()),
                        nz(r.reviewComment()), names.label(r.reviewedBy()), time(r.reviewedAt()))));
            }
            return v;
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}
