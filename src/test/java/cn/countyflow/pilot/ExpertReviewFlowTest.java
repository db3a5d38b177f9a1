package cn.countyflow.pilot;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.inbox.TaskView;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.review.ApplicationScore;
import cn.countyflow.review.Expert;
import cn.countyflow.review.ExpertPoolService;
import cn.countyflow.review.PanelService;
import cn.countyflow.review.ReviewService;
import cn.countyflow.review.ScoreBoard;
import cn.countyflow.ui.ErrorViews;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;

/**
 * Expert review of a Xinle (新乐市, 石家庄) application with the real engine, delegates, DMN and tables:
 * the draw and its record, scoring, conflict and late replacements, shortfall, aggregation, and who may see what.
 */
@SpringTest
class ExpertReviewFlowTest extends PilotTestSupport {
    static final String SCORING = "专家评审打分";

    @Autowired TaskService taskService;
    @Autowired ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired ExpertPoolService pool;
    @Autowired ReviewService reviews;
    @Autowired ScoreBoard board;
    @Autowired TestRestTemplate http;
    @Autowired ApplicationContext ctx;

    @AfterEach
    void reset() {
        EngineClock.reset();
        cn.countyflow.KaribuSpring.tearDown();
    }

    // ---------------------------------------------------------------- helpers

    PilotBatch batchWithPanel(int panelSize) {
        return batches.open(new PilotBatchService.BatchForm("评审测试批次" + System.nanoTime(), LocalDate.now().getYear(),
                null, LocalDate.now(PilotBatchService.ZONE).plusDays(30), 10, panelSize), user("hebei_officer"));
    }

    /** A Xinle application through sign-off, city screening and the province check (PASS → the draw). */
    long xinleAtReview(int panelSize) {
        long caseId = applications.start(batchWithPanel(panelSize).getId(), user("xinle_drafter")).caseId();
        complete(caseId, validDraft(), "xinle_drafter");
        decide(caseId, "xinle_leader", "APPROVE", null);
        decide(caseId, "sjz_reviewer", "RECOMMEND", "同意推荐");
        decide(caseId, "hebei_officer", "PASS", null);
        return caseId;
    }

    /** How many experts of the pool may sit on 新乐市's (130184, 石家庄 130100) panel right now: the draw's own rules. */
    int eligibleForXinle() {
        Set<String> local = Set.of("130184", "130100");
        return (int) pool.list(user("hebei_officer"), Pageable.unpaged()).stream()
                .filter(e -> e.isActive() && !local.contains(e.getCityCode())
                        && e.getAvoidance().stream().noneMatch(local::contains))
                .count();
    }

    List<CaseDetails.OpenTask> scoring(long caseId) {
        return openTasks(caseId).stream().filter(t -> SCORING.equals(t.name())).toList();
    }

    /** The one who works on a scoring task: its expert, or an officer for an expert without an account. */
    String worker(CaseDetails.OpenTask t) {
        return t.assignee() != null ? t.assignee() : "hebei_officer";
    }

    /** A valid sheet whose total is {@code total}: full marks, less the deficit taken from the items in order. */
    static Map<String, Object> sheet(int total) {
        return ScoreSheets.withTotal(total);
    }

    void scoreAll(long caseId, int... totals) {
        List<CaseDetails.OpenTask> tasks = scoring(caseId);
        assertThat(tasks).hasSize(totals.length);
        for (int i = 0; i < totals.length; i++) {
            work.complete(tasks.get(i).taskId(), sheet(totals[i]), user(worker(tasks.get(i))));
            endSeats(caseId);
        }
    }

    /** A seat's end (and, after the last, the aggregate) is an asynchronous continuation: run it as the executor would. */
    void endSeats(long caseId) {
        cn.countyflow.AsyncJobs.runFor(runtime, management, String.valueOf(caseId));
    }

    Expert addExpert(String name, String city, boolean active, Set<String> avoidance) {
        return pool.create(new ExpertPoolService.ExpertForm(name, "测试单位", city, "测试", active, avoidance, null),
                user("hebei_officer"));
    }

