package cn.countyflow.plan.ui;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.Role;
import cn.countyflow.plan.PlanRound;
import cn.countyflow.plan.PlanRoundService;
import cn.countyflow.plan.PlanService;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.ui.UserMessages;
import cn.countyflow.workflow.FieldErrorsException;

/**
 * 振兴计划编制: the province opens rounds and goes on to a round's overview; a county sees its province's rounds and
 * drafts a plan in one (one per industry, several per round); everyone sees the plans in their scope.
 */
@Menu(order = 30, title = "nav.planRounds", icon = "vaadin:clipboard-text")
@Route(value = "plan/rounds", layout = MainLayout.class)
@RolesAllowed({"PROVINCE_OFFICER", "PROVINCE_APPROVER", "CITY_REVIEWER", "COUNTY_DRAFTER", "COUNTY_LEADER", "ADMIN"})
public class PlanRoundsView extends VerticalLayout implements HasDynamicTitle {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final PlanRoundService rounds;
    private final PlanService plans;
    private final CountyFlowUser user = CurrentUser.get();
    private final Grid<PlanRound> roundGrid = new Grid<>();
    private final Grid<PlanService.PlanRow> planGrid = new Grid<>();
    private final VerticalLayout openRounds = new VerticalLayout();

    private final cn.countyflow.plan.EscalationService escalations;

    public PlanRoundsView(PlanRoundService rounds, PlanService plans, cn.countyflow.plan.EscalationService escalations) {
        this.rounds = rounds;
        this.plans = plans;
        this.escalations = escalations;
        add(new H2(getTranslation("plan.rounds.title")));
        if (user.has(Role.PROVINCE_OFFICER)) {
            Button open = new Button(getTranslation("plan.round.new"), e -> openDialog());
            open.setId("round-new");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(open);
        }
        roundGrid.setId("rounds");
        roundGrid.addColumn(PlanRound::getName).setHeader(getTranslation("plan.round.name")).setFlexGrow(2);
        roundGrid.addColumn(PlanRound::period).setHeader(getTranslation("plan.round.period")).setAutoWidth(true);
        roundGrid.addColumn(PlanRound::getBaseYear).setHeader(getTranslation("plan.round.baseYear")).setAutoWidth(true);
        roundGrid.addColumn(r -> DATE.format(r.getCountyDeadline())).setHeader(getTranslation("plan.round.countyDeadline")).setAutoWidth(true);
        roundGrid.addColumn(r -> DATE.format(r.getCityDeadline())).setHeader(getTranslation("plan.round.cityDeadline")).setAutoWidth(true);
        roundGrid.addColumn(r -> getTranslation("plan.round.status." + r.getStatus())).setHeader(getTranslation("plan.round.status")).setAutoWidth(true);
        roundGrid.addComponentColumn(this::actions).setHeader(getTranslation("plan.round.actions")).setAutoWidth(true);
        roundGrid.setAllRowsVisible(true);
        if (user.has(Role.COUNTY_DRAFTER)) {
            openRounds.setId("open-rounds");
            openRounds.setPadding(false);
            add(openRounds);
        } else {
            add(roundGrid);
        }

        add(new H3(getTranslation("plan.plans.title")));
        planGrid.setId("plans");
        planGrid.addComponentColumn(p -> {
            Anchor a = new Anchor("cases/" + p.caseId(), p.industry() == null ? getTranslation("plan.plans.drafting") : p.industry());
            a.setId("plan-" + p.caseId());
            return a;
        }).setHeader(getTranslation("plan.col.industry")).setFlexGrow(1);
        planGrid.addColumn(PlanService.PlanRow::countyName).setHeader(getTranslation("plan.col.county")).setAutoWidth(true);
        planGrid.addColumn(p -> p.cityName() == null ? getTranslation("plan.col.provinceDirect") : p.cityName())
                .setHeader(getTranslation("plan.col.city")).setAutoWidth(true);
        planGrid.addColumn(PlanService.PlanRow::roundName).setHeader(getTranslation("plan.round.name")).setFlexGrow(1);
        planGrid.addColumn(p -> getTranslation("plan.status." + p.status())).setHeader(getTranslation("plan.col.status")).setAutoWidth(true);
        planGrid.addColumn(PlanService.PlanRow::stage).setHeader(getTranslation("plan.col.stage")).setAutoWidth(true);
        planGrid.setAllRowsVisible(true);
        add(planGrid);
        if (user.has(Role.CITY_REVIEWER)) {
            // what the province recorded against this city under the five-step method, every round
            add(new H3(getTranslation("plan.escalation.againstUs")));
            add(EscalationForm.grid(rounds.roundsFor(user).stream()
                    .flatMap(r -> escalations.steps(r.getId(), null, user).stream()).toList()));
        }
        refresh();
    }

