package cn.countyflow.monitoring.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.monitoring.MonitoringService;
import cn.countyflow.monitoring.StatisticsService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;

/**
 * 环节耗时与瓶颈 (/monitoring/durations): per process and activity the count, mean, median and 90th percentile of the
 * time spent, the same as a heat overlay on the diagram; and open tasks past their due date by city and by office.
 */
@Menu(order = 81, title = "nav.monitoringDurations", icon = "vaadin:timer")
@Route(value = "monitoring/durations", layout = MainLayout.class)
@RolesAllowed({"ADMIN", "PROVINCE_OFFICER", "PROVINCE_APPROVER", "CITY_REVIEWER"})
public class DurationsView extends VerticalLayout implements HasDynamicTitle {
    final ComboBox<MonitoringService.Option> process = new ComboBox<>();
    final Grid<StatisticsService.ActivityDuration> activities = new Grid<>();
    final BpmnViewer heat = new BpmnViewer();
    private final StatisticsService statistics;
    private final CountyFlowUser user;

    public DurationsView(MonitoringService monitoring, StatisticsService statistics) {
        this.statistics = statistics;
        this.user = CurrentUser.get();
        monitoring.requireMonitor(user, "MONITOR_DURATIONS");
        process.setId("durations-process");
        process.setLabel(getTranslation("monitor.filter.process"));
        process.setItems(monitoring.processes(user, getLocale()));
        process.setItemLabelGenerator(MonitoringService.Option::label);
        process.setWidth("320px");
        heat.setId("durations-diagram");

        activities.setId("durations-grid");
        activities.addColumn(a -> a.activityName() == null ? a.activityId() : a.activityName())
                .setHeader(getTranslation("monitor.col.activity")).setFlexGrow(1);
        activities.addColumn(StatisticsService.ActivityDuration::count).setHeader(getTranslation("monitor.col.count")).setAutoWidth(true);
        activities.addColumn(a -> Formats.duration(this, a.meanMs())).setHeader(getTranslation("monitor.col.mean")).setAutoWidth(true);
        activities.addColumn(a -> Formats.duration(this, a.medianMs())).setHeader(getTranslation("monitor.col.median")).setAutoWidth(true);
        activities.addColumn(a -> Formats.duration(this, a.p90Ms())).setHeader(getTranslation("monitor.col.p90")).setAutoWidth(true);
        activities.setAllRowsVisible(true);
        activities.setEmptyStateText(getTranslation("monitor.durations.empty"));
        process.addValueChangeListener(e -> show());

        Grid<StatisticsService.OverdueCount> byCity = overdueGrid("durations-overdue-city", "monitor.col.city");
        byCity.setItems(statistics.overdueByCity(user));
        Grid<StatisticsService.OverdueCount> byOffice = overdueGrid("durations-overdue-office", "monitor.col.office");
        byOffice.setItems(statistics.overdueByOffice(user));
        VerticalLayout city = new VerticalLayout(new H3(getTranslation("monitor.durations.overdueByCity")), byCity);
        VerticalLayout office = new VerticalLayout(new H3(getTranslation("monitor.durations.overdueByOffice")), byOffice);
        HorizontalLayout overdue = new HorizontalLayout(city, office);
        overdue.setWidthFull();

        Span hint = new Span(getTranslation("monitor.durations.hint"));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2(getTranslation("nav.monitoringDurations")), hint, process, heat, activities, overdue);
    }

    private Grid<StatisticsService.OverdueCount> overdueGrid(String id, String unitHeader) {
        Grid<StatisticsService.OverdueCount> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(StatisticsService.OverdueCount::name).setHeader(getTranslation(unitHeader)).setFlexGrow(1);
        grid.addColumn(StatisticsService.OverdueCount::overdue).setHeader(getTranslation("monitor.col.overdueTasks")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("monitor.durations.noOverdue"));
        return grid;
    }

    void show() {
        if (process.getValue() == null) return;
        StatisticsService.ProcessDurations d = statistics.durations(user, process.getValue().value());
        activities.setItems(d.activities());
        Map<String, Map<String, Object>> overlay = new LinkedHashMap<>();
        d.activities().forEach(a -> overlay.put(a.activityId(), Map.of("value", a.medianMs(),
                "label", getTranslation("monitor.durations.heatLabel", Formats.duration(this, a.medianMs()), a.count()))));
        heat.showHeat(d.xml(), overlay);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.monitoringDurations") + " · " + getTranslation("app.name");
    }
}
