package cn.countyflow.plan.ui;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import cn.countyflow.inbox.TaskSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.plan.PlanMonitoringService;
import cn.countyflow.plan.PlanProgressService;
import cn.countyflow.reporting.ReportService;
import cn.countyflow.workflow.TaskDetails;

/**
 * Beside a monitoring report's steps (the city's report, its revision, the province's review): the roll-up of the
 * city's counties' progress entries for the report's period, summed per industry; the form's values open with their
 * totals. TaskView has checked through TaskWork that the user may act on the task.
 */
@Component
@Order(21)
class MonitoringBesideTask implements TaskSection {
    private final PlanProgressService progress;
    private final ReportService reports;

    MonitoringBesideTask(PlanProgressService progress, ReportService reports) {
        this.progress = progress;
        this.reports = reports;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(TaskDetails details, CountyFlowUser user) {
        Long caseId = details.task().caseId();
        if (caseId == null || !PlanMonitoringService.CASE_TYPE.equals(details.task().caseType())) return Optional.empty();
        return reports.reportOfTask(details.task().id(), user).map(report -> {
            PlanProgressService.RollUp rollUp = progress.rollUp(caseId, report.report().periodKey());
            Div box = new Div();
            box.setId("monitoring-rollup");
            box.setWidthFull();
            box.add(new H3(box.getTranslation("plan.rollup.title", rollUp.periodLabel())));
            if (rollUp.lines().isEmpty()) {
                box.add(new Paragraph(box.getTranslation("plan.rollup.none")));
                return box;
            }
            Grid<PlanProgressService.RollUpLine> grid = new Grid<>();
            grid.setId("monitoring-rollup-grid");
            grid.addColumn(PlanProgressService.RollUpLine::industry).setHeader(box.getTranslation("plan.col.industry")).setAutoWidth(true);
            grid.addColumn(PlanProgressService.RollUpLine::counties).setHeader(box.getTranslation("plan.rollup.counties")).setAutoWidth(true);
            for (String code : PlanProgressService.INDICATORS) {
                grid.addColumn(l -> plain(l.sums().get(code))).setHeader(box.getTranslation("plan.progress.indicator." + code)).setAutoWidth(true);
            }
            grid.setItems(rollUp.lines());
            grid.setAllRowsVisible(true);
            box.add(grid);
            return box;
        });
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
