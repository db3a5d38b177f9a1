package cn.countyflow.forms;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.countyflow.forms.FormComponent.Option;
import cn.countyflow.workflow.Texts;

/**
 * The texts a form file shows its reader, in the reader's language (issue 11 point 16): labels, date labels,
 * descriptions, text blocks (headings included, {@code {{ }}} expressions kept), short labels, adorners and option
 * labels. Everything that shows a form's text — the renderer, its error summary and outline, the print, the revision
 * diff, the API's schema — reads it here.
 * <p>
 * The form file's own text is the Chinese, and its source of truth: Chinese readers get it as it is. English comes from
 * {@code messages_en.properties} under
 * <pre>form.&lt;form id&gt;.&lt;ref&gt;.&lt;attribute&gt;</pre>
 * where {@code ref} is the component's binding path through its groups and lists ({@code contactName},
 * {@code scores.innovation}, {@code leadingIndustries.enterprises.sales}), or its {@code id} when it has no binding
 * (a text block, a group without path), and {@code attribute} is {@code label}, {@code dateLabel}, {@code description},
 * {@code text}, {@code shortLabel}, {@code prefixAdorner}, {@code suffixAdorner} or {@code option.<value>}. A text
 * without its English (options that come with the data, a form without an id) is shown as the file has it.
 */
public final class FormTexts {
    static final String PREFIX = "form.";

    private final String formId;
    private final Locale locale;

    private FormTexts(String formId, Locale locale) {
        this.formId = formId;
        this.locale = Texts.effective(locale);
    }

    /** The form's texts in the current request's language. */
    public static FormTexts of(FormDefinition form) {
        return of(form, Texts.current());
    }

    public static FormTexts of(FormDefinition form, Locale locale) {
        return new FormTexts(form.id(), locale);
    }

    public Locale locale() {
        return locale;
    }

    public String label(FormComponent c) {
        return text(c, "label", c.getLabel());
    }

    /** The label a field shows: its date label for a date field, otherwise its label. */
    public String displayLabel(FormComponent c) {
        return "datetime".equals(c.getType()) && c.getDateLabel() != null
                ? text(c, "dateLabel", c.getDateLabel()) : label(c);
    }

    public String description(FormComponent c) {
        return text(c, "description", c.getDescription());
    }

    /** A text block's text (Markdown, with its {@code {{ expression }}} placeholders as the file has them). */
    public String text(FormComponent c) {
        return text(c, "text", c.getText());
    }

    /** {@code properties.shortLabel}, or null. */
    public String shortLabel(FormComponent c) {
        return text(c, "shortLabel", c.getShortLabel());
    }

    public String prefixAdorner(FormComponent c) {
        return c.getAppearance() == null ? null : text(c, "prefixAdorner", c.getAppearance().prefixAdorner());
    }

    public String suffixAdorner(FormComponent c) {
        return c.getAppearance() == null ? null : text(c, "suffixAdorner", c.getAppearance().suffixAdorner());
    }

    /** An option's label; an option that came with the data (valuesKey) has no key and keeps its own label. */
    public String option(FormComponent c, Option option) {
        if (option == null) return null;
        return text(c, "option." + option.value(), option.label());
    }

    private String text(FormComponent c, String attribute, String source) {
        if (source == null || source.isBlank() || locale != Texts.ENGLISH || formId == null || c.getTextRef() == null) {
            return source;
        }
        String key = key(formId, c, attribute);
        String text = Texts.translate(key, locale);
        return text.equals("!" + key) ? source : text;
    }

    static String key(String formId, FormComponent c, String attribute) {
        return PREFIX + formId + "." + c.getTextRef() + "." + attribute;
    }

    /**
     * Every text of the form with the key its English is read from, in the form's order: what a translator writes,
     * and what the tests check is written.
     */
    public static Map<String, String> sources(FormDefinition form) {
        Map<String, String> out = new LinkedHashMap<>();
        if (form.id() != null) sources(form.id(), form.components(), out);
        return out;
    }

    private static void sources(String formId, List<FormComponent> components, Map<String, String> out) {
        for (FormComponent c : components) {
            put(out, formId, c, "label", c.getLabel());
            put(out, formId, c, "dateLabel", c.getDateLabel());
            put(out, formId, c, "description", c.getDescription());
            put(out, formId, c, "text", c.getText());
            put(out, formId, c, "shortLabel", c.getShortLabel());
            if (c.getAppearance() != null) {
                put(out, formId, c, "prefixAdorner", c.getAppearance().prefixAdorner());
                put(out, formId, c, "suffixAdorner", c.getAppearance().suffixAdorner());
            }
            if (c.getValues() != null) {
                for (Option o : c.getValues()) put(out, formId, c, "option." + o.value(), o.label());
            }
            sources(formId, c.getComponents(), out);
        }
    }

    private static void put(Map<String, String> out, String formId, FormComponent c, String attribute, String text) {
        if (text != null && !text.isBlank()) out.put(key(formId, c, attribute), text);
    }

    /**
     * The form's schema JSON (as {@link FormRegistry#schemaJson} gives it) with its texts in this language, for clients
     * that render the schema themselves: the JSON and the parsed form hold the same components in the same order.
     * Chinese readers get the schema unchanged.
     */
    public JsonNode translate(FormDefinition form, JsonNode schema) {
        if (locale != Texts.ENGLISH || form.id() == null || !schema.isObject()) return schema;
        JsonNode copy = schema.deepCopy();
        translate(form.components(), copy.path("components"));
        return copy;
    }

    private void translate(List<FormComponent> components, JsonNode array) {
        Iterator<JsonNode> nodes = array.iterator();
        for (FormComponent c : components) {
            if (!nodes.hasNext()) return;
            if (!(nodes.next() instanceof ObjectNode node)) continue;
            replace(node, "label", label(c));
            replace(node, "dateLabel", c.getDateLabel() == null ? null : text(c, "dateLabel", c.getDateLabel()));
            replace(node, "description", description(c));
            replace(node, "text", text(c));
            if (node.path("properties") instanceof ObjectNode properties) replace(properties, "shortLabel", shortLabel(c));
            if (node.path("appearance") instanceof ObjectNode appearance) {
                replace(appearance, "prefixAdorner", prefixAdorner(c));
                replace(appearance, "suffixAdorner", suffixAdorner(c));
            }
            if (c.getValues() != null && node.path("values").isArray()) {
                for (int i = 0; i < c.getValues().size() && i < node.get("values").size(); i++) {
                    if (node.get("values").get(i) instanceof ObjectNode option) {
                        replace(option, "label", option(c, c.getValues().get(i)));
                    }
                }
            }
            translate(c.getComponents(), node.path("components"));
        }
    }

    private static void replace(ObjectNode node, String field, String text) {
        if (text != null && node.hasNonNull(field)) node.put(field, text);
    }
}
