package cn.countyflow.reporting;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

import cn.countyflow.KaribuSpring;
import cn.countyflow.SpringTest;
import cn.countyflow.org.Role;
import cn.countyflow.reporting.ui.LateReportsView;

/** The late reports view (逾期报告) and the reports section of the case page, without a browser. */
@SpringTest
class ReportViewsTest extends ReportTestSupport {
    @Autowired ApplicationContext ctx;

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    private long lateReport(String county, String city) {
        long caseId = subjectCase(county, city);
        ProcessInstance pi = startReport(caseId, county, Role.CITY_REVIEWER.groupOf(city), "2020-H2", inDays(-2));
        management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId());
        return reportId(pi);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> rows(Grid<T> grid) {
        List<T> all = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) all.add(GridKt._get(grid, i));
        return all;
    }

    @Test
    @SuppressWarnings("unchecked")
    void provinceSeesCountsPerCountyAndChoosesACountyToListItsLateReports() {
        long anxinReport = lateReport("130632", "130600");
        long jinzhouReport = lateReport("130183", "130100");
        KaribuSpring.signIn(ctx, users.get("hebei_officer"));
        UI.getCurrent().navigate(LateReportsView.class);

        Grid<ReportService.LateCount> counts = _get(Grid.class, s -> s.withId("late-counts"));
        assertThat(rows(counts)).anySatisfy(c -> {
            assertThat(c.countyName()).isEqualTo("安新县");
            assertThat(c.cityName()).isEqualTo("保定市");
            assertThat(c.late()).isPositive();
        });
        Grid<ReportService.ReportSummary> list = _get(Grid.class, s -> s.withId("late-list"));
        assertThat(rows(list)).extracting(ReportService.ReportSummary::id).contains(anxinReport, jinzhouReport);

        ReportService.LateCount anxin = rows(counts).stream().filter(c -> "130632".equals(c.countyCode())).findFirst().orElseThrow();
        counts.asSingleSelect().setValue(anxin);
        assertThat(_get(Span.class, s -> s.withId("late-list-title")).getText()).contains("安新县");
        assertThat(rows(list)).isNotEmpty().allMatch(r -> "130632".equals(r.countyCode()))
                .extracting(ReportService.ReportSummary::id).contains(anxinReport);
    }

    @Test
    @SuppressWarnings("unchecked")
    void cityReviewerSeesOnlyItsCounties() {
        long anxinReport = lateReport("130632", "130600");
        lateReport("130183", "130100");
        KaribuSpring.signIn(ctx, users.get("baoding_reviewer"));
        UI.getCurrent().navigate(LateReportsView.class);
        Grid<ReportService.LateCount> counts = _get(Grid.class, s -> s.withId("late-counts"));
        assertThat(rows(counts)).isNotEmpty().allMatch(c -> "130600".equals(c.cityCode()));
        Grid<ReportService.ReportSummary> list = _get(Grid.class, s -> s.withId("late-list"));
        assertThat(rows(list)).allMatch(r -> "130600".equals(r.cityCode()))
                .extracting(ReportService.ReportSummary::id).contains(anxinReport);
    }

    @Test
    void countyIsNotShownTheLateView() {
        KaribuSpring.signIn(ctx, users.get("xinle_drafter"));
        // Vaadin's access control refuses the view by its annotations (Karibu reports the refusal as an error)
        boolean shown;
        try {
            UI.getCurrent().navigate("reporting/late");
            shown = !_find(Grid.class, s -> s.withId("late-counts")).isEmpty();
        } catch (AssertionError refused) {
            assertThat(refused).hasStackTraceContaining("AccessDeniedException");
            shown = false;
        }
        assertThat(shown).isFalse();
    }

    @Test
    void caseSectionListsTheReportsWithTheirRevisions() {
        long caseId = subjectCase("130184", "130100");
        ProcessInstance pi = startReport(caseId, "130184", Role.CITY_REVIEWER.groupOf("130100"), "2022-H1", inDays(3));
        var drafter = users.get("xinle_drafter");
        var draft = task(pi);
        work.complete(draft.getId(), filled(work.open(draft.getId(), drafter).data(), "上半年工作进展。", 4), drafter);
        KaribuSpring.signIn(ctx, users.get("sjz_reviewer"));
        UI.getCurrent().navigate("cases/" + caseId);
        _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("reporting-reports"));
        Grid<?> grid = _get(Grid.class, s -> s.withId("reporting-reports-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                s -> s.withId("reporting-revision-" + reportId(pi) + "-1"));

        // beside the reviewer's form: the report read-only
        var review = task(pi);
        UI.getCurrent().navigate("tasks/" + review.getId());
        _get(com.vaadin.flow.component.html.Div.class, s -> s.withId("review-report"));
    }
}
