package cn.countyflow.pilot.ui;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.Role;
import cn.countyflow.pilot.PilotApplication;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.years.PilotProjectService;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.workflow.FieldErrorsException;

/**
 * 试点示范县申报批次: the province sees its batches and opens new ones; a county drafter sees the open batches of its
 * province and starts its application, which opens the drafting task.
 */
@Menu(order = 10, title = "nav.pilotBatches", icon = "vaadin:flag-o")
@Route(value = "pilot/batches", layout = MainLayout.class)
@RolesAllowed({"PROVINCE_OFFICER", "PROVINCE_APPROVER", "COUNTY_DRAFTER", "COUNTY_LEADER", "ADMIN"})
public class BatchesView extends VerticalLayout implements HasDynamicTitle {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final PilotBatchService batches;
    private final PilotApplicationService applications;
    private final PilotProjectService projects;
    private final CountyFlowUser user = CurrentUser.get();
    private final Grid<PilotBatch> grid = new Grid<>();
    private final VerticalLayout openBatches = new VerticalLayout();

    private final cn.countyflow.org.UserNames names;

    public BatchesView(PilotBatchService batches, PilotApplicationService applications, PilotProjectService projects,
                       cn.countyflow.org.UserNames names) {
        this.names = names;
        this.batches = batches;
        this.applications = applications;
        this.projects = projects;
        add(new H2(getTranslation("pilot.batches.title")));
        if (user.has(Role.PROVINCE_OFFICER)) {
            Button open = new Button(getTranslation("pilot.batch.new"), e -> openDialog());
            open.setId("batch-new");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(open);
        }
        if (user.has(Role.COUNTY_DRAFTER) || user.has(Role.COUNTY_LEADER)) {
            openBatches.setId("open-batches");
            openBatches.setPadding(false);
            add(openBatches);
            refreshCounty();
        } else {
            grid.setId("batches");
            grid.addColumn(PilotBatch::getName).setHeader(getTranslation("pilot.batch.name")).setFlexGrow(2);
            grid.addColumn(PilotBatch::getYear).setHeader(getTranslation("pilot.batch.year")).setAutoWidth(true);
            grid.addColumn(b -> DATE.format(b.getDeadline())).setHeader(getTranslation("pilot.batch.deadline")).setAutoWidth(true);
            grid.addColumn(PilotBatch::getExpectedPilots).setHeader(getTranslation("pilot.batch.expectedPilots")).setAutoWidth(true);
            grid.addColumn(PilotBatch::getPanelSize).setHeader(getTranslation("pilot.batch.panelSize")).setAutoWidth(true);
            grid.addColumn(b -> getTranslation("pilot.batch.status." + b.getStatus())).setHeader(getTranslation("pilot.batch.status")).setAutoWidth(true);
            grid.addColumn(b -> getTranslation("pilot.years.frequency." + b.getReportFrequency()) + " · "
                    + getTranslation("pilot.years.schedule.dueDaysShort", b.getReportDueDays()))
                    .setHeader(getTranslation("pilot.years.schedule.reports")).setAutoWidth(true);
            grid.addColumn(b -> b.getMidtermDate() == null
                    ? getTranslation("pilot.years.schedule.midtermDefault", projects.midtermMonths()) : DATE.format(b.getMidtermDate()))
                    .setHeader(getTranslation("pilot.years.schedule.midterm")).setAutoWidth(true);
            if (user.has(Role.PROVINCE_OFFICER)) {
                grid.addComponentColumn(this::scheduleActions).setKey("scheduleActions").setHeader(getTranslation("pilot.years.schedule.actions"))
                        .setAutoWidth(true);
            }
            grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::changesOf));
            grid.setAllRowsVisible(true);
            add(grid);
            refreshProvince();
        }
    }

    private HorizontalLayout scheduleActions(PilotBatch b) {
        Button schedule = new Button(getTranslation("pilot.years.schedule.edit"), e -> scheduleDialog(b));
        schedule.setId("batch-schedule-" + b.getId());
        Button midterm = new Button(getTranslation("pilot.years.midterm.open"), e -> openMidterm(b));
        midterm.setId("batch-midterm-" + b.getId());
        midterm.setEnabled(projects.waitingForMidterm(b.getId()) > 0);
        HorizontalLayout actions = new HorizontalLayout(schedule, midterm);
        if (b.getStatus() == PilotBatch.Status.OPEN) {
            Button change = new Button(getTranslation("pilot.batch.change"), e -> changeDialog(b, false));
            change.setId("batch-change-" + b.getId());
            Button close = new Button(getTranslation("pilot.batch.close"), e -> changeDialog(b, true));
            close.setId("batch-close-" + b.getId());
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(change, close);
        }
        return actions;
    }

    /** 修改/延期 or 关闭 an open batch: the service asks for a reason and keeps it with the change. */
    private void changeDialog(PilotBatch b, boolean closing) {
        Dialog dialog = new Dialog();
        dialog.setId("batch-change-dialog");
        dialog.setHeaderTitle(getTranslation(closing ? "pilot.batch.close.title" : "pilot.batch.change.title", b.getName()));
        TextField name = new TextField(getTranslation("pilot.batch.name"));
        name.setId("batch-change-name");
        name.setValue(b.getName());
        DatePicker deadline = new DatePicker(getTranslation("pilot.batch.deadline"));
        deadline.setId("batch-change-deadline");
        deadline.setValue(b.getDeadline());
        IntegerField expected = new IntegerField(getTranslation("pilot.batch.expectedPilots"));
        expected.setId("batch-change-expected");
        expected.setMin(1);
        expected.setValue(b.getExpectedPilots());
        com.vaadin.flow.component.textfield.TextArea reason = new com.vaadin.flow.component.textfield.TextArea(
                getTranslation("pilot.batch.reason"));
        reason.setId("batch-change-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(PilotBatchService.MAX_REASON);
        reason.setWidthFull();
        FormLayout form = closing ? new FormLayout(new Span(getTranslation("pilot.batch.close.hint")), reason)
                : new FormLayout(name, deadline, expected, reason);
        form.setColspan(reason, 2);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("name", name, "deadline", deadline, "expectedPilots", expected,
                "reason", reason);
        Button save = new Button(getTranslation(closing ? "pilot.batch.close.confirm" : "pilot.batch.change.save"), e -> {
            cn.countyflow.ui.FieldErrors.clear(fields);
            try {
                PilotBatch changed = closing ? batches.close(b.getId(), reason.getValue(), user)
                        : batches.change(b.getId(), new PilotBatchService.ChangeForm(name.getValue(), deadline.getValue(),
                        expected.getValue(), reason.getValue()), user);
                dialog.close();
                Notification.show(getTranslation(closing ? "pilot.batch.closed" : "pilot.batch.changed", changed.getName()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refreshProvince();
            } catch (FieldErrorsException ex) {
                cn.countyflow.ui.FieldErrors.show(ex, fields);
            } catch (RuntimeException ex) {
                error(cn.countyflow.ui.UserMessages.of(ex));
            }
        });
        save.setId("batch-change-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (closing) save.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("pilot.batch.cancel"), e -> dialog.close());
        cn.countyflow.ui.Dialogs.open(this, dialog, cancel, save);
    }

    /** The batch's changes with who, when and why, under its row. */
    private com.vaadin.flow.component.Component changesOf(PilotBatch b) {
        VerticalLayout box = new VerticalLayout();
        box.setId("batch-changes-" + b.getId());
        box.setPadding(false);
        box.setSpacing(false);
        box.add(new H4(getTranslation("pilot.batch.changes")));
        var rows = batches.changes(b.getId(), user);
        if (rows.isEmpty()) box.add(new Span(getTranslation("pilot.batch.changes.none")));
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PilotBatchService.ZONE);
        for (var c : rows) {
            String what = c.getDetail() == null ? getTranslation("pilot.batch.changes.action." + c.getAction())
                    : getTranslation("pilot.batch.changes.action." + c.getAction()) + " · " + c.getDetail();
            box.add(new Span(getTranslation("pilot.batch.changes.row", when.format(c.getChangedAt()), names.label(c.getChangedBy()),
                    what, c.getReason())));
        }
        return box;
    }

    private void openMidterm(PilotBatch b) {
        try {
            int opened = projects.openMidterm(b.getId(), user);
            Notification.show(getTranslation("pilot.years.midterm.opened", opened))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refreshProvince();
        } catch (FieldErrorsException e) {
            error(String.join(getTranslation("text.semicolon"), e.getErrors().values()));
        } catch (RuntimeException e) {
            error(cn.countyflow.ui.UserMessages.of(e));
        }
    }

    /** 报告与评估安排: frequency, due days after a period, mid-term date (empty = the default months after designation). */
    private void scheduleDialog(PilotBatch b) {
        Dialog dialog = new Dialog();
        dialog.setId("schedule-dialog");
        dialog.setHeaderTitle(getTranslation("pilot.years.schedule.title", b.getName()));
        com.vaadin.flow.component.select.Select<PilotBatch.ReportFrequency> frequency = new com.vaadin.flow.component.select.Select<>();
        frequency.setId("schedule-frequency");
        frequency.setLabel(getTranslation("pilot.years.schedule.frequency"));
        frequency.setItems(PilotBatch.ReportFrequency.values());
        frequency.setItemLabelGenerator(f -> getTranslation("pilot.years.frequency." + f));
        frequency.setValue(b.getReportFrequency());
        IntegerField dueDays = new IntegerField(getTranslation("pilot.years.schedule.dueDays"));
        dueDays.setId("schedule-due-days");
        dueDays.setMin(PilotBatchService.MIN_DUE_DAYS);
        dueDays.setMax(PilotBatchService.MAX_DUE_DAYS);
        dueDays.setValue(b.getReportDueDays());
        DatePicker midterm = cn.countyflow.forms.ChineseDates.picker(getTranslation("pilot.years.schedule.midterm"));
        midterm.setId("schedule-midterm");
        midterm.setHelperText(getTranslation("pilot.years.schedule.midtermHelp", projects.midtermMonths()));
        midterm.setClearButtonVisible(true);
        midterm.setValue(b.getMidtermDate());
        dialog.add(new FormLayout(frequency, dueDays, midterm));
        Map<String, HasValidation> fields = Map.of("reportFrequency", frequency, "reportDueDays", dueDays,
                "midtermDate", midterm);
        Button save = new Button(getTranslation("pilot.batch.save"), e -> {
            cn.countyflow.ui.FieldErrors.clear(fields);
            try {
                batches.updateSchedule(b.getId(), new PilotBatchService.ScheduleForm(
                        frequency.getValue() == null ? null : frequency.getValue().name(), dueDays.getValue(),
                        midterm.getValue()), user);
                dialog.close();
                Notification.show(getTranslation("pilot.years.schedule.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refreshProvince();
            } catch (FieldErrorsException ex) {
                cn.countyflow.ui.FieldErrors.show(ex, fields);
            } catch (RuntimeException ex) {
                error(cn.countyflow.ui.UserMessages.of(ex));
            }
        });
        save.setId("schedule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("pilot.batch.cancel"), e -> dialog.close());
        cn.countyflow.ui.Dialogs.open(this, dialog, cancel, save);
    }

    private void refreshProvince() {
        grid.setItems(batches.batchesFor(user));
    }

    private void refreshCounty() {
        openBatches.removeAll();
        var open = batches.openBatchesFor(user);
        if (open.isEmpty()) {
            Span none = new Span(getTranslation("pilot.batches.none"));
            none.setId("no-open-batches");
            openBatches.add(none);
        }
        var mine = applications.ofCounty(user);
        for (PilotBatch b : open) {
            Div card = new Div();
            card.setId("batch-" + b.getId());
            card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-m)").set("width", "100%").set("box-sizing", "border-box");
            card.add(new H4(b.getName()));
            card.add(new Div(new Span(getTranslation("pilot.batch.card", DATE.format(b.getDeadline()),
                    b.getExpectedPilots()))));
            Optional<PilotApplication> active = mine.stream()
                    .filter(a -> a.getBatchId().equals(b.getId()) && a.getStatus() != PilotApplication.Status.NOT_RECOMMENDED)
                    .findFirst();
            if (active.isPresent()) {
                Anchor link = new Anchor("cases/" + active.get().getCaseId(),
                        getTranslation("pilot.application.view", getTranslation("pilot.application.status." + active.get().getStatus())));
                link.setId("application-" + b.getId());
                card.add(link);
            } else if (user.has(Role.COUNTY_DRAFTER)) {
                Button start = new Button(getTranslation("pilot.application.start"), e -> start(b));
                start.setId("start-application-" + b.getId());
                start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                card.add(start);
            }
            openBatches.add(card);
        }
    }

    private void start(PilotBatch batch) {
        try {
            var started = applications.start(batch.getId(), user);
            Notification.show(getTranslation("pilot.application.started")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(started.draftTaskId() == null ? "cases/" + started.caseId()
                    : "tasks/" + started.draftTaskId()));
        } catch (FieldErrorsException e) {
            error(String.join(getTranslation("text.semicolon"), e.getErrors().values()));
            refreshCounty();
        } catch (RuntimeException e) {
            error(cn.countyflow.ui.UserMessages.of(e));
        }
    }

    private void openDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("batch-dialog");
        dialog.setHeaderTitle(getTranslation("pilot.batch.new"));
        TextField name = new TextField(getTranslation("pilot.batch.name"));
        name.setId("batch-name");
        name.setWidthFull();
        name.setPlaceholder(getTranslation("pilot.batch.name.placeholder", String.valueOf(batches.today().getYear() + 1)));
        IntegerField year = new IntegerField(getTranslation("pilot.batch.year"));
        year.setId("batch-year");
        year.setValue(batches.today().getYear());
        DatePicker deadline = cn.countyflow.forms.ChineseDates.picker(getTranslation("pilot.batch.deadline"));
        deadline.setId("batch-deadline");
        deadline.setMin(batches.today());
        IntegerField expected = new IntegerField(getTranslation("pilot.batch.expectedPilots"));
        expected.setId("batch-expected");
        expected.setMin(1);
        IntegerField panel = new IntegerField(getTranslation("pilot.batch.panelSize"));
        panel.setId("batch-panel-size");
        panel.setMin(PilotBatchService.MIN_PANEL);
        panel.setMax(PilotBatchService.MAX_PANEL);
        panel.setValue(5);
        com.vaadin.flow.component.select.Select<PilotBatch.ReportFrequency> frequency = new com.vaadin.flow.component.select.Select<>();
        frequency.setId("batch-report-frequency");
        frequency.setLabel(getTranslation("pilot.years.schedule.frequency"));
        frequency.setItems(PilotBatch.ReportFrequency.values());
        frequency.setItemLabelGenerator(f -> getTranslation("pilot.years.frequency." + f));
        frequency.setValue(PilotBatch.ReportFrequency.HALF_YEARLY);
        IntegerField dueDays = new IntegerField(getTranslation("pilot.years.schedule.dueDays"));
        dueDays.setId("batch-report-due-days");
        dueDays.setValue(PilotBatch.DEFAULT_DUE_DAYS);
        DatePicker midterm = cn.countyflow.forms.ChineseDates.picker(getTranslation("pilot.years.schedule.midterm"));
        midterm.setId("batch-midterm-date");
        midterm.setHelperText(getTranslation("pilot.years.schedule.midtermHelp", projects.midtermMonths()));
        midterm.setClearButtonVisible(true);
        FormLayout form = new FormLayout(name, year, deadline, expected, panel, frequency, dueDays, midterm);
        form.setColspan(name, 2);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("name", name, "year", year, "deadline", deadline,
                "expectedPilots", expected, "panelSize", panel, "reportFrequency", frequency, "reportDueDays", dueDays,
                "midtermDate", midterm);

        Button save = new Button(getTranslation("pilot.batch.save"), e -> {
            cn.countyflow.ui.FieldErrors.clear(fields);
            try {
                PilotBatch b = batches.open(new PilotBatchService.BatchForm(name.getValue(), year.getValue(), null,
                        deadline.getValue(), expected.getValue(), panel.getValue()), new PilotBatchService.ScheduleForm(
                        frequency.getValue() == null ? null : frequency.getValue().name(), dueDays.getValue(),
                        midterm.getValue()), user);
                dialog.close();
                Notification.show(getTranslation("pilot.batch.opened", b.getName()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refreshProvince();
            } catch (FieldErrorsException ex) {
                cn.countyflow.ui.FieldErrors.show(ex, fields);
            } catch (RuntimeException ex) {
                error(cn.countyflow.ui.UserMessages.of(ex));
            }
        });
        save.setId("batch-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("pilot.batch.cancel"), e -> dialog.close());
        cancel.setId("batch-cancel");
        cn.countyflow.ui.Dialogs.open(this, dialog, cancel, save);
    }

    private static void error(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pilot.batches.title") + " · " + getTranslation("app.name");
    }

}
