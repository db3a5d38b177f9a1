package cn.countyflow.evaluation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.countyflow.KaribuSpring;
import cn.countyflow.SpringTest;

/** The evaluation on the case page, beside the city's task, and the recomputed ratios beside the county's own form. */
@SpringTest
class EvaluationViewsTest extends EvaluationTestSupport {
    @Autowired ApplicationContext ctx;

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    @SuppressWarnings("unchecked")
    private static Grid<IndicatorService.Progress> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    @Test
    void casePageTaskPageAndTheRatiosOfADraftComputedAgain() {
        long caseId = subjectCase("130184");
        ProcessInstance pi = startEvaluation(caseId, "MIDTERM");
        var county = user("xinle_drafter");
        // a draft whose ratio a client tampered with: the panel beside the form shows the computed one
        Map<String, Object> draft = selfEvaluation(pi, county);
        @SuppressWarnings("unchecked") var first = (Map<String, Object>) ((List<?>) draft.get("indicators")).get(0);
        first.put("actual", new BigDecimal("3"));
        first.put("ratio", 1);
        work.saveDraft(taskId(pi, "Task_SelfEvaluation"), draft, county);
        KaribuSpring.signIn(ctx, county);
        UI.getCurrent().navigate("tasks/" + taskId(pi, "Task_SelfEvaluation"));
        var entered = grid("evaluation-entered-progress");
        assertThat(GridKt._size(entered)).isEqualTo(4);
        assertThat(GridKt._get(entered, 0).ratio()).isEqualByComparingTo("150.00");
        KaribuSpring.tearDown();

        work.complete(taskId(pi, "Task_SelfEvaluation"), selfEvaluation(pi, county), county);
        KaribuSpring.signIn(ctx, user("sjz_reviewer"));
        UI.getCurrent().navigate("tasks/" + taskId(pi, "Task_CityReview"));
        _get(VerticalLayout.class, s -> s.withId("evaluation-beside-task"));
        assertThat(GridKt._get(grid("evaluation-progress-midterm"), 0).ratio()).isEqualByComparingTo("125.00");
        KaribuSpring.tearDown();

        KaribuSpring.signIn(ctx, county);
        UI.getCurrent().navigate("cases/" + caseId);
        _get(VerticalLayout.class, s -> s.withId("evaluation-section"));
        assertThat(GridKt._size(grid("evaluation-progress-midterm"))).isEqualTo(4);
        KaribuSpring.tearDown();

        // another county's page never shows it (the case page itself refuses)
        KaribuSpring.signIn(ctx, user("zhengding_drafter"));
        try {
            UI.getCurrent().navigate("cases/" + caseId);
        } catch (RuntimeException refused) {
            // the refusal may surface as the error view or as the exception itself
        }
        assertThat(_find(VerticalLayout.class, s -> s.withId("evaluation-section"))).isEmpty();
    }
}