    void deactivate(Expert e) {
        var f = ExpertPoolService.ExpertForm.of(e);
        pool.update(e.getId(), new ExpertPoolService.ExpertForm(f.name(), f.employer(), f.cityCode(), f.specialties(),
                false, f.avoidanceCodes(), f.username()), user("hebei_officer"));
    }

    // ---------------------------------------------------------------- the draw

    @Test
    void fullPanelIsDrawnWithEveryExclusionAndItsSeedRecorded() {
        Expert inactive = addExpert("停用专家", "130500", false, Set.of());
        Expert avoiding = addExpert("回避专家", "130500", true, Set.of("130184"));
        try {
            long caseId = xinleAtReview(5);
            List<CaseDetails.OpenTask> tasks = scoring(caseId);
            assertThat(tasks).hasSize(5).allSatisfy(t -> {
                assertThat(t.assignee()).isNotEqualTo("expert_sjz");
                assertThat(t.due()).isNotNull();
            });
            assertThat(applications.byCase(caseId).orElseThrow().getStatus())
                    .isEqualTo(PilotApplication.Status.UNDER_REVIEW);

            // the seed is shown to admins only (issue 11 point 14)
            assertThat(reviews.review(caseId, user("hebei_officer")).draws()).singleElement()
                    .satisfies(d -> assertThat(d.seed()).isNull());
            ReviewService.CaseReview review = reviews.review(caseId, user("admin"));
            assertThat(review.draws()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo("INITIAL");
                assertThat(d.success()).isTrue();
                assertThat(d.drawn()).hasSize(5);
                assertThat(d.exclusions()).extracting(PanelService.Exclusion::name, PanelService.Exclusion::reason)
                        .contains(org.assertj.core.groups.Tuple.tuple("林海", "本市专家回避"),
                                org.assertj.core.groups.Tuple.tuple("停用专家", "已停用"),
                                org.assertj.core.groups.Tuple.tuple("回避专家", "申报单位回避"));
                // the recorded seed reproduces the recorded panel from the eligible experts
                var excludedIds = d.exclusions().stream().map(PanelService.Exclusion::expertId).toList();
                List<Expert> eligible = pool.list(user("hebei_officer"), Pageable.unpaged()).stream()
                        .filter(e -> !excludedIds.contains(e.getId())).toList();
                assertThat(PanelService.choose(eligible, 5, d.seed()).stream().map(Expert::getId).toList())
                        .isEqualTo(d.drawn().stream().map(PanelService.Drawn::expertId).toList());
            });
        } finally {
            deactivate(avoiding);
        }
        assertThat(inactive.isActive()).isFalse();
    }

    @Test
    void tooSmallAPoolWaitsForTheOfficerWithTheReasonThenDrawsOnceThePoolGrows() {
        long caseId = xinleAtReview(15);
        CaseDetails.OpenTask shortfall = task(caseId);
        assertThat(shortfall.name()).isEqualTo("专家库不足待处理");
        var opened = work.open(shortfall.taskId(), user("hebei_officer"));
        assertThat(opened.data().get("shortfallReason")).asString().startsWith("需 15 名，可用 ").contains("本市专家回避");
        assertThat(reviews.review(caseId, user("hebei_officer")).assignments()).isEmpty();

        PanelService.DrawRecord failed = reviews.review(caseId, user("hebei_officer")).draws().get(0);
        List<Expert> added = new ArrayList<>();
        for (int i = failed.available(); i < 15; i++) added.add(addExpert("补充专家" + i, "130700", true, Set.of()));
        try {
            work.complete(shortfall.taskId(), Map.of("comment", "已补充专家"), user("hebei_officer"));
            assertThat(scoring(caseId)).hasSize(15);
            assertThat(reviews.review(caseId, user("hebei_officer")).draws()).extracting(PanelService.DrawRecord::success)
                    .containsExactly(false, true);
        } finally {
            added.forEach(this::deactivate);
        }
    }

    // ---------------------------------------------------------------- scoring

    @Test
    void aDeclaredConflictRemovesTheExpertAndDrawsAReplacement() {
        long caseId = xinleAtReview(5);
        CaseDetails.OpenTask first = scoring(caseId).stream().filter(t -> t.assignee() != null).findFirst().orElseThrow();
        String expert = first.assignee();
        assertThatThrownBy(() -> work.complete(first.taskId(), Map.of("conflictDeclaration", "CONFLICT"), user(expert)))
                .isInstanceOf(FieldErrorsException.class);
        work.complete(first.taskId(), Map.of("conflictDeclaration", "CONFLICT", "conflictReason", "曾为该县编制规划"),
                user(expert));

        assertThat(scoring(caseId)).hasSize(5).noneMatch(t -> expert.equals(t.assignee()));
        ReviewService.CaseReview review = reviews.review(caseId, user("hebei_officer"));
        assertThat(review.draws()).extracting(PanelService.DrawRecord::kind).containsExactly("INITIAL", "REPLACEMENT");
        assertThat(review.draws().get(1).exclusions()).anyMatch(x -> x.reason().equals("本案已抽取或已回避"));
        assertThat(review.assignments()).anyMatch(a -> a.status().equals("CONFLICT") && expert.equals(a.username()));
        assertThat(cases.decisions(caseId)).anySatisfy(d -> {
            assertThat(d.getDecision()).isEqualTo("CONFLICT");
            assertThat(d.getComment()).isNull();
        });
    }

    @Test
    void scoresAreCheckedAgainstTheDmnItemsAndNeedAComment() {
        long caseId = xinleAtReview(3);
        CaseDetails.OpenTask t = scoring(caseId).get(0);
        CountyFlowUser who = user(worker(t));
        Map<String, Object> over = sheet(90);
        @SuppressWarnings("unchecked") Map<String, Object> scores = (Map<String, Object>) over.get("scores");
        scores.put("industryFocus", 13);
        assertThatThrownBy(() -> work.complete(t.taskId(), over, who)).isInstanceOf(FieldErrorsException.class);
        Map<String, Object> noComment = sheet(90);
        noComment.remove("comment");
        assertThatThrownBy(() -> work.complete(t.taskId(), noComment, who)).isInstanceOf(FieldErrorsException.class)
                .satisfies(e -> assertThat(((FieldErrorsException) e).getErrors()).containsKey("comment"));
        Map<String, Object> missing = sheet(90);
        ((Map<?, ?>) missing.get("scores")).remove("government");
        assertThatThrownBy(() -> work.complete(t.taskId(), missing, who)).isInstanceOf(FieldErrorsException.class);
        assertThat(scoring(caseId)).hasSize(3);

        // a draft can be saved and resumed before submitting
        work.saveDraft(t.taskId(), sheet(77), who);
        assertThat(work.open(t.taskId(), who).data()).containsEntry("conflictDeclaration", "NONE");
    }

    @Test
    void threeExpertsTakeThePlainMeanAndALargeSpreadIsFlagged() {
        long caseId = xinleAtReview(3);
        scoreAll(caseId, 90, 80, 60);
        ApplicationScore score = board.scoreOf(caseId).orElseThrow();
        assertThat(score.expertCount()).isEqualTo(3);
        assertThat(score.trimmed()).isFalse();
        assertThat(score.score()).isEqualByComparingTo("76.67");
        assertThat(score.spread()).isEqualByComparingTo("30");
        assertThat(score.spreadFlagged()).isTrue();
        assertThat(applications.byCase(caseId).orElseThrow().getStatus()).isEqualTo(PilotApplication.Status.SCORED);
        assertThat(openTasks(caseId)).isEmpty(); // waiting for the batch result
        // the called review's end event does not close the case: only the application's own end events may
        assertThat(cases.details(caseId, user("admin")).status()).isEqualTo("IN_PROGRESS");
        // scores and comments stay out of the case history
        assertThat(cases.decisions(caseId)).filteredOn(d -> "SCORED".equals(d.getDecision())).hasSize(3)
                .allSatisfy(d -> assertThat(d.getComment()).isNull());
    }

    @Test
    void fiveExpertsDropTheHighestAndLowestAndASmallSpreadIsNotFlagged() {
        long caseId = xinleAtReview(5);
        scoreAll(caseId, 88, 85, 84, 80, 75);
        ApplicationScore score = board.scoreOf(caseId).orElseThrow();
        assertThat(score.trimmed()).isTrue();
        assertThat(score.expertCount()).isEqualTo(5);
        assertThat(score.score()).isEqualByComparingTo("83.00");
        assertThat(score.spread()).isEqualByComparingTo("13");
        assertThat(score.spreadFlagged()).isFalse();
        assertThat(reviews.review(caseId, user("hebei_officer")).sheets()).hasSize(5);
    }

    @Test
    void aLateExpertAlertsTheOfficerWhoReplacesThem() {
        long caseId = xinleAtReview(3);
        CaseDetails.OpenTask lateOne = scoring(caseId).get(0);
        String pid = taskService.createTaskQuery().taskId(lateOne.taskId()).singleResult().getProcessInstanceId();
        EngineClock.moveTo(Date.from(lateOne.due().plus(Duration.ofHours(1))));
        var timer = management.createJobQuery().processInstanceId(pid).timers().list().stream()
                .filter(j -> Math.abs(j.getDuedate().getTime() - lateOne.due().toEpochMilli()) < 1000).findFirst().orElseThrow();
        management.executeJob(timer.getId());

        assertThat(scoring(caseId)).hasSize(2).noneMatch(t -> t.taskId().equals(lateOne.taskId()));
        CaseDetails.OpenTask late = openTasks(caseId).stream().filter(t -> t.name().equals("专家逾期处理")).findFirst()
                .orElseThrow();
        assertThat(work.open(late.taskId(), user("hebei_officer")).data()).containsKey("expertName");
        assertThatThrownBy(() -> work.complete(late.taskId(), Map.of("lateDecision", "EXTEND"), user("hebei_officer")))
                .isInstanceOf(FieldErrorsException.class);
        work.complete(late.taskId(), Map.of("lateDecision", "REPLACE", "comment", "逾期未评"), user("hebei_officer"));

        assertThat(scoring(caseId)).hasSize(3);
        assertThat(reviews.review(caseId, user("hebei_officer")).assignments())
                .anyMatch(a -> a.status().equals("LATE"));
    }

    // ---------------------------------------------------------------- who sees what

    @Test
    void expertsSeeOnlyTheirOwnTaskAndNobodyButTheProvinceSeesScores() {
        // the whole eligible pool sits, so every expert with an account (five outside 石家庄) is on the panel: a
        // random panel of five could hold only one of them, and this test needs two
        long caseId = xinleAtReview(eligibleForXinle());
        List<CaseDetails.OpenTask> linked = scoring(caseId).stream().filter(t -> t.assignee() != null).toList();
        assertThat(linked).hasSizeGreaterThanOrEqualTo(2);
        CaseDetails.OpenTask mine = linked.get(0);
        CaseDetails.OpenTask theirs = linked.get(1);
        String me = mine.assignee();
        work.complete(theirs.taskId(), sheet(70), user(theirs.assignee()));
        endSeats(caseId);
        // another seat's open task (its expert's, or an officer's for an expert without an account)
        CaseDetails.OpenTask stillOpen = scoring(caseId).stream()
                .filter(t -> !t.taskId().equals(mine.taskId())).findFirst().orElseThrow();

        // TaskWork and CaseFileService
        assertThat(work.open(mine.taskId(), user(me)).data()).isEmpty();
        assertThatThrownBy(() -> work.open(stillOpen.taskId(), user(me))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> work.complete(stillOpen.taskId(), sheet(10), user(me)))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> cases.get(caseId, user("expert_sjz"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> reviews.review(caseId, user(me))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> reviews.review(caseId, user("xinle_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> reviews.review(caseId, user("sjz_reviewer"))).isInstanceOf(NotPermittedException.class);

        // the API
        TestRestTemplate asMe = http.withBasicAuth(me, TestUsers.PASSWORD);
        assertThat(asMe.exchange("/api/tasks/" + mine.taskId(), HttpMethod.GET, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(asMe.exchange("/api/tasks/" + stillOpen.taskId(), HttpMethod.GET, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asMe.getForEntity("/api/review/cases/" + caseId + "/scores", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("expert_sjz", TestUsers.PASSWORD).getForEntity("/api/cases/" + caseId, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("xinle_drafter", TestUsers.PASSWORD)
                .getForEntity("/api/review/cases/" + caseId + "/scores", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        var officer = http.withBasicAuth("hebei_officer", TestUsers.PASSWORD)
                .getForEntity("/api/review/cases/" + caseId + "/scores", String.class);
        assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(officer.getBody()).contains("\"total\":70");
        // the case itself, which the expert may see while assigned, carries no scores or comments
        var caseAsMe = asMe.getForEntity("/api/cases/" + caseId, String.class);
        assertThat(caseAsMe.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(caseAsMe.getBody()).contains("SCORED").doesNotContain("主导产业聚焦，方案可操作")
                .doesNotContain("\"" + theirs.assignee() + "\"");
        // nor does the county learn who is on the panel; the province does
        assertThat(cases.details(caseId, user("xinle_drafter")).openTasks()).extracting(CaseDetails.OpenTask::assignee)
                .allMatch(a -> a == null || a.equals("评审专家"));
        assertThat(cases.details(caseId, user("xinle_drafter")).decisions())
                .noneMatch(d -> d.username().equals(theirs.assignee()));
        assertThat(cases.details(caseId, user("hebei_officer")).openTasks()).extracting(CaseDetails.OpenTask::assignee)
                .contains(me);

        // the UI: my task opens with the application beside the sheet; another expert's task is refused
        signIn(me);
        UI.getCurrent().navigate("tasks/" + mine.taskId());
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(TaskView.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Div.class,
                s -> s.withId("review-application"));
        // the application is rendered only when the expert opens it
        var besides = com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.details.Details.class,
                s -> s.withId("review-application-details"));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(cn.countyflow.forms.RenderedForm.class,
                s -> s.withId("review-application-form"))).isEmpty();
        besides.setOpened(true);
        com.github.mvysny.kaributesting.v10.LocatorJ._get(cn.countyflow.forms.RenderedForm.class,
                s -> s.withId("review-application-form"));
        UI.getCurrent().navigate("tasks/" + stillOpen.taskId());
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isInstanceOf(ErrorViews.Refused.class);
        UI.getCurrent().navigate("cases/" + caseId);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(
                com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("review-section"))).isEmpty();

        // the province sees the draws without their seed; only an admin sees the seed (issue 11 point 14)
        signIn("hebei_officer");
        UI.getCurrent().navigate("cases/" + caseId);
        assertThat(drawColumns()).contains("类型", "排除").doesNotContain("随机种子");
        signIn("admin");
        UI.getCurrent().navigate("cases/" + caseId);
        assertThat(drawColumns()).contains("随机种子");
    }

    private static List<String> drawColumns() {
        com.vaadin.flow.component.grid.Grid<?> draws = com.github.mvysny.kaributesting.v10.LocatorJ._get(
                com.vaadin.flow.component.grid.Grid.class, s -> s.withId("review-draws"));
        assertThat(draws.getThemeNames()).contains("wrap-cell-content");
        return draws.getColumns().stream().map(c -> c.getHeaderText()).toList();
    }

    @Test
    void aSheetEnteredByAnOfficerNamesItsExpertAndTheDecisionPanelHoldsTheSubmit() {
        long caseId = xinleAtReview(eligibleForXinle());
        CaseDetails.OpenTask proxy = scoring(caseId).stream().filter(t -> t.assignee() == null).findFirst().orElseThrow();
        CaseDetails.OpenTask own = scoring(caseId).stream().filter(t -> t.assignee() != null).findFirst().orElseThrow();
        // the experts without an account on this panel: the officer's sheet names one of them
        List<String> withoutAccount = reviews.review(caseId, user("hebei_officer")).assignments().stream()
                .filter(a -> a.username() == null && "ACTIVE".equals(a.status()))
                .map(ReviewService.AssignmentView::expertName).toList();
        assertThat(withoutAccount).isNotEmpty();

        signIn("hebei_officer");
        UI.getCurrent().navigate("tasks/" + proxy.taskId());
        var proxyText = _get(com.vaadin.flow.component.markdown.Markdown.class, s -> s.withId("field-Field_ss0proxy"));
        assertThat(proxyText.isVisible()).isTrue();
        assertThat(proxyText.getContent()).contains("代专家");
        assertThat(withoutAccount).anyMatch(name -> proxyText.getContent().contains(name));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.markdown.Markdown.class,
                s -> s.withId("field-Field_ss0privacy"))).as("仅本人可见 is not said of a sheet an officer enters").isEmpty();
        // the decision (the sheet) and 提交 sit together in one panel that stays in view beside the application
        var panel = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("task-decision-panel"));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(panel, Button.class, s -> s.withId("task-submit")))
                .hasSize(1);
        assertThat(panel.getStyle().get("position")).isEqualTo("sticky");

        signIn(own.assignee());
        UI.getCurrent().navigate("tasks/" + own.taskId());
        assertThat(_get(com.vaadin.flow.component.markdown.Markdown.class, s -> s.withId("field-Field_ss0privacy"))
                .isVisible()).isTrue();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.markdown.Markdown.class,
                s -> s.withId("field-Field_ss0proxy"))).isEmpty();
    }

    @Test
    void officersManageThePoolInTheViewAndNobodyElseMayChangeIt() {
        signIn("hebei_officer");
        UI.getCurrent().navigate("review/experts");
        _click(_get(Button.class, sel -> sel.withId("expert-add")));
        _click(_get(Button.class, sel -> sel.withId("expert-save")));
        TextField name = _get(TextField.class, sel -> sel.withId("expert-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("请填写专家姓名");
        assertThat(_get(TextField.class, sel -> sel.withId("expert-city")).getErrorMessage()).isEqualTo("请选择专家所在市");

        _setValue(name, "界面专家");
        _setValue(_get(TextField.class, sel -> sel.withId("expert-employer")), "河北经贸大学");
        _setValue(_get(TextField.class, sel -> sel.withId("expert-city")), "130500");
        _setValue(_get(TextField.class, sel -> sel.withId("expert-avoidance")), "130184, 130100");
        _setValue(_get(com.vaadin.flow.component.checkbox.Checkbox.class, sel -> sel.withId("expert-active")), false);
        _click(_get(Button.class, sel -> sel.withId("expert-save")));
        MockVaadin.clientRoundtrip();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(TextField.class, sel -> sel.withId("expert-name")))
                .as("the dialog closed after saving").isEmpty();

        Expert saved = pool.list(user("hebei_officer"), Pageable.unpaged()).stream()
                .filter(e -> "界面专家".equals(e.getName())).findFirst().orElseThrow();
        assertThat(saved.getAvoidance()).containsExactlyInAnyOrder("130184", "130100");
        assertThat(saved.isActive()).isFalse();

        var form = new ExpertPoolService.ExpertForm("越权专家", "某单位", "130500", null, true, Set.of(), null);
        for (String who : List.of("expert_bd", "sjz_reviewer", "xinle_drafter", "admin")) {
            assertThatThrownBy(() -> pool.create(form, user(who))).as(who).isInstanceOf(NotPermittedException.class);
        }
        assertThatThrownBy(() -> pool.list(user("expert_bd"), Pageable.unpaged())).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> pool.create(new ExpertPoolService.ExpertForm("账号错", "某单位", "130500", null, true,
                Set.of(), "xinle_drafter"), user("hebei_officer"))).isInstanceOf(FieldErrorsException.class)
                .satisfies(e -> assertThat(((FieldErrorsException) e).getErrors()).containsKey("username"));
        // an expert account of another province cannot be put into Hebei's pool
        users.find("wuhan_expert_t").orElseGet(() -> users.create("wuhan_expert_t", "武汉专家 测试", "demo123", "420100",
                Set.of(cn.countyflow.org.Role.EXPERT)));
        assertThatThrownBy(() -> pool.create(new ExpertPoolService.ExpertForm("外省专家", "某大学", "130500", null, true,
                Set.of(), "wuhan_expert_t"), user("hebei_officer"))).isInstanceOf(FieldErrorsException.class)
                .satisfies(e -> assertThat(((FieldErrorsException) e).getErrors()).containsEntry("username", "关联账号须为本省的评审专家账号"));
    }

    private void signIn(String username) {
        cn.countyflow.KaribuSpring.signIn(ctx, user(username));
    }
}
