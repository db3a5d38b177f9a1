package cn.countyflow.forms;

import cn.countyflow.forms.FormComponent.Option;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;

import cn.countyflow.workflow.Texts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A Camunda Forms file rendered with Vaadin Flow components, server side.
 * <p>
 * Every field gets the DOM id {@code field-<address>} (e.g. {@code field-leadingIndustries-0-name}); add/remove
 * buttons of dynamic lists are {@code add-<list>} and {@code remove-<list>-<row>}. Conditional visibility is
 * re-evaluated on every value change, through the same {@link FormWalker} the validator uses.
 */
public class RenderedForm extends Composite<VerticalLayout> {

    static final String REMOVE_ROW = "forms.row.remove";

    private final FormDefinition form;
    /** The form's texts in the reader's language: every label, description, text and option shown reads them here. */
    private final FormTexts texts;
    private final Map<String, Object> rootData;
    /**
     * The opening data the form has no field for (e.g. the name of the expert a sheet is entered for): like Camunda
     * Forms, texts and {@code conditional.hide} read it beside the fields' current values.
     */
    private final Map<String, Object> outsideData;
    private final boolean readOnly;
    private final FormServices services;
    private final FormWalker walker;
    private final List<Node> nodes;
    private final Div errorSummary = new Div();
    private final Span errorCount = new Span();
    private final Div errorList = new Div();
    /** Field address → its message, while shown; the summary lists them in the form's order. */
    private final Map<String, String> shownErrors = new LinkedHashMap<>();
    private final FormValidator validator;
    private final List<Runnable> changeListeners = new ArrayList<>();
    private boolean building = true;
    private String scrolledTo;
    /** The section outline of a long form beside it, or null; see {@link #outlineSections}. */
    private final Div outline;

