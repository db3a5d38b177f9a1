package cn.countyflow.evaluation.ui;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.evaluation.CohortNames;
import cn.countyflow.evaluation.Indicator;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;

/**
 * 指标对比: one indicator across the counties of the user's province (a city reviewer: its counties), optionally one
 * cohort and one year; target, current actual and completion ratio as IndicatorService computes them, a page at a time.
 */
@Route(value = "indicators/compare", layout = MainLayout.class)
@RolesAllowed({"PROVINCE_OFFICER", "PROVINCE_APPROVER", "CITY_REVIEWER", "ADMIN"})
@Menu(order = 70, title = "nav.indicatorCompare", icon = "vaadin:chart-grid")
public class IndicatorComparisonView extends VerticalLayout implements HasDynamicTitle {
    private final IndicatorService indicators;
    private final CountyFlowUser user = CurrentUser.get();
    private final ComboBox<Indicator> indicator = new ComboBox<>();
    private final ComboBox<String> cohort = new ComboBox<>();
    private final IntegerField year = new IntegerField();
    private final Grid<IndicatorService.ComparisonLine> grid = new Grid<>();
    private final Span total = new Span();

    private final java.util.List<CohortNames> cohortNames;
    private final java.util.Map<String, String> cohortLabels = new java.util.HashMap<>();

    public IndicatorComparisonView(IndicatorService indicators, java.util.List<CohortNames> cohortNames) {
        this.indicators = indicators;
        this.cohortNames = cohortNames;
        String province = user.provinceCode();
        add(new H2(getTranslation("evaluation.compare.title")), new Span(getTranslation("evaluation.compare.hint")));

        indicator.setId("compare-indicator");
        indicator.setLabel(getTranslation("evaluation.compare.indicator"));
        indicator.setItems(indicators.allIndicators());
        indicator.setItemLabelGenerator(i -> i.getName() + "（" + i.getUnit() + "）");
        indicator.setWidth("22em");
        cohort.setId("compare-cohort");
        cohort.setLabel(getTranslation("evaluation.compare.cohort"));
        cohort.setPlaceholder(getTranslation("evaluation.compare.cohort.all"));
        cohort.setItems(indicators.cohorts(user, province));
        cohort.setItemLabelGenerator(this::cohortLabel);
        cohort.setClearButtonVisible(true);
        year.setId("compare-year");
        year.setLabel(getTranslation("evaluation.compare.year"));
        year.setPlaceholder(getTranslation("evaluation.compare.year.all"));
        year.setMin(2000);
        year.setMax(2100);
        year.setClearButtonVisible(true);
        HorizontalLayout filters = new HorizontalLayout(indicator, cohort, year);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(filters, total);

        grid.setId("compare-grid");
        grid.addColumn(IndicatorService.ComparisonLine::countyName).setHeader(getTranslation("evaluation.compare.col.county"));
        grid.addColumn(l -> l.cityName() == null ? getTranslation("evaluation.compare.provinceDirect") : l.cityName())
                .setHeader(getTranslation("evaluation.compare.col.city"));
        grid.addColumn(l -> cohortLabel(l.cohort())).setHeader(getTranslation("evaluation.compare.col.cohort"));
        grid.addColumn(IndicatorService.ComparisonLine::year).setHeader(getTranslation("evaluation.compare.col.year"));
        grid.addColumn(l -> number(l.target()) + " " + l.unit()).setHeader(getTranslation("evaluation.compare.col.target"));
        grid.addColumn(l -> number(l.actual())).setHeader(getTranslation("evaluation.compare.col.actual"));
        grid.addColumn(l -> l.ratio() == null ? "—" : l.ratio().toPlainString())
                .setHeader(getTranslation("evaluation.compare.col.ratio"));
        grid.setPageSize(50);
        grid.setEmptyStateText(getTranslation("evaluation.compare.empty"));
        grid.setItems(q -> indicator.getValue() == null ? java.util.stream.Stream.empty()
                        : indicators.compare(user, province, indicator.getValue().getCode(), cohort.getValue(), year.getValue(),
                        PageRequest.of(q.getPage(), q.getPageSize())).stream(),
                q -> count(province));
        add(grid);
        indicator.addValueChangeListener(e -> refresh());
        cohort.addValueChangeListener(e -> refresh());
        year.addValueChangeListener(e -> refresh());
        if (!indicators.allIndicators().isEmpty()) indicator.setValue(indicators.allIndicators().get(0));
    }

    private int count(String province) {
        if (indicator.getValue() == null) return 0;
        long n = indicators.compare(user, province, indicator.getValue().getCode(), cohort.getValue(), year.getValue(),
                PageRequest.of(0, 1)).getTotalElements();
        total.setText(getTranslation("evaluation.compare.total", n));
        return (int) n;
    }

    /** The cohort's name as its programme gives it (e.g. the batch's name), else the cohort as it is. */
    private String cohortLabel(String code) {
        if (code == null) return "";
        return cohortLabels.computeIfAbsent(code, c -> cohortNames.stream().map(n -> n.nameOf(c))
                .flatMap(java.util.Optional::stream).findFirst().orElse(c));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static String number(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("evaluation.compare.title") + " · " + getTranslation("app.name");
    }
}
