package cn.countyflow.monitoring.ui;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;

import cn.countyflow.evaluation.Indicator;
import cn.countyflow.monitoring.DashboardService;
import cn.countyflow.monitoring.ExcelExport;
import cn.countyflow.monitoring.FigureTable;
import cn.countyflow.monitoring.MonitorLabels;
import cn.countyflow.monitoring.MonitoringService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;

/**
 * 省级监测看板 (/monitoring/dashboard): per batch or round the counts per stage, submissions per city, the score
 * distribution, indicator completion across the counties, late reports per city and a map of the province's cities
 * coloured by a chosen figure (Apache ECharts). Every chart has its table beside it and an Excel export of the same rows.
 */
@Menu(order = 82, title = "nav.monitoringDashboard", icon = "vaadin:pie-bar-chart")
@Route(value = "monitoring/dashboard", layout = MainLayout.class)
@RolesAllowed({"ADMIN", "PROVINCE_OFFICER", "PROVINCE_APPROVER"})
public class DashboardView extends VerticalLayout implements HasDynamicTitle {
    final ComboBox<MonitoringService.Option> province = new ComboBox<>();
    final ComboBox<MonitoringService.Option> cohort = new ComboBox<>();
    final ComboBox<String> caseType = new ComboBox<>();
    final ComboBox<Indicator> indicator = new ComboBox<>();
    final IntegerField year = new IntegerField();
    final ComboBox<DashboardService.MapFigure> mapFigure = new ComboBox<>();
    final Div figures = new Div();
    private final DashboardService dashboard;
    private final CountyFlowUser user;
    private List<FigureTable> shown = List.of();

    public DashboardView(DashboardService dashboard, MonitorLabels labels) {
        this.dashboard = dashboard;
        this.user = CurrentUser.get();
        List<MonitoringService.Option> provinces = dashboard.provinces(user);
        province.setId("dashboard-province");
        province.setLabel(getTranslation("monitor.dashboard.province"));
        province.setItems(provinces);
        province.setItemLabelGenerator(MonitoringService.Option::label);
        province.setValue(provinces.stream().filter(p -> p.value().equals(dashboard.provinceFor(user, null))).findFirst()
                .orElse(provinces.isEmpty() ? null : provinces.get(0)));
        province.setVisible(provinces.size() > 1);
        cohort.setId("dashboard-cohort");
        cohort.setLabel(getTranslation("monitor.filter.cohort"));
        cohort.setItemLabelGenerator(MonitoringService.Option::label);
        cohort.setClearButtonVisible(true);
        cohort.setWidth("320px");
        caseType.setId("dashboard-type");
        caseType.setLabel(getTranslation("monitor.filter.caseType"));
        caseType.setItemLabelGenerator(t -> labels.caseType(t, getLocale()));
        caseType.setClearButtonVisible(true);
        indicator.setId("dashboard-indicator");
        indicator.setLabel(getTranslation("monitor.dashboard.indicator"));
        indicator.setItems(dashboard.indicatorCatalogue());
        indicator.setItemLabelGenerator(Indicator::getName);
        indicator.setWidth("280px");
        year.setId("dashboard-year");
        year.setLabel(getTranslation("monitor.col.year"));
        year.setClearButtonVisible(true);
        year.setMin(2000);
        year.setMax(2100);
        mapFigure.setId("dashboard-map-figure");
        mapFigure.setLabel(getTranslation("monitor.dashboard.mapFigure"));
        mapFigure.setItems(DashboardService.MapFigure.values());
        mapFigure.setItemLabelGenerator(f -> getTranslation("monitor.map." + f.name()));
        mapFigure.setValue(DashboardService.MapFigure.SUBMISSIONS);

        province.addValueChangeListener(e -> {
            loadChoices();
            refresh();
        });
        cohort.addValueChangeListener(e -> {
            caseType.setItems(dashboard.caseTypes(user, provinceCode(), cohortCode()));
            refresh();
        });
        caseType.addValueChangeListener(e -> refresh());
        indicator.addValueChangeListener(e -> refresh());
        year.addValueChangeListener(e -> refresh());
        mapFigure.addValueChangeListener(e -> refresh());

        FlexLayout choices = new FlexLayout(province, cohort, caseType, indicator, year, mapFigure);
        choices.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        choices.setAlignItems(FlexComponent.Alignment.BASELINE);
        choices.getStyle().set("gap", "var(--lumo-space-s)");
        figures.setWidthFull();
        add(new H2(getTranslation("nav.monitoringDashboard")), choices, figures);
        loadChoices();
        refresh();
    }

