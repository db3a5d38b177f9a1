package cn.countyflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.TestPdfs;
import cn.countyflow.forms.AttachmentService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.PilotDrafts;
import cn.countyflow.pilot.ScoreSheets;
import cn.countyflow.review.Expert;
import cn.countyflow.review.ExpertPoolService;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskWork;

/**
 * CountyFlow beside the engine it runs on (issue 12), over HTTP, on MariaDB with the {@code mysql} profile: the
 * application as it runs in production (job executor and deadline sweep on, no test profile) on a fresh database of
 * the server {@code .ci/run} starts. Data is loaded through the services ({@link CaseFileService#start},
 * {@link TaskWork#complete}); each figure interleaves CountyFlow's request and Camunda's {@code /engine-rest} request
 * for the same user's tasks, one after the other, so both see the same data and the same load on the machine.
 * <p>
 * {@code mvn -Pbenchmark verify} (Failsafe; not part of {@code mvn test}). Writes {@code target/benchmark-results.md}.
 * Sizes: {@code -Dbenchmark.small} (1,000 open tasks) and {@code -Dbenchmark.large} (10,000), a tenth of them in the
 * groups of one city (石家庄市, user {@code sjz_reviewer}); {@code -Dbenchmark.samples} (200) per figure.
 */
@Tag("benchmark")
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
class EngineComparisonBenchmarkIT {
    private static final int SMALL = Integer.getInteger("benchmark.small", 1_000);
    private static final int LARGE = Integer.getInteger("benchmark.large", 10_000);
    private static final int SAMPLES = Integer.getInteger("benchmark.samples", 200);
    private static final int LOADERS = Integer.getInteger("benchmark.loaders", 8);
    private static final int WARM_UP = 20;
    /** Blocks per side of the completions in parallel, taken in turn. */
    private static final int PARALLEL_ROUNDS = 8;
    private static final int PAGE = 50;
    private static final String CITY = "130100";
    private static final String CITY_USER = "sjz_reviewer";
    /** 石家庄市's counties with demo drafters: they submit the tenth that goes on to the city's review. */
    private static final List<String> CITY_COUNTIES = List.of("130184", "130123", "130183");
    private static final Map<String, String> DRAFTER = Map.of("130184", "xinle_drafter", "130123", "zhengding_drafter",
            "130183", "jinzhou_drafter");
    private static final String PASSWORD = "demo123";
    /** Full pilot paths per side (the figure's samples), after PATH_WARM_UP each. */
    private static final int PATHS = Integer.getInteger("benchmark.paths", SAMPLES);
    private static final int PATH_WARM_UP = 10;
    /** Historic (finished) cases written for the dashboard and the case lists at the large stage. */
    private static final int HISTORIC = Integer.getInteger("benchmark.historic", 100_000);
    private static final String BENCH_PASSWORD = "Bench#2026pw";

