package cn.countyflow.evaluation.ui;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.countyflow.evaluation.EvaluationService;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.workflow.WorkCalendar;

/**
 * Evaluations read-only: status and conclusion, the progress table (target, actual and the completion ratio as
 * IndicatorService computed it), the narrative per work area, corrections with answers, every revision.
 * Shared by the case page's section and the panel beside the city's, province's and experts' tasks.
 */
class EvaluationPanel extends VerticalLayout {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkCalendar.ZONE);

    private final cn.countyflow.org.UserNames names;

    EvaluationPanel(String id, List<EvaluationService.Evaluation> evaluations, cn.countyflow.org.UserNames names) {
        this.names = names;
        setId(id);
        setPadding(false);
        add(new H3(getTranslation("evaluation.section.title")));
        for (EvaluationService.Evaluation e : evaluations) add(one(e));
    }

    private Div one(EvaluationService.Evaluation e) {
        Div box = new Div();
        box.setId("evaluation-" + e.kind().toLowerCase());
        box.setWidthFull();
        box.add(new H4(getTranslation("evaluation.kind." + e.kind()) + " · " + getTranslation("evaluation.status." + e.status())));
        if (e.returnReason() != null) box.add(line("evaluation.returnReason", e.returnReason()));
        if (Boolean.TRUE.equals(e.expertScoring())) {
            box.add(line("evaluation.expertScore", e.expertScore() == null ? getTranslation("evaluation.expertScore.pending")
                    : getTranslation("evaluation.expertScore.value", e.expertScore().toPlainString(),
                    e.expertCount() == null ? 0 : e.expertCount())
                    + (Boolean.TRUE.equals(e.spreadFlagged()) ? getTranslation("evaluation.expertScore.spread") : "")));
        }
        if (e.conclusion() != null) {
            box.add(line("evaluation.conclusion", getTranslation("evaluation.conclusion." + e.kind() + "." + e.conclusion())
                    + (e.conclusionComment() == null ? "" : "：" + e.conclusionComment())));
        }
        if (e.rectifyDeadline() != null) box.add(line("evaluation.deadline", DAY.format(e.rectifyDeadline())));
        if (e.extendedDeadline() != null) box.add(line("evaluation.extendedDeadline", DAY.format(e.extendedDeadline())));
        if (e.outcome() != null) box.add(line("evaluation.outcome", getTranslation("evaluation.outcome." + e.kind() + "." + e.outcome())));
        if (e.terminationReason() != null) box.add(line("evaluation.terminationReason", e.terminationReason()));
        if (e.benchmark()) box.add(line("evaluation.benchmark", e.benchmarkSummary()));

        box.add(progressGrid(this, "evaluation-progress-" + e.kind().toLowerCase(), e.progress()));

        if (!e.narrative().isEmpty()) {
            for (String area : EvaluationService.WORK_AREAS) {
                Object text = e.narrative().get(area);
                if (text != null) box.add(line("evaluation.area." + area, text.toString()));
            }
        }
        if (!e.corrections().isEmpty()) {
            Grid<EvaluationService.Correction> corrections = new Grid<>();
            corrections.setId("evaluation-corrections-" + e.kind().toLowerCase());
            corrections.addColumn(EvaluationService.Correction::seq).setHeader(getTranslation("evaluation.correction.seq"));
            corrections.addColumn(EvaluationService.Correction::requirement).setHeader(getTranslation("evaluation.correction.requirement")).setFlexGrow(3);
            corrections.addColumn(c -> c.answer() == null ? getTranslation("evaluation.correction.unanswered") : c.answer())
                    .setHeader(getTranslation("evaluation.correction.answer")).setFlexGrow(3);
            corrections.setItems(e.corrections());
            corrections.setAllRowsVisible(true);
            box.add(corrections);
        }
        for (EvaluationService.Revision r : e.revisions()) {
            box.add(new Paragraph(getTranslation("evaluation.revision", r.revision(),
                    getTranslation("evaluation.submission." + r.submission()),
                    names.label(r.submittedBy(), r.submittedByName()),
                    TIME.format(r.submittedAt()))));
        }
        return box;
    }

    static Grid<IndicatorService.Progress> progressGrid(com.vaadin.flow.component.Component owner, String id,
                                                        List<IndicatorService.Progress> rows) {
        Grid<IndicatorService.Progress> progress = new Grid<>();
        progress.setId(id);
        progress.addColumn(IndicatorService.Progress::indicatorName).setHeader(owner.getTranslation("evaluation.progress.indicator")).setFlexGrow(3);
        progress.addColumn(IndicatorService.Progress::year).setHeader(owner.getTranslation("evaluation.progress.year"));
        progress.addColumn(IndicatorService.Progress::unit).setHeader(owner.getTranslation("evaluation.progress.unit"));
        progress.addColumn(p -> show(p.target())).setHeader(owner.getTranslation("evaluation.progress.target"));
        progress.addColumn(p -> show(p.actual())).setHeader(owner.getTranslation("evaluation.progress.actual"));
        progress.addColumn(p -> p.ratio() == null ? "—" : p.ratio().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()).setHeader(owner.getTranslation("evaluation.progress.ratio"));
        progress.setItems(rows);
        progress.setAllRowsVisible(true);
        return progress;
    }

    private Paragraph line(String labelKey, String text) {
        Paragraph p = new Paragraph();
        Span label = new Span(getTranslation(labelKey) + "：");
        label.getStyle().set("font-weight", "600");
        p.add(label, new Span(text == null ? "" : text));
        return p;
    }

    private static String show(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }
}
