package cn.countyflow.pilot.designation.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.pilot.designation.RankingService;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.workflow.FieldErrorsException;

/**
 * 评审排名: a batch's applications by aggregated score (ties share a rank), with the spread flag; the officer ticks the
 * proposed list (top N by default) and gives a reason for every deviation, then sends it for approval.
 */
@Route(value = "pilot/batches/:batchId/ranking", layout = MainLayout.class)
@RolesAllowed({"PROVINCE_OFFICER", "PROVINCE_APPROVER", "ADMIN"})
public class RankingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final RankingService rankingService;
    private final CountyFlowUser user = CurrentUser.get();
    private long batchId;
    private final List<RankingService.Row> selectable = new ArrayList<>();
    private final List<Checkbox> includes = new ArrayList<>();
    private final List<TextField> reasons = new ArrayList<>();
    private String title = "";

    private final cn.countyflow.pilot.designation.ListPrints prints;

    public RankingView(RankingService rankingService, cn.countyflow.pilot.designation.ListPrints prints) {
        this.prints = prints;
        this.rankingService = rankingService;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        batchId = event.getRouteParameters().getLong("batchId").orElse(-1L);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void refresh() {
        removeAll();
        selectable.clear();
        includes.clear();
        reasons.clear();
        RankingService.Ranking r = rankingService.ranking(batchId, user);
        title = getTranslation("designation.ranking.title", r.batchName());
        add(new H2(title));
        add(new Span(getTranslation("designation.ranking.hint", r.expectedPilots())));
        if (r.listStatus() != null) {
            Span status = new Span(getTranslation("designation.ranking.listStatus",
                    getTranslation("designation.list.status." + r.listStatus())));
            status.setId("list-status");
            add(status, cn.countyflow.ui.PdfLink.of("list-pdf", getTranslation("print.list.file", r.batchName()),
                    () -> prints.proposedList(batchId, user)));
        }
        if (!r.allScored()) {
            Span notAll = new Span(getTranslation("designation.ranking.notAllScored"));
            notAll.setId("not-all-scored");
            add(notAll);
        }

        Grid<RankingService.Row> grid = new Grid<>();
        grid.setId("ranking");
        grid.addColumn(row -> row.rank() == null ? "—" : String.valueOf(row.rank()))
                .setHeader(getTranslation("designation.ranking.rank")).setAutoWidth(true);
        grid.addColumn(RankingService.Row::countyName).setHeader(getTranslation("designation.ranking.county")).setFlexGrow(1);
        grid.addColumn(RankingService.Row::cityName).setHeader(getTranslation("designation.ranking.city")).setFlexGrow(1);
        grid.addColumn(this::statusLabel).setHeader(getTranslation("designation.ranking.status")).setAutoWidth(true);
        grid.addColumn(row -> show(row.score())).setHeader(getTranslation("designation.ranking.score")).setAutoWidth(true);
        grid.addColumn(row -> row.expertCount() == null ? "" : String.valueOf(row.expertCount()))
                .setHeader(getTranslation("designation.ranking.experts")).setAutoWidth(true);
        grid.addColumn(row -> row.trimmed() ? getTranslation("designation.ranking.yes") : "")
                .setHeader(getTranslation("designation.ranking.trimmed")).setAutoWidth(true);
        grid.addColumn(row -> row.spreadFlagged() ? getTranslation("designation.ranking.spreadFlagged") : "")
                .setHeader(getTranslation("designation.ranking.spread")).setAutoWidth(true);
        grid.addColumn(row -> row.selectable() && row.included() ? getTranslation("designation.ranking.yes") : "")
                .setHeader(getTranslation("designation.ranking.included")).setAutoWidth(true);
        grid.setItems(r.rows());
        grid.setAllRowsVisible(true);
        add(grid);

        if (!r.canPropose()) return;
        add(new H3(getTranslation("designation.list.title")));
        VerticalLayout form = new VerticalLayout();
        form.setId("list-form");
        form.setPadding(false);
        for (RankingService.Row row : r.rows()) {
            if (!row.selectable()) continue;
            Checkbox include = new Checkbox(getTranslation("designation.ranking.rank") + " " + row.rank() + " · "
                    + row.countyName() + " · " + show(row.score()), row.included());
            include.setId("include-" + row.caseId());
            TextField reason = new TextField();
            reason.setId("reason-" + row.caseId());
            reason.setPlaceholder(getTranslation("designation.ranking.reason"));
            reason.setValue(row.reason() == null ? "" : row.reason());
            reason.setWidth("32em");
            reason.setMaxLength(1000);
            HorizontalLayout line = new HorizontalLayout(include, reason);
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            form.add(line);
            selectable.add(row);
            includes.add(include);
            reasons.add(reason);
        }
        add(form);
        boolean revising = r.listStatus() != null;
        Button submit = new Button(getTranslation(revising ? "designation.ranking.save" : "designation.ranking.submit"),
                e -> submit(revising));
        submit.setId("list-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(submit);
    }

    private void submit(boolean revising) {
        List<RankingService.Choice> choices = new ArrayList<>();
        for (int i = 0; i < selectable.size(); i++) {
            reasons.get(i).setInvalid(false);
            choices.add(new RankingService.Choice(selectable.get(i).caseId(), includes.get(i).getValue(),
                    reasons.get(i).getValue()));
        }
        try {
            rankingService.propose(batchId, new RankingService.Proposal(choices), user);
            Notification.show(getTranslation(revising ? "designation.ranking.saved" : "designation.ranking.submitted"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (FieldErrorsException ex) {
            for (Map.Entry<String, String> err : ex.getErrors().entrySet()) {
                String key = err.getKey();
                if (key.startsWith("entries[") && key.endsWith("].reason")) {
                    int i = Integer.parseInt(key.substring("entries[".length(), key.indexOf(']')));
                    if (i < reasons.size()) {
                        reasons.get(i).setErrorMessage(err.getValue());
                        reasons.get(i).setInvalid(true);
                    }
                } else {
                    Notification.show(err.getValue()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            }
        }
    }

    private String statusLabel(RankingService.Row row) {
        if (row.score() == null && !row.selectable()
                && switch (row.status()) { case NOT_RECOMMENDED, SELECTED, NOT_SELECTED -> false; default -> true; }) {
            return getTranslation("designation.ranking.underReview");
        }
        return getTranslation("designation.status." + row.status());
    }

    static String show(BigDecimal score) {
        return score == null ? "" : score.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
