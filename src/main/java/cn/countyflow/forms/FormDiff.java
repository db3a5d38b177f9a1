package cn.countyflow.forms;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.countyflow.workflow.Texts;

/**
 * What changed between two versions of one form's data, each change named the way the form names it (issue 11 point
 * 15): {@code leadingIndustries[1].enterprises[0].sales} → section {@code 主导产业}, label {@code 主导产业 第2项 · 企业 第1项 · 销售收入}.
 * <p>
 * Labels come from the form file, in the reader's language ({@link FormTexts}): a component's
 * {@code properties.shortLabel} when it has one, otherwise its label without the leading numbering ({@code 二、},
 * {@code 附表2}, {@code 第一章}; {@code II.}, {@code Schedule 2}, {@code Chapter 1}) and without a closing bracketed note
 * ({@code （万元）}, {@code (10,000 yuan)}). A change's section is its top-level group or list, or, for a field at the top
 * level, the heading of the text block above it. Rows are counted from 1. Paths the form does not know are shown as
 * they are. File pickers are compared whole. Any form gains by building one of these from its file.
 */
public final class FormDiff {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Pattern NUMBERING = Pattern.compile(
            "^(附表\\s*\\d+|第[一二三四五六七八九十百0-9]+章|[一二三四五六七八九十]+、|\\d+[.、]"
                    + "|(?:Schedule|Annex|Chapter)\\s+\\d+:?|[IVX]+\\.)\\s*");
    private static final Pattern NOTE = Pattern.compile("\\s*[（(][^（）()]*[）)]$");
    private static final Pattern HEADING = Pattern.compile("^#+\\s*(.+)$", Pattern.MULTILINE);

    /** One changed field; values are null when the field was empty or absent. */
    public record Change(String path, String section, String label, Object oldValue, Object newValue) {
    }

    /** Where a top-level field is shown: under its group or list, or under the heading of a text block. */
    private record Section(FormComponent component, boolean heading) {
    }

    private final FormDefinition form;
    /** Template path (list indices removed, e.g. leadingIndustries.enterprises.sales) → the component naming it. */
    private final Map<String, FormComponent> labels = new HashMap<>();
    /** Top-level key (or group path) → the section it is shown under. */
    private final Map<String, Section> sections = new HashMap<>();
    private final Set<String> files = new HashSet<>();

    private FormDiff(FormDefinition form) {
        this.form = form;
        walk(form.components(), "", true, null);
    }

    /** Reads a form file from the class path, e.g. {@code forms/pilot/draft.form}. */
    public static FormDiff of(String formFile) {
        try (InputStream in = FormDiff.class.getClassLoader().getResourceAsStream(formFile)) {
            if (in == null) throw new IllegalStateException("form file not found: " + formFile);
            return of(new FormParser().parse(formFile, in));
        } catch (IOException e) {
            throw new IllegalStateException("form file unreadable: " + formFile, e);
        }
    }

    public static FormDiff of(FormDefinition form) {
        return new FormDiff(form);
    }

    /**
     * The changes of each version of a revision history against the one before it, oldest first; none for the first.
     */
    public List<List<Change>> successive(List<Map<String, Object>> versions) {
        List<List<Change>> out = new ArrayList<>();
        Map<String, Object> previous = null;
        for (Map<String, Object> version : versions) {
            out.add(previous == null ? List.of() : between(previous, version));
            previous = version;
        }
        return out;
    }

    /** Shortens a form label for a path: {@code 二、主导产业情况（含三、分产业情况）} → {@code 主导产业情况}. */
    static String shorten(String label) {
        String s = NUMBERING.matcher(label.strip()).replaceFirst("");
        String cut = NOTE.matcher(s).replaceFirst("");
        return cut.isBlank() ? s : cut;
    }

    private static boolean named(FormComponent c) {
        return c.getShortLabel() != null || c.getLabel() != null || c.getDateLabel() != null;
    }

    /** A component's name in a path, in the reader's language. */
    private static String name(FormComponent c, FormTexts texts) {
        if (c.getShortLabel() != null) return texts.shortLabel(c);
        return shorten(c.getLabel() != null ? texts.label(c) : texts.displayLabel(c));
    }

