package cn.countyflow.pilot.ui;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.countyflow.inbox.CaseSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.WorkCalendar;

/** On a pilot application's case page: every revision of the 申报书; expanding one shows what changed. */
@Component
@Order(10)
class PilotRevisionsSection implements CaseSection {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);
    private final PilotApplicationService applications;
    private final cn.countyflow.pilot.PilotPrints prints;

    private final cn.countyflow.org.UserNames names;

    PilotRevisionsSection(PilotApplicationService applications, cn.countyflow.pilot.PilotPrints prints,
                          cn.countyflow.org.UserNames names) {
        this.names = names;
        this.applications = applications;
        this.prints = prints;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
        if (!PilotApplicationService.CASE_TYPE.equals(c.caseType())) return Optional.empty();
        RevisionsPanel panel = new RevisionsPanel(applications.revisions(c.id(), user), names);
        if (!panel.revisions.isEmpty()) {
            // the latest submitted revision, laid out like the paper form (issue 11 point 18)
            panel.addComponentAtIndex(1, cn.countyflow.ui.PdfLink.of("pilot-application-pdf",
                    panel.getTranslation("print.pilot.file", c.countyName(), String.valueOf(panel.revisions.size())),
                    () -> prints.application(c.id(), user)));
        }
        return Optional.of(panel);
    }

    static class RevisionsPanel extends VerticalLayout {
        final List<PilotApplicationService.Revision> revisions;

        RevisionsPanel(List<PilotApplicationService.Revision> revisions, cn.countyflow.org.UserNames names) {
            this.revisions = revisions;
            setId("pilot-revisions");
            setPadding(false);
            add(new H3(getTranslation("pilot.revisions.title")));
            if (revisions.isEmpty()) {
                add(new Span(getTranslation("pilot.revisions.none")));
                return;
            }
            for (int i = revisions.size() - 1; i >= 0; i--) {
                var r = revisions.get(i);
                String summary = getTranslation("pilot.revisions.summary", r.revision(),
                        names.label(r.submittedBy(), r.submittedByName()),
                        TIME.format(r.submittedAt()),
                        r.revision() == 1 ? getTranslation("pilot.revisions.first")
                                : getTranslation("pilot.revisions.changeCount", r.changes().size()));
                Details details = new Details(summary);
                details.setId("pilot-revision-" + r.revision());
                details.setWidthFull();
                if (r.revision() == 1) {
                    details.add(new Span(getTranslation("pilot.revisions.firstText")));
                } else if (r.changes().isEmpty()) {
                    details.add(new Span(getTranslation("pilot.revisions.noChanges")));
                } else {
                    // grouped by the form's sections; field names and values wrap instead of being cut
                    Map<String, List<PilotApplicationService.FieldChange>> bySection = new LinkedHashMap<>();
                    r.changes().forEach(ch -> bySection.computeIfAbsent(
                            ch.section() == null ? "" : ch.section(), k -> new ArrayList<>()).add(ch));
                    VerticalLayout sections = new VerticalLayout();
                    sections.setId("pilot-revision-changes-" + r.revision());
                    sections.setPadding(false);
                    int k = 0;
                    for (var section : bySection.entrySet()) {
                        H4 heading = new H4(section.getKey().isEmpty() ? getTranslation("pilot.revisions.otherSection")
                                : section.getKey());
                        heading.addClassName("revision-section");
                        Grid<PilotApplicationService.FieldChange> grid = new Grid<>();
                        grid.setId("pilot-revision-changes-" + r.revision() + "-" + k++);
                        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
                        grid.addColumn(PilotApplicationService.FieldChange::label)
                                .setHeader(getTranslation("pilot.revisions.field")).setFlexGrow(2)
                                .setTooltipGenerator(PilotApplicationService.FieldChange::label);
                        grid.addColumn(ch -> show(ch.oldValue())).setHeader(getTranslation("pilot.revisions.old")).setFlexGrow(1);
                        grid.addColumn(ch -> show(ch.newValue())).setHeader(getTranslation("pilot.revisions.new")).setFlexGrow(1);
                        grid.setItems(section.getValue());
                        grid.setAllRowsVisible(true);
                        sections.add(heading, grid);
                    }
                    details.add(sections);
                }
                add(details);
            }
        }

        private String show(Object v) {
            if (v == null) return getTranslation("pilot.revisions.empty");
            if (v instanceof Map<?, ?> m && m.get("name") != null) return String.valueOf(m.get("name"));
            if (v instanceof Collection<?> list) return list.stream().map(this::show).collect(Collectors.joining(getTranslation("list.separator")));
            if (v instanceof Number n) return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            String s = v.toString();
            return s.length() > 200 ? s.substring(0, 200) + "…" : s;
        }
    }
}
