package cn.countyflow.pilot;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.countyflow.workflow.Texts;

/**
 * Labels of the 申报书's fields, read from {@code forms/pilot/draft.form}, for showing what changed between revisions:
 * {@code leadingIndustries[0].enterprises[1].sales} → "<industries label> item 1 · <enterprises label> item 2 · <sales label>".
 * Paths the form does not know are shown as they are.
 */
@Component
class DraftFormLabels {
    static final String FORM = "forms/pilot/draft.form";
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");

    /** Template path (list indices removed, e.g. leadingIndustries.enterprises.sales) → label. */
    private final Map<String, String> labels = new HashMap<>();
    /** Template paths of file pickers: their values are compared and shown whole. */
    private final Set<String> files = new HashSet<>();

    DraftFormLabels(ObjectMapper json) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FORM)) {
            if (in != null) walk(json.readTree(in).path("components"), "");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the form file " + FORM, e);
        }
    }

    private void walk(JsonNode components, String prefix) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            String key = c.hasNonNull("key") ? c.get("key").asText() : null;
            String path = c.hasNonNull("path") ? c.get("path").asText() : null;
            String label = c.hasNonNull("label") ? c.get("label").asText()
                    : c.hasNonNull("dateLabel") ? c.get("dateLabel").asText() : null;
            if (c.has("components")) {
                String nested = path == null ? prefix : prefix + path;
                if (path != null && label != null) labels.put(nested, label);
                walk(c.get("components"), path == null ? prefix : nested + ".");
            } else if (key != null) {
                if (label != null) labels.put(prefix + key, label);
                if ("filepicker".equals(type)) files.add(prefix + key);
            }
        }
    }

    /** True when the path (with or without indices) is a file picker, whose value is one unit. */
    boolean isFile(String path) {
        return files.contains(template(path));
    }

    /** A readable label for a data path, or the path itself when the form does not name every part. */
    String label(String path) {
        StringBuilder template = new StringBuilder();
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) return path;
            if (template.length() > 0) template.append('.');
            template.append(m.group(1));
            String label = labels.get(template.toString());
            if (label == null) return path;
            if (out.length() > 0) out.append(" · ");
            out.append(label);
            Matcher idx = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
            while (idx.find()) out.append(Texts.get("pilot.revisions.item", Integer.parseInt(idx.group(1)) + 1));
        }
        return out.toString();
    }

    static String template(String path) {
        return path.replaceAll("\\[\\d+]", "");
    }
}
