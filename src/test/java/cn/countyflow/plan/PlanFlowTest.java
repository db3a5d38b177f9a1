package cn.countyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.countyflow.calendar.EngineClock;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseStatus;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.TaskStateException;

/** Every path of a plan and of a round's compilation through TaskWork → PlanTaskHandler, with the real engine and tables. */
@cn.countyflow.SpringTest
class PlanFlowTest extends PlanTestSupport {

    @Test
    void everyCountyOfTheProvinceSeesTheOpenRoundWithItsDeadlinesAndOutline() {
        PlanRound round = openRound();
        assertThat(rounds.roundsFor(user("anxin_drafter"))).extracting(PlanRound::getId).contains(round.getId());
        assertThat(rounds.roundsFor(user("xinji_drafter"))).extracting(PlanRound::getId).contains(round.getId());
        assertThat(round.period()).isEqualTo("2027—2030");
        assertThat(round.getCountyDeadline()).isBefore(round.getCityDeadline());

        var started = plans.start(round.getId(), user("xinle_drafter"));
        CaseDetails c = cases.details(started.caseId(), user("xinle_drafter"));
        assertThat(c.caseType()).isEqualTo("INDUSTRY_PLAN");
        assertThat(c.openTasks()).singleElement().satisfies(t -> {
            assertThat(t.taskId()).isEqualTo(started.draftTaskId());
            assertThat(t.name()).isEqualTo("编制振兴计划");
            // the county deadline is the drafting task's due date
            assertThat(t.due().atZone(EngineClock.ZONE).toLocalDate()).isEqualTo(round.getCountyDeadline());
        });
        Map<String, Object> opened = work.open(started.draftTaskId(), user("xinle_drafter")).data();
        assertThat(opened).containsEntry("countyName", "新乐市").containsEntry("period", "2027—2030")
                .containsEntry("baseYear", 2026).doesNotContainKey("returnReason");
        // a row for every year of the period, ready to fill
        assertThat((List<?>) opened.get("years")).hasSize(4);
    }

    @Test
    void roundNeedsAnOfficerAndSaneDates() {
        assertThatThrownBy(() -> openRound(user("xinle_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> rounds.open(new PlanRoundService.RoundForm("", 2027, 2026, 2028, today().plusDays(5),
                today().plusDays(1), " "), user("hebei_officer")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors())
                        .containsKeys("name", "periodEnd", "baseYear", "cityDeadline", "outline"));
    }