    private FormComponent walk(List<FormComponent> components, String prefix, boolean top, FormComponent heading) {
        for (FormComponent c : components) {
            String binding = FormData.binding(c);
            if (top && "text".equals(c.getType()) && c.getText() != null && HEADING.matcher(c.getText()).find()) {
                heading = c;
            }
            if (c.isGroup() || c.isDynamicList()) {
                String nested = binding == null ? prefix : prefix + binding;
                if (binding != null && named(c)) labels.put(nested, c);
                if (top && binding != null) sections.put(binding, named(c) ? new Section(c, false)
                        : heading == null ? null : new Section(heading, true));
                walk(c.getComponents(), binding == null ? prefix : nested + ".", top && binding == null, heading);
            } else if (c.isInput()) {
                if (named(c)) labels.put(prefix + binding, c);
                if ("filepicker".equals(c.getType())) files.add(prefix + binding);
                if (top) sections.put(prefix.isEmpty() ? binding : prefix.substring(0, prefix.indexOf('.')),
                        heading == null ? null : new Section(heading, true));
            }
        }
        return heading;
    }

    /** A section's name: its group's or list's, or the heading of its text block (the file's, if the English has none). */
    private static String name(Section section, FormTexts texts) {
        if (section == null) return null;
        if (!section.heading()) return name(section.component(), texts);
        String heading = heading(texts.text(section.component()));
        return heading != null ? heading : heading(section.component().getText());
    }

    private static String heading(String text) {
        Matcher h = HEADING.matcher(text);
        return h.find() ? shorten(h.group(1).strip()) : null;
    }

    /** Every changed field between the two versions, in the order of the newer one, then what was removed. */
    public List<Change> between(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> a = new LinkedHashMap<>();
        Map<String, Object> b = new LinkedHashMap<>();
        flatten("", before, a);
        flatten("", after, b);
        Set<String> paths = new LinkedHashSet<>(b.keySet());
        paths.addAll(a.keySet());
        List<Change> changes = new ArrayList<>();
        FormTexts texts = FormTexts.of(form);
        for (String p : paths) {
            Object o = a.get(p);
            Object n = b.get(p);
            if (!same(o, n)) changes.add(new Change(p, section(p, texts), label(p, texts), o, n));
        }
        return changes;
    }

    /** The changes grouped by section, sections in the order they first occur. */
    public static Map<String, List<Change>> bySection(List<Change> changes) {
        Map<String, List<Change>> grouped = new LinkedHashMap<>();
        for (Change c : changes) grouped.computeIfAbsent(c.section() == null ? "" : c.section(), s -> new ArrayList<>()).add(c);
        return grouped;
    }

    /** The section a data path belongs to, or null when the form does not place it. */
    public String section(String path) {
        return section(path, FormTexts.of(form));
    }

    private String section(String path, FormTexts texts) {
        Matcher m = SEGMENT.matcher(path.split("\\.")[0]);
        return m.matches() ? name(sections.get(m.group(1)), texts) : null;
    }

    /** A readable label for a data path, or the path itself when the form does not name every part. */
    public String label(String path) {
        return label(path, FormTexts.of(form));
    }

    private String label(String path, FormTexts texts) {
        StringBuilder template = new StringBuilder();
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) return path;
            if (template.length() > 0) template.append('.');
            template.append(m.group(1));
            FormComponent named = labels.get(template.toString());
            if (named == null) return path;
            if (out.length() > 0) out.append(" · ");
            out.append(name(named, texts));
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) out.append(' ').append(Texts.get("forms.row", String.valueOf(Integer.parseInt(idx.group(1)) + 1)));
        }
        return out.toString();
    }

    private void flatten(String path, Object value, Map<String, Object> out) {
        if (!path.isEmpty() && files.contains(path.replaceAll("\\[\\d+]", ""))) {
            if (!isEmpty(value)) out.put(path, value);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, out));
        } else if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) flatten(path + "[" + i++ + "]", item, out);
        } else if (!isEmpty(value)) {
            out.put(path, value);
        }
    }

    private static boolean isEmpty(Object v) {
        return v == null || (v instanceof String s && s.isEmpty())
                || (v instanceof Collection<?> c && c.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }
}
