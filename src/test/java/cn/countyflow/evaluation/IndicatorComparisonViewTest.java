package cn.countyflow.evaluation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;

import cn.countyflow.KaribuSpring;
import cn.countyflow.SpringTest;
import cn.countyflow.evaluation.ui.IndicatorComparisonView;
import cn.countyflow.reporting.ReportTestSupport;

/** 指标对比 without a browser: choose indicator, cohort and year; the lazy grid shows target, actual and ratio. */
@SpringTest
class IndicatorComparisonViewTest extends ReportTestSupport {
    @Autowired ApplicationContext ctx;

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    private static <T> List<T> rows(Grid<T> grid) {
        List<T> all = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) all.add(GridKt._get(grid, i));
        return all;
    }

    @Test
    @SuppressWarnings("unchecked")
    void officerComparesOneIndicatorForACohortAndYear() {
        long xinle = subjectCase("130184", "130100");
        long anxin = subjectCase("130632", "130600");
        indicators.recordActuals(new IndicatorService.Subject(xinle, "COHORT:REPORT-TEST", "130000", "130100", "130184"),
                "REPORT", "view-test", "test", List.of(new IndicatorService.Actual("MFG_QUALITY_INDEX", 2022, new BigDecimal("31"))));
        KaribuSpring.signIn(ctx, users.get("hebei_officer"));
        UI.getCurrent().navigate(IndicatorComparisonView.class);

        ComboBox<Indicator> indicator = _get(ComboBox.class, s -> s.withId("compare-indicator"));
        Indicator quality = indicators.allIndicators().stream().filter(i -> i.getCode().equals("MFG_QUALITY_INDEX")).findFirst().orElseThrow();
        _setValue(indicator, quality);
        _setValue(_get(ComboBox.class, s -> s.withId("compare-cohort")), "COHORT:REPORT-TEST");
        _setValue(_get(IntegerField.class, s -> s.withId("compare-year")), 2022);

        Grid<IndicatorService.ComparisonLine> grid = _get(Grid.class, s -> s.withId("compare-grid"));
        List<IndicatorService.ComparisonLine> lines = rows(grid);
        assertThat(lines).isNotEmpty().allMatch(l -> l.year() == 2022 && "COHORT:REPORT-TEST".equals(l.cohort()));
        assertThat(lines).filteredOn(l -> l.subjectCaseId() == xinle).singleElement().satisfies(l -> {
            assertThat(l.countyName()).isEqualTo("新乐市");
            assertThat(l.cityName()).isEqualTo("石家庄市");
            assertThat(l.target()).isEqualByComparingTo("31");
            assertThat(l.actual()).isEqualByComparingTo("31");
            assertThat(l.ratio()).isEqualByComparingTo("100.00");
        });
        assertThat(lines).anyMatch(l -> l.subjectCaseId() == anxin && l.actual() == null);
        // the formatted cells: ratio column shows the percentage, a missing actual shows a dash
        int row = lines.indexOf(lines.stream().filter(l -> l.subjectCaseId() == xinle).findFirst().orElseThrow());
        assertThat(GridKt._getFormattedRow(grid, row)).contains("新乐市", "100.00");
    }

    @Test
    @SuppressWarnings("unchecked")
    void cityReviewerSeesOnlyItsCountiesAndACountyIsNotShownTheView() {
        subjectCase("130184", "130100");
        subjectCase("130632", "130600");
        KaribuSpring.signIn(ctx, users.get("sjz_reviewer"));
        UI.getCurrent().navigate(IndicatorComparisonView.class);
        Grid<IndicatorService.ComparisonLine> grid = _get(Grid.class, s -> s.withId("compare-grid"));
        assertThat(rows(grid)).isNotEmpty().allMatch(l -> "130100".equals(l.cityCode()));
        KaribuSpring.tearDown();

        KaribuSpring.signIn(ctx, users.get("xinle_drafter"));
        // Vaadin's access control refuses the view by its annotations (Karibu reports the refusal as an error)
        boolean shown;
        try {
            UI.getCurrent().navigate("indicators/compare");
            shown = !_find(Grid.class, s -> s.withId("compare-grid")).isEmpty();
        } catch (AssertionError refused) {
            assertThat(refused).hasStackTraceContaining("AccessDeniedException");
            shown = false;
        }
        assertThat(shown).isFalse();
    }
}
