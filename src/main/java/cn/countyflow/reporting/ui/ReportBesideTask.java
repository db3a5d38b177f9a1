package cn.countyflow.reporting.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

import cn.countyflow.forms.FormRendering;
import cn.countyflow.inbox.TaskSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.reporting.ReportService;
import cn.countyflow.workflow.TaskDetails;

/** Beside the reviewer's form (审核定期报告): the report's latest submission, read-only, in the county's form. */
@Component
@Order(20)
class ReportBesideTask implements TaskSection {
    static final String REVIEW = "Task_ReviewReport";
    private final ReportService reports;
    private final FormRendering forms;

    ReportBesideTask(ReportService reports, FormRendering forms) {
        this.reports = reports;
        this.forms = forms;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(TaskDetails details, CountyFlowUser user) {
        if (!REVIEW.equals(details.task().taskKey())) return Optional.empty();
        return reports.reportOfTask(details.task().id(), user).map(report -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("periodLabel", report.report().periodLabel());
            data.put("dueDate", ReportCaseSection.DATE.format(report.report().dueAt()));
            if (!report.revisions().isEmpty()) {
                ReportService.Revision latest = report.revisions().get(report.revisions().size() - 1);
                data.put("workDone", latest.workDone());
                data.put("problems", latest.problems());
                if (latest.minutes() != null) {
                    data.put("minutes", latest.minutes());
                    data.put("minutesRequired", true);
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ReportService.ReportValue v : latest.values()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("indicator", v.indicatorCode());
                    row.put("unit", v.unit());
                    row.put("target", v.target());
                    row.put("value", v.value());
                    rows.add(row);
                }
                data.put("indicators", rows);
            }
            Div box = new Div();
            box.setId("review-report");
            box.setWidthFull();
            box.add(new H3(box.getTranslation("reporting.beside.title")),
                    forms.render("reporting/report.form", data, true, user::username));
            return box;
        });
    }
}
