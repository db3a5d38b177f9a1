package cn.countyflow.plan.ui;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.Role;
import cn.countyflow.plan.MonitoringPeriods;
import cn.countyflow.plan.PlanMonitoringService;
import cn.countyflow.plan.PlanProgressService;
import cn.countyflow.plan.PlanRound;
import cn.countyflow.plan.PlanRoundService;
import cn.countyflow.plan.PlanService;
import cn.countyflow.reporting.ReportService;
import cn.countyflow.ui.FieldErrors;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.ui.UserMessages;
import cn.countyflow.workflow.FieldErrorsException;

/**
 * 实施调度: for a compiled round, the province sees every city's (and province-direct county's) reports due so far,
 * late and still missing, with the late reports listed, and goes on to the round's five-step method; a city sees its
 * own line. A county enters its progress figures per plan and period (县级进度填报), which its city's report rolls up.
 */
@Menu(order = 32, title = "nav.planMonitoring", icon = "vaadin:calendar-clock")
@Route(value = "plan/monitoring", layout = MainLayout.class)
@RolesAllowed({"PROVINCE_OFFICER", "PROVINCE_APPROVER", "CITY_REVIEWER", "COUNTY_DRAFTER", "COUNTY_LEADER", "ADMIN"})
public class PlanMonitoringView extends VerticalLayout implements HasDynamicTitle {
    private final PlanMonitoringService monitoring;
    private final PlanProgressService progress;
    private final PlanService plans;
    private final MonitoringPeriods periods;
    private final CountyFlowUser user = CurrentUser.get();
    private final ComboBox<PlanRound> round = new ComboBox<>();
    private final Grid<PlanMonitoringService.AreaStatus> areas = new Grid<>();
    private final Grid<ReportService.ReportSummary> late = new Grid<>();
    private final Anchor fiveSteps = new Anchor();
    private final VerticalLayout countyBox = new VerticalLayout();
    private final VerticalLayout areaSection = new VerticalLayout();

    public PlanMonitoringView(PlanRoundService rounds, PlanMonitoringService monitoring, PlanProgressService progress,
                              PlanService plans, MonitoringPeriods periods) {
        this.monitoring = monitoring;
        this.progress = progress;
        this.plans = plans;
        this.periods = periods;
        add(new H2(getTranslation("plan.monitoring.view.title")), new Paragraph(getTranslation("plan.monitoring.view.intro")));
        round.setId("monitoring-round");
        round.setLabel(getTranslation("plan.round.name"));
        round.setItemLabelGenerator(PlanRound::getName);
        List<PlanRound> compiled = rounds.roundsFor(user).stream().filter(r -> r.getStatus() == PlanRound.Status.COMPILED).toList();
        round.setItems(compiled);
        round.setWidth("32em");
        add(round);
        if (compiled.isEmpty()) add(new Paragraph(getTranslation("plan.monitoring.view.none")));

        boolean county = user.has(Role.COUNTY_DRAFTER);
        {
            areas.setId("monitoring-areas");
            areas.addColumn(PlanMonitoringService.AreaStatus::areaName).setHeader(getTranslation("plan.monitoring.col.area")).setAutoWidth(true);
            areas.addColumn(PlanMonitoringService.AreaStatus::dueSoFar).setHeader(getTranslation("plan.monitoring.col.due")).setAutoWidth(true);
            areas.addColumn(PlanMonitoringService.AreaStatus::late).setHeader(getTranslation("plan.monitoring.col.late")).setAutoWidth(true);
            areas.addColumn(PlanMonitoringService.AreaStatus::missing).setHeader(getTranslation("plan.monitoring.col.missing")).setAutoWidth(true);
            areas.addComponentColumn(a -> {
                Anchor open = new Anchor("cases/" + a.caseId(), getTranslation("plan.monitoring.col.case"));
                open.setId("monitoring-case-" + a.areaCode());
                return open;
            }).setHeader(getTranslation("plan.monitoring.col.case")).setAutoWidth(true);
            areas.setAllRowsVisible(true);
            late.setId("monitoring-late");
            late.addColumn(r -> r.cityName() != null && r.cityCode().equals(r.countyCode()) ? r.cityName() : r.countyName())
                    .setHeader(getTranslation("plan.monitoring.col.area")).setAutoWidth(true);
            late.addColumn(ReportService.ReportSummary::periodLabel).setHeader(getTranslation("reporting.col.period")).setAutoWidth(true);
            late.addColumn(r -> PlanRoundsView.DATE.format(r.dueAt().atZone(cn.countyflow.workflow.WorkCalendar.ZONE)))
                    .setHeader(getTranslation("reporting.col.due")).setAutoWidth(true);
            late.addColumn(r -> getTranslation(r.firstSubmittedAt() == null ? "plan.monitoring.missing" : "plan.monitoring.lateIn"))
                    .setHeader(getTranslation("reporting.col.status")).setAutoWidth(true);
            late.setAllRowsVisible(true);
            fiveSteps.setId("monitoring-five-steps");
            fiveSteps.setText(getTranslation("plan.monitoring.fiveSteps"));
            fiveSteps.setVisible(false);
            areaSection.setPadding(false);
            areaSection.add(new H3(getTranslation("plan.monitoring.view.areas")), areas,
                    new H3(getTranslation("plan.monitoring.view.late")), late, fiveSteps);
            add(areaSection);
        }
        if (county) {
            countyBox.setPadding(false);
            add(new H3(getTranslation("plan.progress.title")), new Paragraph(getTranslation("plan.progress.intro")), countyBox);
        }
        round.addValueChangeListener(e -> refresh());
        if (!compiled.isEmpty()) round.setValue(compiled.get(0));
    }

