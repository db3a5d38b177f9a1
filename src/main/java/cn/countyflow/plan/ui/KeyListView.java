package cn.countyflow.plan.ui;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.plan.ClusterListService;
import cn.countyflow.plan.PlanVariantService;
import cn.countyflow.ui.FieldErrors;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.ui.UserMessages;
import cn.countyflow.workflow.FieldErrorsException;

/**
 * The province's list (Hebei: 省级重点支持加快振兴的特色产业; Hubei: 省级县域重点产业集群), as its variant configures it:
 * the officer adds, removes (with the reason) and, where the province recognises after assessment, recognises entries
 * and runs the annual assessment; the approver reads it; a city reads its counties' entries, a county its own. The
 * same operations are at /api/plan/key-list.
 */
@Menu(order = 31, title = "nav.planKeyList", icon = "vaadin:list-ol")
@Route(value = "plan/key-list", layout = MainLayout.class)
@RolesAllowed({"PROVINCE_OFFICER", "PROVINCE_APPROVER", "CITY_REVIEWER", "COUNTY_DRAFTER", "COUNTY_LEADER", "ADMIN"})
public class KeyListView extends VerticalLayout implements HasDynamicTitle {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(cn.countyflow.workflow.WorkCalendar.ZONE);

    private final ClusterListService lists;
    private final OrganisationService organisations;
    private final CountyFlowUser user = CurrentUser.get();
    private final Grid<ClusterListService.Entry> grid = new Grid<>();
    private final Grid<ClusterListService.Ranked> ranking = new Grid<>();
    private ClusterListService.ListView view;

