package cn.countyflow.monitoring.ui;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.monitoring.MonitorFilter;
import cn.countyflow.monitoring.MonitorRow;
import cn.countyflow.monitoring.MonitoringService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.Role;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.workflow.Texts;

/**
 * 流程监控 (/monitoring): every case of every programme the user may monitor, with filters, sorting and a lazy,
 * paged grid; a case opens into its monitoring page (diagram, tasks, incidents, operations).
 */
@Menu(order = 80, title = "nav.monitoring", icon = "vaadin:chart-grid")
@Route(value = "monitoring", layout = MainLayout.class)
@RolesAllowed({"ADMIN", "PROVINCE_OFFICER", "PROVINCE_APPROVER", "CITY_REVIEWER"})
public class MonitoringView extends VerticalLayout implements HasDynamicTitle {
    final Grid<MonitorRow> grid = new Grid<>();
    final ComboBox<MonitoringService.Option> caseType = new ComboBox<>();
    final ComboBox<MonitoringService.Option> process = new ComboBox<>();
    final ComboBox<MonitoringService.Option> cohort = new ComboBox<>();
    final ComboBox<MonitoringService.Option> city = new ComboBox<>();
    final ComboBox<MonitoringService.Option> county = new ComboBox<>();
    final ComboBox<MonitoringService.Option> stage = new ComboBox<>();
    final ComboBox<MonitorFilter.State> state = new ComboBox<>();
    final Checkbox overdue = new Checkbox();
    final DatePicker from = cn.countyflow.forms.ChineseDates.setUp(new DatePicker());
    final DatePicker to = cn.countyflow.forms.ChineseDates.setUp(new DatePicker());
    final TextField text = new TextField();
    final Span total = new Span();
    private final MonitoringService monitoring;
    private final CountyFlowUser user;

