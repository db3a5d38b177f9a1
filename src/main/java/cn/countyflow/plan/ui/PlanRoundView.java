package cn.countyflow.plan.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.Role;
import cn.countyflow.plan.CompilationService;
import cn.countyflow.plan.PlanService;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.ui.UserMessages;

/**
 * 全省计划一览与汇总 (province): every plan of the round by city, county and industry, the late counties and cities,
 * and the compilations with their summary tables; the officer compiles the round from here.
 */
@Route(value = "plan/rounds/:roundId", layout = MainLayout.class)
@RolesAllowed({"PROVINCE_OFFICER", "PROVINCE_APPROVER", "ADMIN"})
public class PlanRoundView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final PlanService plans;
    private final CompilationService compilations;
    private final cn.countyflow.plan.EscalationService escalations;
    private final cn.countyflow.forms.AttachmentService attachments;
    private final CountyFlowUser user = CurrentUser.get();
    private String title = "";

    public PlanRoundView(PlanService plans, CompilationService compilations,
                         cn.countyflow.plan.EscalationService escalations, cn.countyflow.forms.AttachmentService attachments) {
        this.plans = plans;
        this.compilations = compilations;
        this.escalations = escalations;
        this.attachments = attachments;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long roundId;
        try {
            roundId = Long.parseLong(event.getRouteParameters().get("roundId").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        show(roundId);
    }

    private void show(long roundId) {
        removeAll();
        PlanService.Overview o = plans.overview(roundId, user);
        title = o.round().getName();
        add(new H2(title));
        add(new Paragraph(getTranslation("plan.round.summaryLine", o.round().period(), o.round().getBaseYear(),
                PlanRoundsView.DATE.format(o.round().getCountyDeadline()), PlanRoundsView.DATE.format(o.round().getCityDeadline()))));

        add(new H3(getTranslation("plan.overview.late")));
        Span lateCounties = new Span(getTranslation("plan.overview.lateCounties", names(o.lateCounties())));
        lateCounties.setId("late-counties");
        Span lateCities = new Span(getTranslation("plan.overview.lateCities", names(o.lateCities())));
        lateCities.setId("late-cities");
        add(lateCounties, lateCities);

        add(new H3(getTranslation("plan.overview.plans")));
        Grid<PlanService.PlanRow> grid = new Grid<>();
        grid.setId("round-plans");
        grid.addColumn(p -> p.cityName() == null ? getTranslation("plan.col.provinceDirect") : p.cityName())
                .setHeader(getTranslation("plan.col.city")).setAutoWidth(true);
        grid.addColumn(PlanService.PlanRow::countyName).setHeader(getTranslation("plan.col.county")).setAutoWidth(true);
        grid.addComponentColumn(p -> new Anchor("cases/" + p.caseId(), p.industry() == null
                ? getTranslation("plan.plans.drafting") : p.industry())).setHeader(getTranslation("plan.col.industry")).setFlexGrow(1);
        grid.addColumn(p -> getTranslation("plan.status." + p.status())).setHeader(getTranslation("plan.col.status")).setAutoWidth(true);
        grid.addColumn(PlanService.PlanRow::stage).setHeader(getTranslation("plan.col.stage")).setAutoWidth(true);
        grid.setItems(o.plans());
        grid.setAllRowsVisible(true);
        add(grid);

        add(new H3(getTranslation("plan.compilation.title")));
        if (user.has(Role.PROVINCE_OFFICER)) {
            Button compile = new Button(getTranslation("plan.compilation.compile"), e -> {
                try {
                    compilations.compile(roundId, user);
                    Notification.show(getTranslation("plan.compilation.compiled")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    show(roundId);
                } catch (RuntimeException ex) {
                    Notification.show(UserMessages.of(ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            compile.setId("compile-round");
            compile.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(compile);
        }
        for (CompilationService.Summary s : compilations.ofRound(roundId, user)) {
            Span status = new Span(getTranslation("plan.compilation.status." + s.status()));
            status.setId("compilation-status-" + s.id());
            Anchor link = new Anchor("cases/" + s.caseId(), getTranslation("plan.compilation.case"));
            add(new Paragraph(status, new Span(" · "), link));
            add(SummaryGrid.of(s));
        }

        add(new H3(getTranslation("plan.escalation.title")));
        if (user.has(Role.PROVINCE_OFFICER)) add(new EscalationForm(roundId, escalations, attachments, user, () -> show(roundId)));
        add(EscalationForm.grid(escalations.steps(roundId, null, user)));
    }

    private String names(List<PlanService.LateOffice> offices) {
        return offices.isEmpty() ? getTranslation("plan.overview.none")
                : String.join("、", offices.stream().map(PlanService.LateOffice::name).toList());
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