    private com.vaadin.flow.component.Component actions(PlanRound r) {
        HorizontalLayout box = new HorizontalLayout();
        if (user.isProvinceStaff() || user.has(Role.ADMIN)) {
            Anchor overview = new Anchor("plan/rounds/" + r.getId(), getTranslation("plan.round.overview"));
            overview.setId("round-overview-" + r.getId());
            box.add(overview);
        }
        return box;
    }

    private void refresh() {
        var all = rounds.roundsFor(user);
        roundGrid.setItems(all);
        openRounds.removeAll();
        for (PlanRound r : all) {
            if (r.getStatus() != PlanRound.Status.OPEN) continue;
            VerticalLayout card = new VerticalLayout();
            card.setId("open-round-" + r.getId());
            card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)");
            card.add(new H3(r.getName()), new Paragraph(getTranslation("plan.round.summaryLine", r.period(), r.getBaseYear(),
                    DATE.format(r.getCountyDeadline()), DATE.format(r.getCityDeadline()))));
            Button start = new Button(getTranslation("plan.start"), e -> start(r));
            start.setId("start-plan-" + r.getId());
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(start);
            openRounds.add(card);
        }
        planGrid.setItems(plans.plansFor(user));
    }

    private void start(PlanRound round) {
        try {
            var started = plans.start(round.getId(), user);
            Notification.show(getTranslation("plan.started")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(started.draftTaskId() == null ? "cases/" + started.caseId()
                    : "tasks/" + started.draftTaskId()));
        } catch (RuntimeException e) {
            error(UserMessages.of(e));
        }
    }

    private void openDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("round-dialog");
        dialog.setHeaderTitle(getTranslation("plan.round.new"));
        TextField name = new TextField(getTranslation("plan.round.name"));
        name.setId("round-name");
        name.setWidthFull();
        int next = rounds.today().getYear() + 1;
        IntegerField start = new IntegerField(getTranslation("plan.round.periodStart"));
        start.setId("round-period-start");
        start.setValue(next);
        IntegerField end = new IntegerField(getTranslation("plan.round.periodEnd"));
        end.setId("round-period-end");
        end.setValue(next + 3);
        IntegerField base = new IntegerField(getTranslation("plan.round.baseYear"));
        base.setId("round-base-year");
        base.setValue(next - 1);
        DatePicker county = new DatePicker(getTranslation("plan.round.countyDeadline"));
        county.setId("round-county-deadline");
        DatePicker city = new DatePicker(getTranslation("plan.round.cityDeadline"));
        city.setId("round-city-deadline");
        TextArea outline = new TextArea(getTranslation("plan.round.outline"));
        outline.setId("round-outline");
        outline.setWidthFull();
        outline.setValue(getTranslation("plan.round.outline.default"));
        FormLayout form = new FormLayout(name, start, end, base, county, city, outline);
        form.setColspan(name, 2);
        form.setColspan(outline, 2);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("name", name, "periodStart", start, "periodEnd", end,
                "baseYear", base, "countyDeadline", county, "cityDeadline", city, "outline", outline);
        Button save = new Button(getTranslation("plan.round.save"), e -> {
            fields.values().forEach(f -> {
                f.setInvalid(false);
                f.setErrorMessage(null);
            });
            try {
                PlanRound r = rounds.open(new PlanRoundService.RoundForm(name.getValue(), start.getValue(), end.getValue(),
                        base.getValue(), county.getValue(), city.getValue(), outline.getValue()), user);
                dialog.close();
                Notification.show(getTranslation("plan.round.opened", r.getName())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (FieldErrorsException ex) {
                cn.countyflow.ui.FieldErrors.show(ex, fields);
            } catch (RuntimeException ex) {
                error(UserMessages.of(ex));
            }
        });
        save.setId("round-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("plan.round.cancel"), e -> dialog.close());
        cn.countyflow.ui.Dialogs.open(this, dialog, cancel, save);
    }

    private static void error(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("plan.rounds.title") + " · " + getTranslation("app.name");
    }

    /** For the outline paragraph beside the draft (kept here so the view's texts stay in one place). */
    static Paragraph outline(String text) {
        Paragraph p = new Paragraph(text);
        p.getStyle().set("white-space", "pre-wrap");
        return p;
    }
}