    private static String database;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        database = MariaDb.registerFresh(registry);
    }

    @LocalServerPort int port;
    @Autowired CaseFileService cases;
    @Autowired TaskWork work;
    @Autowired UserAccountService users;
    @Autowired OrganisationService organisations;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired PilotBatchService batches;
    @Autowired ExpertPoolService pool;
    @Autowired AttachmentService attachments;

    private final Map<String, HttpClient> clients = new LinkedHashMap<>();
    private final StringBuilder log = new StringBuilder();
    private final Map<String, Double> figures = new LinkedHashMap<>();
    private int started;
    private final AtomicInteger titles = new AtomicInteger();

    @Test
    void countyFlowBesideTheEngine() throws Exception {
        Instant begun = Instant.now();
        String loadBefore = BenchmarkMachine.loadAverage();
        List<String> counties = organisations.byLevel(OrgLevel.COUNTY).stream().map(Organisation::getCode)
                .filter(c -> c.startsWith("13") || c.startsWith("42")).filter(c -> !c.startsWith("1301")).toList();
        CountyFlowUser reviewer = users.find(CITY_USER).orElseThrow();
        String groups = json.writeValueAsString(reviewer.groups());

        // sessions: a first /api request with HTTP Basic stores the sign-in in the session; later requests carry its
        // cookie (and the same Basic header, which Spring Security then does not check again). /engine-rest reads the
        // same session: without it every engine request would pay BCrypt, which /api would not.
        get(CITY_USER, "/api/tasks?page=0&size=1");
        get("admin", "/api/tasks?page=0&size=1");

        long t0 = System.nanoTime();
        load(SMALL, counties);
        double loadSmall = (System.nanoTime() - t0) / 1e9;
        figures.put("cases.1k", (double) caseCount());
        measureStage("1k", reviewer, groups);

        t0 = System.nanoTime();
        writeHistoricCases();
        double loadHistoric = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        load(LARGE, counties);
        double loadLarge = (System.nanoTime() - t0) / 1e9;
        figures.put("cases.10k", (double) caseCount());
        measureStage("10k", reviewer, groups);
        measureCompletion(reviewer);
        measureDashboard();
        measureFullPath();

        write(begun, loadBefore, loadSmall, loadLarge, loadHistoric);
        assertThat(figures).containsKeys("inbox.cf.p95.1k", "inbox.cf.p95.10k", "open.cf.p95.10k", "complete.cf.seq",
                "dashboard.cf.p95.province", "path.cf.p50.full", "statements.cf");
    }

    // ---------------------------------------------------------------- data, through the services

    /** Opens platform-check cases until {@code open} tasks are open, a tenth of them at 石家庄市's review. */
    private void load(int open, List<String> counties) throws Exception {
        int toCity = open / 10 - cityTasks();
        int toCounty = open - openTasks() - toCity;
        CountyFlowUser admin = users.find("admin").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
        List<Future<?>> jobs = new ArrayList<>();
        Date due = Date.from(Instant.now().plus(60, ChronoUnit.DAYS));
        for (int i = 0; i < toCity; i++) {
            String county = CITY_COUNTIES.get(i % CITY_COUNTIES.size());
            jobs.add(pool.submit(() -> {
                CaseFile c = cases.start("PLATFORM_CHECK", "基准测试-市级-" + titles.incrementAndGet(), county,
                        "platformCheck", Map.of("deadline", due), admin);
                CountyFlowUser drafter = users.find(DRAFTER.get(county)).orElseThrow();
                String task = jdbc.queryForObject("SELECT task_id FROM inbox_task WHERE case_id = ?", String.class, c.getId());
                work.complete(task, Map.of("title", "基准测试材料"), drafter);
                return null;
            }));
        }
        for (int i = 0; i < toCounty; i++) {
            String county = counties.get((started + i) % counties.size());
            jobs.add(pool.submit(() -> cases.start("PLATFORM_CHECK", "基准测试-县级-" + titles.incrementAndGet(), county,
                    "platformCheck", Map.of("deadline", due), admin)));
        }
        started += toCounty;
        for (Future<?> job : jobs) job.get();
        pool.shutdown();
        assertThat(openTasks()).isGreaterThanOrEqualTo(open);
        assertThat(cityTasks()).isGreaterThanOrEqualTo(open / 10);
        line("loaded: %d open tasks, %d of them at 石家庄市's review", openTasks(), cityTasks());
    }

    private int openTasks() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Integer.class);
    }

    private int cityTasks() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK WHERE GROUP_ID_ = ? AND TASK_ID_ IS NOT NULL",
                Integer.class, "city_reviewer_" + CITY);
    }

    private int caseCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Integer.class);
    }

    /**
     * Ten earlier batches' finished applications and plans over the counties of Hebei and Hubei, written as rows of
     * {@code case_file} (what the dashboard and the case lists read): running 100,000 cases through the engine would
     * take about 40 minutes on this machine. Their processes are long over, so the engine holds nothing of them.
     */
    private void writeHistoricCases() {
        List<Organisation> all = organisations.byLevel(OrgLevel.COUNTY).stream()
                .filter(c -> c.getProvinceCode().equals("130000") || c.getProvinceCode().equals("420000")).toList();
        String[][] stages = {{"已批准", "APPROVED"}, {"未入选", "REJECTED"}, {"已退回", "RETURNED"}, {"已结束", "APPROVED"}};
        Timestamp when = Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < HISTORIC; i++) {
            Organisation county = all.get(i % all.size());
            String[] stage = stages[(i / all.size()) % stages.length];
            rows.add(new Object[] {i % 3 == 0 ? "PLAN" : "PILOT_APPLICATION", "历史案件 " + i + " " + county.getName(),
                    county.getCode(), county.isProvinceDirect() ? null : county.getReviewingCityCode(),
                    county.getProvinceCode(), stage[1], stage[0], "PILOT_BATCH:" + (90_001 + i % 10), "bench", when, when});
            if (rows.size() == 5_000) {
                insertCases(rows);
                rows.clear();
            }
        }
        insertCases(rows);
        line("written: %,d historic cases (case_file rows; %,d cases in all)", HISTORIC, caseCount());
    }

    private void insertCases(List<Object[]> rows) {
        if (rows.isEmpty()) return;
        jdbc.batchUpdate("INSERT INTO case_file (case_type, title, county_code, city_code, province_code, status, "
                + "current_stage, cohort, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows);
    }

    // ---------------------------------------------------------------- figures

    private void measureStage(String stage, CountyFlowUser reviewer, String groups) throws Exception {
        String orQuery = "{\"orQueries\":[{\"assignee\":\"" + reviewer.username() + "\",\"candidateGroups\":" + groups
                + "}],\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
        String countQuery = "{\"orQueries\":[{\"assignee\":\"" + reviewer.username() + "\",\"candidateGroups\":" + groups + "}]}";
        // the same tasks on both sides
        JsonNode page = json.readTree(get(CITY_USER, "/api/tasks?page=0&size=" + PAGE));
        long engineCount = json.readTree(post("admin", "/engine-rest/task/count", countQuery)).get("count").asLong();
        assertThat(page.get("total").asLong()).isEqualTo(engineCount);
        line("stage %s: %s sees %d tasks (CountyFlow) / %d (engine)", stage, CITY_USER, page.get("total").asLong(), engineCount);

        List<Double> cf = new ArrayList<>();
        List<Double> engine = new ArrayList<>();
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            double a = time(() -> get(CITY_USER, "/api/tasks?page=0&size=" + PAGE));
            double b = time(() -> {
                post("admin", "/engine-rest/task?firstResult=0&maxResults=" + PAGE, orQuery);
                return post("admin", "/engine-rest/task/count", countQuery);
            });
            if (i >= WARM_UP) {
                cf.add(a);
                engine.add(b);
            }
        }
        record("inbox", stage, cf, engine);

        List<String> ids = new ArrayList<>();
        page.get("items").forEach(t -> ids.add(t.get("id").asText()));
        cf.clear();
        engine.clear();
        long bytes = 0;
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            String id = ids.get(i % ids.size());
            long[] size = new long[1];
            double a = time(() -> {
                String body = get(CITY_USER, "/api/tasks/" + id);
                size[0] = body.getBytes(StandardCharsets.UTF_8).length;
                return body;
            });
            double b = time(() -> {
                get("admin", "/engine-rest/task/" + id);
                return get("admin", "/engine-rest/task/" + id + "/form-variables");
            });
            if (i >= WARM_UP) {
                cf.add(a);
                engine.add(b);
                bytes = size[0];
            }
        }
        record("open", stage, cf, engine);
        figures.put("open.bytes." + stage, (double) bytes);
    }

    private void measureCompletion(CountyFlowUser reviewer) throws Exception {
        List<String> ids = jdbc.queryForList("SELECT t.task_id FROM inbox_task t JOIN inbox_task_group g ON g.task_id = t.task_id "
                + "WHERE g.group_id = ? AND t.assignee IS NULL ORDER BY t.task_id", String.class, "city_reviewer_" + CITY);
        Collections.shuffle(ids, new java.util.Random(12));
        // 4 in parallel: PARALLEL_ROUNDS blocks of each side in turn, so that what else the machine does (the job
        // executor, a collection) falls on both sides alike; with two blocks per side the engine's own figure moved
        // between 36 and 79 completions a second from one run to the next on this 2-core machine
        int block = Math.max(1, SAMPLES / PARALLEL_ROUNDS);
        int needed = 2 * (WARM_UP + SAMPLES) + 2 * PARALLEL_ROUNDS * block;
        assertThat(ids.size()).as("city tasks to complete").isGreaterThanOrEqualTo(needed);
        String cfBody = "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}";
        String engineBody = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";
        List<Double> cf = new ArrayList<>();
        List<Double> engine = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            String a = ids.get(next++);
            String b = ids.get(next++);
            double ta = time(() -> post(CITY_USER, "/api/tasks/" + a + "/complete", cfBody));
            double tb = time(() -> post("admin", "/engine-rest/task/" + b + "/complete", engineBody));
            if (i >= WARM_UP) {
                cf.add(ta);
                engine.add(tb);
            }
        }
        record("complete", "10k", cf, engine);
        double cfSeq = 1000.0 / mean(cf);
        double engineSeq = 1000.0 / mean(engine);
        figures.put("complete.cf.seq", cfSeq);
        figures.put("complete.engine.seq", engineSeq);

        double cfTime = 0;
        double engineTime = 0;
        for (int round = 0; round < PARALLEL_ROUNDS; round++) {
            List<String> a = ids.subList(next, next + block);
            next += block;
            cfTime += parallel(a, id -> post(CITY_USER, "/api/tasks/" + id + "/complete", cfBody));
            List<String> b = ids.subList(next, next + block);
            next += block;
            engineTime += parallel(b, id -> post("admin", "/engine-rest/task/" + id + "/complete", engineBody));
        }
        int parallelEach = PARALLEL_ROUNDS * block;
        figures.put("complete.cf.par", parallelEach / cfTime);
        figures.put("complete.engine.par", parallelEach / engineTime);
        line("completions: sequential %.1f/s vs engine %.1f/s; 4 in parallel %.1f/s vs engine %.1f/s (%d blocks of %d each, in turn)",
                cfSeq, engineSeq, parallelEach / cfTime, parallelEach / engineTime, PARALLEL_ROUNDS, block);

        // what each completion asks of the database: the server's statement counters around 20 of each, in turn
        int counted = 20;
        assertThat(ids.size() - next).as("city tasks left to count statements on").isGreaterThanOrEqualTo(2 * counted);
        Map<String, Long> cfStatements = new LinkedHashMap<>();
        Map<String, Long> engineStatements = new LinkedHashMap<>();
        for (int i = 0; i < counted; i++) {
            String a = ids.get(next++);
            String b = ids.get(next++);
            add(cfStatements, statements(() -> post(CITY_USER, "/api/tasks/" + a + "/complete", cfBody)));
            add(engineStatements, statements(() -> post("admin", "/engine-rest/task/" + b + "/complete", engineBody)));
        }
        cfStatements.replaceAll((k, v) -> Math.round((double) v / counted));
        engineStatements.replaceAll((k, v) -> Math.round((double) v / counted));
        statementsText = String.format(Locale.ROOT, "CountyFlow %s; engine %s", describe(cfStatements), describe(engineStatements));
        figures.put("statements.cf", (double) cfStatements.getOrDefault("all", 0L));
        figures.put("statements.engine", (double) engineStatements.getOrDefault("all", 0L));
        line("statements per completion (mean of %d, the server's counters): %s", counted, statementsText);
    }

    private String statementsText = "not measured";
    private static final List<String> COUNTERS = List.of("Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit");

    /** The server's statement counters' growth during one request (the job executor's polling may add a few). */
    private Map<String, Long> statements(Request request) throws Exception {
        Map<String, Long> before = counters();
        request.run();
        Map<String, Long> after = counters();
        Map<String, Long> delta = new LinkedHashMap<>();
        long all = 0;
        for (String k : COUNTERS) {
            long d = after.get(k) - before.get(k);
            if (k.equals("Com_select")) d -= 1; // the counter query itself
            delta.put(k, d);
            if (!k.equals("Com_commit")) all += d;
        }
        delta.put("all", all);
        return delta;
    }

    private Map<String, Long> counters() {
        Map<String, Long> values = new HashMap<>();
        jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select','Com_insert','Com_update','Com_delete','Com_commit')",
                rs -> {
                    values.put(rs.getString(1), rs.getLong(2));
                });
        return values;
    }

    private static void add(Map<String, Long> sum, Map<String, Long> more) {
        more.forEach((k, v) -> sum.merge(k, v, Long::sum));
    }

    private static String describe(Map<String, Long> m) {
        return String.format(Locale.ROOT, "%d statements (%d SELECT, %d INSERT, %d UPDATE, %d DELETE) in %d commit(s)",
                m.get("all"), m.get("Com_select"), m.get("Com_insert"), m.get("Com_update"), m.get("Com_delete"),
                m.get("Com_commit"));
    }

    // ---------------------------------------------------------------- the dashboard over the historic cases

    /** The province's dashboard (all six figures) over its cases, the whole province and one earlier batch. */
    private void measureDashboard() throws Exception {
        String officer = "hebei_officer";
        long hebei = jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE province_code = '130000'", Long.class);
        long batch = jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE province_code = '130000' AND cohort = ?",
                Long.class, "PILOT_BATCH:90001");
        figures.put("dashboard.cases.province", (double) hebei);
        figures.put("dashboard.cases.batch", (double) batch);
        assertThat(json.readTree(get(officer, "/api/monitoring/dashboard")).size()).isEqualTo(6);
        for (String[] selection : List.of(new String[] {"province", ""}, new String[] {"batch", "?cohort=PILOT_BATCH:90001"})) {
            List<Double> cf = new ArrayList<>();
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                double a = time(() -> get(officer, "/api/monitoring/dashboard" + selection[1]));
                if (i >= WARM_UP) cf.add(a);
            }
            double[] p = BenchmarkMachine.percentiles(cf);
            String[] names = {"p50", "p95", "p99"};
            for (int i = 0; i < 3; i++) figures.put("dashboard.cf." + names[i] + "." + selection[0], p[i]);
            line("dashboard, %s (%,d cases): p50/p95/p99 %.1f/%.1f/%.1f ms (n=%d)", selection[0],
                    selection[0].equals("province") ? hebei : batch, p[0], p[1], p[2], cf.size());
        }
    }

    // ---------------------------------------------------------------- the full pilot path

    /**
     * The pilot application from the submitted draft to the last expert's score (draft → county sign-off → city
     * screening → province check → the panel drawn → each expert's score), through CountyFlow's {@code /api} as the
     * county drafter, leader, city reviewer, province officer and each expert would; beside it the same BPMN driven
     * through {@code /engine-rest/task/{id}/complete} with the routing variables only. Both sides start their
     * application through CountyFlow (the process's own delegates, the panel draw among them, need its case) and the
     * sealed scan is stored before the clock starts; the time is the sum of the step requests. Paths alternate which
     * side goes first.
     */
    private void measureFullPath() throws Exception {
        CountyFlowUser officer = users.find("hebei_officer").orElseThrow();
        // experts without an account are scored by an officer on their behalf: inactive here, so every seat is an
        // expert's own task on both sides
        for (Expert e : pool.list(officer, PageRequest.of(0, 200)).getContent()) {
            if (e.getUsername() == null && e.isActive()) {
                var f = ExpertPoolService.ExpertForm.of(e);
                pool.update(e.getId(), new ExpertPoolService.ExpertForm(f.name(), f.employer(), f.cityCode(),
                        f.specialties(), false, f.avoidanceCodes(), f.username()), officer);
            }
        }
        List<Organisation> counties = organisations.children(CITY).stream()
                .filter(o -> o.getLevel() == OrgLevel.COUNTY && !o.isProvinceDirect()).toList();
        for (Organisation c : counties) {
            for (String[] u : List.of(new String[] {"bench_d_", "COUNTY_DRAFTER"}, new String[] {"bench_l_", "COUNTY_LEADER"})) {
                String name = u[0] + c.getCode();
                if (users.find(name).isEmpty()) {
                    users.create(name, "基准 " + c.getName(), BENCH_PASSWORD, c.getCode(), EnumSet.of(Role.valueOf(u[1])));
                }
                get(name, "/api/tasks?page=0&size=1"); // the password checked once, as any client's first request
            }
        }
        int needed = 2 * (PATH_WARM_UP + PATHS);
        int batchCount = (needed + counties.size() - 1) / counties.size();
        List<Object[]> slots = new ArrayList<>();
        for (int b = 0; b < batchCount; b++) {
            long batchId = batches.open(new PilotBatchService.BatchForm("基准测试批次 " + (b + 1), null, null,
                    LocalDate.now(PilotBatchService.ZONE).plusDays(30), 10, 3), officer).getId();
            for (Organisation c : counties) slots.add(new Object[] {batchId, c.getCode()});
        }
        List<Double> cf = new ArrayList<>();
        List<Double> engine = new ArrayList<>();
        for (int i = 0; i < PATH_WARM_UP + PATHS; i++) {
            Object[] a = slots.get(2 * i);
            Object[] b = slots.get(2 * i + 1);
            double ta;
            double tb;
            boolean counted = i >= PATH_WARM_UP;
            if (i % 2 == 0) {
                ta = countyFlowPath((Long) a[0], (String) a[1], counted);
                tb = enginePath((Long) b[0], (String) b[1], counted);
            } else {
                tb = enginePath((Long) b[0], (String) b[1], counted);
                ta = countyFlowPath((Long) a[0], (String) a[1], counted);
            }
            if (i >= PATH_WARM_UP) {
                cf.add(ta);
                engine.add(tb);
            }
        }
        record("path", "full", cf, engine);
        figures.put("path.cf.rate", 1000.0 / mean(cf));
        figures.put("path.engine.rate", 1000.0 / mean(engine));
        line("full paths: CountyFlow %.2f/s, engine %.2f/s (mean %.0f vs %.0f ms, %d each)", 1000.0 / mean(cf),
                1000.0 / mean(engine), mean(cf), mean(engine), cf.size());
        StringBuilder steps = new StringBuilder();
        for (String step : List.of("draft", "sign-off", "city", "province", "expert")) {
            double a = mean(stepTimes.getOrDefault("cf." + step, List.of()));
            double b = mean(stepTimes.getOrDefault("engine." + step, List.of()));
            steps.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |%n", step, a, b, a / b));
        }
        pathSteps = steps.toString();
        line("full path per step (mean ms, CountyFlow / engine): %s", pathSteps.replace("\n", " ").replace("|", " "));
    }

    /** Mean milliseconds per step of the full path (experts: per score), for the results file. */
    private final Map<String, List<Double>> stepTimes = new LinkedHashMap<>();
    private String pathSteps = "";

    private double step(boolean counted, String key, Request request) throws Exception {
        double ms = time(request);
        if (counted) stepTimes.computeIfAbsent(key, k -> new ArrayList<>()).add(ms);
        return ms;
    }

    private record Open(String id, String assignee) {
    }

    private List<Open> openTasks(long caseId) {
        return jdbc.query("SELECT task_id, assignee FROM inbox_task WHERE case_id = ? ORDER BY created_at, task_id",
                (rs, i) -> new Open(rs.getString(1), rs.getString(2)), caseId);
    }

    private String only(long caseId) {
        List<Open> open = openTasks(caseId);
        assertThat(open).as("open tasks of case %d", caseId).hasSize(1);
        return open.get(0).id();
    }

    private long startApplication(long batchId, String drafter) throws Exception {
        return json.readTree(post(drafter, "/api/pilot/batches/" + batchId + "/applications", "")).get("caseId").asLong();
    }

    private double countyFlowPath(long batchId, String county, boolean counted) throws Exception {
        String drafter = "bench_d_" + county;
        String leader = "bench_l_" + county;
        long caseId = startApplication(batchId, drafter);
        String draft = json.writeValueAsString(PilotDrafts.valid(
                attachments.store("申报书（盖章）.pdf", TestPdfs.minimal(), drafter).toMap()));
        double t = 0;
        String task = only(caseId);
        t += step(counted, "cf.draft", () -> post(drafter, "/api/tasks/" + task + "/complete", draft));
        String signOff = only(caseId);
        t += step(counted, "cf.sign-off", () -> post(leader, "/api/tasks/" + signOff + "/complete", "{\"decision\":\"APPROVE\",\"comment\":\"同意报送\"}"));
        String screening = only(caseId);
        t += step(counted, "cf.city", () -> post(CITY_USER, "/api/tasks/" + screening + "/complete", "{\"decision\":\"RECOMMEND\",\"comment\":\"同意推荐\"}"));
        String check = only(caseId);
        t += step(counted, "cf.province", () -> post("hebei_officer", "/api/tasks/" + check + "/complete", "{\"decision\":\"PASS\"}"));
        List<Open> seats = openTasks(caseId);
        assertThat(seats).as("the panel's scoring tasks").hasSize(3).allMatch(o -> o.assignee() != null);
        int n = 0;
        for (Open seat : seats) {
            String sheet = json.writeValueAsString(ScoreSheets.withTotal(78 + (n++ * 5)));
            t += step(counted, "cf.expert", () -> post(seat.assignee(), "/api/tasks/" + seat.id() + "/complete", sheet));
        }
        assertThat(openTasks(caseId)).as("nothing left open after the scores").isEmpty();
        return t;
    }

    private double enginePath(long batchId, String county, boolean counted) throws Exception {
        long caseId = startApplication(batchId, "bench_d_" + county);
        double t = 0;
        String draft = only(caseId);
        t += step(counted, "engine.draft", () -> post("admin", "/engine-rest/task/" + draft + "/complete", "{}"));
        for (String[] step : List.of(new String[] {"leaderDecision", "APPROVE", "sign-off"},
                new String[] {"cityDecision", "RECOMMEND", "city"}, new String[] {"provinceCheckDecision", "PASS", "province"})) {
            String id = only(caseId);
            String body = "{\"variables\":{\"" + step[0] + "\":{\"value\":\"" + step[1] + "\"}}}";
            t += step(counted, "engine." + step[2], () -> post("admin", "/engine-rest/task/" + id + "/complete", body));
        }
        List<Open> seats = openTasks(caseId);
        assertThat(seats).as("the panel's scoring tasks").hasSize(3);
        for (Open seat : seats) {
            t += step(counted, "engine.expert", () -> post("admin", "/engine-rest/task/" + seat.id() + "/complete", "{}"));
        }
        assertThat(openTasks(caseId)).as("nothing left open after the scores").isEmpty();
        return t;
    }

    private interface Call {
        String run(String id) throws Exception;
    }

    /** Seconds for the calls with 4 threads. */
    private double parallel(List<String> ids, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ((java.util.concurrent.ThreadPoolExecutor) pool).prestartAllCoreThreads(); // the threads' start is not timed
        long t0 = System.nanoTime();
        List<Future<String>> done = new ArrayList<>();
        for (String id : ids) done.add(pool.submit(() -> call.run(id)));
        for (Future<String> f : done) f.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return seconds;
    }

    private void record(String what, String stage, List<Double> cf, List<Double> engine) {
        double[] a = BenchmarkMachine.percentiles(cf);
        double[] b = BenchmarkMachine.percentiles(engine);
        String[] names = {"p50", "p95", "p99"};
        for (int i = 0; i < 3; i++) {
            figures.put(what + ".cf." + names[i] + "." + stage, a[i]);
            figures.put(what + ".engine." + names[i] + "." + stage, b[i]);
        }
        line("%s %s: CountyFlow p50/p95/p99 %.1f/%.1f/%.1f ms, engine %.1f/%.1f/%.1f ms (n=%d each)", what, stage,
                a[0], a[1], a[2], b[0], b[1], b[2], cf.size());
    }


    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    // ---------------------------------------------------------------- HTTP, with sessions

    private interface Request {
        String run() throws Exception;
    }

    /** Milliseconds for one request (or pair of requests). */
    private static double time(Request request) throws Exception {
        long t0 = System.nanoTime();
        request.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private HttpClient client(String user) {
        synchronized (clients) {
            return clients.computeIfAbsent(user, u -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build());
        }
    }

    private HttpRequest.Builder request(String user, String path) {
        String password = user.startsWith("bench_") ? BENCH_PASSWORD : PASSWORD;
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60));
    }

    private String get(String user, String path) throws IOException, InterruptedException {
        return send(user, request(user, path).GET().build());
    }

    private String post(String user, String path, String body) throws IOException, InterruptedException {
        return send(user, request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String send(String user, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client(user).send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " → " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }

    // ---------------------------------------------------------------- the results file

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println("[benchmark] " + text);
        log.append("- ").append(text).append('\n');
    }



    private double f(String key) {
        return figures.getOrDefault(key, Double.NaN);
    }

    private String target(String name, String target, double value, double limit, boolean atMost) {
        boolean met = atMost ? value <= limit : value >= limit;
        return String.format(Locale.ROOT, "| %s | %s | %.2f | %s |%n", name, target, value, met ? "met" : "**not met**");
    }

    private void write(Instant begun, String loadBefore, double loadSmall, double loadLarge, double loadHistoric) throws IOException {
        double minutes = Duration.between(begun, Instant.now()).toSeconds() / 60.0;
        StringBuilder md = new StringBuilder();
        md.append("# CountyFlow beside Camunda's REST API (issue 12)\n\n");
        md.append(String.format(Locale.ROOT, "Run %s UTC, %.1f minutes, by `mvn -B -Pbenchmark verify` "
                        + "(`cn.countyflow.it.EngineComparisonBenchmarkIT`).%n%n", begun.atOffset(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS).toLocalDateTime(), minutes));
        md.append("**Machine:** ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(BenchmarkMachine.cpu())
                .append("), Java ").append(System.getProperty("java.version")).append(", ")
                .append(jdbc.queryForObject("SELECT VERSION()", String.class))
                .append(" on 127.0.0.1 (the server `.ci/run` starts), database `").append(database)
                .append("`, profile `mysql`, job executor on. Load average before: ").append(loadBefore)
                .append(", after: ").append(BenchmarkMachine.loadAverage()).append(". When the load average is well above 2 the machine "
                        + "was shared with other builds: absolute times are then pessimistic; the ratios compare requests "
                        + "taken one after the other under the same load.\n\n");
        md.append(String.format(Locale.ROOT, "**Data.** Open tasks loaded through `CaseFileService.start` and "
                + "`TaskWork.complete` (" + LOADERS + " threads): platform-check cases over the counties of Hebei and Hubei, "
                + "%,d then %,d open tasks, a tenth of them at the review of 石家庄市 (group `city_reviewer_130100`, user "
                + "`sjz_reviewer`); loading took %.0f s and %.0f s. Before the large stage %,d historic cases of ten "
                + "earlier batches were written as `case_file` rows (%.0f s; running them through the engine would take "
                + "about 40 minutes here): %,.0f cases at the small stage, %,.0f at the large one. Each figure: %d "
                + "samples after %d warm-up, CountyFlow's request and the engine's taken in turn; percentiles by nearest "
                + "rank.%n%n", SMALL, LARGE, loadSmall, loadLarge, HISTORIC, loadHistoric, f("cases.1k"), f("cases.10k"),
                SAMPLES, WARM_UP));
        md.append("**Authentication.** Both APIs are stateless: HTTP Basic on every request, no session, no cookie. "
                + "A password BCrypt has accepted is remembered for five minutes (`VerifiedCredentials`, an HMAC bound "
                + "to the stored hash), so neither side pays the hash per request after a client's first. The engine's "
                + "REST API is called as `admin` (it is admin-only) with the reviewer's own assignee and candidate "
                + "groups; CountyFlow as the user whose work it is.\n\n");

        md.append("## Targets\n\n| target | wanted | measured | |\n|---|---|---|---|\n");
        md.append(target(String.format(Locale.ROOT, "inbox page+count p95 ÷ engine list+count p95, %,d open tasks", SMALL), "≤ 1.0",
                f("inbox.cf.p95.1k") / f("inbox.engine.p95.1k"), 1.0, true));
        md.append(target(String.format(Locale.ROOT, "inbox page+count p95 ÷ engine list+count p95, %,d open tasks", LARGE), "≤ 1.0",
                f("inbox.cf.p95.10k") / f("inbox.engine.p95.10k"), 1.0, true));
        md.append(target(String.format(Locale.ROOT, "inbox p95 at %,d open tasks ÷ at %,d (growth)", LARGE, SMALL), "≤ 1.5",
                f("inbox.cf.p95.10k") / f("inbox.cf.p95.1k"), 1.5, true));
        md.append(target(String.format(Locale.ROOT, "open a task p95 ÷ engine task + form variables p95, %,d", LARGE), "≤ 1.2",
                f("open.cf.p95.10k") / f("open.engine.p95.10k"), 1.2, true));
        md.append(target("completion throughput ÷ engine, sequential", "≥ 0.85",
                f("complete.cf.seq") / f("complete.engine.seq"), 0.85, false));
        md.append(target("completion throughput ÷ engine, 4 in parallel", "≥ 0.85",
                f("complete.cf.par") / f("complete.engine.par"), 0.85, false));
        md.append(target("the full pilot path ÷ the bare engine (paths per second)", "≥ 0.8",
                f("path.cf.rate") / f("path.engine.rate"), 0.8, false));
        md.append(target(String.format(Locale.ROOT, "dashboard, all six figures over the province's %,.0f cases, p95 (ms)",
                f("dashboard.cases.province")), "≤ 300", f("dashboard.cf.p95.province"), 300, true));
        md.append(target(String.format(Locale.ROOT, "dashboard, one batch (%,.0f cases), p95 (ms)",
                f("dashboard.cases.batch")), "≤ 300", f("dashboard.cf.p95.batch"), 300, true));
        md.append("| Vaadin session with a task form open; a task open's bytes | ≤ 600 KB; ≤ 150 KB | "
                + "`VaadinFootprintBenchmarkIT` (`target/benchmark-footprint.md`) | — |\n\n");
        md.append(String.format(Locale.ROOT, "Growth of the engine's own list+count p95, %,d ÷ %,d open tasks: %.2f. "
                        + "The JSON of `GET /api/tasks/{id}` (a city review task): %,.0f bytes.%n%n", LARGE, SMALL,
                f("inbox.engine.p95.10k") / f("inbox.engine.p95.1k"), f("open.bytes.10k")));

        md.append("## Figures (ms)\n\n| figure | open tasks | CountyFlow p50 / p95 / p99 | engine p50 / p95 / p99 | ratio p50 / p95 |\n|---|---|---|---|---|\n");
        for (String what : List.of("inbox", "open", "complete", "path")) {
            for (String stage : List.of("1k", "10k", "full")) {
                if (!figures.containsKey(what + ".cf.p50." + stage)) continue;
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.2f / %.2f |%n",
                        switch (what) {
                            case "inbox" -> "inbox page of 50 + count vs `POST /engine-rest/task` + `/task/count`";
                            case "open" -> "open a task vs `GET /engine-rest/task/{id}` + `/form-variables`";
                            case "path" -> "full pilot path (8 steps: draft, sign-off, city, province, 3 experts) vs the same tasks through `/engine-rest`";
                            default -> "complete vs `POST /engine-rest/task/{id}/complete`";
                        }, String.format(Locale.ROOT, "%,d", stage.equals("1k") ? SMALL : LARGE),
                        f(what + ".cf.p50." + stage), f(what + ".cf.p95." + stage), f(what + ".cf.p99." + stage),
                        f(what + ".engine.p50." + stage), f(what + ".engine.p95." + stage), f(what + ".engine.p99." + stage),
                        f(what + ".cf.p50." + stage) / f(what + ".engine.p50." + stage),
                        f(what + ".cf.p95." + stage) / f(what + ".engine.p95." + stage)));
            }
        }
        for (String sel : List.of("province", "batch")) {
            md.append(String.format(Locale.ROOT, "| dashboard `GET /api/monitoring/dashboard`, %s (%,.0f cases) | %,d | %.1f / %.1f / %.1f | (no engine figure) | — |%n",
                    sel.equals("province") ? "河北省" : "one batch", f("dashboard.cases." + sel), LARGE,
                    f("dashboard.cf.p50." + sel), f("dashboard.cf.p95." + sel), f("dashboard.cf.p99." + sel)));
        }
        md.append(String.format(Locale.ROOT, "%nCompletions per second: sequential %.1f (engine %.1f); 4 in parallel "
                        + "%.1f (engine %.1f), %d each in %d blocks per side taken in turn. Full paths per second: %.2f (engine %.2f), %d each.%n%n",
                f("complete.cf.seq"), f("complete.engine.seq"), f("complete.cf.par"), f("complete.engine.par"),
                PARALLEL_ROUNDS * Math.max(1, SAMPLES / PARALLEL_ROUNDS), PARALLEL_ROUNDS,
                f("path.cf.rate"), f("path.engine.rate"), PATHS));
        md.append("Full path per step, mean ms (the experts' step per score):\n\n| step | CountyFlow | engine | ratio |\n|---|---|---|---|\n")
                .append(pathSteps).append("\n");
        md.append("Statements per city-review completion (the server's `Com_*` counters around 20 of each, mean): ")
                .append(statementsText).append(".\n\n");
        md.append("CountyFlow's completion checks the user and the case scope, validates against the form file, runs the "
                + "feature's handler, records the decision and the audit entry and keeps the read models; the engine's "
                + "completes only. In the full path CountyFlow also validates and stores the whole 申报书 with its "
                + "revision and each expert's score sheet; the engine's side carries only the routing variables (its "
                + "aggregation job then finds no score sheets and fails in the background, as it should).\n\n");
        md.append("## Log\n\n").append(log);
        Path out = Path.of("target", "benchmark-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
    }
}