    @Test
    void approvedTheFirstTimeReachesTheProvinceWithTargetsAsIndicatorRows() {
        PlanRound round = openRound();
        long caseId = submitted(round, "xinle_drafter", "数字经济");
        assertThat(task(caseId).name()).isEqualTo("县政府审核签发");
        decide(caseId, "xinle_leader", "APPROVE", null);
        var city = task(caseId);
        assertThat(city.name()).isEqualTo("市政府审定");
        // the city deadline is the city task's due date
        assertThat(city.due().atZone(EngineClock.ZONE).toLocalDate()).isEqualTo(round.getCityDeadline());
        complete(caseId, cityJudgement(Map.of()), "sjz_reviewer");

        assertThat(openTasks(caseId)).isEmpty();
        var detail = plans.detail(caseId, user("hebei_officer"));
        assertThat(detail.plan().status()).isEqualTo(IndustryPlan.Status.REPORTED);
        assertThat(detail.plan().industry()).isEqualTo("数字经济");
        assertThat(cases.get(caseId, user("xinle_drafter")).getTitle()).isEqualTo("新乐市数字经济产业振兴计划（2027—2030年）");
        assertThat(cases.get(caseId, user("xinle_drafter")).getStatus()).isEqualTo(CaseStatus.APPROVED);
        assertThat(detail.reviews()).singleElement().satisfies(r -> {
            assertThat(r.approved()).isTrue();
            assertThat(r.points()).extracting(PlanService.Point::label)
                    .containsExactly("发展目标是否合理", "发展路径是否清晰", "工作手段是否有力", "保障措施是否到位");
        });
        assertThat(detail.argumentation().panel()).contains("李教授（河北工业大学 教授）");
        assertThat(detail.argumentation().minutesName()).isEqualTo("论证纪要.pdf");
        // targets are typed rows: three indicators × four years, with the base-year figures as baseline
        assertThat(detail.targets()).hasSize(12);
        assertThat(detail.targets()).filteredOn(t -> t.indicatorCode().equals("PLAN_REVENUE") && t.year() == 2030)
                .singleElement().satisfies(t -> {
                    assertThat(t.unit()).isEqualTo("亿元");
                    assertThat(t.baseline()).isEqualByComparingTo("120.5");
                    assertThat(t.target()).isEqualByComparingTo("160.5");
                });
        assertThat(cases.decisions(caseId)).extracting(d -> d.getDecision()).containsExactly("SUBMIT", "APPROVE", "APPROVE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"goals", "path", "means", "safeguards"})
    void returnedOnOnePointShowsItOnTheReopenedDraftAndIsResubmitted(String point) {
        PlanRound round = openRound();
        long caseId = submitted(round, "xinle_drafter", "生物医药");
        decide(caseId, "xinle_leader", "APPROVE", null);
        complete(caseId, cityJudgement(Map.of(point, "请补充依据（" + point + "）")), "sjz_reviewer");

        assertThat(cases.get(caseId, user("xinle_drafter")).getStatus()).isEqualTo(CaseStatus.RETURNED);
        var draft = task(caseId);
        assertThat(draft.name()).isEqualTo("编制振兴计划");
        Map<String, Object> reopened = work.open(draft.taskId(), user("xinle_drafter")).data();
        String label = PlanService.pointLabel(switch (point) {
            case "goals" -> "GOALS";
            case "path" -> "PATH";
            case "means" -> "MEANS";
            default -> "SAFEGUARDS";
        });
        assertThat(reopened.get("returnReason").toString()).isEqualTo("【" + label + "】不通过：请补充依据（" + point + "）");
        assertThat(reopened).containsEntry("industry", "生物医药"); // what was entered is kept
        var review = plans.reviews(caseId, user("xinle_drafter")).get(0);
        assertThat(review.approved()).isFalse();
        assertThat(review.points()).filteredOn(p -> !p.passed()).singleElement()
                .satisfies(p -> assertThat(p.label()).isEqualTo(label));

        Map<String, Object> revised = new LinkedHashMap<>(reopened);
        revised.put("shortcomings", "龙头企业带动作用不强，研发投入偏低；已补充依据");
        complete(caseId, revised, "xinle_drafter");
        decide(caseId, "xinle_leader", "APPROVE", null);
        complete(caseId, cityJudgement(Map.of()), "sjz_reviewer");
        var detail = plans.detail(caseId, user("xinle_drafter"));
        assertThat(detail.plan().status()).isEqualTo(IndustryPlan.Status.REPORTED);
        assertThat(detail.revisions()).extracting(PlanService.Revision::revision).containsExactly(1, 2);
        assertThat(detail.data()).doesNotContainKey("returnReason").containsEntry("shortcomings", "龙头企业带动作用不强，研发投入偏低；已补充依据");
        assertThat(detail.reviews()).extracting(PlanService.Review::approved).containsExactly(false, true);
    }

    @Test
    void aFailingPointNeedsItsComment() {
        PlanRound round = openRound();
        long caseId = submitted(round, "xinle_drafter", "丝网");
        decide(caseId, "xinle_leader", "APPROVE", null);
        Map<String, Object> data = cityJudgement(Map.of());
        data.put("means", "FAIL");
        assertThatThrownBy(() -> complete(caseId, data, "sjz_reviewer"))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.getErrors()).containsEntry("meansComment", "不通过的事项须填写意见"));
        assertThat(task(caseId).name()).isEqualTo("市政府审定");
    }

