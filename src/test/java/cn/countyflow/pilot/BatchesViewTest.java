package cn.countyflow.pilot;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import cn.countyflow.inbox.TaskView;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.pilot.ui.BatchesView;

/** The batches page without a browser: the province opens a batch, a county starts its application. */
@cn.countyflow.SpringTest
class BatchesViewTest extends PilotTestSupport {
    @Autowired ApplicationContext ctx;

    private void signInAndOpen(String username) {
        signIn(username);
        UI.getCurrent().navigate(BatchesView.class);
    }

    private void signIn(String username) {
        cn.countyflow.KaribuSpring.signIn(ctx, user(username));
    }

    @AfterEach
    void tearDown() {
        cn.countyflow.KaribuSpring.tearDown();
    }

    @Test
    void provinceOfficerOpensABatchWithPerFieldErrorsFirst() {
        signInAndOpen("hebei_officer");
        _click(_get(Button.class, s -> s.withId("batch-new")));
        _setValue(_get(IntegerField.class, s -> s.withId("batch-panel-size")), 2);
        _click(_get(Button.class, s -> s.withId("batch-save")));
        TextField name = _get(TextField.class, s -> s.withId("batch-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("请填写批次名称");
        assertThat(_get(DatePicker.class, s -> s.withId("batch-deadline")).isInvalid()).isTrue();
        assertThat(_get(IntegerField.class, s -> s.withId("batch-panel-size")).getErrorMessage()).contains("3至15");

        _setValue(name, "2019年工业转型升级试点示范县（界面）");
        _setValue(_get(DatePicker.class, s -> s.withId("batch-deadline")), LocalDate.now(PilotBatchService.ZONE).plusDays(10));
        _setValue(_get(IntegerField.class, s -> s.withId("batch-expected")), 8);
        _setValue(_get(IntegerField.class, s -> s.withId("batch-panel-size")), 5);
        _click(_get(Button.class, s -> s.withId("batch-save")));

        @SuppressWarnings("unchecked")
        Grid<PilotBatch> grid = _get(Grid.class, s -> s.withId("batches"));
        boolean found = false;
        for (int i = 0; i < GridKt._size(grid); i++) {
            found |= GridKt._get(grid, i).getName().equals("2019年工业转型升级试点示范县（界面）");
        }
        assertThat(found).isTrue();
        assertThat(batches.openBatchesFor(user("xinle_drafter"))).extracting(PilotBatch::getName)
                .contains("2019年工业转型升级试点示范县（界面）");
    }

    @Test
    void provinceOfficerExtendsABatchGivingTheReasonAtItsField() {
        PilotBatch batch = openBatch();
        signInAndOpen("hebei_officer");
        @SuppressWarnings("unchecked")
        Grid<PilotBatch> grid = _get(Grid.class, s -> s.withId("batches"));
        int row = -1;
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).getId().equals(batch.getId())) row = i;
        }
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) GridKt._getCellComponent(grid, row, "scheduleActions");
        _click(actions.getChildren().filter(c -> c.getId().orElse("").equals("batch-change-" + batch.getId()))
                .map(Button.class::cast).findFirst().orElseThrow());
        LocalDate later = batch.getDeadline().plusDays(7);
        _setValue(_get(DatePicker.class, s -> s.withId("batch-change-deadline")), later);
        _click(_get(Button.class, s -> s.withId("batch-change-save")));
        var reason = _get(com.vaadin.flow.component.textfield.TextArea.class, s -> s.withId("batch-change-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("请填写变更原因");
        assertThat(batches.get(batch.getId()).getDeadline()).isEqualTo(batch.getDeadline());

        _setValue(reason, "国庆假期顺延七天");
        _click(_get(Button.class, s -> s.withId("batch-change-save")));
        assertThat(batches.get(batch.getId()).getDeadline()).isEqualTo(later);
        assertThat(batches.changes(batch.getId(), user("hebei_officer"))).singleElement()
                .satisfies(c -> assertThat(c.getReason()).isEqualTo("国庆假期顺延七天"));
    }

    @Test
    void countyDrafterStartsAnApplicationAndLandsOnTheDraft() {
        PilotBatch batch = openBatch();
        signInAndOpen("xinle_drafter");
        _click(_get(Button.class, s -> s.withId("start-application-" + batch.getId())));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(TaskView.class);
        assertThat(applications.ofCounty(user("xinle_drafter"))).anySatisfy(a -> assertThat(a.getBatchId()).isEqualTo(batch.getId()));
    }

    @Test
    void casePageListsTheRevisionsWithTheirChanges() throws Exception {
        long caseId = xinleSubmitted();
        decide(caseId, "xinle_leader", "RETURN", "请核实人口数据");
        // the drafter resubmits what the reopened form holds, with one correction
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>(
                work.open(task(caseId).taskId(), user("xinle_drafter")).data());
        PilotDrafts.at(data, "overall").put("population", 50.12);
        complete(caseId, data, "xinle_drafter");

        signIn("sjz_reviewer");
        UI.getCurrent().navigate("cases/" + caseId);
        _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("pilot-revisions"));
        var second = _get(com.vaadin.flow.component.details.Details.class, s -> s.withId("pilot-revision-2"));
        assertThat(second.getSummaryText()).contains("第2版").contains("1 处修改");
        _get(com.vaadin.flow.component.details.Details.class, s -> s.withId("pilot-revision-1"));
        second.setOpened(true);
        @SuppressWarnings("unchecked")
        Grid<cn.countyflow.forms.FormDiff.Change> changes = _get(Grid.class, s -> s.withId("pilot-revision-changes-2-0"));
        assertThat(GridKt._size(changes)).isEqualTo(1);
        assertThat(GridKt._get(changes, 0).label()).isEqualTo("总体情况 · 人口");
        // grouped under the section's heading, the field name wraps and has a tooltip rather than being cut
        var group = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("pilot-revision-changes-2"));
        assertThat(_get(group, com.vaadin.flow.component.html.H4.class, s -> s.withText("总体情况")).getClassNames())
                .contains("revision-section");
        assertThat(changes.getThemeNames()).contains("wrap-cell-content");
        assertThat(changes.getColumns().get(0).getTooltipGenerator()).isNotNull();

        // people by name and office, never by account name (issue 11 point 14)
        assertThat(second.getSummaryText()).contains("新乐市经办人 张伟（新乐市）").doesNotContain("xinle_drafter");
        @SuppressWarnings("unchecked")
        Grid<cn.countyflow.workflow.CaseDetails.Decision> history = _get(Grid.class, s -> s.withId("case-history"));
        java.util.List<String> who = new java.util.ArrayList<>();
        for (int i = 0; i < GridKt._size(history); i++) who.add(GridKt._getFormattedRow(history, i).get(2));
        assertThat(who).contains("新乐市经办人 张伟（新乐市）", "新乐市政府负责人 李强（新乐市）")
                .noneMatch(w -> w.contains("xinle_"));
        assertThat(history.getThemeNames()).contains("wrap-cell-content");

        // 打印/下载PDF on the case page: the latest revision, laid out like the paper form (issue 11 point 18)
        var link = _get(com.vaadin.flow.component.html.Anchor.class, s -> s.withId("pilot-application-pdf"));
        assertThat(link.getElement().getTextRecursively()).contains("打印/下载PDF");
        String pdf = PrintPdfTest.textOf(com.github.mvysny.kaributesting.v10.DownloadKt._download(link));
        assertThat(pdf).contains("河北省工业转型升级试点示范县（市、区）申报书", "一、总体情况", "50.12", "第2版");
    }
}
