package cn.countyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.evaluation.EvaluationService;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;

/**
 * Issue 8 points 8 and 9: a plan's mid-term through the capability targetEvaluation (rectification ordered when the
 * actuals miss the targets), Hebei's key-industry list and Hubei's cluster list through one service driven by each
 * province's variant (lead office, draft form, rooted-industry limit, DMN tiers, yearly assessment and recognition),
 * and the scope refusals between provinces, cities and counties.
 */
@cn.countyflow.SpringTest
class PlanVariantTest extends PlanTestSupport {
    @Autowired PlanVariantService variants;
    @Autowired ClusterListService lists;
    @Autowired PlanMidtermService midterms;
    @Autowired EvaluationService evaluations;
    @Autowired IndicatorService indicators;

    // ---------------------------------------------------------------- point 8: mid-term

    @Test
    void aPlanWhoseActualsMissItsTargetIsOrderedToRectifyAndPassesAfterRectifying() {
        PlanRound round = openRound();
        long caseId = reported(round, "xinle", "智能装备（中期）", "sjz_reviewer");
        CountyFlowUser officer = user("hebei_officer");
        assertThatThrownBy(() -> midterms.start(caseId, user("xinle_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> midterms.start(caseId, user("hubei_officer"))).isInstanceOf(NotPermittedException.class);
        long drafting = plans.start(round.getId(), user("zhengding_drafter")).caseId();
        assertThatThrownBy(() -> midterms.start(drafting, officer)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors().get("_form")).isEqualTo("计划尚未报省，不能开启中期评估"));

        midterms.start(caseId, officer);
        assertThat(midterms.midterms(caseId, user("sjz_reviewer"))).extracting(PlanMidtermService.Midterm::status)
                .containsExactly(PlanMidtermService.RUNNING);
        assertThatThrownBy(() -> midterms.start(caseId, officer)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors().get("_form")).isEqualTo("该计划的中期评估正在进行中"));

        // the county enters the actuals of the plan's targets so far (2027): revenue far below its target
        assertThat(task(caseId).name()).isEqualTo("县级自评");
        Map<String, Object> self = new LinkedHashMap<>(work.open(task(caseId).taskId(), user("xinle_drafter")).data());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : (List<?>) self.get("indicators")) {
            @SuppressWarnings("unchecked") Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) o);
            boolean revenue = "PLAN_REVENUE".equals(row.get("indicatorCode"));
            row.put("actual", revenue ? new BigDecimal("100") : new BigDecimal(row.get("target").toString()));
            rows.add(row);
        }
        assertThat(rows).extracting(r -> r.get("indicatorCode"))
                .containsExactlyInAnyOrder("PLAN_REVENUE", "PLAN_ENTERPRISES", "PLAN_ABOVE_SCALE");
        self.put("indicators", rows);
        Map<String, Object> narrative = new LinkedHashMap<>();
        for (String area : EvaluationService.WORK_AREAS) narrative.put(area, "按振兴计划推进");
        self.put("narrative", narrative);
        complete(caseId, self, "xinle_drafter");
        complete(caseId, Map.of("decision", "PASS"), "sjz_reviewer");
        complete(caseId, Map.of("expertScoring", "NO"), officer);
        var progress = evaluations.evaluationsOf(caseId, officer).get(0).progress().stream()
                .filter(p -> p.indicatorCode().equals("PLAN_REVENUE")).findFirst().orElseThrow();
        assertThat(progress.target()).isEqualByComparingTo("130.5");
        assertThat(progress.ratio()).isEqualByComparingTo("76.63");

        Map<String, Object> rectify = new LinkedHashMap<>();
        rectify.put("conclusion", "RECTIFY");
        rectify.put("comment", "2027年营业收入仅完成目标的76.63%");
        rectify.put("corrections", List.of(Map.of("text", "制定营业收入追赶措施")));
        rectify.put("rectifyDeadline", today().plusDays(60).toString());
        complete(caseId, rectify, officer);
        assertThat(midterms.midterms(caseId, officer)).extracting(PlanMidtermService.Midterm::status)
                .containsExactly(PlanMidtermService.RECTIFYING);
        assertThat(task(caseId).name()).isEqualTo("提交整改报告");

        Map<String, Object> answer = new LinkedHashMap<>(work.open(task(caseId).taskId(), user("xinle_drafter")).data());
        answer.put("corrections", List.of(Map.of("seq", 1, "answer", "已印发追赶方案，新增重点项目3个")));
        answer.put("summary", "已按要求整改");
        complete(caseId, answer, "xinle_drafter");
        complete(caseId, Map.of("decision", "PASS", "comment", "整改到位"), officer);
        assertThat(openTasks(caseId)).isEmpty();
        assertThat(midterms.midterms(caseId, officer)).extracting(PlanMidtermService.Midterm::status).containsExactly("PASSED");
        // another province's staff and another city see nothing of it
        assertThatThrownBy(() -> midterms.midterms(caseId, user("hubei_officer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> midterms.midterms(caseId, user("baoding_reviewer"))).isInstanceOf(NotPermittedException.class);
    }

    // ---------------------------------------------------------------- point 9: Hebei's key-industry list

    @Test
    void hebeisKeyIndustryListAddsAndRemovesWithReasonsAndKeepsTheHistory() {
        CountyFlowUser officer = user("hebei_officer");
        PlanVariantService.Variant hebei = variants.of("130000");
        assertThat(hebei.leadOffice()).isEqualTo("省工业和信息化厅");
        assertThat(hebei.listKind()).isEqualTo(PlanVariantService.ListKind.KEY_INDUSTRIES);
        assertThat(hebei.maxRootedIndustries()).isNull();
        assertThat(hebei.tierDecision()).isNull();

        assertThatThrownBy(() -> lists.add(new ClusterListService.EntryForm("130184", "电线电缆（名单）", null, null, null, "  "), officer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsEntry("reason", "请填写理由"));
        assertThatThrownBy(() -> lists.add(new ClusterListService.EntryForm("420683", "电线电缆（名单）", null, null, null, "理由"), officer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("countyCode"));
        assertThatThrownBy(() -> lists.add(new ClusterListService.EntryForm("130184", "电线电缆（名单）", null, null, null, "理由"),
                user("xinle_drafter"))).isInstanceOf(NotPermittedException.class);

        PlanRound round = openRound();
        long planCase = reported(round, "xinle", "电线电缆（名单）", "sjz_reviewer");
        var added = lists.add(new ClusterListService.EntryForm("130184", "电线电缆（名单）", "新乐市电线电缆产业集群", null,
                planCase, "产业基础好，列入第二批省级重点支持特色产业"), officer);
        assertThat(added.status()).isEqualTo(ClusterListService.LISTED);
        assertThat(added.cityName()).isEqualTo("石家庄市");
        assertThat(lists.ofPlan(planCase, user("xinle_drafter"))).extracting(ClusterListService.Entry::id).containsExactly(added.id());
        assertThatThrownBy(() -> lists.add(new ClusterListService.EntryForm("130184", "电线电缆（名单）", null, null, null, "再次"), officer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors().get("industry")).contains("已在名单中"));
        // Hebei lists when adding: nothing to recognise
        assertThatThrownBy(() -> lists.recognise(added.id(), 2026, "认定", officer)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors().get("_form")).isEqualTo("省级重点支持加快振兴的特色产业增补即列入，无需认定"));

        assertThatThrownBy(() -> lists.remove(added.id(), "", officer)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors()).containsKey("reason"));
        assertThatThrownBy(() -> lists.remove(added.id(), "跨省剔除", user("hubei_officer"))).isInstanceOf(NotPermittedException.class);
        var removed = lists.remove(added.id(), "年度评估连续两年未完成目标", officer);
        assertThat(removed.status()).isEqualTo(ClusterListService.REMOVED);
        assertThat(removed.removedBy()).isEqualTo("hebei_officer");
        assertThat(lists.history(added.id(), user("sjz_reviewer")))
                .extracting(ClusterListService.Change::action, ClusterListService.Change::reason, ClusterListService.Change::changedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ADD", "产业基础好，列入第二批省级重点支持特色产业", "hebei_officer"),
                        org.assertj.core.groups.Tuple.tuple("REMOVE", "年度评估连续两年未完成目标", "hebei_officer"));
        assertThat(lists.list(officer).entries()).extracting(ClusterListService.Entry::id).contains(added.id());
        assertThatThrownBy(() -> lists.remove(added.id(), "再剔除", officer)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors().get("_form")).isEqualTo("该条目已剔除"));
    }

    // ---------------------------------------------------------------- point 9: a Hubei plan through its variant

    @Test
    void aHubeiPlanRunsThroughItsProvincesVariant() {
        PlanVariantService.Variant hubei = variants.of("420000");
        assertThat(hubei.leadOffice()).isEqualTo("省发展和改革委员会");
        assertThat(hubei.officerLabel()).isEqualTo("省发改委经办处室");
        assertThat(hubei.maxRootedIndustries()).isEqualTo(3);
        assertThat(hubei.listKind()).isEqualTo(PlanVariantService.ListKind.CLUSTERS);

        CountyFlowUser officer = user("hubei_officer");
        testUser("laohekou_drafter", "420682", Role.COUNTY_DRAFTER);
        testUser("laohekou_leader", "420682", Role.COUNTY_LEADER);
        PlanRound round = rounds.open(new PlanRoundService.RoundForm("湖北省县域重点产业集群振兴计划（测试）", 2024, 2026, 2023,
                today().plusDays(10), today().plusDays(20), "一、集群现状\n二、发展目标"), officer);

        // the round's draft form is Hubei's, with the rooted-industry field; three rooted industries, the fourth refused
        long first = plans.start(round.getId(), user("laohekou_drafter")).caseId();
        assertThat(work.open(task(first).taskId(), user("laohekou_drafter")).formFile()).isEqualTo("plan/draft-hubei.form");
        complete(first, hubeiPlan("汽车零部件（老河口）", true), "laohekou_drafter");
        for (String industry : List.of("纺织服装（老河口）", "农产品加工（老河口）")) {
            long c = plans.start(round.getId(), user("laohekou_drafter")).caseId();
            complete(c, hubeiPlan(industry, true), "laohekou_drafter");
        }
        long fourth = plans.start(round.getId(), user("laohekou_drafter")).caseId();
        assertThatThrownBy(() -> complete(fourth, hubeiPlan("新材料（老河口）", true), "laohekou_drafter"))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors().get("rootedIndustry"))
                        .isEqualTo("老河口市已确定 3 个根植性主导产业（汽车零部件（老河口）、纺织服装（老河口）、农产品加工（老河口）），"
                                + "本省规定每个县最多 3 个根植性主导产业，不能再将「新材料（老河口）」确定为根植性主导产业"));
        complete(fourth, hubeiPlan("新材料（老河口）", false), "laohekou_drafter"); // not rooted: fine
        assertThat(variants.rootedIndustries("420682")).hasSize(3);
        // Hebei's drafts use the shared form and know no limit
        long hebei = plans.start(openRound().getId(), user("jinzhou_drafter")).caseId();
        assertThat(work.open(task(hebei).taskId(), user("jinzhou_drafter")).formFile()).isEqualTo("plan/draft.form");

        // the 1314 ladder is the DMN table of Hubei's variant; Hebei tiers nothing
        assertThat(variants.tier("420000", new BigDecimal("1200")).code()).isEqualTo("T1000");
        assertThat(variants.tier("420000", new BigDecimal("600")).code()).isEqualTo("T500");
        assertThat(variants.tier("420000", new BigDecimal("300.5")).code()).isEqualTo("T300");
        assertThat(variants.tier("420000", new BigDecimal("300")).code()).isEqualTo("T100");
        assertThat(variants.tier("420000", new BigDecimal("100")).code()).isEqualTo("NONE");
        assertThat(variants.tier("130000", new BigDecimal("1200"))).isNull();

        // through the leader and the city to the province, then a candidate cluster on the rolling list
        decide(first, "laohekou_leader", "APPROVE", null);
        complete(first, cityJudgement(Map.of()), "xiangyang_reviewer");
        assertThatThrownBy(() -> lists.add(new ClusterListService.EntryForm("420682", "汽车零部件（老河口）", null, null, first, "培育"), officer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("revenue"));
        var cluster = lists.add(new ClusterListService.EntryForm("420682", "汽车零部件（老河口）", "老河口市汽车零部件产业集群",
                new BigDecimal("95"), first, "纳入省级县域重点产业集群培育"), officer);
        assertThat(cluster.status()).isEqualTo(ClusterListService.CANDIDATE);
        assertThat(cluster.tier()).isEqualTo("NONE");
        assertThatThrownBy(() -> lists.recognise(cluster.id(), 2025, "成熟认定", officer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors().get("year")).contains("2025 年度评估"));
        assertThatThrownBy(() -> lists.assess(2023, officer)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors().get("year")).contains("2024—2026"));

        // the year's actuals (as the city's annual report records them) and the annual assessment ranks the clusters
        indicators.recordActuals(new IndicatorService.Subject(first, round.cohort(), "420000", "420600", "420682"),
                "REPORT", "annual-test", "laohekou_drafter", List.of(new IndicatorService.Actual("PLAN_REVENUE", 2024, new BigDecimal("105")),
                        new IndicatorService.Actual("PLAN_REVENUE", 2025, new BigDecimal("120"))));
        var ranking = lists.assess(2025, officer);
        var ours = ranking.stream().filter(r -> r.entryId() == cluster.id()).findFirst().orElseThrow();
        assertThat(ours.revenueTarget()).isEqualByComparingTo("115");
        assertThat(ours.revenueActual()).isEqualByComparingTo("120");
        assertThat(ours.completion()).isEqualByComparingTo("104.35");
        assertThat(ours.growth()).isEqualByComparingTo("14.29");
        assertThat(ours.tier()).isEqualTo("T100");
        assertThat(ours.rank()).isNotNull();
        List<Integer> ranks = ranking.stream().map(ClusterListService.Ranked::rank).filter(java.util.Objects::nonNull).toList();
        assertThat(ranks).isSorted();
        // a cluster with no plan's actual for the year (the demo's 潜江 candidate) is listed, unranked, after the ranked
        assertThat(ranking).filteredOn(r -> r.countyCode().equals("429005")).extracting(ClusterListService.Ranked::rank)
                .containsOnlyNulls();
        assertThat(ranking.subList(0, ranks.size())).extracting(ClusterListService.Ranked::rank).doesNotContainNull();

        var recognised = lists.recognise(cluster.id(), 2025, "2025年度评估营业收入超100亿，成熟一个认定一个", officer);
        assertThat(recognised.status()).isEqualTo(ClusterListService.RECOGNISED);
        assertThat(recognised.recognisedYear()).isEqualTo(2025);
        assertThat(recognised.tierLabel()).isEqualTo("超100亿");
        lists.remove(cluster.id(), "2026年滚动调整：主导企业外迁", officer);
        assertThat(lists.history(cluster.id(), officer)).extracting(ClusterListService.Change::action, ClusterListService.Change::year)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ADD", today().getYear()),
                        org.assertj.core.groups.Tuple.tuple("RECOGNISE", 2025),
                        org.assertj.core.groups.Tuple.tuple("REMOVE", today().getYear()));
    }

    /** The draft forms the variants configure are shipped forms (the BPMN's form choice names only its default). */
    @Test
    void everyVariantsDraftFormIsAShippedForm() throws java.io.IOException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (var form : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:forms/**/*.form")) {
            try (var in = form.getInputStream()) {
                ids.add(mapper.readTree(in).path("id").asText());
            }
        }
        assertThat(List.of(variants.of("130000").draftFormId(), variants.of("420000").draftFormId(),
                variants.of("110000").draftFormId())).allSatisfy(id -> assertThat(ids).contains(id));
    }

    // ---------------------------------------------------------------- scope

    @Test
    void listsAreScopedToTheProvinceTheCityAndTheCounty() {
        var hubeiEntry = lists.add(new ClusterListService.EntryForm("420683", "光电子（枣阳范围）", null, new BigDecimal("150"),
                null, "纳入培育"), user("hubei_officer"));
        var hebeiEntry = lists.add(new ClusterListService.EntryForm("130632", "羽绒制品（安新范围）", null, null, null,
                "列入名单"), user("hebei_officer"));

        assertThat(lists.list(user("hubei_officer")).entries()).extracting(ClusterListService.Entry::provinceCode).containsOnly("420000")
                .isNotEmpty();
        assertThat(lists.list(user("hebei_approver")).entries()).extracting(ClusterListService.Entry::provinceCode).containsOnly("130000");
        assertThat(lists.list(user("hebei_approver")).canChange()).isFalse();
        assertThat(lists.list(user("xiangyang_reviewer")).entries()).extracting(ClusterListService.Entry::cityCode).containsOnly("420600")
                .isNotEmpty();
        assertThat(lists.list(user("zaoyang_drafter")).entries()).extracting(ClusterListService.Entry::countyCode).containsOnly("420683")
                .isNotEmpty();
        assertThat(lists.list(user("baoding_reviewer")).entries()).extracting(ClusterListService.Entry::id).contains(hebeiEntry.id())
                .doesNotContain(hubeiEntry.id());
        assertThat(lists.list(user("xinle_drafter")).entries()).extracting(ClusterListService.Entry::id)
                .doesNotContain(hebeiEntry.id(), hubeiEntry.id());

        for (String outsider : List.of("hebei_officer", "sjz_reviewer", "xinle_drafter", "gucheng_drafter", "xiantao_drafter")) {
            assertThatThrownBy(() -> lists.get(hubeiEntry.id(), user(outsider))).as(outsider).isInstanceOf(NotPermittedException.class);
        }
        for (String outsider : List.of("hubei_officer", "xiangyang_reviewer", "zaoyang_drafter", "sjz_reviewer")) {
            assertThatThrownBy(() -> lists.history(hebeiEntry.id(), user(outsider))).as(outsider).isInstanceOf(NotPermittedException.class);
        }
        assertThat(lists.get(hubeiEntry.id(), user("zaoyang_leader")).countyName()).isEqualTo("枣阳市");
        assertThatThrownBy(() -> lists.assessment(2025, user("xiangyang_reviewer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> lists.assess(2025, user("hubei_approver"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> lists.provinceHistory(user("zaoyang_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThat(lists.provinceHistory(user("hubei_approver"))).extracting(ClusterListService.Change::entryId)
                .contains(hubeiEntry.id()).doesNotContain(hebeiEntry.id());
    }

    /** A complete plan for Hubei's 2024—2026 round (base 2023), revenue targets 100, 115 and 130 亿元. */
    private Map<String, Object> hubeiPlan(String industry, boolean rooted) {
        Map<String, Object> data = validPlan(industry, "laohekou_drafter");
        data.put("base", new LinkedHashMap<>(Map.of("revenue", 90, "enterprises", 200, "aboveScale", 30)));
        List<Map<String, Object>> years = new ArrayList<>();
        int[] revenue = {100, 115, 130};
        for (int y = 2024; y <= 2026; y++) {
            years.add(new LinkedHashMap<>(Map.of("year", y, "revenue", revenue[y - 2024], "enterprises", 200 + 10 * (y - 2023),
                    "aboveScale", 30 + 2 * (y - 2023), "growthRate", 12, "keyWork", y + "年：推进集群链式发展（责任单位：市发改局）",
                    "safeguards", "设立集群发展专项资金")));
        }
        data.put("years", years);
        data.put("rootedIndustry", rooted);
        return data;
    }
}
