package cn.countyflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.StateTree;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

import cn.countyflow.TestPdfs;
import cn.countyflow.forms.AttachmentService;
import cn.countyflow.forms.FormRegistry;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.PilotDrafts;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskWork;

/**
 * What a signed-in user with a task form open costs the server and the network (issue 12): "a Vaadin session ≤ 600 KB
 * per signed-in user with a task form open" and "a task open sending ≤ 150 KB". The application runs as
 * {@link EngineComparisonBenchmarkIT} runs it (MariaDB, profile {@code mysql}, demo data, job executor on), in Vaadin's
 * development mode with the prebuilt development bundle, as the e2e tests run it (no npm, no production bundle on this
 * machine). A real headless Chromium signs in as
 * <ul>
 * <li>{@code xinle_drafter} with the 申报书 (pilot application draft, the longest form) filled and saved as a draft, and</li>
 * <li>{@code sjz_reviewer} with the city's screening of another county's application (the application beside it,
 * collapsed until opened),</li>
 * </ul>
 * opens the task from the inbox and goes back, again and again.
 * <p>
 * <b>Bytes</b>: the browser's Resource Timing entries after {@code performance.clearResourceTimings()} just before the
 * click, until the form is shown and the Vaadin client is idle: {@code transferSize} (headers + body as they crossed
 * the wire), {@code encodedBodySize}, {@code decodedBodySize}; the UIDL response bodies are also captured in the page
 * (XMLHttpRequest and fetch wrapped before the page's scripts) and gzipped here, for what a compressing proxy would send.
 * <p>
 * <b>Session</b>: the user's {@code HttpSession} (found through a test-only {@link HttpSessionListener}) written with
 * Java serialization through {@link Footprint}, which writes a small token instead of every Spring singleton, the
 * application context and bean factory, the process engine, the servlet context and Vaadin service, and the parsed form
 * definitions and form JSON that {@link FormRegistry} caches for everyone: what is left is the user's own state. In
 * development mode {@link VaadinSession#writeObject} leaves the UIs out (session serialization is off there), so the UIs
 * and the stream resource registry are written explicitly, as production mode writes them. An object that is not
 * {@link Serializable} is counted by its fields (a lambda by its captured values) and listed with the path to it.
 * <p>
 * {@code mvn -B -Pbenchmark verify -Dit.test=VaadinFootprintBenchmarkIT}; writes {@code target/benchmark-footprint.md}.
 * {@code -Dbenchmark.footprint.samples} (200) task opens per user for the times, at most
 * {@code -Dbenchmark.footprint.seconds} (80) seconds per user.
 */
@Tag("benchmark")
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
class VaadinFootprintBenchmarkIT {
    private static final int SAMPLES = Integer.getInteger("benchmark.footprint.samples", 200);
    private static final long BUDGET_MILLIS = Long.getLong("benchmark.footprint.seconds", 80) * 1000;
    private static final int WARM_UP = 5;
    /** Opens whose bytes are kept (the bytes of an open do not change from one open to the next). */
    private static final int BYTE_SAMPLES = 20;
    private static final long SESSION_TARGET = 600 * 1024;
    private static final long OPEN_TARGET = 150 * 1024;
    private static final String PASSWORD = "demo123";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Keeps every XMLHttpRequest/fetch response body of the page in window.__cfBodies (for the gzip figure). */
    private static final String CAPTURE = """
            (() => {
              window.__cfBodies = [];
              const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
              XMLHttpRequest.prototype.open = function(method, url) { this.__cfUrl = String(url); return open.apply(this, arguments); };
              XMLHttpRequest.prototype.send = function() {
                this.addEventListener('loadend', () => {
                  try { window.__cfBodies.push([this.__cfUrl, this.responseText]); } catch (e) { window.__cfBodies.push([this.__cfUrl, null]); }
                });
                return send.apply(this, arguments);
              };
              const fetch0 = window.fetch;
              window.fetch = function() {
                const url = String(arguments[0] && arguments[0].url ? arguments[0].url : arguments[0]);
                return fetch0.apply(this, arguments).then(r => {
                  r.clone().text().then(t => window.__cfBodies.push([url, t]), () => window.__cfBodies.push([url, null]));
                  return r;
                });
              };
            })();
            """;
    private static final String IDLE = "const f = window.Vaadin && window.Vaadin.Flow;"
            + "const idle = () => !f || !f.clients || Object.values(f.clients).every(c => !(c.isActive && c.isActive()));";