    private void refresh() {
        PlanRound r = round.getValue();
        if (r == null) return;
        // a county of a city oversees no reports (refused): it only enters its figures below
        boolean oversees = user.isProvinceStaff() || user.has(Role.ADMIN) || user.has(Role.CITY_REVIEWER)
                || monitoring.reportsItself(user);
        areaSection.setVisible(oversees);
        if (oversees) {
            List<PlanMonitoringService.AreaStatus> list = monitoring.areas(r.getId(), user);
            areas.setItems(list);
            late.setItems(list.stream().flatMap(a -> a.lateReports().stream()).toList());
            fiveSteps.setHref("plan/rounds/" + r.getId());
            fiveSteps.setVisible(user.isProvinceStaff() || user.has(Role.ADMIN));
        }
        if (user.has(Role.COUNTY_DRAFTER)) countyForm(r);
    }

    /** The county's entry form: one of its reported plans of the round, a period that has begun, the three figures. */
    private void countyForm(PlanRound r) {
        countyBox.removeAll();
        List<PlanService.PlanRow> own = plans.plansFor(user).stream()
                .filter(p -> p.roundId() == r.getId() && p.status() == cn.countyflow.plan.IndustryPlan.Status.REPORTED).toList();
        ComboBox<PlanService.PlanRow> plan = new ComboBox<>(getTranslation("plan.col.industry"));
        plan.setId("progress-plan");
        plan.setItems(own);
        plan.setItemLabelGenerator(PlanService.PlanRow::industry);
        ComboBox<String> period = new ComboBox<>(getTranslation("reporting.col.period"));
        period.setId("progress-period");
        period.setItemLabelGenerator(periods::label);
        Map<String, BigDecimalField> values = new LinkedHashMap<>();
        for (String code : PlanProgressService.INDICATORS) {
            BigDecimalField f = new BigDecimalField(getTranslation("plan.progress.indicator." + code));
            f.setId("progress-" + code);
            values.put(code, f);
        }
        Grid<PlanProgressService.Entry> entries = new Grid<>();
        entries.setId("progress-entries");
        entries.addColumn(PlanProgressService.Entry::periodLabel).setHeader(getTranslation("reporting.col.period")).setAutoWidth(true);
        entries.addColumn(e -> getTranslation("plan.progress.indicator." + e.indicatorCode())).setHeader(getTranslation("plan.progress.col.indicator")).setAutoWidth(true);
        entries.addColumn(e -> e.value().stripTrailingZeros().toPlainString()).setHeader(getTranslation("plan.progress.col.value")).setAutoWidth(true);
        entries.setAllRowsVisible(true);
        plan.addValueChangeListener(e -> {
            PlanService.PlanRow p = e.getValue();
            period.setItems(p == null ? List.of() : progress.openPeriods(p.caseId(), user));
            entries.setItems(p == null ? List.of() : progress.entries(p.caseId(), user));
        });
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("plan", plan);
        fields.put("periodKey", period);
        values.forEach((code, f) -> fields.put("values." + code, f));
        fields.put("values", values.get(PlanProgressService.INDICATORS.get(0)));
        Button save = new Button(getTranslation("plan.progress.save"), e -> {
            FieldErrors.clear(fields);
            if (plan.getValue() == null) {
                plan.setInvalid(true);
                plan.setErrorMessage(getTranslation("plan.progress.choosePlan"));
                return;
            }
            Map<String, BigDecimal> given = new LinkedHashMap<>();
            values.forEach((code, f) -> { if (f.getValue() != null) given.put(code, f.getValue()); });
            try {
                entries.setItems(progress.enter(plan.getValue().caseId(), period.getValue(), given, user));
                Notification.show(getTranslation("plan.progress.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (FieldErrorsException ex) {
                FieldErrors.show(ex, fields);
            } catch (RuntimeException ex) {
                Notification.show(UserMessages.of(ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("progress-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(plan, period);
        values.values().forEach(form::add);
        form.add(save);
        countyBox.add(form, entries);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("plan.monitoring.view.title");
    }
}