    @Test
    void submissionWithoutArgumentationIsRefusedWithAClearMessage() {
        PlanRound round = openRound();
        long caseId = plans.start(round.getId(), user("xinle_drafter")).caseId();
        Map<String, Object> data = validPlan("数字经济", "xinle_drafter");
        data.remove("argumentation");
        assertThatThrownBy(() -> complete(caseId, data, "xinle_drafter"))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors())
                        .containsEntry("_form", "未登记专家论证，不能报送：请填写论证日期、论证专家组成员、专家论证意见，并上传论证纪要")
                        .containsKeys("argumentation.heldOn", "argumentation.panel", "argumentation.opinions", "argumentation.minutes"));
        assertThat(task(caseId).name()).isEqualTo("编制振兴计划");
        assertThat(plans.detail(caseId, user("xinle_drafter")).revisions()).isEmpty();

        // the minutes alone missing is refused too
        Map<String, Object> noMinutes = validPlan("数字经济", "xinle_drafter");
        ((Map<String, Object>) noMinutes.get("argumentation")).remove("minutes");
        assertThatThrownBy(() -> complete(caseId, noMinutes, "xinle_drafter"))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors())
                        .containsKey("_form").containsEntry("argumentation.minutes", "请上传论证纪要"));
    }

    @Test
    void theDraftNeedsEveryYearOfThePeriodAndTwoOrThreeLeadingEnterprises() {
        PlanRound round = openRound();
        long caseId = plans.start(round.getId(), user("xinle_drafter")).caseId();
        Map<String, Object> data = validPlan("数字经济", "xinle_drafter");
        ((List<?>) data.get("years")).remove(3);
        data.put("leadingEnterprises", List.of(Map.of("name", "唯一一家企业")));
        assertThatThrownBy(() -> complete(caseId, data, "xinle_drafter"))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors())
                        .containsEntry("years", "计划期限（2027—2030年）内每年都须有年度目标，缺少：2030年")
                        .containsEntry("leadingEnterprises", "龙头企业应为2至3家"));
    }

    @Test
    void aCountyDraftsSeveralPlansOnePerIndustry() {
        PlanRound round = openRound();
        submitted(round, "zhengding_drafter", "数字经济");
        submitted(round, "zhengding_drafter", "食品加工");
        long third = plans.start(round.getId(), user("zhengding_drafter")).caseId();
        assertThatThrownBy(() -> complete(third, validPlan("数字经济", "zhengding_drafter"), "zhengding_drafter"))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("industry"));
        assertThat(plans.plansFor(user("zhengding_drafter"))).filteredOn(p -> p.roundId() == round.getId())
                .extracting(PlanService.PlanRow::industry).contains("数字经济", "食品加工");
    }

    @Test
    void leaderReturnCarriesItsReason() {
        PlanRound round = openRound();
        long caseId = submitted(round, "xinle_drafter", "数字经济");
        assertThatThrownBy(() -> decide(caseId, "xinle_leader", "RETURN", null)).isInstanceOf(FieldErrorsException.class);
        decide(caseId, "xinle_leader", "RETURN", "重点项目投资额需与发改部门核对");
        Map<String, Object> reopened = work.open(task(caseId).taskId(), user("xinle_drafter")).data();
        assertThat(reopened).containsEntry("returnReason", "重点项目投资额需与发改部门核对");
    }

    @Test
    void provinceDirectCountySkipsTheCity() {
        PlanRound round = openRound();
        long caseId = submitted(round, "xinji_drafter", "皮革皮具");
        decide(caseId, "xinji_leader", "APPROVE", null);
        assertThat(openTasks(caseId)).isEmpty();
        var detail = plans.detail(caseId, user("hebei_officer"));
        assertThat(detail.plan().status()).isEqualTo(IndustryPlan.Status.REPORTED);
        assertThat(detail.plan().cityCode()).isNull();
        assertThat(detail.reviews()).isEmpty();
    }

    @Test
    void lateCountiesAndCitiesAreListed() {
        PlanRound round = openRound();
        // 新乐 submits in time, but 石家庄 decides after the city deadline
        long inTime = submitted(round, "xinle_drafter", "数字经济");
        decide(inTime, "xinle_leader", "APPROVE", null);
        // 安新 (保定) starts, but submits only after the county deadline
        long late = plans.start(round.getId(), user("anxin_drafter")).caseId();

        EngineClock.moveTo(PlanService.endOfDay(round.getCountyDeadline()).toInstant().plus(Duration.ofHours(10)));
        var mid = plans.overview(round.getId(), user("hebei_officer"));
        assertThat(mid.lateCounties()).extracting(PlanService.LateOffice::name).containsExactly("安新县");
        assertThat(mid.lateCities()).isEmpty();
        complete(late, validPlan("服装", "anxin_drafter"), "anxin_drafter");
        decide(late, "anxin_leader", "APPROVE", null);
        // the late county's plan still gets the city deadline on its city task
        assertThat(task(late).due().atZone(EngineClock.ZONE).toLocalDate()).isEqualTo(round.getCityDeadline());

        EngineClock.moveTo(PlanService.endOfDay(round.getCityDeadline()).toInstant().plus(Duration.ofDays(1)));
        complete(inTime, cityJudgement(Map.of()), "sjz_reviewer");
        var after = plans.overview(round.getId(), user("hebei_officer"));
        // 石家庄 decided late; 保定 has not decided and is past the date
        assertThat(after.lateCities()).extracting(PlanService.LateOffice::name).containsExactly("石家庄市", "保定市");
        assertThat(after.lateCounties()).extracting(PlanService.LateOffice::name).containsExactly("安新县");
        assertThat(after.plans()).extracting(PlanService.PlanRow::countyName).containsExactly("安新县", "新乐市");
    }

    @Test
    void compilationSumsPerCityAndIndustryAndIsApproved() {
        PlanRound round = openRound();
        long a = reported(round, "xinle", "数字经济", "sjz_reviewer");
        long b = reported(round, "zhengding", "数字经济", "sjz_reviewer");
        long c = reported(round, "xinji", "皮革皮具", null);
        submitted(round, "anxin_drafter", "服装"); // not yet reported: not in the compilation

        var summary = compilations.compile(round.getId(), user("hebei_officer"));
        assertThat(summary.status()).isEqualTo("PENDING");
        assertThat(summary.targetYear()).isEqualTo(2030);
        assertThat(summary.lines()).extracting(CompilationService.Line::areaName, CompilationService.Line::industry,
                CompilationService.Line::plans).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("石家庄市", "数字经济", 2),
                        org.assertj.core.groups.Tuple.tuple("辛集市", "皮革皮具", 1));
        assertThat(summary.lines().get(0).baseRevenue()).isEqualByComparingTo("241");
        assertThat(summary.lines().get(0).targetRevenue()).isEqualByComparingTo("321");
        assertThat(summary.lines().get(0).targetAboveScale()).isEqualTo(2 * 53);
        // a second compilation while one is with the approver is refused
        assertThatThrownBy(() -> compilations.compile(round.getId(), user("hebei_officer"))).isInstanceOf(TaskStateException.class);

        long caseId = summary.caseId();
        assertThat(task(caseId).name()).isEqualTo("省政府审定汇总");
        decide(caseId, "hebei_approver", "APPROVE", "同意");
        assertThat(compilations.get(summary.id(), user("hebei_officer")).status()).isEqualTo("APPROVED");
        assertThat(rounds.get(round.getId(), user("hebei_officer")).getStatus()).isEqualTo(PlanRound.Status.COMPILED);
        assertThat(List.of(a, b, c)).allSatisfy(id -> assertThat(plans.detail(id, user("hebei_officer")).plan().status())
                .isEqualTo(IndustryPlan.Status.REPORTED));
    }

    @Test
    void compilationReturnedWithAReasonIsRevisedAndCompiledAgain() {
        PlanRound round = openRound();
        reported(round, "xinle", "数字经济", "sjz_reviewer");
        var summary = compilations.compile(round.getId(), user("hebei_officer"));
        long caseId = summary.caseId();
        assertThatThrownBy(() -> decide(caseId, "hebei_approver", "RETURN", null)).isInstanceOf(FieldErrorsException.class);
        decide(caseId, "hebei_approver", "RETURN", "请将保定市的计划一并汇总");
        assertThat(compilations.get(summary.id(), user("hebei_officer")).status()).isEqualTo("RETURNED");
        var revise = task(caseId);
        assertThat(revise.name()).isEqualTo("修改汇总");
        assertThat(work.open(revise.taskId(), user("hebei_officer")).data()).containsEntry("returnReason", "请将保定市的计划一并汇总");

        // meanwhile 保定's plan arrives; the revision compiles the plans as they are now
        reported(round, "anxin", "服装", "baoding_reviewer");
        complete(caseId, Map.of("note", "已补充保定市计划"), "hebei_officer");
        var again = compilations.get(summary.id(), user("hebei_officer"));
        assertThat(again.status()).isEqualTo("PENDING");
        assertThat(again.lines()).extracting(CompilationService.Line::areaName).containsExactly("石家庄市", "保定市");
        decide(caseId, "hebei_approver", "APPROVE", null);
        assertThat(compilations.ofRound(round.getId(), user("hebei_officer"))).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("APPROVED"));
    }

    @Test
    void compilingNeedsAReportedPlanAndAnOfficer() {
        PlanRound round = openRound();
        assertThatThrownBy(() -> compilations.compile(round.getId(), user("hebei_officer"))).isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> compilations.compile(round.getId(), user("hebei_approver"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> compilations.compile(round.getId(), user("sjz_reviewer"))).isInstanceOf(NotPermittedException.class);
    }
}
