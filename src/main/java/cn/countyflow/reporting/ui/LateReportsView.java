package cn.countyflow.reporting.ui;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.reporting.ReportService;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;

/**
 * 逾期报告: periodic reports not in by their due date. Counts per city and county (the province sees its province, a
 * city its counties); choosing a county lists its late reports, lazily, a page at a time.
 */
@Route(value = "reporting/late", layout = MainLayout.class)
@RolesAllowed({"PROVINCE_OFFICER", "PROVINCE_APPROVER", "CITY_REVIEWER", "ADMIN"})
@Menu(order = 60, title = "nav.reportingLate", icon = "vaadin:clock")
public class LateReportsView extends VerticalLayout implements HasDynamicTitle {
    private final ReportService reports;
    private final CountyFlowUser user = CurrentUser.get();
    private final Grid<ReportService.LateCount> counts = new Grid<>();
    private final Grid<ReportService.ReportSummary> list = new Grid<>();
    private final Span listTitle = new Span();
    private String county;

    public LateReportsView(ReportService reports) {
        this.reports = reports;
        add(new H2(getTranslation("reporting.late.title")), new Span(getTranslation("reporting.late.hint")));

        add(new H3(getTranslation("reporting.late.counts")));
        counts.setId("late-counts");
        counts.addColumn(c -> c.cityName() == null ? getTranslation("reporting.late.provinceDirect") : c.cityName())
                .setHeader(getTranslation("reporting.late.col.city"));
        counts.addColumn(ReportService.LateCount::countyName).setHeader(getTranslation("reporting.late.col.county"));
        counts.addColumn(ReportService.LateCount::late).setHeader(getTranslation("reporting.late.col.count"));
        counts.addColumn(ReportService.LateCount::outstanding).setHeader(getTranslation("reporting.late.col.outstanding"));
        counts.setItems(reports.lateCounts(user));
        counts.setAllRowsVisible(true);
        counts.setEmptyStateText(getTranslation("reporting.late.none"));
        counts.asSingleSelect().addValueChangeListener(e -> showCounty(e.getValue() == null ? null : e.getValue().countyCode()));
        add(counts);

        Button all = new Button(getTranslation("reporting.late.county.all"), e -> counts.asSingleSelect().clear());
        all.setId("late-all");
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        listTitle.setId("late-list-title");
        add(new H3(getTranslation("reporting.late.list")), listTitle, all);

        list.setId("late-list");
        list.addColumn(r -> r.cityName() == null ? getTranslation("reporting.late.provinceDirect") : r.cityName())
                .setHeader(getTranslation("reporting.late.col.city"));
        list.addColumn(ReportService.ReportSummary::countyName).setHeader(getTranslation("reporting.late.col.county"));
        list.addColumn(ReportService.ReportSummary::periodLabel).setHeader(getTranslation("reporting.col.period"));
        list.addColumn(r -> r.dueAt() == null ? "—" : ReportCaseSection.DATE.format(r.dueAt()))
                .setHeader(getTranslation("reporting.col.due"));
        list.addColumn(r -> getTranslation("reporting.status." + r.status().name())).setHeader(getTranslation("reporting.col.status"));
        list.addColumn(r -> ReportCaseSection.time(r.submittedAt())).setHeader(getTranslation("reporting.col.submitted"));
        list.addComponentColumn(r -> {
            Button open = new Button(getTranslation("reporting.late.openCase"),
                    e -> getUI().ifPresent(ui -> ui.navigate("cases/" + r.subjectCaseId())));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return open;
        });
        list.setPageSize(50);
        list.setEmptyStateText(getTranslation("reporting.late.none"));
        list.setItems(q -> reports.lateReports(user, county, PageRequest.of(q.getPage(), q.getPageSize())).stream(),
                q -> (int) reports.lateReports(user, county, PageRequest.of(0, 1)).getTotalElements());
        add(list);
        showCounty(null);
    }

    private void showCounty(String countyCode) {
        county = countyCode;
        listTitle.setText(countyCode == null ? getTranslation("reporting.late.county.all")
                : getTranslation("reporting.late.county", counts.asSingleSelect().getValue().countyName()));
        list.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reporting.late.title") + " · " + getTranslation("app.name");
    }
}
