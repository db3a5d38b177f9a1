package cn.countyflow.pilot.designation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.pilot.PilotBatch;

/** The ranking and publicity pages without a browser (Karibu), with a signed-in user. */
class DesignationViewsTest extends DesignationTestSupport {
    @Autowired ApplicationContext ctx;

    private void signIn(String username) {
        cn.countyflow.KaribuSpring.signIn(ctx, user(username));
    }

    @AfterEach
    void tearDown() {
        cn.countyflow.KaribuSpring.tearDown();
    }

    @Test
    void officerProposesAListWithReasonsForDeviations() {
        PilotBatch batch = openBatch(2);
        List<Long> ids = scoredBatch(batch, "93.00", "89.00", "84.00");
        signIn("hebei_officer");
        UI.getCurrent().navigate("pilot/batches/" + batch.getId() + "/ranking");

        @SuppressWarnings("unchecked")
        Grid<RankingService.Row> grid = _get(Grid.class, s -> s.withId("ranking"));
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(GridKt._get(grid, 0).caseId()).isEqualTo(ids.get(0));
        assertThat(_get(Checkbox.class, s -> s.withId("include-" + ids.get(0))).getValue()).isTrue();
        assertThat(_get(Checkbox.class, s -> s.withId("include-" + ids.get(1))).getValue()).isTrue();
        assertThat(_get(Checkbox.class, s -> s.withId("include-" + ids.get(2))).getValue()).isFalse();

        // swap the second for the third, without reasons first
        _setValue(_get(Checkbox.class, s -> s.withId("include-" + ids.get(1))), false);
        _setValue(_get(Checkbox.class, s -> s.withId("include-" + ids.get(2))), true);
        _click(_get(Button.class, s -> s.withId("list-submit")));
        TextField reason2 = _get(TextField.class, s -> s.withId("reason-" + ids.get(1)));
        TextField reason3 = _get(TextField.class, s -> s.withId("reason-" + ids.get(2)));
        assertThat(reason2.isInvalid()).isTrue();
        assertThat(reason2.getErrorMessage()).contains("前2名之内");
        assertThat(reason3.isInvalid()).isTrue();
        assertThat(designation.listOfBatch(batch.getId())).isEmpty();

        _setValue(reason2, "该县已入选国家级同类试点");
        _setValue(reason3, "传统产业改造升级成效突出");
        _click(_get(Button.class, s -> s.withId("list-submit")));
        BatchList list = designation.listOfBatch(batch.getId()).orElseThrow();
        assertThat(list.getStatus()).isEqualTo(BatchList.Status.PROPOSED);
        assertThat(designation.entries(list.getId())).extracting(BatchListEntry::isIncluded).containsExactly(true, false, true);
        assertThat(_get(Span.class, s -> s.withId("list-status")).getText()).contains("已报送审定");
        assertThat(_find(Button.class, s -> s.withId("list-submit"))).isEmpty();
    }

    @Test
    void theApproverSeesTheListUnderApprovalOnTheTaskItself() {
        PilotBatch batch = openBatch(1);
        List<Long> ids = scoredBatch(batch, "90.00", "80.00");
        // the officer includes the second instead of the first, with a reason for each deviation
        BatchList list = ranking.propose(batch.getId(), new RankingService.Proposal(List.of(
                new RankingService.Choice(ids.get(0), false, "该县存在未整改的审计问题"),
                new RankingService.Choice(ids.get(1), true, "传统产业改造升级成效突出"))), user("hebei_officer"));

        signIn("hebei_approver");
        UI.getCurrent().navigate("tasks/" + task(list.getCaseId()).taskId());
        @SuppressWarnings("unchecked")
        Grid<BatchListEntry> grid = _get(Grid.class, s -> s.withId("pilot-list-entries"));
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).getRank()).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).isIncluded()).isFalse();
        assertThat(GridKt._get(grid, 0).getDeviationReason()).isEqualTo("该县存在未整改的审计问题");
        assertThat(GridKt._get(grid, 1).isIncluded()).isTrue();
        _get(com.vaadin.flow.router.RouterLink.class, s -> s.withId("pilot-list-ranking-link"));
        // and decides beside it
        var panel = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("task-decision-panel"));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(panel, Button.class, s -> s.withId("task-submit")))
                .hasSize(1);
    }

    @Test
    void anyoneSignedInSeesThePublicityAndFilesAnObjection() {
        PilotBatch batch = openBatch(1);
        scoredBatch(batch, "90.00", "70.00");
        BatchList list = ranking.propose(batch.getId(), defaultProposal(batch.getId()), user("hebei_officer"));
        setToday(LocalDate.now(cn.countyflow.pilot.PilotBatchService.ZONE));
        decide(list.getCaseId(), "hebei_approver", Map.of("decision", "APPROVE"));
        long entryId = designation.entries(list.getId()).get(0).getId();

        signIn("jinzhou_drafter");
        UI.getCurrent().navigate("pilot/publicity");
        _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("publicity-list-" + list.getId()));
        _click(_get(Button.class, s -> s.withId("object-" + entryId)));
        TextArea text = _get(TextArea.class, s -> s.withId("objection-text"));
        _setValue(text, "太短");
        _click(_get(Button.class, s -> s.withId("objection-send")));
        assertThat(text.isInvalid()).isTrue();
        _setValue(text, "该县主导产业产值数据与统计公报不一致，请核实。");
        _click(_get(Button.class, s -> s.withId("objection-send")));
        assertThat(_get(Span.class, s -> s.withId("entry-" + entryId)).getText()).contains("待答复异议 1");
    }

    @Test
    void theCountySeesItsOwnResultAndScoreOnItsCasePage() {
        PilotBatch batch = openBatch(1);
        List<Long> ids = scoredBatch(batch, "90.00", "70.00");
        BatchList list = ranking.propose(batch.getId(), defaultProposal(batch.getId()), user("hebei_officer"));
        setToday(LocalDate.of(2026, 11, 20));
        decide(list.getCaseId(), "hebei_approver", Map.of("decision", "APPROVE"));

        signIn("zhengding_drafter");
        UI.getCurrent().navigate("cases/" + ids.get(1));
        assertThat(_get(Span.class, s -> s.withId("pilot-result-outcome")).getText()).isEqualTo("未入选");
        var panel = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("pilot-result"));
        assertThat(panel.getElement().getTextRecursively()).contains("第 2 名").contains("70.00").doesNotContain("专家");
    }
}
