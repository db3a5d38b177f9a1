package cn.countyflow.plan.ui;

import com.vaadin.flow.component.grid.Grid;

import cn.countyflow.plan.CompilationService;

/** The compilation's summary table: per city (or province-direct county) and industry, base and target figures. */
final class SummaryGrid {
    private SummaryGrid() {
    }

    static Grid<CompilationService.Line> of(CompilationService.Summary s) {
        Grid<CompilationService.Line> grid = new Grid<>();
        grid.setId("compilation-" + s.id());
        grid.addColumn(CompilationService.Line::areaName).setHeader(grid.getTranslation("plan.col.city")).setAutoWidth(true);
        grid.addColumn(CompilationService.Line::industry).setHeader(grid.getTranslation("plan.col.industry")).setAutoWidth(true);
        grid.addColumn(CompilationService.Line::plans).setHeader(grid.getTranslation("plan.summary.plans")).setAutoWidth(true);
        grid.addColumn(l -> l.baseRevenue().toPlainString()).setHeader(grid.getTranslation("plan.summary.baseRevenue")).setAutoWidth(true);
        grid.addColumn(l -> l.targetRevenue().toPlainString())
                .setHeader(grid.getTranslation("plan.summary.targetRevenue", s.targetYear())).setAutoWidth(true);
        grid.addColumn(l -> l.baseEnterprises() + " → " + l.targetEnterprises())
                .setHeader(grid.getTranslation("plan.summary.enterprises")).setAutoWidth(true);
        grid.addColumn(l -> l.baseAboveScale() + " → " + l.targetAboveScale())
                .setHeader(grid.getTranslation("plan.summary.aboveScale")).setAutoWidth(true);
        grid.setItems(s.lines());
        grid.setAllRowsVisible(true);
        return grid;
    }
}
