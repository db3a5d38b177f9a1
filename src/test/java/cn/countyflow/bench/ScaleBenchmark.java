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
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
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
}
