package cn.countyflow.pilot.years.ui;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.inbox.CaseSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.years.PilotHistoryService;
import cn.countyflow.pilot.years.PilotProjectService;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.WorkCalendar;
import cn.countyflow.workflow.Texts;

/** The pilot years' parts of the case page: the project's summary (10), its history (40), the application's link (40). */
final class ProjectSections {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);

    private ProjectSections() {
    }

    static String score(BigDecimal score) {
        return score == null ? "—" : score.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** On a project's case page: the application it came from, its score and rank, designation, status, targets. */
    @Component
    @Order(10)
    static class SummarySection implements CaseSection {
        private final PilotHistoryService history;

        SummarySection(PilotHistoryService history) {
            this.history = history;
        }

        @Override
        public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
            if (!PilotProjectService.CASE_TYPE.equals(c.caseType())) return Optional.empty();
            return history.summary(c.id(), user).map(s -> {
                VerticalLayout panel = new VerticalLayout();
                panel.setId("pilot-project-summary");
                panel.setPadding(false);
                panel.add(new H3(panel.getTranslation("pilot.years.summary.title")));
                FormLayout f = new FormLayout();
                Anchor app = new Anchor("cases/" + s.applicationCaseId(), s.applicationTitle());
                app.setId("pilot-project-application");
                f.addFormItem(app, panel.getTranslation("pilot.years.summary.application"));
                f.addFormItem(new Span(s.batchName()), panel.getTranslation("pilot.years.summary.batch"));
                Span scored = new Span(s.rank() == null ? "—"
                        : panel.getTranslation("pilot.years.summary.rankScore", s.rank(), score(s.score())));
                scored.setId("pilot-project-rank");
                f.addFormItem(scored, panel.getTranslation("pilot.years.summary.scored"));
                Span designated = new Span(String.valueOf(s.designatedOn()));
                designated.setId("pilot-project-designated");
                f.addFormItem(designated, panel.getTranslation("pilot.years.summary.designatedOn"));
                f.addFormItem(new Span(panel.getTranslation("pilot.years.summary.period", s.firstYear(), s.lastYear())),
                        panel.getTranslation("pilot.years.summary.years"));
                Span status = new Span(panel.getTranslation("pilot.years.status." + s.status()));
                status.setId("pilot-project-status");
                f.addFormItem(status, panel.getTranslation("pilot.years.summary.status"));
                f.addFormItem(new Span(String.valueOf(s.midtermDate())), panel.getTranslation("pilot.years.summary.midterm"));
                panel.add(f);
                if (!s.targets().isEmpty()) {
                    panel.add(targets(panel, s.targets()));
                }
                return panel;
            });
        }

        private static Grid<List<IndicatorService.Target>> targets(VerticalLayout panel, List<IndicatorService.Target> targets) {
            // one row per indicator, one column per target year
            var byIndicator = targets.stream().collect(Collectors.groupingBy(IndicatorService.Target::indicatorCode,
                    java.util.LinkedHashMap::new, Collectors.toList()));
            List<Integer> years = targets.stream().map(IndicatorService.Target::year).distinct().sorted().toList();
            Grid<List<IndicatorService.Target>> grid = new Grid<>();
            grid.setId("pilot-project-targets");
            grid.addColumn(l -> l.get(0).indicatorName()).setHeader(panel.getTranslation("pilot.years.targets.indicator"))
                    .setFlexGrow(2);
            grid.addColumn(l -> l.get(0).unit()).setHeader(panel.getTranslation("pilot.years.targets.unit")).setAutoWidth(true);
            grid.addColumn(l -> plain(l.get(0).baseline())).setHeader(panel.getTranslation("pilot.years.targets.baseline"))
                    .setAutoWidth(true);
            for (Integer y : years) {
                grid.addColumn(l -> l.stream().filter(t -> t.year() == y).findFirst().map(t -> plain(t.target())).orElse(""))
                        .setHeader(panel.getTranslation("pilot.years.targets.year", y)).setAutoWidth(true);
            }
            grid.setItems(List.copyOf(byIndicator.values()));
            grid.setAllRowsVisible(true);
            return grid;
        }

        private static String plain(BigDecimal v) {
            return v == null ? "" : v.stripTrailingZeros().toPlainString();
        }
    }

    /** On a project's case page: the whole pilot history (试点历程), in time order. */
    @Component
    @Order(40)
    static class TimelineSection implements CaseSection {
        private final PilotHistoryService history;

        TimelineSection(PilotHistoryService history) {
            this.history = history;
        }

        @Override
        public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
            if (!PilotProjectService.CASE_TYPE.equals(c.caseType())) return Optional.empty();
            List<PilotHistoryService.Entry> entries = history.timeline(c.id(), user);
            VerticalLayout panel = new VerticalLayout();
            panel.setId("pilot-history");
            panel.setPadding(false);
            panel.add(new H3(panel.getTranslation("pilot.years.history.title")));
            Grid<PilotHistoryService.Entry> grid = new Grid<>();
            grid.setId("pilot-history-entries");
            grid.addColumn(e -> e.at() == null ? "" : TIME.format(e.at()))
                    .setHeader(panel.getTranslation("pilot.years.history.time")).setAutoWidth(true);
            grid.addColumn(e -> what(panel, e)).setHeader(panel.getTranslation("pilot.years.history.what")).setFlexGrow(2);
            grid.addColumn(e -> e.who() == null ? "" : e.who()).setHeader(panel.getTranslation("pilot.years.history.who"))
                    .setAutoWidth(true);
            grid.addColumn(e -> e.note() == null || "RANKED".equals(e.kind()) ? "" : e.note()).setHeader(panel.getTranslation("pilot.years.history.note"))
                    .setFlexGrow(3);
            grid.setItems(entries);
            grid.setAllRowsVisible(true);
            panel.add(grid);
            return Optional.of(panel);
        }

        /** The line's text: 提交申报书（第1版）, 市级初审筛选：推荐, 评审排名第1名, 确定为试点示范县, 定期报告（替身）：… */
        static String what(com.vaadin.flow.component.Component ui, PilotHistoryService.Entry e) {
            return switch (e.kind()) {
                case "APPLICATION_DECISION", "DECISION" -> e.decision() == null ? Texts.step(e.title())
                        : ui.getTranslation("text.labelValue", Texts.step(e.title()), label(ui, "decision." + e.decision(), e.decision()));
                case "NOTICE" -> ui.getTranslation("pilot.years.history.NOTICE." + e.decision(), e.title());
                case "RANKED" -> ui.getTranslation("pilot.years.history.RANKED", e.title(), e.note() == null ? "—" : e.note());
                case "MIDTERM_DONE", "FINAL_DONE", "COMPLETED" -> ui.getTranslation("pilot.years.history." + e.kind(),
                        e.title() == null ? "" : label(ui, "pilot.years.outcome." + e.title(), e.title()));
                default -> ui.getTranslation("pilot.years.history." + e.kind(), e.title() == null ? "" : e.title());
            };
        }

        /** A decision's label from the bundles, or the code itself for decisions other features have not labelled. */
        static String label(com.vaadin.flow.component.Component ui, String key, String fallback) {
            String text = ui.getTranslation(key);
            return text == null || text.isBlank() || text.startsWith("!") ? fallback : text;
        }
    }

    /** On an application's case page: the pilot project it became, once designated. */
    @Component
    @Order(40)
    static class ApplicationProjectSection implements CaseSection {
        private final PilotProjectService projects;

        ApplicationProjectSection(PilotProjectService projects) {
            this.projects = projects;
        }

        @Override
        public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
            if (!PilotApplicationService.CASE_TYPE.equals(c.caseType())) return Optional.empty();
            return projects.ofApplication(c.id(), user).map(p -> {
                VerticalLayout panel = new VerticalLayout();
                panel.setId("pilot-application-project");
                panel.setPadding(false);
                panel.add(new H3(panel.getTranslation("pilot.years.project.title")));
                Anchor link = new Anchor("cases/" + p.getCaseId(), panel.getTranslation("pilot.years.project.open",
                        p.getFirstYear(), p.getLastYear(), panel.getTranslation("pilot.years.status." + p.getStatus())));
                link.setId("pilot-application-project-link");
                panel.add(link);
                return panel;
            });
        }
    }
}
