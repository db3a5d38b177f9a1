package cn.countyflow.monitoring.ui;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import cn.countyflow.inbox.CaseSection;
import cn.countyflow.monitoring.CaseMonitor;
import cn.countyflow.monitoring.CaseMonitorService;
import cn.countyflow.monitoring.OperationsService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.InvalidInputException;
import cn.countyflow.org.Role;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.ui.UserMessages;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.Texts;

/**
 * A case under monitoring (/monitoring/cases/{id}): its instances with the diagram of the chosen one (bpmn-js: the
 * current activity highlighted, the path taken marked, how often each activity ran), open tasks with assignee,
 * candidates and due dates, incidents, decision history, the business data read-only, and for admins the process
 * variables, the operations (reassign, suspend, resume, cancel, retry) and the link to Cockpit.
 */
@Route(value = "monitoring/cases/:caseId", layout = MainLayout.class)
@RolesAllowed({"ADMIN", "PROVINCE_OFFICER", "PROVINCE_APPROVER", "CITY_REVIEWER"})
public class MonitorCaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final CaseMonitorService monitor;
    private final OperationsService operations;
    private final CaseFileService cases;
    private final ObjectProvider<CaseSection> sections;
    final BpmnViewer diagram = new BpmnViewer();
    private long caseId;
    private String title = "";
    private String shownInstance;
    private final cn.countyflow.org.UserNames names;

    public MonitorCaseView(CaseMonitorService monitor, OperationsService operations, CaseFileService cases,
                           ObjectProvider<CaseSection> sections, cn.countyflow.org.UserNames names) {
        this.names = names;
        this.monitor = monitor;
        this.operations = operations;
        this.cases = cases;
        this.sections = sections;
        diagram.setId("monitor-diagram");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get("caseId").orElse("");
        if (!raw.matches("\\d{1,18}")) throw new NotFoundException(getTranslation("error.notFound.message"));
        caseId = Long.parseLong(raw);
        shownInstance = null;
        render();
    }

    void render() {
        CountyFlowUser user = CurrentUser.get();
        CaseMonitor m = monitor.details(caseId, user);
        boolean admin = user.has(Role.ADMIN);
        title = m.summary().title();
        removeAll();
        add(new H2(m.summary().title()), summary(m), actions(m, admin));

        add(new H3(getTranslation("monitor.case.instances")), instances(m));
        if (shownInstance == null && !m.instances().isEmpty()) shownInstance = m.instances().get(0).id();
        if (shownInstance != null) {
            CaseMonitor.Diagram d = monitor.diagram(caseId, shownInstance, user);
            Span which = new Span(getTranslation("monitor.case.diagramOf", d.processLabel()));
            which.setId("monitor-diagram-title");
            diagram.show(d.xml(), d.counts(), d.current(), d.failed());
            add(which, legend(), diagram);
        }
        add(new H3(getTranslation("monitor.case.tasks")), tasks(m, admin));
        if (!m.incidents().isEmpty()) add(new H3(getTranslation("monitor.case.incidents")), incidents(m, admin));
        add(new H3(getTranslation("case.history")), history(m, admin));
        if (m.variablesShown()) add(new H3(getTranslation("monitor.case.variables")), variables(m));
        var details = cases.details(caseId, user);
        sections.orderedStream().forEach(s -> s.create(details, user).ifPresent(this::add));
    }

    private FormLayout summary(CaseMonitor m) {
        FormLayout f = new FormLayout();
        var r = m.summary();
        f.addFormItem(new Span(r.caseTypeLabel()), getTranslation("monitor.col.type"));
        f.addFormItem(new Span(r.cohortLabel()), getTranslation("monitor.col.cohort"));
        f.addFormItem(new Span(r.countyName()), getTranslation("monitor.col.county"));
        f.addFormItem(new Span(r.cityName() == null ? getTranslation("case.provinceDirect") : r.cityName()),
                getTranslation("monitor.col.city"));
        Span status = new Span(getTranslation("case.status." + r.status()));
        status.setId("monitor-case-status");
        f.addFormItem(status, getTranslation("case.status"));
        Span state = new Span(getTranslation("monitor.state." + r.state()));
        state.setId("monitor-case-state");
        f.addFormItem(state, getTranslation("monitor.col.state"));
        Span stage = new Span(r.stage() == null ? "—" : r.stage());
        stage.setId("monitor-case-stage");
        f.addFormItem(stage, getTranslation("monitor.col.stage"));
        f.addFormItem(new Span(Formats.time(r.createdAt())), getTranslation("monitor.col.created"));
        return f;
    }

    private Component legend() {
        Span legend = new Span(getTranslation("monitor.case.legend"));
        legend.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return legend;
    }

    private HorizontalLayout actions(CaseMonitor m, boolean admin) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.add(new Anchor("cases/" + caseId, getTranslation("monitor.case.businessPage")));
        if (!admin) return bar;
        boolean running = m.instances().stream().anyMatch(i -> i.running() && i.superInstanceId() == null);
        boolean suspended = m.summary().suspended();
        if (running && !suspended) {
            bar.add(opButton("monitor-suspend", "monitor.op.suspend", "monitor.op.suspend.question",
                    reason -> operations.suspend(caseId, reason, CurrentUser.get())));
        }
        if (running && suspended) {
            bar.add(opButton("monitor-resume", "monitor.op.resume", "monitor.op.resume.question",
                    reason -> operations.resume(caseId, reason, CurrentUser.get())));
        }
        if (running) {
            Button cancel = opButton("monitor-cancel", "monitor.op.cancel", "monitor.op.cancel.question",
                    reason -> operations.cancel(caseId, reason, CurrentUser.get()));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            bar.add(cancel);
        }
        if (m.cockpitUrl() != null) {
            Anchor cockpit = new Anchor(m.cockpitUrl(), getTranslation("monitor.case.cockpit"));
            cockpit.setId("monitor-cockpit");
            cockpit.setTarget(AnchorTarget.BLANK);
            cockpit.setRouterIgnore(true);
            bar.add(cockpit);
        }
        bar.setAlignItems(Alignment.BASELINE);
        return bar;
    }

    private Button opButton(String id, String label, String question, java.util.function.Consumer<String> action) {
        Button b = new Button(getTranslation(label), e -> new ReasonDialog(id + "-dialog", getTranslation(label),
                getTranslation(question), getTranslation(label), reason -> {
            run(() -> action.accept(reason));
        }).open());
        b.setId(id);
        return b;
    }

    /** Runs an operation; shows what came of it; the page is drawn again from the engine. */
    private void run(Runnable op) {
        try {
            op.run();
            Notification.show(getTranslation("monitor.op.done"), 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            render();
        } catch (InvalidInputException invalid) {
            throw invalid;
        } catch (RuntimeException e) {
            Notification.show(UserMessages.of(e), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private Grid<CaseMonitor.Instance> instances(CaseMonitor m) {
        Grid<CaseMonitor.Instance> grid = new Grid<>();
        grid.setId("monitor-instances");
        grid.addColumn(CaseMonitor.Instance::processLabel).setHeader(getTranslation("monitor.col.process")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation("monitor.instanceState." + i.state())).setHeader(getTranslation("monitor.col.state"))
                .setAutoWidth(true);
        grid.addColumn(i -> Formats.time(i.started())).setHeader(getTranslation("monitor.col.started")).setAutoWidth(true);
        grid.addColumn(i -> Formats.time(i.ended())).setHeader(getTranslation("monitor.col.ended")).setAutoWidth(true);
        grid.addComponentColumn(i -> {
            Button show = new Button(getTranslation("monitor.case.showDiagram"), e -> {
                shownInstance = i.id();
                render();
            });
            show.setId("monitor-show-" + i.id());
            show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            show.setEnabled(!i.id().equals(shownInstance));
            return show;
        });
        grid.setItems(m.instances());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<CaseMonitor.OpenTask> tasks(CaseMonitor m, boolean admin) {
        Grid<CaseMonitor.OpenTask> grid = new Grid<>();
        grid.setId("monitor-tasks");
        grid.addColumn(t -> Texts.step(t.name(), getLocale())).setHeader(getTranslation("monitor.col.task")).setAutoWidth(true);
        // by name and office; the account name only for admins, who manage accounts (issue 11 point 14)
        grid.addColumn(t -> t.assignee() == null ? getTranslation("case.unclaimed")
                        : names.label(t.assignee()) + (admin ? " · " + t.assignee() : ""))
                .setHeader(getTranslation("case.assignee")).setAutoWidth(true);
        grid.addColumn(t -> String.join(getTranslation("list.separator"), t.candidateLabels())).setHeader(getTranslation("monitor.col.candidates"))
                .setFlexGrow(1);
        grid.addComponentColumn(t -> {
            Span s = new Span(Formats.time(t.due()));
            if (t.overdue()) s.getElement().getThemeList().add("badge error");
            return s;
        }).setHeader(getTranslation("monitor.col.due")).setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(t -> {
                Button b = new Button(getTranslation("monitor.op.reassign"), e -> reassign(t));
                b.setId("monitor-reassign-" + t.taskId());
                b.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return b;
            });
        }
        grid.setItems(m.tasks());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("monitor.case.noTasks"));
        return grid;
    }

    private void reassign(CaseMonitor.OpenTask task) {
        CountyFlowUser admin = CurrentUser.get();
        ComboBox<CountyFlowUser> to = new ComboBox<>(getTranslation("monitor.reassign.to"));
        to.setId("monitor-reassign-user");
        to.setItems(operations.reassignCandidates(caseId, task.taskId(), admin));
        to.setItemLabelGenerator(u -> getTranslation("text.paren", u.displayName(), u.username() + getTranslation("text.comma") + u.orgName()));
        to.setWidthFull();
        ReasonDialog dialog = new ReasonDialog("monitor-reassign-dialog", getTranslation("monitor.op.reassign"),
                getTranslation("monitor.op.reassign.question", Texts.step(task.name(), getLocale())), getTranslation("monitor.op.reassign"), reason -> {
            try {
                operations.reassign(caseId, task.taskId(), to.getValue() == null ? null : to.getValue().username(), reason,
                        admin);
            } catch (InvalidInputException invalid) {
                if (invalid.getErrors().containsKey("username")) {
                    to.setErrorMessage(invalid.getErrors().get("username"));
                    to.setInvalid(true);
                }
                throw invalid;
            }
            Notification.show(getTranslation("monitor.op.done"), 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            render();
        });
        dialog.addComponentAsFirst(to);
        dialog.open();
    }

    private Grid<CaseMonitor.IncidentView> incidents(CaseMonitor m, boolean admin) {
        Grid<CaseMonitor.IncidentView> grid = new Grid<>();
        grid.setId("monitor-incidents");
        grid.addColumn(i -> Formats.time(i.created())).setHeader(getTranslation("monitor.col.time")).setAutoWidth(true);
        grid.addColumn(CaseMonitor.IncidentView::activityId).setHeader(getTranslation("monitor.col.activity")).setAutoWidth(true);
        grid.addColumn(i -> i.message() == null ? "" : i.message()).setHeader(getTranslation("monitor.col.error")).setFlexGrow(1);
        if (admin) {
            grid.addComponentColumn(i -> {
                Button trace = new Button(getTranslation("monitor.incident.trace"), e -> showTrace(i));
                trace.setId("monitor-trace-" + i.id());
                trace.addThemeVariants(ButtonVariant.LUMO_SMALL);
                Button retry = opButton("monitor-retry-" + i.id(), "monitor.op.retry", "monitor.op.retry.question", reason -> {
                    OperationsService.RetryOutcome outcome = operations.retry(caseId, i.id(), reason, CurrentUser.get());
                    if (!outcome.succeeded()) {
                        Notification.show(outcome.message(), 5000, Notification.Position.TOP_CENTER)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
                retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return new HorizontalLayout(trace, retry);
            }).setAutoWidth(true);
        }
        grid.setItems(m.incidents());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void showTrace(CaseMonitor.IncidentView i) {
        CaseMonitor.IncidentDetail detail = monitor.incident(caseId, i.id(), CurrentUser.get());
        Dialog d = new Dialog();
        d.setId("monitor-trace-dialog");
        d.setHeaderTitle(getTranslation("monitor.incident.trace"));
        Pre pre = new Pre(detail.stackTrace() == null ? String.valueOf(detail.incident().message()) : detail.stackTrace());
        pre.setId("monitor-trace-text");
        pre.getStyle().set("max-height", "60vh").set("overflow", "auto").set("font-size", "11px");
        d.add(new Span(String.valueOf(detail.incident().message())), pre);
        Button close = new Button(getTranslation("monitor.op.close"), e -> d.close());
        close.setId("monitor-trace-close");
        d.getFooter().add(close);
        d.setWidth("80vw");
        d.open();
    }

    private Grid<cn.countyflow.workflow.CaseDetails.Decision> history(CaseMonitor m, boolean admin) {
        Grid<cn.countyflow.workflow.CaseDetails.Decision> grid = new Grid<>();
        grid.setId("monitor-history");
        grid.addColumn(d -> Formats.time(d.decidedAt())).setHeader(getTranslation("case.history.time")).setAutoWidth(true);
        grid.addColumn(d -> d.taskName() == null ? "" : Texts.step(d.taskName(), getLocale())).setHeader(getTranslation("monitor.col.task")).setAutoWidth(true);
        grid.addColumn(d -> names.label(d.username(), d.userName()) + (admin && !d.username().isEmpty() ? " · " + d.username() : ""))
                .setHeader(getTranslation("case.history.who")).setAutoWidth(true);
        grid.addColumn(d -> d.role() == null ? "" : getTranslation("role." + d.role())).setHeader(getTranslation("case.history.role"))
                .setAutoWidth(true);
        grid.addColumn(d -> d.decision() == null ? getTranslation("decision.SUBMIT") : getTranslation("decision." + d.decision()))
                .setHeader(getTranslation("case.history.decision")).setAutoWidth(true);
        grid.addColumn(d -> d.comment() == null ? "" : d.comment()).setHeader(getTranslation("case.history.comment")).setFlexGrow(1);
        grid.setItems(m.decisions());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<CaseMonitor.VariableView> variables(CaseMonitor m) {
        Grid<CaseMonitor.VariableView> grid = new Grid<>();
        grid.setId("monitor-variables");
        Map<String, String> processOf = new java.util.HashMap<>();
        m.instances().forEach(i -> processOf.put(i.id(), i.processLabel()));
        grid.addColumn(v -> processOf.getOrDefault(v.processInstanceId(), v.processInstanceId()))
                .setHeader(getTranslation("monitor.col.process")).setAutoWidth(true);
        grid.addColumn(CaseMonitor.VariableView::name).setHeader(getTranslation("monitor.col.variable")).setAutoWidth(true);
        grid.addColumn(CaseMonitor.VariableView::type).setHeader(getTranslation("monitor.col.varType")).setAutoWidth(true);
        grid.addColumn(CaseMonitor.VariableView::value).setHeader(getTranslation("monitor.col.value")).setFlexGrow(1);
        grid.setItems(m.variables());
        grid.setAllRowsVisible(true);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("nav.monitoring");
    }
}
