package cn.countyflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * English is whole (issue 11): what a user reads comes from the message bundles, so that an English page shows no
 * Chinese. A Chinese string literal in the Java code of these packages is text that only Chinese readers get.
 * Demo data (people's and places' names) is data, not UI text, and is allowed.
 */
class ChineseLiteralsTest {
    /** Packages whose Java code holds no Chinese literal. */
    private static final List<String> PACKAGES = List.of("pilot", "review", "workflow", "ui", "inbox", "monitoring", "api", "reporting",
            "evaluation", "org", "forms", "plan", "audit", "calendar", "notification");

    /** Files allowed to hold Chinese: demo data. */
    private static final Set<String> ALLOWED = Set.of(
            "review/ReviewDemoData.java",
            "org/DemoData.java");

    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern CJK = Pattern.compile("[\\x{4e00}-\\x{9fff}]");

    @Test
    void noChineseLiteralsInTheJavaCodeOfTheseAreas() throws Exception {
        Path root = Path.of("src/main/java/cn/countyflow");
        List<String> found = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (var files = Files.walk(root.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (ALLOWED.contains(relative)) continue;
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (readsChineseInput(lines, i)) continue;
                        Matcher m = LITERAL.matcher(code(lines.get(i)));
                        while (m.find()) {
                            if (CJK.matcher(m.group()).find()) found.add(relative + ":" + (i + 1) + " " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(found).as("Chinese literals; move them to messages*.properties and read them through workflow.Texts "
                + "or getTranslation").isEmpty();
    }

    /** The line without a comment: a javadoc or block comment line, or what follows {@code //} outside a string. */
    static String code(String line) {
        String t = line.strip();
        if (t.startsWith("*") || t.startsWith("/*")) return "";
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') i++;
            else if (c == '"') quoted = !quoted;
            else if (!quoted && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') return line.substring(0, i);
        }
        return line;
    }

    /**
     * A regular expression that reads Chinese input (a typed date such as 2026年5月1日, a form label's numbering such
     * as 二、) is not text anyone reads: the literal passed to {@code Pattern.compile}, on its line or the next.
     */
    private static boolean readsChineseInput(List<String> lines, int i) {
        return lines.get(i).contains("Pattern.compile(\"")
                || i > 0 && lines.get(i - 1).stripTrailing().endsWith("Pattern.compile(");
    }

    /** The scan would catch one: a guard against a pattern that matches nothing. */
    @Test
    void theScanFindsAChineseLiteral() {
        Matcher m = LITERAL.matcher("throw new X(\"请填写批次名称\" + name);");
        assertThat(m.find()).isTrue();
        assertThat(CJK.matcher(m.group()).find()).isTrue();
        assertThat(CJK.matcher("\"Enter the batch name\"").find()).isFalse();
        assertThat(code("x = \"a//b\"; // says \"仅本人可见\"")).isEqualTo("x = \"a//b\"; ");
        assertThat(code("     * e.g. \"第1项\"")).isEmpty();
    }
}
