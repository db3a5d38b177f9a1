package cn.countyflow.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

/**
 * What a reader of a rendered form reads that the form file wrote: labels, help texts, text blocks, group titles,
 * option labels, buttons and the short texts beside fields (error summary, outline) — hidden components included,
 * the values in the fields and the names of attached files (data) not.
 */
public final class ShownTexts {
    private ShownTexts() {
    }

    public static List<String> of(Component root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        out.removeIf(t -> t == null || t.isBlank());
        return out;
    }

    /** The labels of the options a choice field offers. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<String> options(Component c) {
        if (c instanceof RadioButtonGroup r) return labels(r.getListDataView().getItems(), r.getItemLabelGenerator());
        if (c instanceof ComboBox b) return labels(b.getListDataView().getItems(), b.getItemLabelGenerator());
        if (c instanceof CheckboxGroup g) return labels(g.getListDataView().getItems(), g.getItemLabelGenerator());
        if (c instanceof MultiSelectComboBox m) return labels(m.getListDataView().getItems(), m.getItemLabelGenerator());
        return List.of();
    }

    private static <T> List<String> labels(Stream<T> items, ItemLabelGenerator<T> generator) {
        Function<T, String> label = generator::apply;
        return items.map(label).toList();
    }

    private static void collect(Component c, List<String> out) {
        if (c instanceof HasLabel l) out.add(l.getLabel());
        if (c instanceof HasHelper h) out.add(h.getHelperText());
        if (c instanceof Markdown m) out.add(m.getContent());
        if (c instanceof Details d) out.add(d.getSummaryText());
        if (c instanceof Button b) out.add(b.getText());
        if (c instanceof Span s) out.add(s.getText());
        out.addAll(options(c));
        c.getChildren().forEach(child -> collect(child, out));
    }
}