    private static String database;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        database = MariaDb.registerFresh(registry);
    }

    /** Every live HTTP session of the server, to find a user's. */
    static class LiveSessions implements HttpSessionListener {
        final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            sessions.add(event.getSession());
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            sessions.remove(event.getSession());
        }

        HttpSession of(String username) {
            List<HttpSession> found = new ArrayList<>();
            for (HttpSession s : sessions) {
                try {
                    if (s.getAttribute("SPRING_SECURITY_CONTEXT") instanceof SecurityContext c && c.getAuthentication() != null
                            && username.equals(c.getAuthentication().getName())) {
                        found.add(s);
                    }
                } catch (IllegalStateException invalidated) {
                    // ended meanwhile
                }
            }
            assertThat(found).as("live sessions of " + username).hasSize(1);
            return found.get(0);
        }
    }

    @TestConfiguration
    static class SessionsOfTheServer {
        @Bean
        LiveSessions liveSessions() {
            return new LiveSessions();
        }
    }

    @LocalServerPort int port;
    @Autowired LiveSessions sessions;
    @Autowired ConfigurableApplicationContext context;
    @Autowired UserAccountService users;
    @Autowired PilotBatchService batches;
    @Autowired PilotApplicationService applications;
    @Autowired CaseFileService cases;
    @Autowired TaskWork work;
    @Autowired AttachmentService attachments;
    @Autowired FormRegistry formRegistry;
    @Autowired JdbcTemplate jdbc;

    private final StringBuilder log = new StringBuilder();
    private final List<UserResult> results = new ArrayList<>();
    private Map<Object, String> shared;
    /** The classes a UI's serialization writes descriptors of (see {@link #breakdown}). */
    private List<Class<?>> primer = List.of();
    private boolean productionMode;

    @Test
    void sessionAndTaskOpenOfARealUser() throws Exception {
        Instant begun = Instant.now();
        String loadBefore = BenchmarkMachine.loadAverage();

        // ---- data through the services: the drafter's filled draft, another county's application at the city
        CountyFlowUser officer = user("hebei_officer");
        PilotBatch batch = batches.open(new PilotBatchService.BatchForm("2027年工业转型升级试点示范县（会话体积测量）",
                LocalDate.now().getYear(), null, LocalDate.now(PilotBatchService.ZONE).plusDays(30), 10, 5), officer);
        CountyFlowUser drafter = user("xinle_drafter");
        var draft = applications.start(batch.getId(), drafter);
        work.saveDraft(draft.draftTaskId(), validDraft("xinle_drafter"), drafter);

        CountyFlowUser zhengding = user("zhengding_drafter");
        var other = applications.start(batch.getId(), zhengding);
        work.complete(other.draftTaskId(), validDraft("zhengding_drafter"), zhengding);
        work.complete(openTask(other.caseId(), "县政府审核签发"), Map.of("decision", "APPROVE"), user("zhengding_leader"));
        String screening = openTask(other.caseId(), "市级初审");
        line("data: batch %d; xinle_drafter's draft task %s (case %d, the valid 申报书 saved as draft); sjz_reviewer's "
                + "screening task %s (case %d, 正定县)", batch.getId(), draft.draftTaskId(), draft.caseId(), screening, other.caseId());

        results.add(measureUser("xinle_drafter", "county drafter, 申报书 (draft) open", draft.draftTaskId(),
                "#field-contactName", false));
        results.add(measureUser("sjz_reviewer", "city reviewer, 市级初审 open (application beside it collapsed)", screening,
                "#field-decision", true));

        write(begun, loadBefore);
        for (UserResult r : results) {
            assertThat(r.sessionWithForm.total).as("session of " + r.username).isPositive();
            assertThat(r.openBytes).as("bytes of a task open, " + r.username).isPositive();
            assertThat(r.times).as("task open times, " + r.username).isNotEmpty();
        }
    }

    private CountyFlowUser user(String username) {
        return users.find(username).orElseThrow().withoutPassword();
    }

    private Map<String, Object> validDraft(String uploader) {
        return PilotDrafts.valid(attachments.store("申报书（盖章）.pdf", TestPdfs.minimal(), uploader).toMap());
    }

    /** The case's one open task, once the engine has reached it (the job executor is on). */
    private String openTask(long caseId, String nameContains) throws InterruptedException {
        CountyFlowUser admin = user("admin");
        for (int i = 0; i < 300; i++) {
            List<CaseDetails.OpenTask> open = cases.details(caseId, admin).openTasks();
            if (open.size() == 1 && open.get(0).name() != null && open.get(0).name().contains(nameContains)) {
                return open.get(0).taskId();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no open task '" + nameContains + "' on case " + caseId + ": "
                + cases.details(caseId, admin).openTasks());
    }

    // ---------------------------------------------------------------- one user in the browser

    static final class UserResult {
        String username;
        String what;
        Bytes firstOpen;
        List<Bytes> opens = new ArrayList<>();
        long openBytes;
        List<Double> times = new ArrayList<>();
        double[] percentiles;
        double seconds;
        SessionSize inboxOnly;
        SessionSize sessionWithForm;
        SessionSize afterOpens;
        SessionSize plainWithForm;
        Bytes expand;
        SessionSize afterExpand;
        List<Row> breakdown = new ArrayList<>();
        List<Row> expandBreakdown = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
    }

    private UserResult measureUser(String username, String what, String taskId, String formField, boolean reviewer)
            throws Exception {
        UserResult r = new UserResult();
        r.username = username;
        r.what = what;
        ChromeDriver driver = chromium();
        try {
            JavascriptExecutor js = driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            signIn(driver, wait, username);
            String open = "#open-" + taskId;
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(open)));
            idle(js);
            r.inboxOnly = sessionOf(username, false);

            String shown = formField + ", #task-submit";
            r.firstOpen = openTask(js, open, formField);
            line("%s: first open of the task in the page: %s", username, r.firstOpen);
            dump(username + "-open", r.firstOpen);
            r.sessionWithForm = sessionOf(username, true);
            r.plainWithForm = sessionOf(username, false, false);
            line("%s: session with the form open %,d bytes (per-user; %,d with the cached form definitions counted too); "
                    + "with the inbox only %,d", username, r.sessionWithForm.total, r.plainWithForm.total, r.inboxOnly.total);
            r.breakdown = breakdown(username);

            long t0 = System.nanoTime();
            for (int i = 0; i < WARM_UP + SAMPLES && (System.nanoTime() - t0) / 1e6 < BUDGET_MILLIS; i++) {
                back(js, open);
                Bytes b = openTask(js, open, formField);
                if (i < BYTE_SAMPLES) r.opens.add(b);
                if (i >= WARM_UP) r.times.add(b.millis);
            }
            r.seconds = (System.nanoTime() - t0) / 1e9;
            r.percentiles = BenchmarkMachine.percentiles(r.times);
            List<Long> wire = r.opens.stream().map(b -> b.transfer).sorted().toList();
            r.openBytes = wire.get(wire.size() / 2);
            line("%s: %d opens after %d warm-up in %.0f s: p50/p95/p99 %.0f/%.0f/%.0f ms; bytes per open (median of %d) %,d "
                            + "on the wire; min %,d max %,d", username, r.times.size(), WARM_UP, r.seconds, r.percentiles[0],
                    r.percentiles[1], r.percentiles[2], r.opens.size(), r.openBytes, wire.get(0), wire.get(wire.size() - 1));
            driver.findElement(By.cssSelector(shown.split(",")[0].trim()));
            r.afterOpens = sessionOf(username, true);
            line("%s: session after the opens (form open) %,d bytes", username, r.afterOpens.total);

            if (reviewer) {
                // the reviewer reads the application: it is rendered when its Details is opened
                js.executeScript("performance.clearResourceTimings(); window.__cfBodies = [];");
                long e0 = System.nanoTime();
                WebElement summary = driver.findElement(By.cssSelector("#review-application-details vaadin-details-summary"));
                js.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", summary);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#review-application-form")));
                idle(js);
                r.expand = collect(js, (System.nanoTime() - e0) / 1e6);
                dump(username + "-application", r.expand);
                r.afterExpand = sessionOf(username, true);
                r.expandBreakdown = breakdown(username);
                line("%s: opening the application beside the form: %s; session then %,d bytes", username, r.expand,
                        r.afterExpand.total);
            }
        } finally {
            driver.quit();
        }
        return r;
    }

    private ChromeDriver chromium() throws IOException {
        assertThat(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute())
                .as("Chromium and chromedriver (apt-get install chromium chromium-driver)").isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory("countyflow-footprint");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CAPTURE));
        return driver;
    }

    private void signIn(ChromeDriver driver, WebDriverWait wait, String username) {
        driver.get("http://localhost:" + port + "/login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox-grid")));
    }

    /** Clicks the inbox's 打开 and waits until the form is shown and the client idle; the time is taken in the page. */
    private Bytes openTask(JavascriptExecutor js, String openButton, String formField) {
        Object ms = js.executeAsyncScript(IDLE + """
                const [button, field, done] = arguments;
                performance.setResourceTimingBufferSize(10000);
                performance.clearResourceTimings();
                window.__cfBodies = [];
                const t0 = performance.now();
                document.querySelector(button).click();
                (function poll() {
                  if (document.querySelector(field) && document.querySelector('#task-submit') && idle()) done(performance.now() - t0);
                  else setTimeout(poll, 5);
                })();
                """, openButton, formField);
        idle(js);
        return collect(js, ((Number) ms).doubleValue());
    }

    /** Back to the inbox (the browser's back button: Vaadin's router), until the task's 打开 is there again. */
    private void back(JavascriptExecutor js, String openButton) {
        js.executeAsyncScript(IDLE + """
                const [button, done] = arguments;
                history.back();
                (function poll() {
                  if (document.querySelector(button) && !document.querySelector('#task-submit') && idle()) done(true);
                  else setTimeout(poll, 5);
                })();
                """, openButton);
    }

    /** Waits until the Vaadin client has nothing in flight for 150 ms. */
    private void idle(JavascriptExecutor js) {
        js.executeAsyncScript(IDLE + """
                const done = arguments[0];
                let quietSince = performance.now();
                (function poll() {
                  if (!idle()) quietSince = performance.now();
                  if (performance.now() - quietSince >= 150) done(true); else setTimeout(poll, 10);
                })();
                """);
    }

    /** What the browser received since the last clear, and the UIDL bodies gzipped. */
    @SuppressWarnings("unchecked")
    private Bytes collect(JavascriptExecutor js, double millis) {
        List<List<Object>> entries = (List<List<Object>>) js.executeScript("return performance.getEntriesByType('resource')"
                + ".map(e => [e.name, e.initiatorType, e.transferSize, e.encodedBodySize, e.decodedBodySize]);");
        List<List<Object>> bodies = (List<List<Object>>) js.executeScript("return window.__cfBodies || [];");
        Bytes b = new Bytes();
        b.millis = millis;
        for (List<Object> e : entries) {
            String name = (String) e.get(0);
            long transfer = ((Number) e.get(2)).longValue();
            b.requests++;
            b.transfer += transfer;
            b.encoded += ((Number) e.get(3)).longValue();
            b.decoded += ((Number) e.get(4)).longValue();
            if (name.contains("v-r=uidl")) {
                b.uidlRequests++;
                b.uidlTransfer += transfer;
            } else {
                b.other.add(name.replaceFirst("^https?://[^/]+", "") + " (" + e.get(1) + ", " + transfer + " B)");
            }
        }
        for (List<Object> body : bodies) {
            String url = (String) body.get(0);
            String text = (String) body.get(1);
            if (text == null || url == null || !url.contains("v-r=uidl")) continue;
            byte[] raw = text.getBytes(StandardCharsets.UTF_8);
            b.bodies.add(text);
            b.javaClassNames += javaClassNames(text);
            b.uidlBody += raw.length;
            b.uidlGzip += gzip(raw);
        }
        return b;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The bytes of the UIDL's "jc" entries: in development mode each component's Java class name, for the dev tools;
     * production mode does not send them.
     */
    private static long javaClassNames(String body) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(body.startsWith("for(;;);") ? body.substring(8) : body);
            if (root.isArray() && !root.isEmpty()) root = root.get(0);
            long bytes = 0;
            for (com.fasterxml.jackson.databind.JsonNode change : root.path("changes")) {
                if ("jc".equals(change.path("key").asText())) {
                    bytes += JSON.writeValueAsString(change).getBytes(StandardCharsets.UTF_8).length + 1;
                }
            }
            return bytes;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The UIDL responses as received, one a line, for looking into: target/footprint-uidl-NAME.json. */
    private static void dump(String name, Bytes bytes) throws IOException {
        Path out = Path.of("target", "footprint-uidl-" + name + ".json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", bytes.bodies));
    }

    static final class Bytes {
        double millis;
        int requests;
        int uidlRequests;
        long transfer;
        long encoded;
        long decoded;
        long uidlTransfer;
        long uidlBody;
        long uidlGzip;
        long javaClassNames;
        List<String> other = new ArrayList<>();
        List<String> bodies = new ArrayList<>();

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d requests (%d UIDL), %,d bytes on the wire (transferSize: headers + body), "
                            + "bodies %,d encoded / %,d decoded; UIDL bodies %,d, gzipped %,d; %.0f ms%s", requests, uidlRequests,
                    transfer, encoded, decoded, uidlBody, uidlGzip, millis, other.isEmpty() ? "" : "; other: " + other);
        }
    }

    private static long gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.size();
    }

    // ---------------------------------------------------------------- the session, measured on the server

    static final class SessionSize {
        long total;
        Map<String, Long> attributes = new LinkedHashMap<>();
        Map<String, Long> uis = new LinkedHashMap<>();
        Map<String, Integer> tokens = new TreeMap<>();
        Map<String, Integer> notSerializable = new TreeMap<>();
        Map<String, String> pathTo = new LinkedHashMap<>();
    }

    private SessionSize sessionOf(String username, boolean paths) throws IOException {
        return sessionOf(username, paths, true);
    }

    /**
     * The user's HttpSession written attribute by attribute in one stream (what two attributes share is counted once,
     * with the first); a VaadinSession with its UIs and stream resources, under the session's lock.
     */
    private SessionSize sessionOf(String username, boolean paths, boolean replaceShared) throws IOException {
        HttpSession http = sessions.of(username);
        shared = sharedObjects(); // a deployed form enters FormRegistry's cache when it is first opened
        List<String> names = Collections.list(http.getAttributeNames());
        names.sort(Comparator.comparing((String n) -> http.getAttribute(n) instanceof VaadinSession).thenComparing(n -> n));
        SessionSize size = new SessionSize();
        Counting counting = new Counting();
        Footprint out = new Footprint(counting, replaceShared ? shared : beansOnly(), o -> false);
        for (String name : names) {
            Object value = http.getAttribute(name);
            long before = out.written(counting);
            if (value instanceof VaadinSession vaadin) {
                vaadin.lock();
                try {
                    productionMode = vaadin.getConfiguration().isProductionMode();
                    out.writeObject(vaadin);
                    for (UI ui : vaadin.getUIs()) {
                        long u0 = out.written(counting);
                        out.writeObject(ui);
                        size.uis.put(describeUi(ui), out.written(counting) - u0);
                    }
                    out.writeObject(vaadin.getResourceRegistry());
                    if (paths) size.pathTo.putAll(pathsToUnserializable(vaadin.getUIs(), out.notSerializable.keySet()));
                } finally {
                    vaadin.unlock();
                }
            } else {
                out.writeObject(value);
            }
            size.attributes.put(name + " (" + (value == null ? "null" : value.getClass().getSimpleName()) + ")",
                    out.written(counting) - before);
        }
        out.close();
        size.total = counting.count;
        size.tokens.putAll(out.tokens);
        size.notSerializable.putAll(out.notSerializable);
        return size;
    }

    private static String describeUi(UI ui) {
        String route = ui.getInternals().getActiveViewLocation() == null ? "?"
                : "/" + ui.getInternals().getActiveViewLocation().getPath();
        return "UI " + ui.getUIId() + " at " + route + (ui.isClosing() ? " (closing)" : "");
    }

    /** The components of the UI showing the task, each with the bytes of its own subtree, biggest first, nested. */
    private List<Row> breakdown(String username) throws IOException {
        HttpSession http = sessions.of(username);
        shared = sharedObjects();
        List<Row> rows = new ArrayList<>();
        for (String name : Collections.list(http.getAttributeNames())) {
            if (!(http.getAttribute(name) instanceof VaadinSession vaadin)) continue;
            vaadin.lock();
            try {
                for (UI ui : vaadin.getUIs()) {
                    // the class descriptors every subtree's stream would write again: written first, not counted
                    try (Footprint all = new Footprint(new Counting(), shared, o -> o instanceof VaadinSession)) {
                        all.writeObject(ui);
                        primer = new ArrayList<>(all.classes);
                    }
                    long whole = subtree(ui, ui);
                    rows.add(new Row(0, describeUi(ui) + ", the whole UI", whole));
                    long children = 0;
                    for (Component child : ui.getChildren().toList()) {
                        children += walk(ui, child, 1, whole, rows);
                    }
                    rows.add(new Row(1, "UI's own state (internals: router, history, pending JavaScript …), outside its components",
                            whole - children));
                }
            } finally {
                vaadin.unlock();
            }
        }
        return rows;
    }

    private long walk(UI ui, Component c, int depth, long whole, List<Row> rows) throws IOException {
        long size = subtree(ui, c);
        rows.add(new Row(depth, label(c), size));
        List<Component> children = c.getChildren().toList();
        if (depth >= 9 || size < whole / 25 || children.isEmpty()) return size;
        record Child(long size, List<Row> rows) {
        }
        List<Child> measured = new ArrayList<>();
        long sum = 0;
        for (Component child : children) {
            List<Row> nested = new ArrayList<>();
            long s = walk(ui, child, depth + 1, whole, nested);
            measured.add(new Child(s, nested));
            sum += s;
        }
        // the biggest children in full, the others in one line
        measured.sort(Comparator.comparingLong(Child::size).reversed());
        long shown = 0;
        int kept = 0;
        for (Child child : measured) {
            if (kept < 8 && child.size() >= whole / 100) {
                rows.addAll(child.rows());
                shown += child.size();
                kept++;
            }
        }
        if (measured.size() > kept) {
            rows.add(new Row(depth + 1, (measured.size() - kept) + (kept == 0 ? " children" : " other children"), sum - shown));
        }
        rows.add(new Row(depth + 1, "(" + label(c) + "'s own state beside its child components)", size - sum));
        return size;
    }

    record Row(int depth, String label, long bytes) {
    }

    private static String label(Component c) {
        String id = c.getId().map(i -> " #" + i).orElse("");
        String name = c.getClass().getName().replaceFirst("^com\\.vaadin\\.flow\\.component\\.[a-z.]*\\.", "")
                .replaceFirst("^cn\\.countyflow\\.", "");
        return name + id;
    }

    /**
     * The bytes of a component's subtree: everything reachable from it, cut at the UI, the session, the state tree, and
     * the components and state nodes attached elsewhere in the UI (its parents and siblings). Parts reachable from two
     * subtrees are counted in both, so the children need not add up to the parent exactly.
     */
    private long subtree(UI ui, Component root) throws IOException {
        StateNode top = root.getElement().getNode();
        StateNode uiNode = ui.getElement().getNode();
        Predicate<Object> outside = root == ui ? o -> o instanceof VaadinSession || (o instanceof UI other && other != ui) : o -> {
            if (o instanceof UI || o instanceof VaadinSession || o instanceof StateTree) return true;
            if (o instanceof Component c) return c != root && attachedElsewhere(c.getElement().getNode(), top, uiNode);
            if (o instanceof Element e) return attachedElsewhere(e.getNode(), top, uiNode);
            if (o instanceof StateNode n) return attachedElsewhere(n, top, uiNode);
            return o.getClass().getName().equals("com.vaadin.flow.component.internal.UIInternals");
        };
        Counting counting = new Counting();
        try (Footprint out = new Footprint(counting, shared, outside)) {
            for (Class<?> c : primer) {
                java.io.ObjectStreamClass desc = java.io.ObjectStreamClass.lookup(c);
                if (desc != null) out.writeObject(desc);
            }
            long primed = out.written(counting);
            out.writeObject(root);
            return out.written(counting) - primed;
        }
    }

    /** A node attached to the UI but not inside {@code top}; a node that is not attached counts where it is held. */
    private static boolean attachedElsewhere(StateNode node, StateNode top, StateNode uiNode) {
        for (StateNode n = node; n != null; n = n.getParent()) {
            if (n == top) return false;
            if (n == uiNode) return true;
        }
        return false;
    }

    /** Objects every session shares: the singletons, the context, the engine, and the forms FormRegistry caches. */
    private Map<Object, String> sharedObjects() {
        Map<Object, String> tokens = beansOnly();
        Object cache = ReflectionTestUtils.getField(formRegistry, "cache");
        Object json = ReflectionTestUtils.getField(formRegistry, "deployedJson");
        Set<Object> reached = Collections.newSetFromMap(new IdentityHashMap<>());
        reach(cache, reached, 0);
        reach(json, reached, 0);
        for (Object o : reached) {
            if (!(o instanceof String s && s.length() < 64) && !(o instanceof Number) && !(o instanceof Boolean)
                    && !(o instanceof Enum<?>)) {
                tokens.putIfAbsent(o, "cached form definition (FormRegistry)");
            }
        }
        return tokens;
    }

    private Map<Object, String> beansOnly() {
        Map<Object, String> tokens = new IdentityHashMap<>();
        ConfigurableListableBeanFactory factory = context.getBeanFactory();
        for (String name : factory.getSingletonNames()) {
            Object bean = factory.getSingleton(name);
            if (bean != null) tokens.put(bean, "Spring singleton");
        }
        tokens.put(context, "application context");
        tokens.put(factory, "bean factory");
        return tokens;
    }

    /** Everything an object holds, through app classes' fields and the JDK's collections, maps and arrays. */
    private static void reach(Object o, Set<Object> seen, int depth) {
        if (o == null || depth > 60 || o instanceof Class<?> || !seen.add(o)) return;
        for (Object child : children(o)) reach(child, seen, depth + 1);
    }

    private static List<Object> children(Object o) {
        List<Object> out = new ArrayList<>();
        if (o instanceof Collection<?> c) {
            try {
                out.addAll(c);
            } catch (RuntimeException e) {
                // a concurrent change: skip
            }
        } else if (o instanceof Map<?, ?> m) {
            try {
                m.forEach((k, v) -> {
                    out.add(k);
                    out.add(v);
                });
            } catch (RuntimeException e) {
                // skip
            }
        } else if (o instanceof Object[] a) {
            Collections.addAll(out, a);
        } else if (!o.getClass().getName().startsWith("java.")) {
            for (Class<?> k = o.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                    try {
                        f.setAccessible(true);
                        out.add(f.get(o));
                    } catch (RuntimeException | IllegalAccessException e) {
                        // a module that does not open the field: not followed
                    }
                }
            }
        }
        return out;
    }

    /**
     * Where each class that is not Serializable sits: the first path (breadth first, through non-transient fields,
     * collections and maps) from a UI of the session to an instance of it.
     */
    private Map<String, String> pathsToUnserializable(Collection<UI> uis, Set<String> classes) {
        Map<String, String> found = new LinkedHashMap<>();
        if (classes.isEmpty()) return found;
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> queue = new ArrayDeque<>();
        for (UI ui : uis) queue.add(new Object[] {ui, "UI " + ui.getUIId()});
        while (!queue.isEmpty() && found.size() < classes.size() && seen.size() < 2_000_000) {
            Object[] item = queue.poll();
            Object o = item[0];
            String path = (String) item[1];
            if (o == null || o instanceof Class<?> || o instanceof String || shared.containsKey(o) || !seen.add(o)) continue;
            String cls = o.getClass().getName();
            if (classes.contains(typeName(o)) && !found.containsKey(typeName(o))) found.put(typeName(o), path);
            if (o instanceof Collection<?> c) {
                int i = 0;
                for (Object e : new ArrayList<>(c)) queue.add(new Object[] {e, path + "[" + i++ + "]"});
            } else if (o instanceof Map<?, ?> m) {
                new LinkedHashMap<>(m).forEach((k, v) -> queue.add(new Object[] {v, path + "{" + shortKey(k) + "}"}));
            } else if (o instanceof Object[] a) {
                for (int i = 0; i < a.length; i++) queue.add(new Object[] {a[i], path + "[" + i + "]"});
            } else if (!cls.startsWith("java.")) {
                for (Class<?> k = o.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        int mod = f.getModifiers();
                        if (Modifier.isStatic(mod) || f.getType().isPrimitive()) continue;
                        // transient fields are followed only where the class is not Serializable (its fields are then counted)
                        if (Modifier.isTransient(mod) && o instanceof Serializable) continue;
                        try {
                            f.setAccessible(true);
                            queue.add(new Object[] {f.get(o), path + " → " + k.getSimpleName() + "." + f.getName()});
                        } catch (RuntimeException | IllegalAccessException e) {
                            // not opened
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String shortKey(Object k) {
        String s = String.valueOf(k);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Counts the bytes written. */
    static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** What a shared object is written as: its kind, a few bytes. */
    record Token(String kind) implements Serializable {
    }

    /** An object that is not Serializable, written as its class and its fields' values (a lambda: its captured values). */
    record Fields(String type, Object[] values) implements Serializable {
    }

    /**
     * Java serialization that writes a {@link Token} for every shared object and for whatever {@code outside} says
     * lies outside what is measured, and an object that is not Serializable as {@link Fields}, noting its class.
     */
    static final class Footprint extends ObjectOutputStream {
        private final Map<Object, String> shared;
        private final Predicate<Object> outside;
        final Map<String, Integer> tokens = new TreeMap<>();
        final Map<String, Integer> notSerializable = new TreeMap<>();
        private final Map<String, Token> tokenOf = new LinkedHashMap<>();
        private final Map<Object, Fields> standIns = new IdentityHashMap<>();
        /** Every class written, in order of first appearance. */
        final Set<Class<?>> classes = new java.util.LinkedHashSet<>();

        Footprint(OutputStream out, Map<Object, String> shared, Predicate<Object> outside) throws IOException {
            super(out);
            this.shared = shared;
            this.outside = outside;
            enableReplaceObject(true);
        }

        long written(Counting counting) throws IOException {
            flush();
            return counting.count;
        }

        @Override
        protected Object replaceObject(Object obj) {
            Object replaced = replace(obj);
            if (replaced != null) classes.add(replaced.getClass());
            return replaced;
        }

        private Object replace(Object obj) {
            if (obj == null || obj instanceof Token || obj instanceof Fields) return obj;
            String kind = shared.get(obj);
            if (kind == null && (obj instanceof ApplicationContext || obj instanceof BeanFactory || obj instanceof ProcessEngine
                    || obj instanceof ServletContext || obj instanceof VaadinService || obj instanceof jakarta.servlet.Servlet)) {
                kind = obj.getClass().getSimpleName();
            }
            if (kind == null && outside.test(obj)) kind = "outside the measured part";
            if (kind != null) {
                tokens.merge(kind, 1, Integer::sum);
                return tokenOf.computeIfAbsent(kind, Token::new);
            }
            if (obj instanceof Serializable || obj instanceof Enum<?> || obj.getClass().isArray()) return obj;
            Fields known = standIns.get(obj);
            if (known != null) return known;
            String type = typeName(obj);
            notSerializable.merge(type, 1, Integer::sum);
            List<Object> values = new ArrayList<>();
            for (Class<?> k = obj.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) continue;
                    try {
                        f.setAccessible(true);
                        values.add(f.get(obj));
                    } catch (RuntimeException | IllegalAccessException e) {
                        values.add("(not readable: " + f.getName() + ")");
                    }
                }
            }
            Fields standIn = new Fields(type, values.toArray());
            standIns.put(obj, standIn);
            return standIn;
        }
    }

    /** A class's name; a lambda's without its generated suffix. */
    static String typeName(Object obj) {
        return obj.getClass().getName().replaceAll("\\$\\$Lambda.*", "\\$\\$Lambda");
    }

    // ---------------------------------------------------------------- figures and the results file


    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println("[footprint] " + text);
        log.append("- ").append(text).append('\n');
    }



    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%,.1f KB", bytes / 1024.0);
    }

    private static String met(boolean met) {
        return met ? "met" : "**not met**";
    }

    private void write(Instant begun, String loadBefore) throws IOException {
        double minutes = Duration.between(begun, Instant.now()).toSeconds() / 60.0;
        StringBuilder md = new StringBuilder();
        md.append("# A signed-in user's Vaadin session and task open (issue 12)\n\n");
        md.append(String.format(Locale.ROOT, "Run %s UTC, %.1f minutes, by `mvn -B -Pbenchmark verify` (alone: `-Dit.test=VaadinFootprintBenchmarkIT`) "
                + "(`cn.countyflow.it.VaadinFootprintBenchmarkIT`).%n%n", begun.atOffset(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS).toLocalDateTime(), minutes));
        md.append("**Machine:** ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(BenchmarkMachine.cpu())
                .append("), Java ").append(System.getProperty("java.version")).append(", ")
                .append(jdbc.queryForObject("SELECT VERSION()", String.class)).append(" on 127.0.0.1, database `")
                .append(database).append("`, profile `mysql`, demo data; ")
                .append(new String(readVersion(), StandardCharsets.UTF_8).trim()).append(" headless. Vaadin ")
                .append(com.vaadin.flow.server.Version.getFullVersion()).append(" in **")
                .append(productionMode ? "production" : "development").append(" mode** (")
                .append(productionMode ? "production bundle" : "the prebuilt development bundle, as the e2e tests run; "
                        + "no production bundle is built on this machine")
                .append("). HTTP compression: ").append(Boolean.parseBoolean(context.getEnvironment()
                        .getProperty("server.compression.enabled", "false"))
                        ? "on (`server.compression.enabled`: the bytes on the wire are gzipped by the server). "
                        : "off (`server.compression.enabled` is false: the bytes on the wire are uncompressed; the gzip "
                        + "column is what compression would send of the UIDL). ").append("Load average before: ")
                .append(loadBefore).append(", after: ").append(BenchmarkMachine.loadAverage()).append(". The machine was shared with other "
                        + "engineers' builds while this ran: the times are pessimistic; the bytes do not depend on it.\n\n");

        md.append("## Targets\n\n| target | wanted | user | measured | |\n|---|---|---|---|---|\n");
        for (UserResult r : results) {
            md.append(String.format(Locale.ROOT, "| Vaadin session per signed-in user with a task form open (per-user state, "
                            + "serialized) | ≤ 600 KB | `%s` (%s) | %s | %s |%n", r.username, r.what, kb(r.sessionWithForm.total),
                    met(r.sessionWithForm.total <= SESSION_TARGET)));
        }
        for (UserResult r : results) {
            md.append(String.format(Locale.ROOT, "| a task open sends (from the click in the inbox until the form is shown, "
                            + "all responses, on the wire) | ≤ 150 KB | `%s` | %s (uncompressed: %s) | %s |%n", r.username,
                    kb(r.openBytes), kb(median(r.opens, b -> b.decoded)), met(r.openBytes <= OPEN_TARGET)));
        }
        md.append("\n## Task open\n\nOn the wire: the sum of `transferSize` (headers and body as sent); uncompressed: of "
                + "`decodedBodySize`; UIDL gzipped: the captured UIDL bodies through `GZIPOutputStream` here.\n\n"
                + "| user | first open in the page | later opens, on the wire (median of ")
                .append(BYTE_SAMPLES).append(") | uncompressed | UIDL requests | UIDL body / gzipped | time p50 / p95 / p99 (n) |\n|---|---|---|---|---|---|---|\n");
        for (UserResult r : results) {
            Bytes typical = r.opens.stream().filter(b -> b.transfer == r.openBytes).findFirst().orElse(r.opens.get(0));
            md.append(String.format(Locale.ROOT, "| `%s` | %s in %d requests | %s | %s | %d | %s / %s | %.0f / %.0f / %.0f ms (%d) |%n",
                    r.username, kb(r.firstOpen.transfer), r.firstOpen.requests, kb(r.openBytes), kb(typical.decoded), typical.uidlRequests,
                    kb(typical.uidlBody), kb(typical.uidlGzip), r.percentiles[0], r.percentiles[1], r.percentiles[2], r.times.size()));
            if (!r.firstOpen.other.isEmpty()) md.append("\nFirst open of `").append(r.username).append("` also loaded: ")
                    .append(String.join(", ", r.firstOpen.other)).append("\n\n");
            if (r.expand != null) {
                md.append(String.format(Locale.ROOT, "| `%s` opens the application beside the form | %s | | %s | %d | %s / %s | %.0f ms |%n",
                        r.username, kb(r.expand.transfer), kb(r.expand.decoded), r.expand.uidlRequests, kb(r.expand.uidlBody), kb(r.expand.uidlGzip),
                        r.expand.millis));
            }
        }
        for (UserResult r : results) {
            md.append(String.format(Locale.ROOT, "%nOf `%s`'s first open, %s of the UIDL are development mode's Java class "
                    + "names of the components (`jc`, for the dev tools), which production mode does not send.",
                    r.username, kb(r.firstOpen.javaClassNames)));
        }
        md.append(String.format(Locale.ROOT, "%nTime: from `click()` on the inbox's 打开 (taken in the page, "
                + "`performance.now()`) until the form's field and 提交 are in the DOM and the Vaadin client has no request in "
                + "flight; each open follows a `history.back()` to the inbox. %d warm-up opens; at most %d samples or %d s per user.%n",
                WARM_UP, SAMPLES, BUDGET_MILLIS / 1000));

        md.append("\n## Session\n\n| user | inbox only | task form open | after the repeated opens | ")
                .append("form open, the cached form definitions counted too |\n|---|---|---|---|---|\n");
        for (UserResult r : results) {
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s |%n", r.username, kb(r.inboxOnly.total),
                    kb(r.sessionWithForm.total), kb(r.afterOpens.total), kb(r.plainWithForm.total)));
            if (r.afterExpand != null) {
                md.append(String.format(Locale.ROOT, "| `%s`, the application beside the form opened | | %s | | |%n",
                        r.username, kb(r.afterExpand.total)));
            }
        }
        md.append("\nSerialized with `ObjectOutputStream.replaceObject` writing a token for: Spring singletons, the "
                + "application context and bean factory, the process engine, the servlet context and Vaadin service, and "
                + "the objects of the forms `FormRegistry` caches (parsed definitions, JSON). Class descriptors are "
                + "counted (a fixed part of any serialized session).\n");
        for (UserResult r : results) {
            md.append("\n### `").append(r.username).append("`, task form open\n\n| part | bytes |\n|---|---|\n");
            r.sessionWithForm.attributes.forEach((k, v) -> md.append("| attribute ").append(k).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", v)).append(" |\n"));
            r.sessionWithForm.uis.forEach((k, v) -> md.append("| … of which ").append(k).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", v)).append(" |\n"));
            md.append("\nTokens written instead of shared objects: ").append(r.sessionWithForm.tokens).append(".\n");
            if (!r.sessionWithForm.notSerializable.isEmpty()) {
                md.append("\nNot `Serializable` (counted by their fields; a real session replication would fail on them):\n\n");
                r.sessionWithForm.notSerializable.forEach((k, v) -> md.append("- `").append(k).append("` ×").append(v)
                        .append(r.sessionWithForm.pathTo.containsKey(k) ? ", e.g. at " + r.sessionWithForm.pathTo.get(k) : "")
                        .append('\n'));
            }
            md.append("\nBiggest contributors (each component's subtree: what is reachable from it, cut at its parents, "
                    + "siblings, the UI and the session; shared parts count in each subtree that reaches them; class descriptors "
                    + "left out, so that a small component is not charged the few KB of descriptors every stream starts "
                    + "with):\n\n"
                    + "| component | bytes |\n|---|---|\n");
            appendRows(md, r.breakdown);
            if (!r.expandBreakdown.isEmpty()) {
                md.append("\nThe same with the application beside the form opened:\n\n| component | bytes |\n|---|---|\n");
                appendRows(md, r.expandBreakdown);
            }
        }
        md.append("\n## Log\n\n").append(log);
        Path out = Path.of("target", "benchmark-footprint.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
    }

    private static void appendRows(StringBuilder md, List<Row> rows) {
        for (Row row : rows) {
            md.append("| ").append("&nbsp;&nbsp;".repeat(row.depth)).append(row.label).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", row.bytes)).append(" |\n");
        }
    }

    private static long median(List<Bytes> bytes, java.util.function.ToLongFunction<Bytes> f) {
        List<Long> values = bytes.stream().map(f::applyAsLong).sorted().toList();
        return values.isEmpty() ? 0 : values.get(values.size() / 2);
    }

    private static byte[] readVersion() {
        try {
            Process p = new ProcessBuilder(CHROMIUM, "--version").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor();
            String s = new String(out, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("Chromium")).findFirst()
                    .orElse("Chromium");
            return s.getBytes(StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            return "Chromium".getBytes(StandardCharsets.UTF_8);
        }
    }
}
