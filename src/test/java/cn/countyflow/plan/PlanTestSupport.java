package cn.countyflow.plan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.calendar.EngineClock;
import cn.countyflow.forms.AttachmentService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskWork;

/** Users, rounds and plan steps for the plan tests; every test opens its own round so tests do not meet. */
abstract class PlanTestSupport {
    private static final AtomicInteger ROUNDS = new AtomicInteger();

    @Autowired UserAccountService users;
    @Autowired PlanRoundService rounds;
    @Autowired PlanService plans;
    @Autowired CompilationService compilations;
    @Autowired CaseFileService cases;
    @Autowired TaskWork work;
    @Autowired AttachmentService attachments;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    CountyFlowUser user(String username) {
        return users.find(username).orElseThrow().withoutPassword();
    }

    /** A user created on first use (Hubei's test users: 枣阳市 under 襄阳市, 仙桃市 province-direct, 湖北省). */
    CountyFlowUser testUser(String username, String orgCode, Role role) {
        return users.find(username).orElseGet(() -> users.create(username, username, "demo123", orgCode, Set.of(role)))
                .withoutPassword();
    }

    static LocalDate today() {
        return LocalDate.now(EngineClock.ZONE);
    }

    /** A round of the officer's province: plans for 2027—2030 on the 2026 base, deadlines in 10 and 20 days. */
    PlanRound openRound(CountyFlowUser officer) {
        int n = ROUNDS.incrementAndGet();
        return rounds.open(new PlanRoundService.RoundForm("县域特色产业振兴计划（测试" + n + "）", 2027, 2030, 2026,
                today().plusDays(10), today().plusDays(20), "一、产业现状\n二、发展目标\n三、重点任务\n四、保障措施"), officer);
    }

    PlanRound openRound() {
        return openRound(user("hebei_officer"));
    }

    /** A complete plan for an industry, its revenue growing from the base by 10 亿元 a year, with its argumentation. */
    Map<String, Object> validPlan(String industry, String uploader) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("industry", industry);
        data.put("cluster", industry + "产业集群");
        data.put("base", new LinkedHashMap<>(Map.of("revenue", 120.5, "enterprises", 300, "aboveScale", 45)));
        List<Map<String, Object>> years = new ArrayList<>();
        for (int y = 2027; y <= 2030; y++) {
            int i = y - 2026;
            years.add(new LinkedHashMap<>(Map.of("year", y, "revenue", 120.5 + 10 * i, "enterprises", 300 + 10 * i,
                    "aboveScale", 45 + 2 * i, "growthRate", 12, "keyWork", y + "年：推进智能化改造（责任单位：县工信局）",
                    "safeguards", "设立产业发展专项资金")));
        }
        data.put("years", years);
        data.put("shortcomings", "龙头企业带动作用不强，研发投入偏低");
        data.put("tasks", List.of(new LinkedHashMap<>(Map.of("task", "建设产业创新中心", "unit", "县科技局", "deadline", "2028-12-31"))));
        data.put("projects", List.of(new LinkedHashMap<>(Map.of("name", "智能制造产业园", "investment", 52000, "start", "2027-03-01",
                "finish", "2029-06-30", "unit", "县发改局"))));
        data.put("leadingEnterprises", List.of(new LinkedHashMap<>(Map.of("name", "河北某某科技有限公司", "revenue", 25)),
                new LinkedHashMap<>(Map.of("name", "河北某某电子有限公司", "revenue", 18))));
        data.put("organisation", new LinkedHashMap<>(Map.of("cityLeader", "副市长 王某", "workTeam", "县长任组长，工信、发改、财政为成员")));
        data.put("argumentation", argumentation(uploader));
        return data;
    }

    Map<String, Object> argumentation(String uploader) {
        byte[] pdf = cn.countyflow.TestPdfs.minimal();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("heldOn", today().minusDays(1).toString());
        a.put("panel", List.of(new LinkedHashMap<>(Map.of("name", "李教授", "title", "河北工业大学 教授")),
                new LinkedHashMap<>(Map.of("name", "赵研究员", "title", "省工业经济研究所 研究员"))));
        a.put("opinions", "目标总体可行，建议细化年度重点项目");
        a.put("minutes", attachments.store("论证纪要.pdf", pdf, uploader).toMap());
        return a;
    }

    List<CaseDetails.OpenTask> openTasks(long caseId) {
        return cases.details(caseId, user("admin")).openTasks();
    }

    CaseDetails.OpenTask task(long caseId) {
        List<CaseDetails.OpenTask> open = openTasks(caseId);
        if (open.size() != 1) throw new AssertionError("expected one open task, got " + open);
        return open.get(0);
    }

    void complete(long caseId, Map<String, Object> data, String username) {
        work.complete(task(caseId).taskId(), data, user(username));
    }

    void complete(long caseId, Map<String, Object> data, CountyFlowUser user) {
        work.complete(task(caseId).taskId(), data, user);
    }

    void decide(long caseId, String username, String decision, String comment) {
        complete(caseId, comment == null ? Map.of("decision", decision) : Map.of("decision", decision, "comment", comment),
                username);
    }

    /** The city's four points: all PASS, except the failing ones (point field → comment). */
    static Map<String, Object> cityJudgement(Map<String, String> failing) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String field : List.of("goals", "path", "means", "safeguards")) {
            data.put(field, failing.containsKey(field) ? "FAIL" : "PASS");
            if (failing.containsKey(field)) data.put(field + "Comment", failing.get(field));
        }
        return data;
    }

    /** A county's plan for an industry, drafted and submitted; returns the case id. */
    long submitted(PlanRound round, String drafter, String industry) {
        long caseId = plans.start(round.getId(), user(drafter)).caseId();
        complete(caseId, validPlan(industry, drafter), drafter);
        return caseId;
    }

    /** Xinle's (新乐市, 石家庄市) plan through the leader's sign-off and the city's approval: reported to the province. */
    long reported(PlanRound round, String county, String industry, String cityReviewer) {
        long caseId = submitted(round, county + "_drafter", industry);
        decide(caseId, county + "_leader", "APPROVE", null);
        if (cityReviewer != null) complete(caseId, cityJudgement(Map.of()), cityReviewer);
        return caseId;
    }
}
