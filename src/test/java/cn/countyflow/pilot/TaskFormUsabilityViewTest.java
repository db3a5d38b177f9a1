package cn.countyflow.pilot;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

import cn.countyflow.inbox.InboxView;
import cn.countyflow.inbox.TaskView;
import cn.countyflow.workflow.TaskSummary;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The long form as a county drafter uses it (issue 11): every error in one round, listed with links; what was typed
 * kept after a failed submit; autosave and the question before leaving; a returned task marked in the inbox and
 * explained at the top of the reopened form.
 */
@cn.countyflow.SpringTest
class TaskFormUsabilityViewTest extends PilotTestSupport {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(WorkCalendar.ZONE);

    @Autowired ApplicationContext ctx;
    @Autowired Clock clock;

    @AfterEach
    void tearDown() {
        cn.countyflow.KaribuSpring.tearDown();
    }

    private String startDraft() {
        long caseId = applications.start(openBatch().getId(), user("xinle_drafter")).caseId();
        return task(caseId).taskId();
    }

    private void openTask(String username, String taskId) {
        cn.countyflow.KaribuSpring.signIn(ctx, user(username));
        UI.getCurrent().navigate("tasks/" + taskId);
    }

    private static boolean onTaskView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0) instanceof TaskView;
    }

    @Test
    void aFailedSubmitListsFieldAndBusinessErrorsTogetherAndKeepsTheDraft() {
        String taskId = startDraft();
        openTask("xinle_drafter", taskId);
        // the lists open without starter rows, so the untouched 申报书 does not drown in "required" rows
        assertThat(_find(TextField.class, s -> s.withId("field-leadingIndustries-0-name"))).isEmpty();
        _get(Button.class, s -> s.withId("add-leadingIndustries"));

        _setValue(_get(BigDecimalField.class, s -> s.withId("field-overall-primaryShare")), new BigDecimal("10"));
        _setValue(_get(BigDecimalField.class, s -> s.withId("field-overall-secondaryShare")), new BigDecimal("20"));
        _setValue(_get(BigDecimalField.class, s -> s.withId("field-overall-tertiaryShare")), new BigDecimal("30"));
        _click(_get(Button.class, s -> s.withId("add-leadingIndustries")));  // a row added and left empty
        _click(_get(Button.class, s -> s.withId("task-submit")));

        assertThat(onTaskView()).isTrue();
        // the field rule (contact required) and the business rule (shares add up to 100) in the same round
        assertThat(_get(Button.class, s -> s.withId("error-link-contactName")).getText()).contains("请填写此项");
        assertThat(_get(Button.class, s -> s.withId("error-link-overall-tertiaryShare")).getText())
                .contains("一、二、三产业比重之和应为100%（现为60%）");
        assertThat(_get(Span.class, s -> s.withId("form-error-count")).getText()).startsWith("有 ");
        // the empty row was dropped, not flagged
        assertThat(_find(Button.class, s -> s.withId("error-link-leadingIndustries-0-name"))).isEmpty();
        assertThat(_find(TextField.class, s -> s.withId("field-leadingIndustries-0-name"))).isEmpty();

        // what was typed is the saved draft now, and the page says so
        var reopened = work.open(taskId, user("xinle_drafter"));
        assertThat(reopened.draftSavedAt()).isNotNull();
        assertThat(new BigDecimal(PilotDrafts.at(reopened.data(), "overall").get("primaryShare").toString()))
                .isEqualByComparingTo("10");
        assertThat(_get(Span.class, s -> s.withId("task-draft-status")).getText()).contains("已保存为草稿");
    }

    @Test
    void editsSaveThemselvesAndLeavingWithUnsavedChangesAsksFirst() {
        String taskId = startDraft();
        openTask("xinle_drafter", taskId);
        _setValue(_get(TextField.class, s -> s.withId("field-contactName")), "王芳");

        // the minute's poll saves the draft
        UI ui = UI.getCurrent();
        assertThat(ui.getPollInterval()).isEqualTo(60_000);
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        assertThat(_get(Span.class, s -> s.withId("task-draft-status")).getText())
                .isEqualTo("已自动保存 " + HH_MM.format(clock.instant()));
        assertThat(work.open(taskId, user("xinle_drafter")).data()).containsEntry("contactName", "王芳");

        // nothing unsaved: leaving does not ask
        _setValue(_get(TextField.class, s -> s.withId("field-contactName")), "王芳芳");
        ui.navigate(InboxView.class);
        assertThat(onTaskView()).isTrue();
        ConfirmDialog ask = _get(ConfirmDialog.class, s -> s.withId("leave-dialog"));
        assertThat(ask.isOpened()).isTrue();
        // 保存草稿并离开
        ask.getElement().getNode(); // opened dialog is attached to the UI
        ComponentUtil.fireEvent(ask, new ConfirmDialog.ConfirmEvent(ask, false));
        assertThat(onTaskView()).isFalse();
        assertThat(work.open(taskId, user("xinle_drafter")).data()).containsEntry("contactName", "王芳芳");
    }

    @Test
    void aReturnedTaskIsMarkedInTheInboxAndSaysWhoReturnedItWhenAndWhy() {
        long caseId = xinleSubmitted();
        decide(caseId, "xinle_leader", "RETURN", "请补充主导产业的重点企业数据");
        String taskId = task(caseId).taskId();

        cn.countyflow.KaribuSpring.signIn(ctx, user("xinle_drafter"));
        UI.getCurrent().navigate(InboxView.class);
        // the case's own row: the suite's other tests leave the same drafter dozens of tasks in this database
        _setValue(_get(TextField.class, s -> s.withId("filter-case")), cases.get(caseId, user("xinle_drafter")).getTitle());
        @SuppressWarnings("unchecked")
        Grid<TaskSummary> grid = _get(Grid.class, s -> s.withId("inbox-grid"));
        Span badge = null;
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).id().equals(taskId)) {
                var cell = GridKt._getCellComponent(grid, i, "NAME");
                badge = (Span) cell.getChildren().filter(c -> c.getId().orElse("").equals("returned-" + taskId))
                        .findFirst().orElseThrow();
            }
        }
        assertThat(badge).as("the returned task's row").isNotNull();
        assertThat(badge.getText()).isEqualTo("退回");
        assertThat(badge.getElement().getAttribute("title")).contains("李强").contains("请补充主导产业的重点企业数据");

        UI.getCurrent().navigate("tasks/" + taskId);
        VerticalLayout banner = _get(VerticalLayout.class, s -> s.withId("task-returned"));
        assertThat(banner.getElement().getTextRecursively()).contains("新乐市政府负责人 李强").contains("退回");
        assertThat(_get(Span.class, s -> s.withId("task-returned-reason")).getText())
                .isEqualTo("退回理由：请补充主导产业的重点企业数据");

        // a task opened without a return carries no badge
        String fresh = startDraftIn();
        assertThat(work.open(fresh, user("xinle_drafter"))).isNotNull();
        UI.getCurrent().navigate("tasks/" + fresh);
        assertThat(_find(VerticalLayout.class, s -> s.withId("task-returned"))).isEmpty();
    }

    private String startDraftIn() {
        return startDraft();
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> none() {
        return Map.of();
    }
}
