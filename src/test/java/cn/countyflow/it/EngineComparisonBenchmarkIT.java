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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.org.CountyFlowUser;
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
    private static final int PAGE = 50;
    private static final String CITY = "130100";
    private static final String CITY_USER = "sjz_reviewer";
    /** 石家庄市's counties with demo drafters: they submit the tenth that goes on to the city's review. */
    private static final List<String> CITY_COUNTIES = List.of("130184", "130123", "130183");
    private static final Map<String, String> DRAFTER = Map.of("130184", "xinle_drafter", "130123", "zhengding_drafter",
            "130183", "jinzhou_drafter");
    private static final String PASSWORD = "demo123";

    private static String database;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        database = MariaDb.createDatabase();
        registry.add("spring.datasource.url", () -> MariaDb.urlOf(database));
        registry.add("spring.datasource.username", () -> MariaDb.USER);
        registry.add("spring.datasource.password", () -> MariaDb.PASSWORD);
        registry.add("countyflow.demo-data", () -> "true");
    }

    @LocalServerPort int port;
    @Autowired CaseFileService cases;
    @Autowired TaskWork work;
    @Autowired UserAccountService users;
    @Autowired OrganisationService organisations;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    private final Map<String, HttpClient> clients = new LinkedHashMap<>();
    private final StringBuilder log = new StringBuilder();
    private final Map<String, Double> figures = new LinkedHashMap<>();
    private int started;
    private final AtomicInteger titles = new AtomicInteger();

    @Test
    void countyFlowBesideTheEngine() throws Exception {
        Instant begun = Instant.now();
        String loadBefore = loadAverage();
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
        measureStage("1k", reviewer, groups);

        t0 = System.nanoTime();
        load(LARGE, counties);
        double loadLarge = (System.nanoTime() - t0) / 1e9;
        measureStage("10k", reviewer, groups);
        measureCompletion(reviewer);

        write(begun, loadBefore, loadSmall, loadLarge);
        assertThat(figures).containsKeys("inbox.cf.p95.1k", "inbox.cf.p95.10k", "open.cf.p95.10k", "complete.cf.seq");
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
        int block = SAMPLES / 2;
        int needed = 2 * (WARM_UP + SAMPLES) + 4 * block;
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

        // 4 in parallel: blocks of SAMPLES/2 completions, CountyFlow and engine in turn
        double cfTime = 0;
        double engineTime = 0;
        for (int round = 0; round < 2; round++) {
            List<String> a = ids.subList(next, next + block);
            next += block;
            cfTime += parallel(a, id -> post(CITY_USER, "/api/tasks/" + id + "/complete", cfBody));
            List<String> b = ids.subList(next, next + block);
            next += block;
            engineTime += parallel(b, id -> post("admin", "/engine-rest/task/" + id + "/complete", engineBody));
        }
        figures.put("complete.cf.par", 2 * block / cfTime);
        figures.put("complete.engine.par", 2 * block / engineTime);
        line("completions: sequential %.1f/s vs engine %.1f/s; 4 in parallel %.1f/s vs engine %.1f/s",
                cfSeq, engineSeq, 2 * block / cfTime, 2 * block / engineTime);
    }

    private interface Call {
        String run(String id) throws Exception;
    }

    /** Seconds for the calls with 4 threads. */
    private double parallel(List<String> ids, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long t0 = System.nanoTime();
        List<Future<String>> done = new ArrayList<>();
        for (String id : ids) done.add(pool.submit(() -> call.run(id)));
        for (Future<String> f : done) f.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return seconds;
    }

    private void record(String what, String stage, List<Double> cf, List<Double> engine) {
        double[] a = percentiles(cf);
        double[] b = percentiles(engine);
        String[] names = {"p50", "p95", "p99"};
        for (int i = 0; i < 3; i++) {
            figures.put(what + ".cf." + names[i] + "." + stage, a[i]);
            figures.put(what + ".engine." + names[i] + "." + stage, b[i]);
        }
        line("%s %s: CountyFlow p50/p95/p99 %.1f/%.1f/%.1f ms, engine %.1f/%.1f/%.1f ms (n=%d each)", what, stage,
                a[0], a[1], a[2], b[0], b[1], b[2], cf.size());
    }

    /** p50, p95, p99 by nearest rank (the ⌈p·n⌉-th smallest). */
    static double[] percentiles(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double[] p = {0.50, 0.95, 0.99};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            int rank = (int) Math.ceil(p[i] * sorted.size());
            out[i] = sorted.get(Math.max(0, rank - 1));
        }
        return out;
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
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
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

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private double f(String key) {
        return figures.getOrDefault(key, Double.NaN);
    }

    private String target(String name, String target, double value, double limit, boolean atMost) {
        boolean met = atMost ? value <= limit : value >= limit;
        return String.format(Locale.ROOT, "| %s | %s | %.2f | %s |%n", name, target, value, met ? "met" : "**not met**");
    }

    private void write(Instant begun, String loadBefore, double loadSmall, double loadLarge) throws IOException {
        double minutes = Duration.between(begun, Instant.now()).toSeconds() / 60.0;
        StringBuilder md = new StringBuilder();
        md.append("# CountyFlow beside Camunda's REST API (issue 12)\n\n");
        md.append(String.format(Locale.ROOT, "Run %s UTC, %.1f minutes, by `mvn -Pbenchmark verify` "
                        + "(`cn.countyflow.it.EngineComparisonBenchmarkIT`).%n%n", begun.atOffset(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS).toLocalDateTime(), minutes));
        md.append("**Machine:** ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpu())
                .append("), Java ").append(System.getProperty("java.version")).append(", ")
                .append(jdbc.queryForObject("SELECT VERSION()", String.class))
                .append(" on 127.0.0.1 (the server `.ci/run` starts), database `").append(database)
                .append("`, profile `mysql`. Load average before: ").append(loadBefore).append(", after: ")
                .append(loadAverage()).append(". **The machine was shared with other engineers' builds and test runs "
                        + "while this ran**: absolute times are pessimistic; the ratios compare requests taken "
                        + "one after the other under the same load.\n\n");
        md.append(String.format(Locale.ROOT, "**Data** (loaded through `CaseFileService.start` and `TaskWork.complete`, "
                + LOADERS + " threads): platform-check cases over the counties of Hebei and Hubei, %,d then %,d open tasks, a tenth "
                + "of them at the review of 石家庄市 (group `city_reviewer_130100`, user `sjz_reviewer`); loading took "
                + "%.0f s and %.0f s. Each figure: %d samples after %d warm-up, CountyFlow's request and the engine's "
                + "taken in turn; percentiles by nearest rank. The engine's REST API is called as `admin` (it is "
                + "admin-only) with the reviewer's own assignee and candidate groups; CountyFlow as `sjz_reviewer`. "
                + "Both on a kept session: each client's first request (`GET /api/tasks` with HTTP Basic) stores the "
                + "sign-in in its session, later requests send the cookie (and the same Basic header, which is then not "
                + "checked again); `/engine-rest` reads the same session. Were `/api` stateless for Basic, every "
                + "request on both sides would pay the password check.%n%n", SMALL, LARGE, loadSmall, loadLarge, SAMPLES, WARM_UP));

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
        md.append(String.format(Locale.ROOT, "| a task open sends (JSON of `GET /api/tasks/{id}`, bytes) | ≤ 150 KB "
                + "(the Vaadin page: not measured) | %,.0f | (API only) |%n", f("open.bytes.10k")));
        md.append("| the full pilot path ÷ the bare engine | ≥ 0.8 | not measured | — |\n");
        md.append("| dashboard statistics over 100,000 historic cases, p95 | ≤ 300 ms | not measured | — |\n");
        md.append("| Vaadin session per signed-in user with a task form open | ≤ 600 KB | not measured | — |\n\n");
        md.append(String.format(Locale.ROOT, "Growth of the engine's own list+count p95, %,d ÷ %,d open tasks: %.2f.%n%n", LARGE, SMALL,
                f("inbox.engine.p95.10k") / f("inbox.engine.p95.1k")));

        md.append("## Figures (ms)\n\n| figure | open tasks | CountyFlow p50 / p95 / p99 | engine p50 / p95 / p99 | ratio p50 / p95 |\n|---|---|---|---|---|\n");
        for (String what : List.of("inbox", "open", "complete")) {
            for (String stage : List.of("1k", "10k")) {
                if (!figures.containsKey(what + ".cf.p50." + stage)) continue;
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.2f / %.2f |%n",
                        switch (what) {
                            case "inbox" -> "inbox page of 50 + count vs `POST /engine-rest/task` + `/task/count`";
                            case "open" -> "open a task vs `GET /engine-rest/task/{id}` + `/form-variables`";
                            default -> "complete vs `POST /engine-rest/task/{id}/complete`";
                        }, String.format(Locale.ROOT, "%,d", stage.equals("1k") ? SMALL : LARGE),
                        f(what + ".cf.p50." + stage), f(what + ".cf.p95." + stage), f(what + ".cf.p99." + stage),
                        f(what + ".engine.p50." + stage), f(what + ".engine.p95." + stage), f(what + ".engine.p99." + stage),
                        f(what + ".cf.p50." + stage) / f(what + ".engine.p50." + stage),
                        f(what + ".cf.p95." + stage) / f(what + ".engine.p95." + stage)));
            }
        }
        md.append(String.format(Locale.ROOT, "%nCompletions per second: sequential %.1f (engine %.1f); 4 in parallel "
                        + "%.1f (engine %.1f), %d each in two blocks.%n%n", f("complete.cf.seq"), f("complete.engine.seq"),
                f("complete.cf.par"), f("complete.engine.par"), SAMPLES));
        md.append("CountyFlow's completion checks the user and the case scope, validates against the form file, runs the "
                + "feature's handler, records the decision and the audit entry and keeps the read models; the engine's "
                + "completes only.\n\n");
        md.append("## Not measured in this run\n\n"
                + "- the full pilot path (draft → sign-off → city → province → panel → scores) against the same BPMN on "
                + "the bare engine;\n"
                + "- 100,000 cases (the data here is the platform-check process only, 10,000 open tasks at most) and the "
                + "dashboard statistics over 100,000 historic cases;\n"
                + "- the Vaadin session size and the bytes a task page sends to the browser (only the API's JSON is "
                + "counted above).\n\n");
        md.append("## Log\n\n").append(log);
        Path out = Path.of("target", "benchmark-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
    }
}