    public KeyListView(ClusterListService lists, OrganisationService organisations) {
        this.lists = lists;
        this.organisations = organisations;
        view = lists.list(user);
        PlanVariantService.Variant v = view.variant();
        add(new H2(v.keepsList() ? v.listName() : getTranslation("plan.list.title")));
        Paragraph about = new Paragraph(v.keepsList()
                ? getTranslation("plan.list.about", v.leadOffice(), v.listName(), v.listSize() == null ? "—" : String.valueOf(v.listSize()),
                        v.maxRootedIndustries() == null ? getTranslation("plan.list.noRootedLimit") : String.valueOf(v.maxRootedIndustries()),
                        getTranslation(v.tierDecision() == null ? "plan.list.noTiers" : "plan.list.tiers"),
                        getTranslation(v.recognisesAfterAssessment() ? "plan.list.recognition" : "plan.list.listing"))
                : getTranslation("plan.list.none"));
        about.setId("list-variant");
        add(about);
        if (!v.keepsList()) return;
        if (view.canChange()) {
            Button addButton = new Button(getTranslation("plan.list.add"), e -> addDialog());
            addButton.setId("list-add");
            addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(addButton);
        }
        grid.setId("list-entries");
        grid.addColumn(ClusterListService.Entry::countyName).setHeader(getTranslation("plan.col.county")).setAutoWidth(true);
        grid.addColumn(e -> e.cityName() == null ? getTranslation("plan.col.provinceDirect") : e.cityName())
                .setHeader(getTranslation("plan.col.city")).setAutoWidth(true);
        grid.addColumn(ClusterListService.Entry::industry).setHeader(getTranslation("plan.col.industry")).setFlexGrow(1);
        grid.addColumn(e -> e.clusterName() == null ? "" : e.clusterName()).setHeader(getTranslation("plan.list.cluster")).setFlexGrow(1);
        grid.addColumn(e -> e.revenue() == null ? "" : e.revenue().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("plan.list.revenue")).setAutoWidth(true);
        if (v.tierDecision() != null) {
            grid.addColumn(e -> e.tierLabel() == null ? "" : e.tierLabel()).setHeader(getTranslation("plan.list.tier")).setAutoWidth(true);
        }
        grid.addColumn(e -> getTranslation("plan.list.status." + e.status())
                + (e.recognisedYear() == null ? "" : "（" + e.recognisedYear() + "）")).setHeader(getTranslation("plan.col.status")).setAutoWidth(true);
        grid.addComponentColumn(e -> {
            if (e.planCaseId() == null) return new Paragraph("");
            Anchor a = new Anchor("cases/" + e.planCaseId(), getTranslation("plan.list.plan"));
            a.setId("list-plan-" + e.id());
            return a;
        }).setHeader(getTranslation("plan.list.plan")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("plan.round.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        if (user.isProvinceStaff()) assessmentSection();
        refresh();
    }

    private Component actions(ClusterListService.Entry e) {
        HorizontalLayout box = new HorizontalLayout();
        Button history = new Button(getTranslation("plan.list.history"), ev -> historyDialog(e));
        history.setId("list-history-" + e.id());
        history.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        box.add(history);
        if (view.canChange() && !ClusterListService.REMOVED.equals(e.status())) {
            if (ClusterListService.CANDIDATE.equals(e.status())) {
                Button recognise = new Button(getTranslation("plan.list.recognise"), ev -> reasonDialog(e, true));
                recognise.setId("list-recognise-" + e.id());
                box.add(recognise);
            }
            Button remove = new Button(getTranslation("plan.list.remove"), ev -> reasonDialog(e, false));
            remove.setId("list-remove-" + e.id());
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            box.add(remove);
        }
        return box;
    }

    private void assessmentSection() {
        add(new H3(getTranslation("plan.assess.title")));
        IntegerField year = new IntegerField(getTranslation("plan.assess.year"));
        year.setId("assess-year");
        PlanVariantService.Variant v = view.variant();
        int thisYear = java.time.LocalDate.now(cn.countyflow.workflow.WorkCalendar.ZONE).getYear();
        year.setValue(v.assessmentTo() == null ? thisYear : Math.min(thisYear, v.assessmentTo()));
        Button show = new Button(getTranslation("plan.assess.show"), e -> {
            try {
                ranking.setItems(lists.assessment(year.getValue(), user));
            } catch (FieldErrorsException ex) {
                FieldErrors.show(ex, Map.of("year", year));
            } catch (RuntimeException ex) {
                error(UserMessages.of(ex));
            }
        });
        show.setId("assess-show");
        HorizontalLayout bar = new HorizontalLayout(year, show);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        if (view.canChange()) {
            Button run = new Button(getTranslation("plan.assess.run"), e -> {
                FieldErrors.clear(Map.of("year", year));
                try {
                    ranking.setItems(lists.assess(year.getValue(), user));
                    Notification.show(getTranslation("plan.assess.done", String.valueOf(year.getValue())))
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    refresh();
                } catch (FieldErrorsException ex) {
                    FieldErrors.show(ex, Map.of("year", year));
                } catch (RuntimeException ex) {
                    error(UserMessages.of(ex));
                }
            });
            run.setId("assess-run");
            run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(run);
        }
        add(bar);
        ranking.setId("assess-ranking");
        ranking.addColumn(r -> r.rank() == null ? getTranslation("plan.assess.unranked") : String.valueOf(r.rank()))
                .setHeader(getTranslation("plan.assess.rank")).setAutoWidth(true);
        ranking.addColumn(ClusterListService.Ranked::countyName).setHeader(getTranslation("plan.col.county")).setAutoWidth(true);
        ranking.addColumn(ClusterListService.Ranked::industry).setHeader(getTranslation("plan.col.industry")).setFlexGrow(1);
        ranking.addColumn(r -> number(r.revenueTarget())).setHeader(getTranslation("plan.assess.target")).setAutoWidth(true);
        ranking.addColumn(r -> number(r.revenueActual())).setHeader(getTranslation("plan.assess.actual")).setAutoWidth(true);
        ranking.addColumn(r -> r.completion() == null ? "" : r.completion().toPlainString() + "%")
                .setHeader(getTranslation("plan.assess.completion")).setAutoWidth(true);
        ranking.addColumn(r -> r.growth() == null ? "" : r.growth().toPlainString() + "%")
                .setHeader(getTranslation("plan.assess.growth")).setAutoWidth(true);
        if (v.tierDecision() != null) {
            ranking.addColumn(r -> r.tierLabel() == null ? "" : r.tierLabel()).setHeader(getTranslation("plan.list.tier")).setAutoWidth(true);
        }
        ranking.setAllRowsVisible(true);
        add(ranking);
        ranking.setItems(lists.assessment(year.getValue(), user));
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private void refresh() {
        view = lists.list(user);
        grid.setItems(view.entries());
    }

    private void addDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("list-add-dialog");
        dialog.setHeaderTitle(getTranslation("plan.list.add"));
        ComboBox<Organisation> county = new ComboBox<>(getTranslation("plan.col.county"));
        county.setId("list-county");
        county.setItems(organisations.byLevel(OrgLevel.COUNTY).stream()
                .filter(o -> user.provinceCode().equals(o.getProvinceCode()))
                .sorted(Comparator.comparing(Organisation::getCode)).toList());
        county.setItemLabelGenerator(Organisation::getName);
        TextField industry = new TextField(getTranslation("plan.col.industry"));
        industry.setId("list-industry");
        TextField cluster = new TextField(getTranslation("plan.list.cluster"));
        cluster.setId("list-cluster");
        BigDecimalField revenue = new BigDecimalField(getTranslation("plan.list.revenue"));
        revenue.setId("list-revenue");
        TextField planCase = new TextField(getTranslation("plan.list.planCase"));
        planCase.setId("list-plan-case");
        TextArea reason = new TextArea(getTranslation("plan.list.reason"));
        reason.setId("list-reason");
        reason.setWidthFull();
        FormLayout form = new FormLayout(county, industry, cluster, revenue, planCase, reason);
        form.setColspan(reason, 2);
        dialog.add(form);
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("countyCode", county);
        fields.put("industry", industry);
        fields.put("clusterName", cluster);
        fields.put("revenue", revenue);
        fields.put("planCaseId", planCase);
        fields.put("reason", reason);
        Button save = new Button(getTranslation("plan.list.save"), e -> {
            FieldErrors.clear(fields);
            Long caseId = null;
            if (!planCase.getValue().isBlank()) {
                try {
                    caseId = Long.valueOf(planCase.getValue().trim());
                } catch (NumberFormatException ex) {
                    planCase.setErrorMessage(getTranslation("plan.list.error.plan"));
                    planCase.setInvalid(true);
                    return;
                }
            }
            try {
                lists.add(new ClusterListService.EntryForm(county.getValue() == null ? null : county.getValue().getCode(),
                        industry.getValue(), cluster.getValue(), revenue.getValue(), caseId, reason.getValue()), user);
                dialog.close();
                Notification.show(getTranslation("plan.list.added")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (FieldErrorsException ex) {
                FieldErrors.show(ex, fields);
            } catch (RuntimeException ex) {
                error(UserMessages.of(ex));
            }
        });
        save.setId("list-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open(dialog, save);
    }

    /** Remove (剔除) or recognise (认定, with the assessed year): both need the reason. */
    private void reasonDialog(ClusterListService.Entry entry, boolean recognise) {
        Dialog dialog = new Dialog();
        dialog.setId(recognise ? "list-recognise-dialog" : "list-remove-dialog");
        dialog.setHeaderTitle(getTranslation(recognise ? "plan.list.recognise" : "plan.list.remove") + "：" + entry.countyName()
                + " " + entry.industry());
        TextArea reason = new TextArea(getTranslation("plan.list.reason"));
        reason.setId("list-change-reason");
        reason.setWidthFull();
        IntegerField year = new IntegerField(getTranslation("plan.assess.year"));
        year.setId("list-recognise-year");
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("reason", reason);
        if (recognise) {
            dialog.add(year);
            fields.put("year", year);
        }
        dialog.add(reason);
        Button save = new Button(getTranslation(recognise ? "plan.list.recognise" : "plan.list.remove"), e -> {
            FieldErrors.clear(fields);
            try {
                if (recognise) lists.recognise(entry.id(), year.getValue(), reason.getValue(), user);
                else lists.remove(entry.id(), reason.getValue(), user);
                dialog.close();
                Notification.show(getTranslation("plan.list.changed")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (FieldErrorsException ex) {
                FieldErrors.show(ex, fields);
            } catch (RuntimeException ex) {
                error(UserMessages.of(ex));
            }
        });
        save.setId("list-change-save");
        save.addThemeVariants(recognise ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_ERROR);
        open(dialog, save);
    }

    private void historyDialog(ClusterListService.Entry entry) {
        Dialog dialog = new Dialog();
        dialog.setId("list-history-dialog");
        dialog.setHeaderTitle(getTranslation("plan.list.history") + "：" + entry.countyName() + " " + entry.industry());
        Grid<ClusterListService.Change> changes = new Grid<>();
        changes.setId("list-history");
        changes.addColumn(c -> getTranslation("plan.list.action." + c.action())).setHeader(getTranslation("plan.list.action")).setAutoWidth(true);
        changes.addColumn(ClusterListService.Change::year).setHeader(getTranslation("plan.assess.year")).setAutoWidth(true);
        changes.addColumn(ClusterListService.Change::reason).setHeader(getTranslation("plan.list.reason")).setFlexGrow(1);
        changes.addColumn(c -> c.changedName() == null ? c.changedBy() : c.changedName()).setHeader(getTranslation("plan.list.by")).setAutoWidth(true);
        changes.addColumn(c -> TIME.format(c.changedAt())).setHeader(getTranslation("plan.list.at")).setAutoWidth(true);
        changes.setAllRowsVisible(true);
        changes.setWidth("720px");
        try {
            changes.setItems(lists.history(entry.id(), user));
        } catch (RuntimeException ex) {
            error(UserMessages.of(ex));
            return;
        }
        dialog.add(changes);
        open(dialog, null);
    }

    private void open(Dialog dialog, Button primary) {
        Button cancel = new Button(getTranslation("plan.round.cancel"), e -> dialog.close());
        cn.countyflow.ui.Dialogs.open(this, dialog, cancel, primary);
    }

    private static void error(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.planKeyList") + " · " + getTranslation("app.name");
    }
}
