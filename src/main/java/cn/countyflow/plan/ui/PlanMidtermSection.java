package cn.countyflow.plan.ui;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.countyflow.inbox.CaseSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.plan.IndustryPlan;
import cn.countyflow.plan.PlanMidtermService;
import cn.countyflow.plan.PlanService;
import cn.countyflow.ui.UserMessages;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.WorkCalendar;

/**
 * On a plan's case page, once it is reported to the province: its mid-terms (where each stands, who opened it and
 * when) for whoever may see the plan, and for the province's officer 开启中期评估, the same operation as
 * {@code POST /api/plan/plans/{caseId}/midterms}; the service decides who may and when.
 */
@Component
@Order(40)
class PlanMidtermSection implements CaseSection {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);
    private final PlanService plans;
    private final PlanMidtermService midterms;

    PlanMidtermSection(PlanService plans, PlanMidtermService midterms) {
        this.plans = plans;
        this.midterms = midterms;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
        if (!PlanService.CASE_TYPE.equals(c.caseType())) return Optional.empty();
        var plan = plans.detail(c.id(), user).plan();
        var list = midterms.midterms(c.id(), user);
        boolean officer = user.has(Role.PROVINCE_OFFICER) && plan.status() == IndustryPlan.Status.REPORTED;
        if (list.isEmpty() && !officer) return Optional.empty();
        VerticalLayout panel = new VerticalLayout();
        panel.setId("plan-midterms");
        panel.setPadding(false);
        panel.add(new H3(panel.getTranslation("plan.midterm.section.title")));
        if (!list.isEmpty()) {
            Grid<PlanMidtermService.Midterm> grid = new Grid<>();
            grid.setId("plan-midterm-grid");
            grid.addColumn(m -> TIME.format(m.startedAt())).setHeader(panel.getTranslation("plan.midterm.section.startedAt"))
                    .setAutoWidth(true);
            grid.addColumn(m -> panel.getTranslation("plan.midterm.status." + m.status()))
                    .setHeader(panel.getTranslation("plan.midterm.section.status")).setAutoWidth(true);
            grid.addColumn(m -> m.concludedAt() == null ? "" : TIME.format(m.concludedAt()))
                    .setHeader(panel.getTranslation("plan.midterm.section.concludedAt")).setAutoWidth(true);
            grid.setItems(list);
            grid.setAllRowsVisible(true);
            panel.add(grid);
        }
        if (officer) {
            Button open = new Button(panel.getTranslation("plan.midterm.section.open"), e -> {
                try {
                    midterms.start(c.id(), user);
                    Notification.show(panel.getTranslation("plan.midterm.section.opened"))
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    UI.getCurrent().getPage().reload();
                } catch (RuntimeException ex) {
                    Notification.show(UserMessages.of(ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            open.setId("plan-midterm-open");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            panel.add(open);
        }
        return Optional.of(panel);
    }
}
