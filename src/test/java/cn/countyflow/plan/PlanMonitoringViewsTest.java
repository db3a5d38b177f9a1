package cn.countyflow.plan;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.BigDecimalField;

import cn.countyflow.calendar.EngineClock;
import cn.countyflow.plan.ui.PlanMonitoringView;
import cn.countyflow.workflow.WorkCalendar;

/** 实施调度 without a browser: a county enters its progress (a field error first), the province and the city see their lines. */
@cn.countyflow.SpringTest
class PlanMonitoringViewsTest extends PlanTestSupport {
    @Autowired ApplicationContext ctx;
    @Autowired PlanProgressService progress;

    private void signIn(String username) {
        cn.countyflow.KaribuSpring.signIn(ctx, user(username));
    }

    @AfterEach
    void tearDown() {
        cn.countyflow.KaribuSpring.tearDown();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aCountyEntersProgressAndTheProvinceAndTheCitySeeTheirAreas() {
        PlanRound round = openRound();
        long xinle = reported(round, "xinle", "装备制造", "sjz_reviewer");
        var summary = compilations.compile(round.getId(), user("hebei_officer"));
        decide(summary.caseId(), "hebei_approver", "APPROVE", null);
        EngineClock.moveTo(Date.from(LocalDate.of(2027, 1, 20).atTime(9, 0).atZone(WorkCalendar.ZONE).toInstant()));

        signIn("xinle_drafter");
        UI.getCurrent().navigate(PlanMonitoringView.class);
        _setValue(_get(ComboBox.class, s -> s.withId("monitoring-round")), round);
        // a county of a city oversees no reports: the per-city lists are not shown to it
        assertThat(_find(Grid.class, s -> s.withId("monitoring-areas"))).isEmpty();
        ComboBox<PlanService.PlanRow> plan = _get(ComboBox.class, s -> s.withId("progress-plan"));
        _setValue(plan, plan.getListDataView().getItems().filter(p -> p.caseId() == xinle).findFirst().orElseThrow());
        _setValue(_get(ComboBox.class, s -> s.withId("progress-period")), "2027-M01");
        _click(_get(Button.class, s -> s.withId("progress-save")));
        BigDecimalField revenue = _get(BigDecimalField.class, s -> s.withId("progress-PLAN_REVENUE"));
        assertThat(revenue.isInvalid()).isTrue();
        assertThat(revenue.getErrorMessage()).isEqualTo("请至少填写一项指标的完成值");
        _setValue(revenue, new BigDecimal("11.5"));
        _click(_get(Button.class, s -> s.withId("progress-save")));
        assertThat(progress.entries(xinle, user("xinle_drafter"))).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualByComparingTo("11.5"));
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("progress-entries")))).isEqualTo(1);
        cn.countyflow.KaribuSpring.tearDown();

        signIn("hebei_officer");
        UI.getCurrent().navigate(PlanMonitoringView.class);
        _setValue(_get(ComboBox.class, s -> s.withId("monitoring-round")), round);
        Grid<PlanMonitoringService.AreaStatus> areas = _get(Grid.class, s -> s.withId("monitoring-areas"));
        assertThat(GridKt._size(areas)).isEqualTo(1);
        assertThat(GridKt._get(areas, 0).areaName()).isEqualTo("石家庄市");
        cn.countyflow.KaribuSpring.tearDown();

        signIn("baoding_reviewer");
        UI.getCurrent().navigate(PlanMonitoringView.class);
        _setValue(_get(ComboBox.class, s -> s.withId("monitoring-round")), round);
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("monitoring-areas")))).isZero();
    }
}
