package cn.countyflow.inbox;

import java.util.List;

import java.time.format.DateTimeFormatter;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import cn.countyflow.calendar.WorkCalendarService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.Role;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskSummary;
import cn.countyflow.workflow.TaskWork;
import cn.countyflow.workflow.WorkCalendar;
import cn.countyflow.workflow.Texts;

/** 我的待办: tasks assigned to me and tasks my offices may claim, paged from the engine. */
@Menu(order = 1, title = "nav.inbox", icon = "vaadin:inbox")
@Route(value = "inbox", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PermitAll
public class InboxView extends VerticalLayout implements HasDynamicTitle {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkCalendar.ZONE);

    private final TaskWork work;
    private final CountyFlowUser user = CurrentUser.get();
    final Grid<TaskSummary> grid = new Grid<>();
    final TextField taskName = new TextField();
    final TextField caseText = new TextField();
    final Checkbox overdueOnly = new Checkbox();
    final Checkbox mineOnly = new Checkbox();

    private final cn.countyflow.workflow.TaskReturns returns;
    /** The returned tasks among those on the page shown, by task id. */
    private final java.util.Map<String, cn.countyflow.workflow.TaskReturns.Note> returned = new java.util.HashMap<>();

    public InboxView(TaskWork work, WorkCalendarService calendar, cn.countyflow.workflow.TaskReturns returns) {
        this.work = work;
        this.returns = returns;
        setSizeFull();
        taskName.setId("filter-task");
        taskName.setLabel(getTranslation("inbox.filter.task"));
        caseText.setId("filter-case");
        caseText.setLabel(getTranslation("inbox.filter.case"));
        overdueOnly.setLabel(getTranslation("inbox.filter.overdue"));
        mineOnly.setLabel(getTranslation("inbox.filter.mine"));
        for (TextField f : new TextField[] {taskName, caseText}) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
            f.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        overdueOnly.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        mineOnly.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(taskName, caseText, overdueOnly, mineOnly);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        grid.setId("inbox-grid");
        grid.addComponentColumn(this::taskName).setHeader(getTranslation("inbox.col.task")).setKey("NAME").setSortable(true).setAutoWidth(true);
        grid.addColumn(TaskSummary::countyName).setHeader(getTranslation("inbox.col.county")).setAutoWidth(true);
        grid.addColumn(t -> t.caseType() == null ? "" : getTranslation("case.type." + t.caseType())).setHeader(getTranslation("inbox.col.type")).setAutoWidth(true);
        // a long title is cut in the row; its tooltip reads it whole (issue 11 point 14)
        grid.addColumn(TaskSummary::caseTitle).setHeader(getTranslation("inbox.col.case")).setFlexGrow(1)
                .setTooltipGenerator(t -> t.caseTitle() == null ? "" : t.caseTitle());
        grid.addColumn(t -> TIME.format(t.created())).setHeader(getTranslation("inbox.col.created")).setKey("CREATED").setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(this::due).setHeader(getTranslation("inbox.col.due")).setKey("DUE").setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("inbox.col.actions")).setAutoWidth(true);
        grid.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            TaskFilter.Sort sort = order.map(o -> TaskFilter.Sort.valueOf(o.getSorted())).orElse(TaskFilter.Sort.CREATED);
            boolean asc = order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(false);
            List<TaskSummary> page = work.myTasks(user, filter(sort, asc), query.getOffset(), query.getLimit());
            returned.putAll(returns.among(page.stream().map(TaskSummary::id).toList()));
            return page.stream();
        }, query -> (int) work.countMyTasks(user, filter(TaskFilter.Sort.CREATED, false)));
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText(getTranslation("inbox.empty"));

        add(new H2(getTranslation("nav.inbox")));
        if (user.has(Role.ADMIN)) {
            // the admins keep the working-day calendar: warn them while this or next year's holidays are missing
            calendar.missingYears().forEach(year -> {
                Span warning = new Span(getTranslation("calendar.warning.missing", String.valueOf(year)));
                warning.setId("calendar-missing-" + year);
                warning.getElement().getThemeList().add("badge error");
                Anchor link = new Anchor("admin/calendar", getTranslation("nav.calendar"));
                add(new HorizontalLayout(warning, link));
            });
        }
        add(filters, grid);
        expand(grid);
    }

    private TaskFilter filter(TaskFilter.Sort sort, boolean asc) {
        return new TaskFilter(taskName.getValue(), caseText.getValue(), overdueOnly.getValue(), mineOnly.getValue(), sort, asc);
    }

    /** The task's name; a task opened by a return carries a 退回 badge that tells who returned it, when and why. */
    private Component taskName(TaskSummary t) {
        Span name = new Span(Texts.step(t.name(), getLocale()));
        var note = returned.get(t.id());
        if (note == null) return name;
        Span badge = new Span(getTranslation("usability.returned.badge"));
        badge.setId("returned-" + t.id());
        badge.getElement().getThemeList().add("badge error");
        badge.getElement().setAttribute("title", getTranslation("usability.returned.tooltip", note.returnedByName(),
                note.office(), TIME.format(note.at()), note.reason() == null ? "" : note.reason()));
        HorizontalLayout line = new HorizontalLayout(badge, name);
        line.setSpacing(true);
        line.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return line;
    }

    private Component due(TaskSummary t) {
        if (t.due() == null) return new Span("—");
        Span due = new Span(DATE.format(t.due()));
        if (t.overdue()) {
            due.setText(DATE.format(t.due()) + " " + getTranslation("inbox.overdue"));
            due.getElement().getThemeList().add("badge error");
            due.addClassName("overdue");
        }
        return due;
    }

    private Component actions(TaskSummary t) {
        Button open = new Button(getTranslation("inbox.open"), e -> open(t));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        open.setId("open-" + t.id());
        Button claim;
        if (t.claimable()) {
            claim = new Button(getTranslation("inbox.claim"), e -> act(() -> work.claim(t.id(), user), "inbox.claimed"));
            claim.setId("claim-" + t.id());
        } else {
            claim = new Button(getTranslation("inbox.release"), e -> act(() -> work.unclaim(t.id(), user), "inbox.released"));
            claim.setId("release-" + t.id());
        }
        claim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(open, claim);
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RuntimeException e) {
            Notification.show(cn.countyflow.ui.UserMessages.of(e)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        grid.getDataProvider().refreshAll();
    }

    private void open(TaskSummary t) {
        getUI().ifPresent(ui -> ui.navigate(TaskView.class, new com.vaadin.flow.router.RouteParameters("taskId", t.id())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.inbox") + " · " + getTranslation("app.name");
    }
}
