package cn.countyflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskWork;

/**
 * How the lists behave at scale: 100,000 cases spread over the counties of Hebei and Hubei, and a few thousand open
 * tasks in the engine. Measures the queries behind the case list (每页 50, with its count) and the inbox for each kind
 * of office. Run with {@code mvn -Pbenchmark test}; prints and writes target/benchmark-results.txt. Not a timed
 * unit test: it reports, it does not pass or fail on time.
 */
@SpringTest
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleBenchmark {
    static final int CASES = 100_000;
    static final int OPEN_PROCESSES = 3_000;
    static final int WARMUP = 5;
    static final int RUNS = 25;

    @Autowired JdbcTemplate jdbc;
    @Autowired OrganisationService organisations;
    @Autowired CaseFileService cases;
    @Autowired TaskWork work;
    @Autowired TestUsers users;
    @Autowired IndicatorService indicators;
    final List<String> results = new ArrayList<>();

    @BeforeAll
    void load() {
        long started = System.nanoTime();
        List<Organisation> counties = organisations.byLevel(OrgLevel.COUNTY);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Organisation county = counties.get(i % counties.size());
            rows.add(new Object[] {i % 3 == 0 ? "PLAN" : "PILOT_APPLICATION", "基准案件 " + i + " " + county.getName(),
                    county.getCode(), county.getReviewingCityCode(), county.getProvinceCode(), "IN_PROGRESS", "县级编制",
                    "bench", now, now});
            if (rows.size() == 5_000) {
                insert(rows);
                rows.clear();
            }
        }
        insert(rows);
        for (int i = 0; i < OPEN_PROCESSES; i++) {
            users.startCheck("基准流程 " + i, i % 2 == 0 ? "130184" : "130123", i % 2 == 0 ? "xinle_drafter" : "zhengding_drafter",
                    i % 10 == 0 ? -1 : 5);
        }
        results.add(String.format(Locale.ROOT, "data: %,d cases, %,d open processes, loaded in %.1f s", CASES, OPEN_PROCESSES,
                (System.nanoTime() - started) / 1e9));
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO case_file (case_type, title, county_code, city_code, province_code, status, "
                + "current_stage, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)", rows);
    }

    private void measure(String what, Supplier<?> query) {
        for (int i = 0; i < WARMUP; i++) query.get();
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        results.add(String.format(Locale.ROOT, "%-58s median %6.1f ms   p95 %6.1f ms   max %6.1f ms", what,
                nanos[RUNS / 2] / 1e6, nanos[(int) (RUNS * 0.95) - 1] / 1e6, nanos[RUNS - 1] / 1e6));
    }

    private void casePage(String label, String username, String text) {
        CountyFlowUser user = users.get(username);
        measure("案件列表 page 1 + count, " + label, () -> cases.search(user, text,
                PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "id"))).getTotalElements());
        measure("案件列表 page 200 + count, " + label, () -> cases.search(user, text,
                PageRequest.of(199, 50, Sort.by(Sort.Direction.DESC, "id"))).getContent().size());
    }

    private void inbox(String label, String username, TaskFilter filter) {
        CountyFlowUser user = users.get(username);
        measure("我的待办 page 1 + count, " + label, () -> work.myTasks(user, filter, 0, 50).size()
                + work.countMyTasks(user, filter));
    }

    @Test
    @Order(1)
    void listsAtScale() throws IOException {
        casePage("省 (河北省, ~57,000 cases)", "hebei_officer", null);
        casePage("市 (石家庄市)", "sjz_reviewer", null);
        casePage("县 (新乐市)", "xinle_drafter", null);
        casePage("省, title filter '新乐'", "hebei_officer", "新乐");
        inbox("县经办人 新乐市 (1,500 tasks)", "xinle_drafter", TaskFilter.none());
        inbox("县经办人 新乐市, overdue only, by due date", "xinle_drafter",
                new TaskFilter(null, null, true, false, TaskFilter.Sort.DUE, true));
        inbox("县经办人 新乐市, case filter '基准流程 12'", "xinle_drafter",
                new TaskFilter(null, "基准流程 12", false, false, TaskFilter.Sort.CREATED, false));
        inbox("市审核人 石家庄市 (no tasks)", "sjz_reviewer", TaskFilter.none());
        CountyFlowUser drafter = users.get("xinle_drafter");
        String firstTask = work.myTasks(drafter, TaskFilter.none(), 0, 1).get(0).id();
        measure("任务详情 (open a task with its form data)", () -> work.open(firstTask, drafter));
        measure("案件详情 (case with history)", () -> cases.details(
                work.myTasks(drafter, TaskFilter.none(), 0, 1).get(0).caseId(), drafter));

        String report = String.join(System.lineSeparator(), results) + System.lineSeparator();
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-results.txt"), report);
    }

    // ---------------------------------------------------------------- indicator comparison (issue 7 §2)

    static final int COMPARE_COUNTIES = 100;
    static final int COMPARE_BATCHES = 10;
    static final int[] COMPARE_YEARS = {2020, 2021, 2022};
    static final String[] INDICATORS = {"MFG_RD_SHARE", "MFG_QUALITY_INDEX", "ENERGY_INTENSITY_DECLINE",
            "TRADITIONAL_UPGRADE", "TALENT", "KEY_WORK_PROGRESS"};

    /**
     * The province's indicator comparison over 100 Hebei counties × 10 batches (1,000 subject cases) × 6 indicators ×
     * 3 years = 18,000 target rows, with current actuals for the first two years (12,000 rows) and an older,
     * no-longer-current actual beside a tenth of them. Appends to target/benchmark-results.txt.
     */
    @Test
    @Order(2)
    void indicatorComparisonAtScale() throws IOException {
        long started = System.nanoTime();
        List<Organisation> hebei = organisations.byLevel(OrgLevel.COUNTY).stream()
                .filter(c -> "130000".equals(c.getProvinceCode())).limit(COMPARE_COUNTIES).toList();
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> caseRows = new ArrayList<>();
        for (int b = 1; b <= COMPARE_BATCHES; b++) {
            for (Organisation county : hebei) {
                caseRows.add(new Object[] {"BENCH_SUBJECT", "指标基准 " + b + " " + county.getName(), county.getCode(),
                        county.getReviewingCityCode(), county.getProvinceCode(), "IN_PROGRESS", "实施中", "bench", now, now});
            }
        }
        insert(caseRows);
        List<Map<String, Object>> subjects = jdbc.queryForList("SELECT id, title, county_code, city_code FROM case_file "
                + "WHERE case_type = 'BENCH_SUBJECT' ORDER BY id");
        List<Object[]> targetRows = new ArrayList<>();
        List<Object[]> actualRows = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> subject : subjects) {
            long id = ((Number) subject.get("id")).longValue();
            String title = (String) subject.get("title");
            String cohort = "BENCH_BATCH:" + title.split(" ")[1];
            for (String indicator : INDICATORS) {
                for (int year : COMPARE_YEARS) {
                    n++;
                    targetRows.add(new Object[] {id, cohort, "130000", subject.get("city_code"), subject.get("county_code"),
                            indicator, year, "%", java.math.BigDecimal.valueOf(5), java.math.BigDecimal.valueOf(10 + n % 7), now});
                    if (year < 2022) {
                        if (n % 10 == 0) {
                            actualRows.add(new Object[] {id, cohort, "130000", subject.get("city_code"), subject.get("county_code"),
                                    indicator, year, java.math.BigDecimal.valueOf(3), "REPORT", "bench-old", false, "bench", now});
                        }
                        actualRows.add(new Object[] {id, cohort, "130000", subject.get("city_code"), subject.get("county_code"),
                                indicator, year, java.math.BigDecimal.valueOf(8 + n % 5), "REPORT", "bench", true, "bench", now});
                    }
                }
            }
        }
        for (int i = 0; i < targetRows.size(); i += 5_000) {
            jdbc.batchUpdate("INSERT INTO indicator_target (subject_case_id, cohort, province_code, city_code, county_code, "
                    + "indicator_code, target_year, unit, baseline, target_value, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    targetRows.subList(i, Math.min(i + 5_000, targetRows.size())));
        }
        for (int i = 0; i < actualRows.size(); i += 5_000) {
            jdbc.batchUpdate("INSERT INTO indicator_actual (subject_case_id, cohort, province_code, city_code, county_code, "
                    + "indicator_code, actual_year, actual_value, source, source_ref, is_current, reported_by, reported_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", actualRows.subList(i, Math.min(i + 5_000, actualRows.size())));
        }
        Integer targetCount = jdbc.queryForObject("SELECT COUNT(*) FROM indicator_target WHERE cohort LIKE 'BENCH_BATCH:%'",
                Integer.class);
        Integer actualCount = jdbc.queryForObject("SELECT COUNT(*) FROM indicator_actual WHERE cohort LIKE 'BENCH_BATCH:%'",
                Integer.class);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "data: %,d subject cases (%d counties x %d batches), %,d target rows, "
                        + "%,d actual rows, loaded in %.1f s", subjects.size(), hebei.size(), COMPARE_BATCHES, targetCount,
                actualCount, (System.nanoTime() - started) / 1e9));
        results.clear();
        CountyFlowUser officer = users.get("hebei_officer");
        CountyFlowUser city = users.get("sjz_reviewer");
        long rows = indicators.compare(officer, "130000", "MFG_RD_SHARE", null, null, PageRequest.of(0, 50)).getTotalElements();
        measure(String.format(Locale.ROOT, "指标对比 page 1 + count, 省, one indicator (%,d rows)", rows),
                () -> indicators.compare(officer, "130000", "MFG_RD_SHARE", null, null, PageRequest.of(0, 50)).getTotalElements());
        measure("指标对比 page 20 + count, 省, one indicator", () -> indicators.compare(officer, "130000", "MFG_RD_SHARE",
                null, null, PageRequest.of(19, 50)).getContent().size());
        measure("指标对比 page 1 + count, 省, one indicator, cohort, year", () -> indicators.compare(officer, "130000",
                "TALENT", "BENCH_BATCH:7", 2021, PageRequest.of(0, 50)).getTotalElements());
        measure("指标对比 page 1 + count, 市 (石家庄市), one indicator", () -> indicators.compare(city, "130000",
                "MFG_RD_SHARE", null, null, PageRequest.of(0, 50)).getTotalElements());
        measure("指标对比 cohorts of the province (filter list)", () -> indicators.cohorts(officer, "130000").size());
        lines.addAll(results);
        String report = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-results.txt"), report, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    // ---------------------------------------------------------------- monitoring (issue 9)

    @Autowired cn.countyflow.monitoring.MonitoringService monitoring;
    @Autowired cn.countyflow.monitoring.StatisticsService statistics;

    static final int ACTIVITY_ROWS = 200_000;
    static final String[] BENCH_ACTIVITIES = {"Task_Draft", "Task_Signoff", "Task_CityScreening", "Task_ProvinceCheck",
            "Call_ExpertReview", "Task_Ranking", "Task_ListApproval", "Timer_Publicity"};

    /**
     * The monitoring list (流程监控) over the same 100,000 cases: page 1 with its count, for admin, province and city,
     * with each kind of filter; the filters' option lists; and stage durations over 200,000 finished activities.
     * The cases get a cohort (20 rounds), one in a thousand an open incident; the 3,000 open processes above give
     * the open-task rows (a tenth of them overdue). Appends to target/benchmark-results.txt.
     */
    @Test
    @Order(3)
    void monitoringAtScale() throws IOException {
        long started = System.nanoTime();
        jdbc.update("UPDATE case_file SET cohort = CONCAT('BENCH_ROUND:', MOD(id, 20)) WHERE created_by = 'bench'");
        jdbc.update("UPDATE case_file SET open_incidents = 1 WHERE created_by = 'bench' AND MOD(id, 1000) = 0");
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        java.util.Random random = new java.util.Random(9);
        for (int i = 0; i < ACTIVITY_ROWS; i++) {
            String province = i % 7 < 4 ? "130000" : "420000";
            rows.add(new Object[] {"bench-act-" + i, "benchProcess", BENCH_ACTIVITIES[i % BENCH_ACTIVITIES.length],
                    "userTask", province, province.equals("130000") ? "130100" : "420100", now,
                    (long) (random.nextDouble() * 30 * 24 * 3600 * 1000L), now});
            if (rows.size() == 5_000) {
                insertActivities(rows);
                rows.clear();
            }
        }
        insertActivities(rows);
        Integer cases = jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Integer.class);
        Integer openTasks = jdbc.queryForObject("SELECT COUNT(*) FROM monitor_task", Integer.class);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "data: %,d cases in all, %,d open-task rows, %,d activity rows, prepared in %.1f s",
                cases, openTasks, ACTIVITY_ROWS, (System.nanoTime() - started) / 1e9));
        results.clear();
        CountyFlowUser admin = users.get("admin");
        CountyFlowUser officer = users.get("hebei_officer");
        CountyFlowUser city = users.get("sjz_reviewer");
        var none = cn.countyflow.monitoring.MonitorFilter.none();
        var byId = PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "id"));
        monitorPage("管理员, no filter (" + String.format(Locale.ROOT, "%,d", monitoring.count(admin, none)) + ")", admin, none, byId);
        monitorPage("省 (河北省, " + String.format(Locale.ROOT, "%,d", monitoring.count(officer, none)) + ")", officer, none, byId);
        monitorPage("市 (石家庄市)", city, none, byId);
        monitorPage("省, state 办理中", officer, filter(null, null, null, cn.countyflow.monitoring.MonitorFilter.State.RUNNING,
                false, null), byId);
        monitorPage("省, state 有故障", officer, filter(null, null, null, cn.countyflow.monitoring.MonitorFilter.State.INCIDENT,
                false, null), byId);
        monitorPage("省, type PLAN + round", officer, filter("PLAN", "BENCH_ROUND:7", null, null, false, null), byId);
        monitorPage("省, overdue only", officer, filter(null, null, null, null, true, null), byId);
        monitorPage("省, stage + created last 30 days", officer, filter(null, null, "县级编制", null, false,
                java.time.LocalDate.now().minusDays(30)), byId);
        monitorPage("管理员, page 200 by created ascending", admin, none,
                PageRequest.of(199, 50, Sort.by(Sort.Direction.ASC, "createdAt")));
        measure("监控 filter lists (case types, rounds, stages), 省", () -> monitoring.caseTypes(officer, Locale.ROOT).size()
                + monitoring.cohorts(officer).size() + monitoring.stages(officer, null).size());
        measure(String.format(Locale.ROOT, "环节耗时 (%,d activity rows), 省, 8 activities", ACTIVITY_ROWS),
                () -> statistics.durations(officer, "benchProcess").activities().size());
        measure("环节耗时, 管理员 (all provinces)", () -> statistics.durations(admin, "benchProcess").activities().size());
        measure("逾期待办 by city + by office, 省", () -> statistics.overdueByCity(officer).size()
                + statistics.overdueByOffice(officer).size());
        lines.addAll(results);
        String report = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-results.txt"), report, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private void monitorPage(String label, CountyFlowUser user, cn.countyflow.monitoring.MonitorFilter f, PageRequest page) {
        measure("监控列表 page + count, " + label, () -> monitoring.list(user, f, page).getContent().size()
                + monitoring.count(user, f));
    }

    private static cn.countyflow.monitoring.MonitorFilter filter(String type, String cohort, String stage,
                                                                 cn.countyflow.monitoring.MonitorFilter.State state,
                                                                 boolean overdue, java.time.LocalDate from) {
        return new cn.countyflow.monitoring.MonitorFilter(type, null, cohort, null, null, stage, state, overdue, from, null, null);
    }

    private void insertActivities(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO monitor_activity (activity_instance_id, process_key, activity_id, activity_type, "
                + "province_code, city_code, started_at, duration_ms, ended_at) VALUES (?,?,?,?,?,?,?,?,?)", rows);
    }
}
