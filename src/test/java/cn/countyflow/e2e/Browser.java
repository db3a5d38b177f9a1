package cn.countyflow.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver) driving the application.
 * Where Chromium is missing the browser tests are skipped locally, but fail under CI (CI or COUNTYFLOW_REQUIRE_BROWSER set).
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final WebDriver driver;
    final WebDriverWait wait;
    private final String base;

    Browser(int port) throws Exception {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        boolean required = System.getenv("CI") != null || System.getenv("COUNTYFLOW_REQUIRE_BROWSER") != null;
        if (!present && !required) {
            Assumptions.abort("Chromium/chromedriver not installed (apt-get install chromium chromium-driver); browser test skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory("countyflow-chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        base = "http://localhost:" + port;
    }

    void open(String path) {
        driver.get(base + path);
    }

    void signIn(String username, String password) {
        open("/login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.clear();
        user.sendKeys(username);
        WebElement pw = driver.findElement(By.cssSelector("input[name='password']"));
        pw.sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
    }

    void signOut() {
        waitFor("#logout").click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Types into a Vaadin text field or area by its component id. */
    void type(String fieldId, String text) {
        WebElement input = waitFor("#" + fieldId + " input, #" + fieldId + " textarea");
        input.clear();
        input.sendKeys(text);
        input.sendKeys(org.openqa.selenium.Keys.TAB);
    }

    /**
     * Picks an item of a Vaadin combo box by its label the way a user does: replaces whatever the box shows by the
     * label, waits until the item is offered in the overlay and clicks it, then waits until the box shows it. (Typing
     * and pressing Enter raced the overlay's lazy loading and appended to a preselected value.)
     */
    void pick(String comboId, String label) {
        WebElement input = waitFor("#" + comboId + " input");
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
        input.sendKeys(label);
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(i -> i.isDisplayed() && label.equals(i.getText().trim())).findFirst().orElse(null));
        item.click();
        wait.until(d -> label.equals(((JavascriptExecutor) d).executeScript(
                "return document.querySelector('#' + arguments[0] + ' input').value", comboId)));
    }

    /** Chooses a radio button of a Vaadin radio group by its visible label. */
    void choose(String groupId, String label) {
        List<WebElement> radios = waitFor("#" + groupId).findElements(By.cssSelector("vaadin-radio-button"));
        WebElement radio = radios.stream().filter(r -> r.getText().contains(label)).findFirst().orElseThrow();
        // scrolled into view first, and clicked by script when the form's footer or a notification lies over it
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
        try {
            radio.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].click()", radio);
        }
    }

    /** Clicks a button; scrolled into view first, and clicked by script when a notification lies over it. */
    void click(String css) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
        }
    }

    /** The text of a grid's cells (light-DOM cell content), for checking what a list shows. */
    String gridText(String gridId) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#' + arguments[0] + ' vaadin-grid-cell-content'))"
                        + ".map(c => c.textContent).join(' | ')", gridId);
    }

    /** The page's visible text; empty while the page is being replaced (e.g. reloading after a language switch). */
    String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }

    /**
     * Fills a rendered form field by its path in the form data (e.g. {@code leadingIndustries[0].name}) the way a user
     * would: types into text, number and date fields, picks an option of a select by its label, clicks a radio.
     */
    void fill(String address, Object value, java.util.Map<String, String> optionLabels) {
        String id = fieldId(address);
        addRowsFor(address);
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        String tag = field.getTagName();
        String text = value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
        switch (tag) {
            case "vaadin-combo-box" -> {
                WebElement input = field.findElement(By.cssSelector("input"));
                input.click();
                input.sendKeys(optionLabels.getOrDefault(text, text));
                input.sendKeys(org.openqa.selenium.Keys.ENTER);
                input.sendKeys(org.openqa.selenium.Keys.TAB);
            }
            case "vaadin-radio-group" -> choose(id, optionLabels.getOrDefault(text, text));
            default -> {
                WebElement input = field.findElement(By.cssSelector("input, textarea"));
                input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
                input.sendKeys(text);
                if ("vaadin-date-picker".equals(tag)) input.sendKeys(org.openqa.selenium.Keys.ENTER);
                input.sendKeys(org.openqa.selenium.Keys.TAB);
            }
        }
    }

    private static String domId(String address) {
        return address.replaceAll("[\\[\\].#]+", "-").replaceAll("-+$", "").replaceAll("^-+", "");
    }

    /** Lists open without rows: presses the list's 添加 button until the row the address names is there. */
    private void addRowsFor(String address) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(address);
        while (m.find()) {
            String list = domId(address.substring(0, m.start()));
            String rowId = "row-" + list + "-" + m.group(1);
            for (int tries = 0; tries < 20 && driver.findElements(By.id(rowId)).isEmpty(); tries++) {
                WebElement add = wait.until(ExpectedConditions.elementToBeClickable(By.id("add-" + list)));
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", add);
                int before = driver.findElements(By.cssSelector("[id^='row-" + list + "-']")).size();
                add.click();
                wait.until(d -> d.findElements(By.cssSelector("[id^='row-" + list + "-']")).size() > before);
            }
        }
    }

    /** Chooses a file for a Vaadin upload (its file input lives in the component's shadow root). */
    void upload(String uploadId, Path file) {
        WebElement upload = waitFor("#" + uploadId);
        upload.getShadowRoot().findElement(By.cssSelector("input[type='file']")).sendKeys(file.toAbsolutePath().toString());
    }

    /** The value a field shows, e.g. a read-only return reason. */
    String valueOf(String fieldId) {
        return (String) ((JavascriptExecutor) driver).executeScript("return arguments[0].value",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id(fieldId))));
    }

    /** The DOM id of a rendered form field by its address in the form data ({@code innovation.rdInvestment}). */
    static String fieldId(String address) {
        return "field-" + domId(address);
    }

    /**
     * The texts of the links in the form's error summary, in its order; empty while the summary is hidden. Read from
     * the page, not through Selenium's visible text: the summary stays in the page while it is scrolled out of view.
     */
    @SuppressWarnings("unchecked")
    List<String> errorSummaryLinks() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "const s = document.getElementById('form-error-summary');"
                        + "if (s == null || s.hidden) return [];"
                        + "return Array.from(s.querySelectorAll(\"vaadin-button[id^='error-link-']\")).map(b => b.textContent.trim())");
    }

    /**
     * Follows the error summary's link to the field at the address as a user does: scrolls back up to the summary
     * (it stays at the top of the form while the user works further down), then clicks the link.
     */
    void followErrorLink(String address) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-error-summary"))));
        click("#error-link-" + domId(address));
    }

    /** Whether the keyboard focus is in the field at the address (a Vaadin field focuses its inner input). */
    boolean focusIsIn(String address) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "const a = document.activeElement; return a != null && a.closest('#' + arguments[0]) != null",
                fieldId(address)));
    }

    /** Whether the field at the address lies wholly inside the browser's viewport. */
    boolean inView(String address) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight",
                fieldId(address)));
    }

    /**
     * Downloads what a link points at within this browser's session (its cookies, as a click would), and returns the
     * body; fails when the response is not 200 or its type is not the expected one.
     */
    byte[] download(String linkCss, String expectedType) {
        WebElement link = waitFor(linkCss);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0].href, {credentials: 'same-origin'})"
                        + ".then(r => r.arrayBuffer().then(b => {"
                        + "  let s = ''; const u = new Uint8Array(b);"
                        + "  for (let i = 0; i < u.length; i += 8192) s += String.fromCharCode.apply(null, u.subarray(i, i + 8192));"
                        + "  done({status: r.status, type: r.headers.get('Content-Type'), body: btoa(s)});"
                        + "})).catch(e => done({status: -1, type: String(e), body: ''}));", link);
        java.util.Map<?, ?> response = (java.util.Map<?, ?>) result;
        org.assertj.core.api.Assertions.assertThat(((Number) response.get("status")).intValue())
                .as("status of %s", linkCss).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(String.valueOf(response.get("type"))).startsWith(expectedType);
        return java.util.Base64.getDecoder().decode((String) response.get("body"));
    }

    /** Every leaf of form data by its address ({@code years[0].revenue}), in order, for {@link #fill} one by one. */
    static java.util.Map<String, Object> leaves(java.util.Map<String, Object> data) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        leaves("", data, out);
        return out;
    }

    private static void leaves(String prefix, Object value, java.util.Map<String, Object> out) {
        if (value instanceof java.util.Map<?, ?> map) {
            map.forEach((k, v) -> leaves(prefix.isEmpty() ? (String) k : prefix + "." + k, v, out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) leaves(prefix + "[" + i + "]", list.get(i), out);
        } else if (value != null) {
            out.put(prefix, value);
        }
    }

    /** Signs in, opens the task from the inbox by its id and waits for the form's element. */
    void openFromInbox(String username, String password, String taskId, String waitFor) {
        signIn(username, password);
        waitFor("#inbox-grid");
        click("#open-" + taskId);
        waitFor(waitFor);
    }

    /** Submits the open task, back in the inbox, and signs out. */
    void submitAndSignOut() {
        click("#task-submit");
        wait.until(ExpectedConditions.urlContains("/inbox"));
        signOut();
    }

    /** Saves what the browser shows to target/screenshots/NAME.png, for looking at the pages after a run. */
    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
