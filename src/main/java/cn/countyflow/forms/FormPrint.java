package cn.countyflow.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.countyflow.workflow.Texts;

/**
 * Prints a form's data the way the form lays it out (issue 11 point 18), for any form: the "#" heading of its first text
 * is the document's title, "##" headings and labelled groups are sections, fields are "label：value", a list whose rows
 * are plain fields is a table with one column per field, and a list whose rows hold lists of their own prints each row
 * as a sub-section ({@code 主导产业情况 第1项}) with its inner lists as tables. Select options print their labels, files their
 * names. Fields the data does not hold (e.g. a return reason that is not part of the application) are left out;
 * fields it holds empty print blank, as on paper. The form's texts print in the reader's language ({@link FormTexts}).
 */
public final class FormPrint {
    private static final Pattern HEADING = Pattern.compile("^(#+)\\s*(.+)$", Pattern.MULTILINE);

    private FormPrint() {
    }

    /** The form's title: the heading of its first text, if the form opens with one; else null. */
    public static String title(FormDefinition form) {
        return title(form, FormTexts.of(form));
    }

    private static String title(FormDefinition form, FormTexts texts) {
        for (FormComponent c : form.components()) {
            if ("text".equals(c.getType()) && c.getText() != null) {
                Matcher m = HEADING.matcher(texts.text(c));
                return m.find() ? m.group(2).strip() : null;
            }
            if (!c.isStatic()) return null;
        }
        return null;
    }

    /**
     * The whole document: the form's title (or {@code fallbackTitle} when the form opens with none), the footer naming
     * what it is and when it was generated, the data as the form lays it out.
     */
    public static Pdf document(FormDefinition form, String fallbackTitle, String footer, Map<String, Object> data,
                               String fileName) {
        String title = title(form);
        PdfDocument pdf = new PdfDocument(title == null ? fallbackTitle : title, footer);
        print(pdf, form, data);
        return new Pdf(fileName, pdf.toBytes());
    }

    /** Prints the data into the document (whose title is the form's, so its heading is not repeated). */
    public static void print(PdfDocument pdf, FormDefinition form, Map<String, Object> data) {
        FormTexts texts = FormTexts.of(form);
        components(pdf, texts, form.components(), data, true, title(form, texts));
    }

    private static void components(PdfDocument pdf, FormTexts texts, List<FormComponent> components,
                                   Map<String, Object> data, boolean top, String title) {
        for (FormComponent c : components) {
            if ("text".equals(c.getType()) && c.getText() != null) {
                Matcher m = HEADING.matcher(texts.text(c));
                if (m.find() && !m.group(2).strip().equals(title)) pdf.heading(m.group(2).strip());
            } else if (c.isDynamicList()) {
                list(pdf, texts, c, data.get(c.getPath()));
            } else if (c.isGroup()) {
                Map<String, Object> inner = c.getPath() == null ? data : asMap(data.get(c.getPath()));
                if (c.getLabel() != null && !c.getLabel().isBlank()) {
                    if (top) pdf.heading(texts.label(c));
                    else pdf.subheading(texts.label(c));
                }
                components(pdf, texts, c.getComponents(), inner, false, title);
            } else if (c.isInput() && c.getKey() != null && data.containsKey(c.getKey())) {
                pdf.field(fieldName(texts, c), value(texts, c, data.get(c.getKey())));
            }
        }
    }

    /** A field's label as printed: its label in the reader's language, or its key when it has none. */
    private static String fieldName(FormTexts texts, FormComponent c) {
        return c.getDisplayLabel() == null ? c.getKey() : texts.displayLabel(c);
    }

    private static void list(PdfDocument pdf, FormTexts texts, FormComponent list, Object value) {
        List<Map<String, Object>> rows = value instanceof Collection<?> items
                ? items.stream().map(FormPrint::asMap).toList() : List.of();
        if (list.getLabel() != null) pdf.heading(texts.label(list));
        List<FormComponent> fields = list.getComponents().stream().filter(FormComponent::isInput).toList();
        boolean nested = list.getComponents().stream().anyMatch(c -> c.isDynamicList() || c.isGroup());
        String name = FormDiff.shorten(list.getLabel() == null ? "" : texts.label(list));
        if (!nested) {
            table(pdf, texts, name, fields, rows);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            pdf.subheading(name + " " + Texts.get("forms.row", String.valueOf(i + 1)));
            Map<String, Object> row = rows.get(i);
            for (FormComponent c : list.getComponents()) {
                if (c.isDynamicList()) {
                    List<Map<String, Object>> inner = row.get(c.getPath()) instanceof Collection<?> items
                            ? items.stream().map(FormPrint::asMap).toList() : List.of();
                    if (c.getLabel() != null) pdf.subheading(texts.label(c));
                    table(pdf, texts, FormDiff.shorten(c.getLabel() == null ? "" : texts.label(c)),
                            c.getComponents().stream().filter(FormComponent::isInput).toList(), inner);
                } else if (c.isInput() && c.getKey() != null) {
                    pdf.field(fieldName(texts, c), value(texts, c, row.get(c.getKey())));
                }
            }
        }
    }

    /** More columns than this do not fit an A4 page's width: such a list prints each row as its fields. */
    static final int MAX_COLUMNS = 7;

    private static void table(PdfDocument pdf, FormTexts texts, String rowName, List<FormComponent> fields,
                              List<Map<String, Object>> rows) {
        if (fields.size() + 1 > MAX_COLUMNS) {
            for (int r = 0; r < rows.size(); r++) {
                pdf.subheading(rowName + " " + Texts.get("forms.row", String.valueOf(r + 1)));
                for (FormComponent f : fields) {
                    pdf.field(fieldName(texts, f), value(texts, f, rows.get(r).get(f.getKey())));
                }
            }
            return;
        }
        List<String> headers = new ArrayList<>();
        headers.add(Texts.get("print.rowNo"));
        float[] weights = new float[fields.size() + 1];
        weights[0] = 0.5f;
        for (int i = 0; i < fields.size(); i++) {
            FormComponent f = fields.get(i);
            headers.add(fieldName(texts, f));
            weights[i + 1] = "textarea".equals(f.getType()) ? 2.5f : 1;
        }
        List<List<String>> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> line = new ArrayList<>();
            line.add(String.valueOf(r + 1));
            for (FormComponent f : fields) line.add(value(texts, f, rows.get(r).get(f.getKey())));
            cells.add(line);
        }
        pdf.table(headers, cells, weights);
    }

    /** A value as printed: option labels, file names, plain numbers; null prints blank. */
    public static String value(FormTexts texts, FormComponent c, Object v) {
        if (v == null) return "";
        if (v instanceof Collection<?> items) {
            return items.stream().map(i -> value(texts, c, i)).filter(s -> !s.isEmpty())
                    .collect(Collectors.joining(Texts.get("list.separator")));
        }
        if (v instanceof Map<?, ?> m) return m.get("name") != null ? String.valueOf(m.get("name")) : "";
        if (c.getValues() != null) {
            for (FormComponent.Option o : c.getValues()) {
                if (Objects.equals(String.valueOf(o.value()), String.valueOf(v))) return texts.option(c, o);
            }
        }
        if (v instanceof Boolean b) return Texts.get(b ? "print.yes" : "print.no");
        if (v instanceof Number n) return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        return v.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object v) {
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
