package cn.countyflow.plan;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import cn.countyflow.inbox.TaskView;
import cn.countyflow.plan.ui.PlanRoundsView;

/** The plan pages without a browser: the province opens a round, a county drafts beside the outline, the overview compiles. */
@cn.countyflow.SpringTest
class PlanViewsTest extends PlanTestSupport {
    @Autowired ApplicationContext ctx;
    @Autowired EscalationService escalations;
    @Autowired PlanMidtermService midterms;

    private void signIn(String username) {
        cn.countyflow.KaribuSpring.signIn(ctx, user(username));
    }

    @AfterEach
    void tearDown() {
        cn.countyflow.KaribuSpring.tearDown();
    }

    @Test
    void theProvinceOpensAPlansMidtermFromItsCasePageAndTheCountySeesWhereItStands() {
        PlanRound round = openRound();
        long caseId = reported(round, "xinle", "智能装备（中期页面）", "sjz_reviewer");
        signIn("xinle_drafter");
        UI.getCurrent().navigate("cases/" + caseId);
        assertThat(_find(Button.class, s -> s.withId("plan-midterm-open"))).as("only the province opens it").isEmpty();

        signIn("hebei_officer");
        UI.getCurrent().navigate("cases/" + caseId);
        _click(_get(Button.class, s -> s.withId("plan-midterm-open")));
        assertThat(midterms.midterms(caseId, user("hebei_officer"))).extracting(PlanMidtermService.Midterm::status)
                .containsExactly("RUNNING");

        signIn("xinle_drafter");
        UI.getCurrent().navigate("cases/" + caseId);
        @SuppressWarnings("unchecked")
        Grid<PlanMidtermService.Midterm> grid = _get(Grid.class, s -> s.withId("plan-midterm-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("进行中");
        // a second one while the first runs is refused with the reason, and nothing starts
        signIn("hebei_officer");
        UI.getCurrent().navigate("cases/" + caseId);
        _click(_get(Button.class, s -> s.withId("plan-midterm-open")));
        assertThat(midterms.midterms(caseId, user("hebei_officer"))).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRevisedPlansCasePageShowsWhatChangedByTheFormsSectionsAndLabels() {
        PlanRound round = openRound();
        long caseId = submitted(round, "xinle_drafter", "新能源（修订对比）");
        decide(caseId, "xinle_leader", "APPROVE", null);
        complete(caseId, cityJudgement(Map.of("goals", "基期营业收入与统计年报不一致")), "sjz_reviewer");
        // the drafter corrects the base year's revenue in the reopened draft and resubmits
        Map<String, Object> revised = new java.util.LinkedHashMap<>(work.open(task(caseId).taskId(), user("xinle_drafter")).data());
        revised.put("base", new java.util.LinkedHashMap<>(Map.of("revenue", 118.2, "enterprises", 300, "aboveScale", 45)));
        complete(caseId, revised, "xinle_drafter");

        signIn("sjz_reviewer");
        UI.getCurrent().navigate("cases/" + caseId);
        _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("plan-revisions"));
        assertThat(_get(com.vaadin.flow.component.details.Details.class, s -> s.withId("plan-revision-1")).getSummaryText())
                .contains("第1版", "首次提交");
        var second = _get(com.vaadin.flow.component.details.Details.class, s -> s.withId("plan-revision-2"));
        // the drafter by name and office, the number of changes
        assertThat(second.getSummaryText()).contains("第2版", "1 处修改", "（新乐市）").doesNotContain("xinle_drafter");
        second.setOpened(true);
        // grouped under the form's section, named "<section> · <field label>" with the old and new value
        var group = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("plan-revision-changes-2"));
        assertThat(_get(group, com.vaadin.flow.component.html.H4.class, s -> s.withText("基期情况")).getClassNames())
                .contains("revision-section");
        Grid<cn.countyflow.forms.FormDiff.Change> changes = _get(Grid.class, s -> s.withId("plan-revision-changes-2-0"));
        assertThat(GridKt._size(changes)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(changes, 0)).containsExactly("基期情况 · 营业收入", "120.5", "118.2");
        // the latest revision still prints from the same panel
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, s -> s.withId("plan-pdf")).getElement()
                .getTextRecursively()).contains("打印/下载PDF");
    }

    @Test
    void officerOpensARoundAndACountyDraftsBesideTheOutline() {
        signIn("hebei_officer");
        UI.getCurrent().navigate(PlanRoundsView.class);
        _click(_get(Button.class, s -> s.withId("round-new")));
        _click(_get(Button.class, s -> s.withId("round-save")));
        TextField name = _get(TextField.class, s -> s.withId("round-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("请填写编制批次名称");
        _setValue(name, "县域特色产业振兴计划（界面）");
        _setValue(_get(DatePicker.class, s -> s.withId("round-county-deadline")), today().plusDays(10));
        _setValue(_get(DatePicker.class, s -> s.withId("round-city-deadline")), today().plusDays(20));
        _click(_get(Button.class, s -> s.withId("round-save")));
        PlanRound round = rounds.roundsFor(user("hebei_officer")).stream()
                .filter(r -> r.getName().equals("县域特色产业振兴计划（界面）")).findFirst().orElseThrow();
        assertThat(round.getOutline()).startsWith("一、产业发展现状");
        cn.countyflow.KaribuSpring.tearDown();

        signIn("xinle_drafter");
        UI.getCurrent().navigate(PlanRoundsView.class);
        _click(_get(Button.class, s -> s.withId("start-plan-" + round.getId())));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(TaskView.class);
        Div outline = _get(Div.class, s -> s.withId("plan-outline"));
        assertThat(outline.getElement().getTextRecursively()).contains("参考提纲").contains("六、龙头企业（2至3家）");
    }

    @Test
    void theCityJudgesBesideThePlanAndTheProvinceCompilesOnTheOverview() {
        PlanRound round = openRound();
        long caseId = submitted(round, "xinle_drafter", "数字经济");
        decide(caseId, "xinle_leader", "APPROVE", null);
        plans.start(round.getId(), user("anxin_drafter"));

        signIn("sjz_reviewer");
        UI.getCurrent().navigate("tasks/" + task(caseId).taskId());
        assertThat(_get(Div.class, s -> s.withId("plan-readonly")).getElement().getTextRecursively()).contains("振兴计划");
        cn.countyflow.KaribuSpring.tearDown();
        complete(caseId, cityJudgement(Map.of()), "sjz_reviewer");

        signIn("hebei_officer");
        UI.getCurrent().navigate("plan/rounds/" + round.getId());
        @SuppressWarnings("unchecked")
        Grid<PlanService.PlanRow> grid = _get(Grid.class, s -> s.withId("round-plans"));
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(_get(Span.class, s -> s.withId("late-counties")).getText()).isEqualTo("逾期提出计划的县：无");
        _click(_get(Button.class, s -> s.withId("compile-round")));
        var summary = compilations.ofRound(round.getId(), user("hebei_officer")).get(0);
        assertThat(_get(Span.class, s -> s.withId("compilation-status-" + summary.id())).getText()).isEqualTo("审定中");
        @SuppressWarnings("unchecked")
        Grid<CompilationService.Line> lines = _get(Grid.class, s -> s.withId("compilation-" + summary.id()));
        assertThat(GridKt._size(lines)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(lines, 0)).contains("石家庄市", "数字经济", "160.50");
        assertThat(_find(Button.class, s -> s.withId("compile-round"))).hasSize(1);

        // the five-step form on the same page: an incomplete step is shown at its fields and nothing is recorded
        _setValue(_get(TextField.class, s -> s.withId("escalation-city")), "130100");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<EscalationService.Step> step =
                _get(com.vaadin.flow.component.select.Select.class, s -> s.withId("escalation-step"));
        _setValue(step, EscalationService.Step.INTERVIEW);
        _click(_get(Button.class, s -> s.withId("escalation-save")));
        DatePicker date = _get(DatePicker.class, s -> s.withId("escalation-date"));
        assertThat(date.isInvalid()).isTrue();
        assertThat(date.getErrorMessage()).isEqualTo("请填写日期");
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("escalations")))).isZero();
        cn.countyflow.KaribuSpring.tearDown();
        byte[] pdf = cn.countyflow.TestPdfs.minimal();
        String reason = "未按时报送月度推进情况（" + round.getId() + "）";
        escalations.record(round.getId(), new EscalationService.StepForm("130100", "WARNING", today(), reason,
                attachments.store("警示函.pdf", pdf, "hebei_officer").id()), user("hebei_officer"));

        signIn("sjz_reviewer");
        UI.getCurrent().navigate(PlanRoundsView.class);
        @SuppressWarnings("unchecked")
        Grid<EscalationService.Recorded> steps = _get(Grid.class, s -> s.withId("escalations"));
        // other tests' rounds may have steps against 石家庄市 too (one shared database): find this round's by its reason
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < GridKt._size(steps); i++) rows.add(String.join(" | ", GridKt._getFormattedRow(steps, i)));
        assertThat(rows).filteredOn(r -> r.contains(reason)).singleElement()
                .satisfies(r -> assertThat(r).contains("石家庄市", "警示", "警示函.pdf"));
    }
}