    public MonitoringView(MonitoringService monitoring) {
        this.monitoring = monitoring;
        this.user = CurrentUser.get();
        setSizeFull();
        Locale locale = getLocale();
        monitoring.requireMonitor(user, "MONITOR_LIST");

        setup(caseType, "monitor-filter-type", "monitor.filter.caseType", monitoring.caseTypes(user, locale));
        setup(process, "monitor-filter-process", "monitor.filter.process", monitoring.processes(user, locale));
        setup(cohort, "monitor-filter-cohort", "monitor.filter.cohort", monitoring.cohorts(user));
        setup(city, "monitor-filter-city", "monitor.filter.city", monitoring.cities(user));
        setup(county, "monitor-filter-county", "monitor.filter.county", monitoring.counties(user, null));
        setup(stage, "monitor-filter-stage", "monitor.filter.stage", monitoring.stages(user, null));
        state.setId("monitor-filter-state");
        state.setLabel(getTranslation("monitor.filter.state"));
        state.setItems(MonitorFilter.State.values());
        state.setItemLabelGenerator(s -> getTranslation("monitor.state." + s.name()));
        state.setClearButtonVisible(true);
        overdue.setId("monitor-filter-overdue");
        overdue.setLabel(getTranslation("monitor.filter.overdue"));
        from.setId("monitor-filter-from");
        from.setLabel(getTranslation("monitor.filter.from"));
        to.setId("monitor-filter-to");
        to.setLabel(getTranslation("monitor.filter.to"));
        text.setId("monitor-filter-text");
        text.setLabel(getTranslation("monitor.filter.text"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);

        city.addValueChangeListener(e -> {
            county.clear();
            county.setItems(monitoring.counties(user, e.getValue() == null ? null : e.getValue().value()));
        });
        caseType.addValueChangeListener(e -> stage.setItems(monitoring.stages(user,
                e.getValue() == null ? null : e.getValue().value())));

        grid.setId("monitor-grid");
        grid.addComponentColumn(r -> cn.countyflow.ui.TitledLink.of("monitoring/cases/" + r.caseId(), r.title()))
                .setHeader(getTranslation("monitor.col.case")).setKey("title").setSortable(true).setFlexGrow(2);
        grid.addColumn(r -> getTranslation("case.type." + r.caseType()).startsWith("!") ? r.caseTypeLabel()
                        : getTranslation("case.type." + r.caseType()))
                .setHeader(getTranslation("monitor.col.type")).setKey("caseType").setSortable(true).setAutoWidth(true);
        grid.addColumn(MonitorRow::cohortLabel).setHeader(getTranslation("monitor.col.cohort")).setAutoWidth(true);
        grid.addColumn(MonitorRow::countyName).setHeader(getTranslation("monitor.col.county")).setKey("countyCode")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> r.cityName() == null ? getTranslation("case.provinceDirect") : r.cityName())
                .setHeader(getTranslation("monitor.col.city")).setAutoWidth(true);
        grid.addColumn(r -> r.stage() == null ? "" : Texts.step(r.stage(), getLocale())).setHeader(getTranslation("monitor.col.stage"))
                .setKey("currentStage").setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Span s = new Span(getTranslation("monitor.state." + r.state()));
            s.getElement().getThemeList().add("badge " + switch (r.state()) {
                case "INCIDENT" -> "error";
                case "SUSPENDED" -> "contrast";
                case "TERMINATED" -> "error";
                case "COMPLETED" -> "success";
                default -> "";
            });
            return s;
        }).setHeader(getTranslation("monitor.col.state")).setKey("status").setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Span s = new Span(Formats.date(r.nextDue()));
            if (r.overdue()) {
                s.setText(Formats.date(r.nextDue()) + " " + getTranslation("monitor.overdue"));
                s.getElement().getThemeList().add("badge error");
            }
            return s;
        }).setHeader(getTranslation("monitor.col.due")).setAutoWidth(true);
        grid.addColumn(r -> Formats.time(r.createdAt())).setHeader(getTranslation("monitor.col.created"))
                .setKey("createdAt").setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> Formats.time(r.updatedAt())).setHeader(getTranslation("monitor.col.updated"))
                .setKey("updatedAt").setSortable(true).setAutoWidth(true);
        grid.setMultiSort(false);
        grid.setItems(q -> monitoring.list(user, filter(), PageRequest.of(q.getPage(), q.getPageSize(), sort(q.getSortOrders())))
                        .stream(),
                q -> {
                    long n = monitoring.count(user, filter());
                    total.setText(getTranslation("monitor.total", n));
                    return (int) Math.min(Integer.MAX_VALUE, n);
                });
        grid.setEmptyStateText(getTranslation("monitor.empty"));
        total.setId("monitor-total");

        List.of(caseType, process, cohort, city, county, stage).forEach(c -> c.addValueChangeListener(e -> refresh()));
        state.addValueChangeListener(e -> refresh());
        overdue.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());

        FlexLayout filters = new FlexLayout(caseType, process, cohort, city, county, stage, state, from, to, text, overdue);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");

        HorizontalLayout links = new HorizontalLayout(new Anchor("monitoring/durations", getTranslation("nav.monitoringDurations")));
        if (user.has(Role.ADMIN) || user.isProvinceStaff()) {
            links.add(new Anchor("monitoring/dashboard", getTranslation("nav.monitoringDashboard")));
        }
        add(new H2(getTranslation("nav.monitoring")), links, filters, total, grid);
        expand(grid);
    }

    private void setup(ComboBox<MonitoringService.Option> box, String id, String label, List<MonitoringService.Option> items) {
        box.setId(id);
        box.setLabel(getTranslation(label));
        box.setItems(items);
        box.setItemLabelGenerator(MonitoringService.Option::label);
        box.setClearButtonVisible(true);
    }

    MonitorFilter filter() {
        return new MonitorFilter(value(caseType), value(process), value(cohort), value(city), value(county), value(stage),
                state.getValue(), overdue.getValue(), from.getValue(), to.getValue(), text.getValue());
    }

    private static String value(ComboBox<MonitoringService.Option> box) {
        return box.getValue() == null ? null : box.getValue().value();
    }

    private static Sort sort(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        if (orders.isEmpty()) return Sort.by(Sort.Direction.DESC, "id");
        var o = orders.get(0);
        String key = MonitoringService.SORTABLE.contains(o.getSorted()) ? o.getSorted() : "id";
        return Sort.by(o.getDirection() == SortDirection.ASCENDING ? Sort.Direction.ASC : Sort.Direction.DESC, key)
                .and(Sort.by(Sort.Direction.DESC, "id"));
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.monitoring") + " · " + getTranslation("app.name");
    }
}
