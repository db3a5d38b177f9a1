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

    static final String ADD_ROW = "添加一行";
    static final String REMOVE_ROW = "删除";

    private final FormDefinition form;
    private final Map<String, Object> rootData;
    private final boolean readOnly;
    private final FormServices services;
    private final FormWalker walker;
    private final List<Node> nodes;
    private final Div errorSummary = new Div();
    private boolean building = true;

    public RenderedForm(FormDefinition form, Map<String, Object> data, boolean readOnly, FormServices services) {
        this.form = form;
        this.rootData = data == null ? Map.of() : data;
        this.readOnly = readOnly;
        this.services = services;
        this.walker = new FormWalker(services.feel());
        this.nodes = build(form.components(), "", rootData);

        errorSummary.setId("form-error-summary");
        errorSummary.getStyle().set("color", "var(--lumo-error-text-color)");
        errorSummary.setVisible(false);
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.add(errorSummary, layout(nodes));
        building = false;
        refreshVisibility();
    }

    /** Current values as plain JSON-able data (String, BigDecimal, Boolean, List, Map, ISO date String). */
    public Map<String, Object> getData() {
        Map<String, Object> out = new LinkedHashMap<>();
        nodes.forEach(n -> n.write(out));
        return out;
    }

    /** Marks the fields named by address; messages for addresses not on screen go to a summary above the form. */
    public void showErrors(Map<String, String> fieldErrors) {
        clearErrors();
        Set<String> shown = new HashSet<>();
        forEachNode(n -> {
            String message = fieldErrors.get(n.address);
            if (message != null && n.showError(message)) {
                shown.add(n.address);
            }
        });
        fieldErrors.forEach((address, message) -> {
            if (!shown.contains(address)) {
                errorSummary.add(new Div(address + "：" + message));
            }
        });
        errorSummary.setVisible(errorSummary.getComponentCount() > 0);
    }

    public void clearErrors() {
        forEachNode(Node::clearError);
        errorSummary.removeAll();
        errorSummary.setVisible(false);
    }

    /** Shows and hides components according to their {@code conditional.hide} against the current values. */
    void refreshVisibility() {
        Set<String> hidden = new HashSet<>();
        walker.walk(form, getData(), (c, address, value, isHidden) -> {
            if (isHidden) {
                hidden.add(address);
            }
        });
        forEachNode(n -> n.view().setVisible(!hidden.contains(n.address)));
    }

    private void onValueChange() {
        if (!building) {
            refreshVisibility();
        }
    }

    private void forEachNode(Consumer<Node> action) {
        nodes.forEach(n -> n.forEach(action));
    }

    // ---- building ----

    private List<Node> build(List<FormComponent> components, String prefix, Map<String, Object> scope) {
        List<Node> result = new ArrayList<>();
        for (FormComponent c : components) {
            result.add(create(c, prefix, scope));
        }
        return result;
    }

    private Node create(FormComponent c, String prefix, Map<String, Object> scope) {
        String address = FormData.address(prefix, c);
        String binding = FormData.binding(c);
        Object value = binding == null ? null : FormData.get(scope, binding);
        if (c.isGroup()) {
            return binding == null
                    ? new GroupNode(c, address, build(c.getComponents(), prefix, scope))
                    : new GroupNode(c, address, build(c.getComponents(), address + ".", FormData.asMap(value)));
        }
        if (c.isDynamicList()) {
            boolean present = FormData.contains(scope, binding);
            return new ListNode(c, address, present ? FormData.asList(value) : null);
        }
        return switch (c.getType()) {
            case "text" -> new StaticNode(c, address, new Markdown(c.getText() == null ? "" : c.getText()));
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
                f.setItemLabelGenerator(Option::label);
                yield new ValueNode<>(c, address, f, v -> FormData.option(options, v), o -> o == null ? null : o.value(), value);
            }
            case "select" -> {
                ComboBox<Option> f = new ComboBox<>();
                f.setItems(options);
                f.setItemLabelGenerator(Option::label);
                yield new ValueNode<>(c, address, f, v -> FormData.option(options, v), o -> o == null ? null : o.value(), value);
            }
            case "checklist" -> {
                CheckboxGroup<Option> f = new CheckboxGroup<>();
                f.setItems(options);
                f.setItemLabelGenerator(Option::label);
                yield new ValueNode<>(c, address, f, v -> selected(options, v), s -> values(options, s), value);
            }
            case "taglist" -> {
                MultiSelectComboBox<Option> f = new MultiSelectComboBox<>();
                f.setItems(options);
                f.setItemLabelGenerator(Option::label);
                yield new ValueNode<>(c, address, f, v -> selected(options, v), s -> values(options, s), value);
            }
            case "datetime" -> {
                DatePicker f = new DatePicker();
                f.setI18n(ChineseI18n.datePicker());
                yield new ValueNode<>(c, address, f, RenderedForm::date, d -> d == null ? null : d.toString(), value);
            }
            default -> throw new IllegalStateException("no renderer for " + c);
        };
    }

    private static void adorn(FormComponent c, Consumer<Component> prefix, Consumer<Component> suffix) {
        if (c.getAppearance() != null) {
            if (c.getAppearance().prefixAdorner() != null) prefix.accept(new Span(c.getAppearance().prefixAdorner()));
            if (c.getAppearance().suffixAdorner() != null) suffix.accept(new Span(c.getAppearance().suffixAdorner()));
        }
    }

    private static FormLayout layout(List<Node> children) {
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        for (Node n : children) {
            layout.add(n.view());
            FormComponent.Layout l = n.def.getLayout();
            boolean half = l != null && l.columns() != null && l.columns() <= 8
                    && !n.def.isGroup() && !n.def.isDynamicList() && !"textarea".equals(n.def.getType());
            layout.setColspan(n.view(), half ? 1 : 2);
        }
        return layout;
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
            if (field instanceof com.vaadin.flow.component.HasLabel l) l.setLabel(def.getDisplayLabel());
            if (field instanceof com.vaadin.flow.component.HasHelper h) h.setHelperText(def.getDescription());
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
                clearError();
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
                Details details = new Details(def.getLabel(), body);
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
        private final boolean canEdit;

        ListNode(FormComponent def, String address, List<Object> initialRows) {
            super(def, address);
            canEdit = !readOnly && def.isAllowAddRemove() && !def.isReadonlyOrDisabled();
            view.setId(FormData.domId(address));
            view.setPadding(false);
            rowsBox.setPadding(false);
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            error.setVisible(false);
            if (def.getLabel() != null) {
                Span label = new Span(def.getLabel());
                label.getStyle().set("font-weight", "600");
                view.add(label);
            }
            view.add(rowsBox, error);
            if (canEdit) {
                Button add = new Button(ADD_ROW, e -> {
                    addRow(new LinkedHashMap<>());
                    onValueChange();
                });
                add.setId("add-" + FormData.domId(address).substring("field-".length()));
                add.addThemeVariants(ButtonVariant.LUMO_SMALL);
                view.add(add);
            }
            if (initialRows != null) {
                initialRows.forEach(r -> addRow(FormData.asMap(r)));
            } else {
                for (int i = 0; i < def.getDefaultRepetitions(); i++) {
                    addRow(new LinkedHashMap<>());
                }
            }
        }

        private void addRow(Map<String, Object> rowData) {
            int index = rows.size();
            String prefix = FormData.rowPrefix(address, index);
            List<Node> rowNodes = build(def.getComponents(), prefix, rowData);
            rows.add(rowNodes);
            HorizontalLayout row = new HorizontalLayout();
            row.setId(FormData.domId(prefix).replaceFirst("^field-", "row-"));
            row.setWidthFull();
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            FormLayout fields = layout(rowNodes);
            row.add(fields);
            row.setFlexGrow(1, fields);
            if (canEdit) {
                Button remove = new Button(REMOVE_ROW, e -> removeRow(index));
                remove.setId(row.getId().orElseThrow().replaceFirst("^row-", "remove-"));
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                row.add(remove);
            }
            rowsBox.add(row);
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

        FileNode(FormComponent def, String address, Object value) {
            super(def, address);
            canEdit = !readOnly && !def.isReadonlyOrDisabled() && services.attachments() != null;
            view.setId(FormData.domId(address));
            view.setPadding(false);
            view.setSpacing(false);
            Span label = new Span(def.getLabel() == null ? "" : def.getLabel() + (def.isRequired() && canEdit ? " *" : ""));
            view.add(label);
            for (Object v : value instanceof List<?> l ? l : value == null ? List.of() : List.of(value)) {
                AttachmentRef.from(v).ifPresent(files::add);
            }
            view.add(fileList);
            if (canEdit) {
                Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> receive(meta.fileName(), bytes)));
                upload.setId(FormData.domId(address) + "-upload");
                upload.setI18n(ChineseI18n.upload());
                upload.setAcceptedFileTypes(acceptedTypes(def).toArray(String[]::new));
                if (services.uploadPolicy() != null) {
                    upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, services.uploadPolicy().getMaxSize().toBytes()));
                }
                upload.addFileRejectedListener(e -> showStatus(e.getErrorMessage(), true));
                view.add(upload);
            }
            if (def.getDescription() != null) {
                Span help = new Span(def.getDescription());
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
                showStatus("已上传：" + ref.name(), false);
                renderFiles();
                onValueChange();
            } catch (UploadRejectedException e) {
                showStatus(e.getMessage(), true);
            }
        }

        private void renderFiles() {
            fileList.removeAll();
            for (AttachmentRef f : List.copyOf(files)) {
                HorizontalLayout line = new HorizontalLayout(new Span(f.name() + "（" + humanSize(f.size()) + "）"));
                line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
                if (canEdit) {
                    Button remove = new Button("移除", e -> {
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
        return bytes + " 字节";
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