    private void loadChoices() {
        List<MonitoringService.Option> cohorts = dashboard.cohorts(user, provinceCode());
        cohort.setItems(cohorts);
        cohort.setValue(cohorts.isEmpty() ? null : cohorts.get(cohorts.size() - 1));
        caseType.setItems(dashboard.caseTypes(user, provinceCode(), cohortCode()));
    }

    private String provinceCode() {
        return province.getValue() == null ? null : province.getValue().value();
    }

    private String cohortCode() {
        return cohort.getValue() == null ? null : cohort.getValue().value();
    }

    DashboardService.Selection selection() {
        return new DashboardService.Selection(provinceCode(), cohortCode(), caseType.getValue(),
                indicator.getValue() == null ? null : indicator.getValue().getCode(), year.getValue(), mapFigure.getValue());
    }

    void refresh() {
        figures.removeAll();
        shown = dashboard.figures(user, selection());
        FlexLayout grid = new FlexLayout();
        grid.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        grid.getStyle().set("gap", "var(--lumo-space-l)");
        for (FigureTable t : shown) grid.add(panel(t));
        figures.add(grid);
    }

    private Component panel(FigureTable t) {
        EChart chart = new EChart();
        chart.setId("chart-" + t.id());
        if ("map".equals(t.id())) {
            String code = provinceCode() == null ? user.provinceCode() : provinceCode();
            chart.setMap("province-" + code, "/maps/" + code + ".json");
            chart.setOption(ChartOptions.map(t, "province-" + code, getTranslation("monitor.map.high"),
                    getTranslation("monitor.map.low")));
            chart.setHeight("420px");
        } else {
            chart.setOption(ChartOptions.bars(t, "stages".equals(t.id())));
        }
        Grid<List<Object>> table = new Grid<>();
        table.setId("table-" + t.id());
        for (int c = 0; c < t.columns().size(); c++) {
            int col = c;
            FigureTable.Column column = t.columns().get(c);
            table.addColumn(row -> format(col < row.size() ? row.get(col) : null, column.kind()))
                    .setHeader(column.header()).setAutoWidth(true);
        }
        table.setItems(new ArrayList<>(t.rows()));
        table.setAllRowsVisible(t.rows().size() <= 12);
        if (t.rows().size() > 12) table.setHeight("360px");
        table.setEmptyStateText(getTranslation("monitor.dashboard.noData"));
        String suffix = cohortCode() == null ? provinceCode() : cohortCode();
        StreamResource xlsx = new StreamResource(ExcelExport.fileName(t, suffix),
                () -> new ByteArrayInputStream(ExcelExport.write(dashboard.figure(user, selection(), t.id()))));
        xlsx.setContentType(ExcelExport.CONTENT_TYPE);
        Anchor export = new Anchor(xlsx, "");
        export.add(VaadinIcon.DOWNLOAD.create(), new com.vaadin.flow.component.html.Span(" " + getTranslation("monitor.dashboard.export")));
        export.getElement().setAttribute("download", true);
        export.setId("export-" + t.id());
        HorizontalLayout body = new HorizontalLayout(chart, table);
        body.setWidthFull();
        body.setFlexGrow(3, chart);
        body.setFlexGrow(2, table);
        VerticalLayout panel = new VerticalLayout(new H3(t.title()), body, export);
        panel.setId("figure-" + t.id());
        panel.setWidthFull();
        panel.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "8px");
        return panel;
    }

    private static String format(Object v, FigureTable.Kind kind) {
        if (v == null) return "—";
        return switch (kind) {
            case PERCENT -> (v instanceof BigDecimal d ? d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : v) + "%";
            case DECIMAL -> v instanceof BigDecimal d ? d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : String.valueOf(v);
            default -> String.valueOf(v);
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.monitoringDashboard") + " · " + getTranslation("app.name");
    }
}
