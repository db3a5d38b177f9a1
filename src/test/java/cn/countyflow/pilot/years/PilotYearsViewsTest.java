package cn.countyflow.pilot.years;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;

import cn.countyflow.KaribuSpring;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.ui.BatchesView;
import cn.countyflow.pilot.years.ui.NoticesView;

/** The pilot years on the pages (Karibu): the project case's summary and history, the application's link, the batches page, the notices. */
class PilotYearsViewsTest extends PilotYearsTestSupport {
    @Autowired ApplicationContext ctx;

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    @Test
    void theProjectCasePageShowsTheSummaryAndTheWholeHistoryInTimeOrder() {
        Designated d = designate("xinle_drafter");
        long appCase = d.applications().get(0);
        PilotProject p = projectOf(appCase);
        // the first half-year is over: the county files its report and the city accepts it
        Job period = management.createJobQuery().processInstanceId(processOf(p).getId()).activityId("Timer_PeriodEnd")
                .singleResult();
        EngineClock.moveTo(new Date(period.getDuedate().getTime() + 1000));
        management.executeJob(period.getId());
        EngineClock.reset();
        var report = tasks.createTaskQuery().processDefinitionKey("periodicReport")
                .processInstanceBusinessKey(String.valueOf(p.getCaseId())).singleResult();
        assertThat(report).isNotNull();
        steps.fileReport(p.getCaseId(), "xinle_drafter");
        steps.acceptReport(p.getCaseId(), "sjz_reviewer");
        // the province opens the mid-term early from the batches page
        KaribuSpring.signIn(ctx, user("hebei_officer"));
        UI.getCurrent().navigate(BatchesView.class);
        @SuppressWarnings("unchecked")
        Grid<PilotBatch> batchesGrid = _get(Grid.class, s -> s.withId("batches"));
        int row = rowOf(batchesGrid, d.batch().getId());
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(batchesGrid, row, "scheduleActions");
        _click(_get(actions, Button.class, s -> s.withId("batch-midterm-" + d.batch().getId())));
        steps.passMidterm(p.getCaseId(), "xinle_drafter", "sjz_reviewer");
        KaribuSpring.tearDown();

        KaribuSpring.signIn(ctx, user("xinle_drafter"));
        UI.getCurrent().navigate("cases/" + p.getCaseId());
        assertThat(_get(Anchor.class, s -> s.withId("pilot-project-application")).getHref()).isEqualTo("cases/" + appCase);
        assertThat(_get(Span.class, s -> s.withId("pilot-project-rank")).getText()).isEqualTo("第1名，汇总得分 92.00");
        assertThat(_get(Span.class, s -> s.withId("pilot-project-status")).getText()).isEqualTo("创建中");
        assertThat(_get(Span.class, s -> s.withId("pilot-project-designated")).getText())
                .isEqualTo(p.getDesignatedOn().toString());
        @SuppressWarnings("unchecked")
        Grid<List<?>> targets = _get(Grid.class, s -> s.withId("pilot-project-targets"));
        assertThat(GridKt._size(targets)).isEqualTo(6);

        @SuppressWarnings("unchecked")
        Grid<PilotHistoryService.Entry> grid = _get(Grid.class, s -> s.withId("pilot-history-entries"));
        List<PilotHistoryService.Entry> entries = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            entries.add(GridKt._get(grid, i));
            texts.add(String.join(" | ", GridKt._getFormattedRow(grid, i)));
        }
        // in time order (an outcome right after the decision that caused it)
        assertThat(entries.stream().filter(e -> !e.kind().endsWith("_DONE")).toList())
                .isSortedAccordingTo(java.util.Comparator.comparing(PilotHistoryService.Entry::at));
        assertThat(entries).extracting(PilotHistoryService.Entry::kind).contains("APPLICATION_SUBMITTED", "RANKED",
                "LIST_APPROVED", "PUBLICITY", "DESIGNATED", "DECISION", "MIDTERM_OPENED_EARLY", "MIDTERM_DONE");
        assertThat(entries).as(entries.toString()).extracting(PilotHistoryService.Entry::kind)
                .containsSubsequence("DESIGNATED", "MIDTERM_OPENED_EARLY", "DECISION", "MIDTERM_DONE");
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("提交申报书（第1版）"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("专家评审排名第1名，汇总得分 92.00"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("确定为试点示范县（" + d.batch().getName() + "）"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("填报定期报告"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("审核定期报告"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("省级提前开启中期评估").contains("hebei_officer"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("中期评估结论：").contains("中期评估通过"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("中期评估结论：通过"));
        assertThat(texts).noneSatisfy(t -> assertThat(t).contains("expert_"));

        // the application's page links to its project
        UI.getCurrent().navigate("cases/" + appCase);
        assertThat(_get(Anchor.class, s -> s.withId("pilot-application-project-link")).getHref())
                .isEqualTo("cases/" + p.getCaseId());
    }

    @Test
    void theOfficerSetsTheScheduleOnTheBatchesPageWithFieldErrors() {
        Designated d = designate("jinzhou_drafter");
        KaribuSpring.signIn(ctx, user("hebei_officer"));
        UI.getCurrent().navigate(BatchesView.class);
        @SuppressWarnings("unchecked")
        Grid<PilotBatch> grid = _get(Grid.class, s -> s.withId("batches"));
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(grid, rowOf(grid, d.batch().getId()),
                "scheduleActions");
        _click(_get(actions, Button.class, s -> s.withId("batch-schedule-" + d.batch().getId())));
        IntegerField due = _get(IntegerField.class, s -> s.withId("schedule-due-days"));
        assertThat(due.getValue()).isEqualTo(15);
        _setValue(due, 0);
        _click(_get(Button.class, s -> s.withId("schedule-save")));
        assertThat(due.isInvalid()).isTrue();
        assertThat(due.getErrorMessage()).isEqualTo("报告提交期限应在期末后1至90天之间");
        _setValue(due, 10);
        _click(_get(Button.class, s -> s.withId("schedule-save")));
        assertThat(_find(IntegerField.class, s -> s.withId("schedule-due-days"))).isEmpty();
        assertThat(batches.get(d.batch().getId()).getReportDueDays()).isEqualTo(10);
        assertThat(runtime.getVariable(processOf(projectOf(d.applications().get(0))).getId(), "reportDueDays")).isEqualTo(10);
    }

    @Test
    void noticesAreShownToTheProvinceAndNotToAnotherProvince() {
        Designated d = designate("anxin_drafter");
        projects.openMidterm(d.batch().getId(), user("hebei_officer"));
        PilotProject p = projectOf(d.applications().get(0));
        steps.terminateMidterm(p.getCaseId(), "anxin_drafter", "baoding_reviewer", "终止");
        long id = notices.ofProject(p.getCaseId()).get(0).getId();

        KaribuSpring.signIn(ctx, user("xinle_drafter"));
        UI.getCurrent().navigate(NoticesView.class);
        @SuppressWarnings("unchecked")
        Grid<PilotNotice> grid = _get(Grid.class, s -> s.withId("pilot-notices"));
        List<Long> shown = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) shown.add(GridKt._get(grid, i).getId());
        assertThat(shown).contains(id);
        KaribuSpring.tearDown();

        KaribuSpring.signIn(ctx, hubeiDrafter());
        UI.getCurrent().navigate(NoticesView.class);
        @SuppressWarnings("unchecked")
        Grid<PilotNotice> other = _get(Grid.class, s -> s.withId("pilot-notices"));
        for (int i = 0; i < GridKt._size(other); i++) assertThat(GridKt._get(other, i).getId()).isNotEqualTo(id);
    }

    private static int rowOf(Grid<PilotBatch> grid, long batchId) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).getId() == batchId) return i;
        }
        throw new AssertionError("batch " + batchId + " not on the page");
    }
}
