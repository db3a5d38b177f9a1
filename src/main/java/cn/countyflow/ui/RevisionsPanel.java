package cn.countyflow.ui;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.countyflow.forms.FormDiff;
import cn.countyflow.forms.FormRevision;
import cn.countyflow.org.UserNames;
import cn.countyflow.workflow.WorkCalendar;

/**
 * A case page's revision history of a form: every submitted revision, newest first, each expanding to what changed
 * since the one before, named by the form's field labels and grouped under its sections ({@link FormDiff}); field names
 * and values wrap instead of being cut. One panel for every feature that keeps revisions of a form.
 * <p>
 * Ids follow the prefix: {@code <prefix>-revisions}, {@code <prefix>-revision-<n>}, {@code <prefix>-revision-changes-<n>}
 * and one grid per section, {@code <prefix>-revision-changes-<n>-<k>}.
 */
public class RevisionsPanel extends VerticalLayout {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);

    private final List<? extends FormRevision> revisions;

    /**
     * @param prefix   the ids' prefix, e.g. the feature's name
     * @param titleKey the message key of the heading, in the feature's words (which document this is the history of)
     * @param noneKey  the message key of what is shown while nothing was submitted
     */
    public RevisionsPanel(String prefix, String titleKey, String noneKey, List<? extends FormRevision> revisions,
                          UserNames names) {
        this.revisions = revisions;
        setId(prefix + "-revisions");
        setPadding(false);
        add(new H3(getTranslation(titleKey)));
        if (revisions.isEmpty()) {
            add(new Span(getTranslation(noneKey)));
            return;
        }
        for (int i = revisions.size() - 1; i >= 0; i--) {
            FormRevision r = revisions.get(i);
            boolean first = i == 0;
            String summary = getTranslation("revisions.summary", r.revision(),
                    names.label(r.submittedBy(), r.submittedByName()), TIME.format(r.submittedAt()),
                    first ? getTranslation("revisions.first") : getTranslation("revisions.changeCount", r.changes().size()));
            Details details = new Details(summary);
            details.setId(prefix + "-revision-" + r.revision());
            details.setWidthFull();
            if (first) {
                details.add(new Span(getTranslation("revisions.firstText")));
            } else if (r.changes().isEmpty()) {
                details.add(new Span(getTranslation("revisions.noChanges")));
            } else {
                VerticalLayout sections = new VerticalLayout();
                sections.setId(prefix + "-revision-changes-" + r.revision());
                sections.setPadding(false);
                int k = 0;
                for (var section : FormDiff.bySection(r.changes()).entrySet()) {
                    H4 heading = new H4(section.getKey().isEmpty() ? getTranslation("revisions.otherSection")
                            : section.getKey());
                    heading.addClassName("revision-section");
                    Grid<FormDiff.Change> grid = new Grid<>();
                    grid.setId(prefix + "-revision-changes-" + r.revision() + "-" + k++);
                    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
                    grid.addColumn(FormDiff.Change::label).setHeader(getTranslation("revisions.field")).setFlexGrow(2)
                            .setTooltipGenerator(FormDiff.Change::label);
                    grid.addColumn(ch -> show(ch.oldValue())).setHeader(getTranslation("revisions.old")).setFlexGrow(1);
                    grid.addColumn(ch -> show(ch.newValue())).setHeader(getTranslation("revisions.new")).setFlexGrow(1);
                    grid.setItems(section.getValue());
                    grid.setAllRowsVisible(true);
                    sections.add(heading, grid);
                }
                details.add(sections);
            }
            add(details);
        }
    }

    /** The revisions shown, oldest first. */
    public List<? extends FormRevision> revisions() {
        return revisions;
    }

    private String show(Object v) {
        if (v == null) return getTranslation("revisions.empty");
        if (v instanceof Map<?, ?> m && m.get("name") != null) return String.valueOf(m.get("name"));
        if (v instanceof Collection<?> list) return list.stream().map(this::show).collect(Collectors.joining(getTranslation("list.separator")));
        if (v instanceof Number n) return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        String s = v.toString();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
