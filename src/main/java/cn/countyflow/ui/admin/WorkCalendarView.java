package cn.countyflow.ui.admin;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.calendar.WorkCalendarService;
import cn.countyflow.calendar.WorkCalendarService.DayKind;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.ui.UserMessages;
import cn.countyflow.workflow.FieldErrorsException;

/**
 * 工作日历: the admins keep each year's holidays (放假) and make-up working days (调休上班) from the State Council's
 * notice; a year not entered counts Monday to Friday, and the page says so. Every change is audited.
 */
@Route(value = "admin/calendar", layout = MainLayout.class)
@RolesAllowed("ADMIN")
@Menu(order = 90, title = "nav.calendar", icon = "vaadin:calendar")
public class WorkCalendarView extends VerticalLayout implements HasDynamicTitle {
    private final WorkCalendarService calendar;
    private final CountyFlowUser user = CurrentUser.get();
    final IntegerField year = new IntegerField();
    final Div warnings = new Div();
    final Span status = new Span();
    final TextField source = new TextField();
    final Button enterYear = new Button();
    final Button addDay = new Button();
    final Grid<WorkCalendarService.Day> days = new Grid<>();

    public WorkCalendarView(WorkCalendarService calendar) {
        this.calendar = calendar;
        add(new H2(getTranslation("calendar.title")), new Span(getTranslation("calendar.hint")));
        warnings.setId("calendar-warnings");
        add(warnings);

        year.setId("calendar-year");
        year.setLabel(getTranslation("calendar.year"));
        year.setStepButtonsVisible(true);
        year.setValue(calendar.today().getYear());
        year.addValueChangeListener(e -> refresh());
        status.setId("calendar-status");
        HorizontalLayout top = new HorizontalLayout(year, status);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(top);

        source.setId("calendar-source");
        source.setLabel(getTranslation("calendar.source"));
        source.setPlaceholder(getTranslation("calendar.source.placeholder"));
        source.setWidth("36em");
        enterYear.setId("calendar-enter-year");
        enterYear.setText(getTranslation("calendar.enterYear"));
        enterYear.addClickListener(e -> attempt(() -> calendar.enterYear(year.getValue(), source.getValue(), user),
                Map.of("source", source, "year", year)));
        addDay.setId("calendar-add-day");
        addDay.setText(getTranslation("calendar.addDay"));
        addDay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addDay.addClickListener(e -> editDay());
        HorizontalLayout yearForm = new HorizontalLayout(source, enterYear, addDay);
        yearForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(yearForm);

        days.setId("calendar-days");
        days.addColumn(d -> d.day().toString()).setHeader(getTranslation("calendar.col.day")).setAutoWidth(true);
        days.addColumn(d -> d.day().getDayOfWeek().getDisplayName(TextStyle.FULL, getLocale()))
                .setHeader(getTranslation("calendar.col.weekday")).setAutoWidth(true);
        days.addColumn(d -> getTranslation("calendar.kind." + d.kind())).setHeader(getTranslation("calendar.col.kind"));
        days.addColumn(WorkCalendarService.Day::name).setHeader(getTranslation("calendar.col.name")).setFlexGrow(2);
        days.addColumn(WorkCalendarService.Day::updatedBy).setHeader(getTranslation("calendar.col.updatedBy"));
        days.addComponentColumn(d -> {
            Button remove = new Button(getTranslation("calendar.remove"), e -> confirmRemove(d));
            remove.setId("calendar-remove-" + d.day());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return remove;
        });
        days.setEmptyStateText(getTranslation("calendar.noDays"));
        days.setAllRowsVisible(true);
        add(days);
        refresh();
    }

    void refresh() {
        warnings.removeAll();
        calendar.missingYears().forEach(y -> {
            Span w = new Span(getTranslation("calendar.warning.missing", String.valueOf(y)));
            w.getElement().getThemeList().add("badge error");
            warnings.add(new Div(w));
        });
        if (year.getValue() == null || year.isInvalid()) return;
        WorkCalendarService.YearSchedule schedule;
        try {
            schedule = calendar.schedule(year.getValue());
        } catch (FieldErrorsException e) {
            year.setInvalid(true);
            year.setErrorMessage(e.getErrors().values().iterator().next());
            return;
        }
        year.setInvalid(false);
        status.setText(schedule.entered()
                ? getTranslation("calendar.status.entered", schedule.source(), schedule.updatedBy())
                : getTranslation("calendar.status.missing"));
        source.setValue(schedule.entered() ? schedule.source() : "");
        addDay.setEnabled(schedule.entered());
        days.setItems(schedule.days());
    }

    /** The dialog that adds (or replaces) a holiday or a make-up working day. Package-visible for view tests. */
    Dialog editDay() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("calendar.addDay"));
        DatePicker day = cn.countyflow.forms.ChineseDates.picker(getTranslation("calendar.col.day"));
        day.setId("calendar-day");
        int y = year.getValue();
        day.setMin(LocalDate.of(y, 1, 1));
        day.setMax(LocalDate.of(y, 12, 31));
        day.setInitialPosition(LocalDate.of(y, 1, 1));
        RadioButtonGroup<DayKind> kind = new RadioButtonGroup<>(getTranslation("calendar.col.kind"));
        kind.setId("calendar-kind");
        kind.setItems(DayKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("calendar.kind." + k));
        TextField name = new TextField(getTranslation("calendar.col.name"));
        name.setId("calendar-name");
        name.setPlaceholder(getTranslation("calendar.name.placeholder"));
        Button save = new Button(getTranslation("calendar.save"));
        save.setId("calendar-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (attempt(() -> calendar.putDay(day.getValue(), kind.getValue(), name.getValue(), user),
                    Map.of("day", day, "kind", kind, "name", name))) dialog.close();
        });
        dialog.add(new VerticalLayout(day, kind, name));
        dialog.getFooter().add(new Button(getTranslation("calendar.cancel"), e -> dialog.close()), save);
        dialog.open();
        return dialog;
    }

    private void confirmRemove(WorkCalendarService.Day d) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("calendar.remove.confirm.title"));
        confirm.setText(getTranslation("calendar.remove.confirm", d.day().toString(), d.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("calendar.cancel"));
        confirm.setConfirmText(getTranslation("calendar.remove"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> attempt(() -> calendar.removeDay(d.day(), user), Map.of()));
        confirm.open();
    }

    /** Runs a change; shows field errors at their fields and anything else as a notification. True when it worked. */
    private boolean attempt(Runnable change, Map<String, Component> fields) {
        fields.values().forEach(f -> {
            if (f instanceof HasValidation v) v.setInvalid(false);
        });
        try {
            change.run();
        } catch (FieldErrorsException e) {
            e.getErrors().forEach((field, message) -> {
                if (fields.get(field) instanceof HasValidation v) {
                    v.setErrorMessage(message);
                    v.setInvalid(true);
                } else {
                    Notification.show(message, 5000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            return false;
        } catch (RuntimeException e) {
            Notification.show(UserMessages.of(e), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
        Notification.show(getTranslation("calendar.saved"), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
        return true;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.title") + " · " + getTranslation("app.name");
    }
}