    public RenderedForm(FormDefinition form, Map<String, Object> data, boolean readOnly, FormServices services) {
        this.form = form;
        this.texts = FormTexts.of(form);
        this.rootData = data == null ? Map.of() : data;
        this.readOnly = readOnly;
        this.services = services;
        this.walker = new FormWalker(services.feel());
        this.validator = new FormValidator(services.feel());
        this.nodes = build(form.components(), "", rootData, "");
        this.outsideData = new LinkedHashMap<>(rootData);
        outsideData.keySet().removeAll(boundRoots(form.components(), new HashSet<>()));

        errorSummary.setId("form-error-summary");
        errorSummary.getElement().setAttribute("role", "alert");
        errorSummary.getStyle().set("color", "var(--lumo-error-text-color)")
                .set("border", "1px solid var(--lumo-error-color-50pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("background", "var(--lumo-error-color-10pct)")
                .set("box-sizing", "border-box").set("width", "100%");
        errorCount.setId("form-error-count");
        errorCount.getStyle().set("font-weight", "600");
        errorSummary.add(errorCount, errorList);
        errorSummary.setVisible(false);
        VerticalLayout root = getContent();
        root.setPadding(false);
        List<Node> sections = outlineSections(nodes);
        if (readOnly || sections.size() < OUTLINE_MIN_SECTIONS) {
            outline = null;
            root.add(errorSummary, layout(nodes));
        } else {
            // a long form: its chapters and 附表 stay in view beside it, each with what is left to do
            outline = new Div();
            outline.setId("form-outline");
            outline.getStyle().set("position", "sticky").set("top", "0").set("align-self", "flex-start")
                    .set("flex", "0 0 13em").set("max-height", "100vh").set("overflow", "auto")
                    .set("font-size", "var(--lumo-font-size-s)");
            FormLayout body = layout(nodes);
            HorizontalLayout columns = new HorizontalLayout(outline, body);
            columns.setWidthFull();
            columns.setFlexGrow(1, body);
            root.add(errorSummary, columns);
        }
        building = false;
        refreshOutline();
        refreshVisibility();
        refreshTemplates();
    }

    /** The first path segment of every field, group or list binding, through groups without a path. */
    private static Set<String> boundRoots(List<FormComponent> components, Set<String> into) {
        for (FormComponent c : components) {
            String binding = FormData.binding(c);
            if (binding != null) {
                into.add(binding.split("\\.", 2)[0]);
            } else if (c.isGroup()) {
                boundRoots(c.getComponents(), into);
            }
        }
        return into;
    }

    /** What texts and hide conditions are evaluated against: the opening data outside the fields, then the values. */
    private Map<String, Object> feelContext() {
        Map<String, Object> context = new LinkedHashMap<>(outsideData);
        context.putAll(getData());
        return context;
    }

    /** Texts with {{ FEEL }} placeholders (e.g. a score sheet's running total) follow the values as the user types. */
    private void refreshTemplates() {
        refreshTemplates(feelContext());
    }

    private void refreshTemplates(Map<String, Object> data) {
        forEachNode(n -> {
            if (n instanceof TemplateNode t) t.refresh(data);
        });
    }

    /** Current values as plain JSON-able data (String, BigDecimal, Boolean, List, Map, ISO date String). */
    public Map<String, Object> getData() {
        Map<String, Object> out = new LinkedHashMap<>();
        nodes.forEach(n -> n.write(out));
        return out;
    }

    /**
     * Marks the fields named by address and lists every error in a summary at the top of the form, each a link that
     * scrolls to its field; messages for addresses not on screen are listed without a link. The page scrolls to the
     * first error. An entry leaves the summary when its field is corrected, the summary when no entry is left.
     */
    public void showErrors(Map<String, String> fieldErrors) {
        clearErrors();
        Set<String> known = new HashSet<>();
        Node[] first = new Node[1];
        forEachNode(n -> {
            String message = fieldErrors.get(n.address);
            if (message != null && !known.contains(n.address)) {
                known.add(n.address);
                n.showError(message);
                shownErrors.put(n.address, message);
                if (first[0] == null) first[0] = n;
            }
        });
        fieldErrors.forEach((address, message) -> {
            if (!known.contains(address)) shownErrors.put(address, message);
        });
        renderSummary();
        scrollTo(first[0] != null ? first[0].view() : errorSummary);
    }

    public void clearErrors() {
        forEachNode(Node::clearError);
        shownErrors.clear();
        renderSummary();
    }

    /** The messages listed in the summary, in the form's order (for tests and the task view). */
    public Map<String, String> errors() {
        return Map.copyOf(shownErrors);
    }

    /** Called after every change the user makes to a value (to track unsaved changes). */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * Drops the rows of dynamic lists that the user left wholly empty (in lists where rows can be removed), so that
     * an untouched row is not flagged; the remaining rows keep their order.
     */
    public void dropBlankRows() {
        List<ListNode> lists = new ArrayList<>();
        forEachNode(n -> {
            if (n instanceof ListNode l && l.canEdit) lists.add(l);
        });
        // innermost first: a row whose inner lists were all blank becomes blank itself
        for (int i = lists.size() - 1; i >= 0; i--) {
            lists.get(i).dropBlankRows();
        }
    }

    private void renderSummary() {
        errorList.removeAll();
        Map<String, Node> byAddress = new LinkedHashMap<>();
        forEachNode(n -> byAddress.putIfAbsent(n.address, n));
        shownErrors.forEach((address, message) -> {
            Node node = byAddress.get(address);
            Div entry = new Div();
            if (node != null) {
                Button link = new Button(Texts.get("text.labelValue", node.trail, message), e -> scrollTo(node));
                link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                String id = FormData.domId(address);
                link.setId("error-link-" + id.substring("field-".length()));
                link.getElement().setAttribute("data-field", id);
                link.getStyle().set("text-decoration", "underline").set("white-space", "normal").set("text-align", "left")
                        .set("height", "auto");
                entry.add(link);
            } else {
                entry.add(new Span(message));
            }
            errorList.add(entry);
        });
        errorCount.setText(Texts.get("usability.form.errorCount", shownErrors.size()));
        errorSummary.setVisible(!shownErrors.isEmpty());
        refreshOutline();
    }

    /** A form with at least this many sections gets an outline. */
    static final int OUTLINE_MIN_SECTIONS = 4;
    private static final java.util.regex.Pattern CHAPTER = java.util.regex.Pattern.compile("^([一二三四五六七八九十]+、|附表|附件).*");

    /**
     * The sections of the outline: the form's top-level groups and lists, the top-level fields whose label opens a
     * chapter (一、… 附表 … 附件 …) and the required attachments, in the form's order. The file's own labels decide, so
     * that the outline has the same sections in every language.
     */
    private static List<Node> outlineSections(List<Node> top) {
        return top.stream().filter(n -> FormData.binding(n.def) != null && n.def.getLabel() != null
                && (n.def.isGroup() || n.def.isDynamicList() || CHAPTER.matcher(n.def.getLabel()).matches()
                || "filepicker".equals(n.def.getType()) && n.def.isRequired())).toList();
    }

    /** Each section with its state: how many errors it still has, else whether it is still empty. */
    private void refreshOutline() {
        if (outline != null && !building) refreshOutline(getData());
    }

    /** As {@link #refreshOutline()}, with the values (or a context holding them) already read. */
    private void refreshOutline(Map<String, Object> data) {
        if (outline == null || building) return;
        outline.removeAll();
        Span title = new Span(Texts.get("usability.outline.title"));
        title.getStyle().set("font-weight", "600");
        outline.add(title);
        for (Node section : outlineSections(nodes)) {
            String binding = FormData.binding(section.def);
            long errors = shownErrors.keySet().stream().filter(a -> a.equals(section.address)
                    || a.startsWith(section.address + ".") || a.startsWith(section.address + "[")).count();
            boolean empty = isEmptyValue(FormData.get(data, binding));
            String label = texts.label(section.def);
            Button entry = new Button(label, e -> scrollTo(section));
            String id = FormData.domId(section.address).substring("field-".length());
            entry.setId("outline-" + id);
            entry.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            entry.getStyle().set("white-space", "normal").set("text-align", "left").set("height", "auto");
            entry.setTooltipText(label);
            Span state = new Span(errors > 0 ? Texts.get("usability.outline.errors", errors)
                    : Texts.get(empty ? "usability.outline.empty" : "usability.outline.filled"));
            state.setId("outline-state-" + id);
            state.getElement().getThemeList().add(errors > 0 ? "badge error small" : empty ? "badge contrast small" : "badge success small");
            Div line = new Div(entry, state);
            line.getStyle().set("display", "flex").set("justify-content", "space-between").set("gap", "var(--lumo-space-xs)")
                    .set("align-items", "baseline").set("padding", "var(--lumo-space-xs) 0");
            outline.add(line);
        }
    }

    private static boolean isEmptyValue(Object value) {
        if (value == null) return true;
        if (value instanceof String str) return str.isBlank();
        if (value instanceof java.util.Collection<?> c) return c.stream().allMatch(RenderedForm::isEmptyValue);
        if (value instanceof Map<?, ?> m) return m.values().stream().allMatch(RenderedForm::isEmptyValue);
        return false;
    }

    /** For tests: the outline's state of the section at {@code address}, or null when the form has no outline. */
    String outlineState(String address) {
        if (outline == null) return null;
        String id = "outline-state-" + FormData.domId(address).substring("field-".length());
        return outline.getChildren().flatMap(Component::getChildren).filter(c -> c.getId().filter(id::equals).isPresent())
                .findFirst().map(c -> ((Span) c).getText()).orElse(null);
    }

    private void scrollTo(Node node) {
        scrollTo(node.view());
    }

    private void scrollTo(Component target) {
        scrolledTo = target.getId().orElse(null);
        target.getElement().executeJs("this.scrollIntoView({block: 'center'}); if (this.focus) this.focus();");
    }

    /** The DOM id of the field (or summary) the form last scrolled to: the first error, or a followed link. */
    String scrolledTo() {
        return scrolledTo;
    }

    /** After a change to a marked field: the form's own rules are checked again; a field that passes leaves the summary. */
    private void recheck(Node node, Object value) {
        if (!shownErrors.containsKey(node.address)) return;
        String message = node.def.isInput() ? validator.check(node.def, value, getData()) : null;
        if (message == null) {
            node.clearError();
            shownErrors.remove(node.address);
        } else {
            node.showError(message);
            shownErrors.put(node.address, message);
        }
        renderSummary();
    }

    /** Shows and hides components according to their {@code conditional.hide} against the current values. */
    void refreshVisibility() {
        refreshVisibility(feelContext());
    }

    private void refreshVisibility(Map<String, Object> context) {
        Set<String> hidden = new HashSet<>();
        walker.walk(form, context, (c, address, value, isHidden) -> {
            if (isHidden) {
                hidden.add(address);
            }
        });
        // only what changes: setVisible(true) on a shown component is still a change sent to the browser and kept in
        // the session, for every component of the form when it opens (issue 12, VaadinFootprintBenchmarkIT)
        forEachNode(n -> {
            boolean visible = !hidden.contains(n.address);
            if (n.view().isVisible() != visible) n.view().setVisible(visible);
        });
    }

    private void onValueChange() {
        if (!building) {
            // the values are read once per change, for the hide conditions, the templated texts and the outline
            Map<String, Object> context = feelContext();
            refreshVisibility(context);
            refreshTemplates(context);
            refreshOutline(context);
            changeListeners.forEach(Runnable::run);
        }
    }

    private void forEachNode(Consumer<Node> action) {
        nodes.forEach(n -> n.forEach(action));
    }

    // ---- building ----

    private List<Node> build(List<FormComponent> components, String prefix, Map<String, Object> scope, String trail) {
        List<Node> result = new ArrayList<>();
        for (FormComponent c : components) {
            Node node = create(c, prefix, scope, trail);
            result.add(node);
        }
        return result;
    }

    /** Where a component sits, as a user reads it: 主导产业 第2项 · 企业 第1项 · 销售收入. */
    private String trail(String outer, FormComponent c) {
        String shown = texts.displayLabel(c); // a date field's dateLabel too, or its errors were listed without a name
        String label = shown == null || shown.isBlank() ? null : shown.trim();
        if (label == null) return outer;
        return outer.isEmpty() ? label : outer + " · " + label;
    }

    private Node create(FormComponent c, String prefix, Map<String, Object> scope, String outer) {
        Node node = createNode(c, prefix, scope, outer);
        node.trail = trail(outer, c);
        return node;
    }

    private Node createNode(FormComponent c, String prefix, Map<String, Object> scope, String outer) {
        String address = FormData.address(prefix, c);
        String binding = FormData.binding(c);
        Object value = binding == null ? null : FormData.get(scope, binding);
        if (c.isGroup()) {
            return binding == null
                    ? new GroupNode(c, address, build(c.getComponents(), prefix, scope, trail(outer, c)))
                    : new GroupNode(c, address, build(c.getComponents(), address + ".", FormData.asMap(value), trail(outer, c)));
        }
        if (c.isDynamicList()) {
            boolean present = FormData.contains(scope, binding);
            return new ListNode(c, address, present ? FormData.asList(value) : null, trail(outer, c));
        }
        return switch (c.getType()) {
            case "text" -> c.getText() != null && c.getText().contains("{{")
                    ? new TemplateNode(c, address)
                    : new StaticNode(c, address, new Markdown(c.getText() == null ? "" : texts.text(c)));
            case "separator" -> new StaticNode(c, address, new Hr());
            case "spacer" -> {
                Div spacer = new Div();
                spacer.setHeight((c.getHeight() == null ? 60 : c.getHeight()) + "px");
                yield new StaticNode(c, address, spacer);
            }
            case "filepicker" -> new FileNode(c, address, value);
            default -> valueNode(c, address, value);
        };
    }

    private ValueNode<?> valueNode(FormComponent c, String address, Object value) {
        List<Option> options = FormData.options(c, rootData);
        return switch (c.getType()) {
            case "textfield" -> {
                TextField f = new TextField();
                adorn(c, f::setPrefixComponent, f::setSuffixComponent);
                yield new ValueNode<>(c, address, f, RenderedForm::text, RenderedForm::emptyToNull, value);
            }
            case "textarea" -> new ValueNode<>(c, address, new TextArea(), RenderedForm::text, RenderedForm::emptyToNull, value);
            case "number" -> {
                BigDecimalField f = new BigDecimalField();
                adorn(c, f::setPrefixComponent, f::setSuffixComponent);
                yield new ValueNode<>(c, address, f, RenderedForm::decimal, v -> v, value);
            }
            case "checkbox" -> new ValueNode<>(c, address, new Checkbox(), Boolean.TRUE::equals, v -> v, value);
            case "radio" -> {
                RadioButtonGroup<Option> f = new RadioButtonGroup<>();
                f.setItems(options);
                f.setItemLabelGenerator(o -> texts.option(c, o));
                yield new ValueNode<>(c, address, f, v -> FormData.option(options, v), o -> o == null ? null : o.value(), value);
            }
            case "select" -> {
                ComboBox<Option> f = new ComboBox<>();
                f.setItems(options);
                f.setItemLabelGenerator(o -> texts.option(c, o));
                yield new ValueNode<>(c, address, f, v -> FormData.option(options, v), o -> o == null ? null : o.value(), value);
            }
            case "checklist" -> {
                CheckboxGroup<Option> f = new CheckboxGroup<>();
                f.setItems(options);
                f.setItemLabelGenerator(o -> texts.option(c, o));
                yield new ValueNode<>(c, address, f, v -> selected(options, v), s -> values(options, s), value);
            }
            case "taglist" -> {
                MultiSelectComboBox<Option> f = new MultiSelectComboBox<>();
                f.setItems(options);
                f.setItemLabelGenerator(o -> texts.option(c, o));
                yield new ValueNode<>(c, address, f, v -> selected(options, v), s -> values(options, s), value);
            }
            case "datetime" -> {
                DatePicker f = ChineseDates.setUp(new DatePicker());
                yield new ValueNode<>(c, address, f, RenderedForm::date, d -> d == null ? null : d.toString(), value);
            }
            default -> throw new IllegalStateException("no renderer for " + c);
        };
    }

    private void adorn(FormComponent c, Consumer<Component> prefix, Consumer<Component> suffix) {
        if (c.getAppearance() != null) {
            if (c.getAppearance().prefixAdorner() != null) prefix.accept(new Span(texts.prefixAdorner(c)));
            if (c.getAppearance().suffixAdorner() != null) suffix.accept(new Span(texts.suffixAdorner(c)));
        }
    }

    /** The required mark of fields Vaadin does not mark itself (Lumo's required-field bullet). */
    static final String REQUIRED_MARK = "\u2022";

    /** Camunda Forms lays a form out on a grid of 16 columns; a component's {@code layout.columns} is its width there. */
    static final int GRID_COLUMNS = 16;

    /**
     * The form's own rows and columns: components sharing a {@code layout.row} stand side by side, each as wide as its
     * {@code layout.columns}, the others of the row sharing what is left; groups and lists take the whole width. A row
     * that does not fill the width is closed with a line break, so the next row starts on its own line. On a narrow
     * screen everything stacks.
     */
    private static FormLayout layout(List<Node> children) {
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", GRID_COLUMNS));
        int i = 0;
        while (i < children.size()) {
            String row = rowOf(children.get(i));
            int end = i + 1;
            while (end < children.size() && row != null && row.equals(rowOf(children.get(end)))) end++;
            List<Node> line = children.subList(i, end);
            int given = 0;
            int open = 0;
            for (Node n : line) {
                Integer c = declaredColumns(n);
                if (c == null) open++;
                else given += c;
            }
            int share = open == 0 ? 0 : Math.max(1, (GRID_COLUMNS - Math.min(given, GRID_COLUMNS)) / open);
            int used = 0;
            for (Node n : line) {
                Integer c = declaredColumns(n);
                int span = c != null ? c : given >= GRID_COLUMNS ? GRID_COLUMNS : share;
                layout.add(n.view());
                layout.setColspan(n.view(), span);
                used += span;
            }
            if (used % GRID_COLUMNS != 0 && end < children.size()) {
                layout.getElement().appendChild(new com.vaadin.flow.dom.Element("br"));
            }
            i = end;
        }
        return layout;
    }

    private static String rowOf(Node n) {
        FormComponent.Layout l = n.def.getLayout();
        return l == null ? null : l.row();
    }

    /** The width the form gives a component, within the grid; null where it leaves it to the row. */
    private static Integer declaredColumns(Node n) {
        if (n.def.isGroup() || n.def.isDynamicList()) return GRID_COLUMNS;
        FormComponent.Layout l = n.def.getLayout();
        if (l == null || l.columns() == null) return null;
        return Math.max(1, Math.min(GRID_COLUMNS, l.columns()));
    }

    // ---- value conversions (data → field) ----

    private static String text(Object v) {
        return v == null ? "" : String.valueOf(v);
    }

    private static Object emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static BigDecimal decimal(Object v) {
        try {
            return FormData.toDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(Object v) {
        try {
            return FormData.toDate(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Set<Option> selected(List<Option> options, Object v) {
        Set<Option> set = new LinkedHashSet<>();
        for (Object x : FormData.asList(v)) {
            Option o = FormData.option(options, x);
            if (o != null) set.add(o);
        }
        return set;
    }

    private static Object values(List<Option> options, Set<Option> selected) {
        return options.stream().filter(selected::contains).map(Option::value).toList();
    }

    // ---- nodes: one per form component, mirroring the component tree ----

    private abstract static class Node {
        final FormComponent def;
        final String address;
        String trail = "";

        Node(FormComponent def, String address) {
            this.def = def;
            this.address = address;
        }

        abstract Component view();

        /** Puts this node's value (if any) into {@code scope}. */
        void write(Map<String, Object> scope) {
        }

        void forEach(Consumer<Node> action) {
            action.accept(this);
        }

        boolean showError(String message) {
            return false;
        }

        void clearError() {
        }

        boolean editable() {
            return false;
        }
    }

    private static final class StaticNode extends Node {
        private final Component view;

        StaticNode(FormComponent def, String address, Component view) {
            super(def, address);
            this.view = view;
            view.setId(FormData.domId(address));
        }

        @Override
        Component view() {
            return view;
        }
    }

    /**
     * A text component with Camunda Forms templating: each {@code {{ expression }}} is replaced by the FEEL value of
     * the expression against the current data (numbers plainly written; "—" while it cannot be computed).
     */
    private final class TemplateNode extends Node {
        private final Markdown view = new Markdown();

        TemplateNode(FormComponent def, String address) {
            super(def, address);
            view.setId(FormData.domId(address));
        }

        void refresh(Map<String, Object> data) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{(.*?)}}").matcher(texts.text(def));
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = services.feel().evaluate(m.group(1), data).map(RenderedForm::plain).orElse("—");
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            view.setContent(out.toString());
        }

        String text() {
            return view.getContent();
        }

        @Override
        Component view() {
            return view;
        }
    }

    private static String plain(Object value) {
        if (value instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        if (value instanceof Number n) return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        return String.valueOf(value);
    }

    /** For tests: the text a templated text component shows now. */
    String templateText(String address) {
        String[] found = new String[1];
        forEachNode(n -> {
            if (n instanceof TemplateNode t && n.address.equals(address)) found[0] = t.text();
        });
        return found[0];
    }

    private final class ValueNode<V> extends Node {
        private final HasValue<?, V> field;
        private final Function<V, Object> fromField;

        @SuppressWarnings("unchecked")
        <F extends Component & HasValue<?, V>> ValueNode(FormComponent def, String address, F field,
                                                         Function<Object, V> toField, Function<V, Object> fromField,
                                                         Object value) {
            super(def, address);
            this.field = field;
            this.fromField = fromField;
            field.setId(FormData.domId(address));
            if (field instanceof com.vaadin.flow.component.HasLabel l) l.setLabel(texts.displayLabel(def));
            // no helper text, no property: most fields have none, and an empty one still travels and stays in the session
            if (field instanceof com.vaadin.flow.component.HasHelper h && def.getDescription() != null) {
                h.setHelperText(texts.description(def));
            }
            field.setRequiredIndicatorVisible(def.isRequired() && !def.isReadonlyOrDisabled());
            V initial = toField.apply(value == null ? def.getDefaultValue() : value);
            if (initial != null) {
                field.setValue(initial);
            }
            field.setReadOnly(readOnly || Boolean.TRUE.equals(def.getReadonly()));
            if (Boolean.TRUE.equals(def.getDisabled())) {
                ((Component) field).getElement().setEnabled(false);
            }
            field.addValueChangeListener(e -> {
                if (shownErrors.containsKey(address)) {
                    recheck(this, fromField.apply(e.getValue()));
                } else {
                    clearError();
                }
                onValueChange();
            });
        }

        @Override
        Component view() {
            return (Component) field;
        }

        @Override
        void write(Map<String, Object> scope) {
            FormData.put(scope, def.getKey(), fromField.apply(field.getValue()));
        }

        @Override
        boolean showError(String message) {
            if (field instanceof HasValidation v) {
                v.setErrorMessage(message);
                v.setInvalid(true);
                return true;
            }
            return false;
        }

        @Override
        void clearError() {
            if (field instanceof HasValidation v && v.isInvalid()) {
                v.setInvalid(false);
                v.setErrorMessage(null);
            }
        }
    }

    private final class GroupNode extends Node {
        private final List<Node> children;
        private final Component view;

        GroupNode(FormComponent def, String address, List<Node> children) {
            super(def, address);
            this.children = children;
            FormLayout body = layout(children);
            if (def.getLabel() != null && !def.getLabel().isBlank()) {
                Details details = new Details(texts.label(def), body);
                details.setOpened(true);
                details.setWidthFull();
                view = details;
            } else {
                view = body;
            }
            view.setId(FormData.domId(address));
        }

        @Override
        Component view() {
            return view;
        }

        @Override
        void write(Map<String, Object> scope) {
            String binding = FormData.binding(def);
            if (binding == null) {
                children.forEach(n -> n.write(scope));
            } else {
                Map<String, Object> sub = new LinkedHashMap<>();
                children.forEach(n -> n.write(sub));
                FormData.put(scope, binding, sub);
            }
        }

        @Override
        void forEach(Consumer<Node> action) {
            action.accept(this);
            children.forEach(n -> n.forEach(action));
        }
    }

    private final class ListNode extends Node {
        private final VerticalLayout view = new VerticalLayout();
        private final VerticalLayout rowsBox = new VerticalLayout();
        private final Span error = new Span();
        private final List<List<Node>> rows = new ArrayList<>();
        final boolean canEdit;
        private final String listTrail;

        ListNode(FormComponent def, String address, List<Object> initialRows, String listTrail) {
            super(def, address);
            this.listTrail = listTrail;
            canEdit = !readOnly && def.isAllowAddRemove() && !def.isReadonlyOrDisabled();
            view.setId(FormData.domId(address));
            view.setPadding(false);
            rowsBox.setPadding(false);
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            error.setVisible(false);
            if (def.getLabel() != null) {
                Span label = new Span(texts.label(def));
                label.getStyle().set("font-weight", "600");
                view.add(label);
            }
            view.add(rowsBox, error);
            if (canEdit) {
                Button add = new Button(Texts.get("usability.form.addRow", def.getLabel() == null ? "" : texts.label(def)), e -> {
                    addRow(new LinkedHashMap<>());
                    onValueChange();
                });
                add.setId("add-" + FormData.domId(address).substring("field-".length()));
                add.setIcon(new com.vaadin.flow.component.icon.Icon(com.vaadin.flow.component.icon.VaadinIcon.PLUS));
                add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                view.add(add);
            }
            if (initialRows != null) {
                initialRows.forEach(r -> addRow(FormData.asMap(r)));
            } else {
                // a list the user fills opens empty, with its 添加 button: no rule asks for a minimum of rows, and
                // starter rows only turned into "required" errors; fixed lists keep their rows
                int starter = canEdit ? 0 : def.getDefaultRepetitions();
                for (int i = 0; i < starter; i++) {
                    addRow(new LinkedHashMap<>());
                }
            }
        }

        private void addRow(Map<String, Object> rowData) {
            int index = rows.size();
            String prefix = FormData.rowPrefix(address, index);
            List<Node> rowNodes = build(def.getComponents(), prefix, rowData,
                    Texts.get("usability.form.rowTrail", listTrail, index + 1));
            rows.add(rowNodes);
            HorizontalLayout row = new HorizontalLayout();
            row.setId(FormData.domId(prefix).replaceFirst("^field-", "row-"));
            row.setWidthFull();
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            FormLayout fields = layout(rowNodes);
            row.add(fields);
            row.setFlexGrow(1, fields);
            if (canEdit) {
                Button remove = new Button(Texts.get(REMOVE_ROW), e -> removeRow(index));
                remove.setId(row.getId().orElseThrow().replaceFirst("^row-", "remove-"));
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                row.add(remove);
            }
            rowsBox.add(row);
        }

        void dropBlankRows() {
            List<Map<String, Object>> data = rowData();
            List<Map<String, Object>> kept = data.stream().filter(r -> !FormData.isBlankRow(def.getComponents(), r)).toList();
            if (kept.size() == data.size()) return;
            rows.clear();
            rowsBox.removeAll();
            kept.forEach(this::addRow);
            refreshVisibility();
        }

        private void removeRow(int index) {
            List<Map<String, Object>> data = rowData();
            data.remove(index);
            rows.clear();
            rowsBox.removeAll();
            data.forEach(this::addRow);
            onValueChange();
        }

        private List<Map<String, Object>> rowData() {
            List<Map<String, Object>> data = new ArrayList<>();
            for (List<Node> row : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                row.forEach(n -> n.write(m));
                data.add(m);
            }
            return data;
        }

        @Override
        Component view() {
            return view;
        }

        @Override
        void write(Map<String, Object> scope) {
            FormData.put(scope, def.getPath(), new ArrayList<Object>(rowData()));
        }

        @Override
        void forEach(Consumer<Node> action) {
            action.accept(this);
            rows.forEach(row -> row.forEach(n -> n.forEach(action)));
        }

        @Override
        boolean showError(String message) {
            error.setText(message);
            error.setVisible(true);
            return true;
        }

        @Override
        void clearError() {
            error.setVisible(false);
        }
    }

    private final class FileNode extends Node {
        private final VerticalLayout view = new VerticalLayout();
        private final Div fileList = new Div();
        private final Span status = new Span();
        private final List<AttachmentRef> files = new ArrayList<>();
        private final boolean canEdit;
        /** The upload button and its own list of files sent; null when the field cannot be edited. */
        private Upload upload;

        FileNode(FormComponent def, String address, Object value) {
            super(def, address);
            canEdit = !readOnly && !def.isReadonlyOrDisabled() && services.attachments() != null;
            view.setId(FormData.domId(address));
            view.setPadding(false);
            view.setSpacing(false);
            // labelled and marked required as every other field is (Lumo's label style and required bullet)
            Span label = new Span(def.getLabel() == null ? "" : texts.label(def));
            label.getStyle().set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500")
                    .set("color", "var(--lumo-secondary-text-color)");
            if (def.isRequired() && canEdit) {
                Span required = new Span(REQUIRED_MARK);
                required.addClassName("required-mark");
                required.getStyle().set("color", "var(--lumo-required-field-indicator-color, var(--lumo-primary-text-color))")
                        .set("margin-left", "0.25em");
                required.getElement().setAttribute("aria-hidden", "true");
                label.add(required);
            }
            view.add(label);
            for (Object v : value instanceof List<?> l ? l : value == null ? List.of() : List.of(value)) {
                AttachmentRef.from(v).ifPresent(files::add);
            }
            view.add(fileList);
            if (canEdit) {
                upload = new Upload(UploadHandler.inMemory((meta, bytes) -> receive(meta.fileName(), bytes)));
                upload.setId(FormData.domId(address) + "-upload");
                upload.setI18n(ChineseI18n.upload());
                upload.setAcceptedFileTypes(acceptedTypes(def).toArray(String[]::new));
                if (services.uploadPolicy() != null) {
                    upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, services.uploadPolicy().getMaxSize().toBytes()));
                }
                upload.addFileRejectedListener(e -> rejected(e.getFileName(), e.getErrorMessage()));
                view.add(upload);
            }
            if (def.getDescription() != null) {
                Span help = new Span(texts.description(def));
                help.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
                view.add(help);
            }
            status.setVisible(false);
            view.add(status);
            renderFiles();
        }

        /** Stores an uploaded file through the policy; package-visible so tests can drive it without a browser. */
        void receive(String fileName, byte[] bytes) {
            try {
                AttachmentRef ref = services.attachments().store(fileName, bytes, services.currentUser().get());
                if (!def.isMultiple()) {
                    files.clear();
                }
                files.add(ref);
                if (shownErrors.remove(address) != null) renderSummary();
                showStatus(Texts.get("forms.upload.done", ref.name()), false);
                renderFiles();
                onValueChange();
                clearSent();
            } catch (UploadRejectedException | FileStoreException e) {
                // refused, or the file store failed: the previous file stays, and the user reads why
                rejected(fileName, e.getMessage());
            }
        }

        /**
         * A file that was not accepted leaves the upload's list (where the browser would show it finished, with a
         * tick, beside the accepted one) and the field says which file and why.
         */
        private void rejected(String fileName, String reason) {
            clearSent();
            showStatus(Texts.get("usability.upload.rejected", fileName == null ? "" : fileName, reason), true);
        }

        /** The upload's own list only shows files in transit: what is attached is the field's list above it. */
        private void clearSent() {
            if (upload != null) upload.clearFileList();
        }

        private void renderFiles() {
            fileList.removeAll();
            for (AttachmentRef f : List.copyOf(files)) {
                // every file can be downloaded, PDFs and images also previewed, by those who may see the case
                // (/api/attachments checks the scope and audits each read)
                com.vaadin.flow.component.html.Anchor download = new com.vaadin.flow.component.html.Anchor(
                        "api/attachments/" + f.id(), Texts.get("text.paren", f.name(), humanSize(f.size())));
                download.setId("download-" + f.id());
                download.getElement().setAttribute("download", f.name());
                download.setRouterIgnore(true);
                download.getElement().setAttribute("title", Texts.get("usability.attachment.download"));
                HorizontalLayout line = new HorizontalLayout(download);
                if (AttachmentAccess.previewable(f.contentType())) {
                    com.vaadin.flow.component.html.Anchor preview = new com.vaadin.flow.component.html.Anchor(
                            "api/attachments/" + f.id() + "?inline=true", Texts.get("usability.attachment.preview"));
                    preview.setId("preview-" + f.id());
                    preview.setTarget("_blank");
                    preview.setRouterIgnore(true);
                    line.add(preview);
                }
                line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
                if (canEdit) {
                    Button remove = new Button(Texts.get("forms.file.remove"), e -> {
                        files.remove(f);
                        renderFiles();
                        onValueChange();
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    line.add(remove);
                }
                fileList.add(line);
            }
        }

        private void showStatus(String text, boolean isError) {
            status.setText(text);
            status.getStyle().set("color", isError ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
            status.setVisible(true);
        }

        String statusText() {
            return status.isVisible() ? status.getText() : null;
        }

        @Override
        Component view() {
            return view;
        }

        @Override
        void write(Map<String, Object> scope) {
            List<Object> maps = files.stream().<Object>map(AttachmentRef::toMap).toList();
            Object value = def.isMultiple() ? new ArrayList<>(maps) : maps.isEmpty() ? null : maps.get(0);
            FormData.put(scope, def.getKey(), value);
        }

        @Override
        boolean showError(String message) {
            showStatus(message, true);
            return true;
        }

        @Override
        void clearError() {
            status.setVisible(false);
        }
    }

    private static List<String> acceptedTypes(FormComponent def) {
        if (def.getAccept() == null || def.getAccept().isBlank()) {
            return UploadPolicy.ACCEPTED_EXTENSIONS;
        }
        return List.of(def.getAccept().split("\\s*,\\s*"));
    }

    private static String humanSize(long bytes) {
        if (bytes >= 1024 * 1024) return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
        if (bytes >= 1024) return String.format("%.0f KB", bytes / 1024.0);
        return Texts.get("forms.size.bytes", bytes);
    }

    /** For tests: delivers a file to the filepicker at {@code address} as if uploaded; returns the status shown. */
    String simulateUpload(String address, String fileName, byte[] bytes) {
        FileNode[] found = new FileNode[1];
        forEachNode(n -> {
            if (n instanceof FileNode f && n.address.equals(address)) found[0] = f;
        });
        if (found[0] == null) {
            throw new IllegalArgumentException("no filepicker at " + address);
        }
        found[0].receive(fileName, bytes);
        return found[0].statusText();
    }
}
