package cn.countyflow.inbox;

import jakarta.annotation.security.PermitAll;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.Texts;

/** A case: where it stands, who holds it now, and every decision taken on it (审批记录). */
@Route(value = "cases/:caseId", layout = MainLayout.class)
@PermitAll
public class CaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final CaseFileService cases;
    private final ObjectProvider<CaseSection> sections;
    private final cn.countyflow.workflow.TaskOperations operations;
    private final cn.countyflow.org.UserNames names;
    private String title = "";

    public CaseView(CaseFileService cases, ObjectProvider<CaseSection> sections,
                    cn.countyflow.workflow.TaskOperations operations, cn.countyflow.org.UserNames names) {
        this.operations = operations;
        this.names = names;
        this.cases = cases;
        this.sections = sections;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get("caseId").orElse("");
        if (!raw.matches("\\d{1,18}")) throw new NotFoundException(getTranslation("case.error.notFound", raw));
        CaseDetails c = cases.details(Long.parseLong(raw), CurrentUser.get());
        title = c.title();
        removeAll();
        add(new H2(c.title()));
        add(summary(c));
        CountyFlowUser me = CurrentUser.get();
        com.vaadin.flow.component.button.Button cc = new com.vaadin.flow.component.button.Button(getTranslation("ops.cc"), e -> {
            try {
                new OperationDialog(getTranslation("ops.cc"), getTranslation("ops.reason"),
                        v -> operations.cc(c.id(), v.toMany(), v.reason(), me), () -> { })
                        .withUsers(getTranslation("ops.cc.to"), operations.ccCandidates(c.id(), me)).open();
            } catch (RuntimeException ex) {
                com.vaadin.flow.component.notification.Notification.show(cn.countyflow.ui.UserMessages.of(ex))
                        .addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_ERROR);
            }
        });
        cc.setId("case-cc");
        add(cc);
        add(new H3(getTranslation("case.openTasks")), openTasks(c), new H3(getTranslation("case.history")), history(c));
        CountyFlowUser user = CurrentUser.get();
        sections.orderedStream().forEach(s -> s.create(c, user).ifPresent(this::add));
    }

    private FormLayout summary(CaseDetails c) {
        FormLayout f = new FormLayout();
        f.addFormItem(new Span(getTranslation("case.type." + c.caseType())), getTranslation("inbox.col.type"));
        f.addFormItem(new Span(c.countyName()), getTranslation("inbox.col.county"));
        f.addFormItem(new Span(c.cityName() == null ? getTranslation("case.provinceDirect") : c.cityName()), getTranslation("case.city"));
        Span status = new Span(getTranslation("case.status." + c.status()));
        status.setId("case-status");
        f.addFormItem(status, getTranslation("case.status"));
        Span stage = new Span(c.currentStage() == null ? "—" : Texts.step(c.currentStage(), getLocale()));
        stage.setId("case-stage");
        f.addFormItem(stage, getTranslation("case.stage"));
        f.addFormItem(new Span(InboxView.TIME.format(c.createdAt())), getTranslation("case.created"));
        return f;
    }

    private Grid<CaseDetails.OpenTask> openTasks(CaseDetails c) {
        Grid<CaseDetails.OpenTask> grid = new Grid<>();
        grid.setId("case-open-tasks");
        grid.addColumn(t -> Texts.step(t.name(), getLocale())).setHeader(getTranslation("inbox.col.task"));
        // people by name and office, never by account name (issue 11 point 14)
        grid.addColumn(t -> t.assignee() == null ? getTranslation("case.unclaimed") : names.label(t.assignee())).setHeader(getTranslation("case.assignee"));
        grid.addColumn(t -> t.due() == null ? "—" : InboxView.DATE.format(t.due())).setHeader(getTranslation("inbox.col.due"));
        CountyFlowUser me = CurrentUser.get();
        grid.addComponentColumn(t -> {
            if (!operations.mayUrge(t.taskId(), me)) return new Span();
            com.vaadin.flow.component.button.Button urge = new com.vaadin.flow.component.button.Button(getTranslation("ops.urge"),
                    e -> new OperationDialog(getTranslation("ops.urge"), getTranslation("ops.urge.message"),
                            v -> operations.urge(t.taskId(), v.reason(), me), () -> { }).open());
            urge.setId("urge-" + t.taskId());
            urge.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
            return urge;
        }).setHeader(getTranslation("inbox.col.actions"));
        grid.setItems(c.openTasks());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<CaseDetails.Decision> history(CaseDetails c) {
        Grid<CaseDetails.Decision> grid = new Grid<>();
        grid.setId("case-history");
        grid.addColumn(d -> InboxView.TIME.format(d.decidedAt())).setHeader(getTranslation("case.history.time")).setAutoWidth(true);
        grid.addColumn(d -> Texts.step(d.taskName(), getLocale())).setHeader(getTranslation("inbox.col.task")).setAutoWidth(true);
        grid.addColumn(d -> names.label(d.username(), d.userName())).setHeader(getTranslation("case.history.who")).setAutoWidth(true);
        grid.addColumn(d -> d.role() == null ? "" : getTranslation("role." + d.role())).setHeader(getTranslation("case.history.role")).setAutoWidth(true);
        grid.addColumn(d -> d.decision() == null ? getTranslation("decision.SUBMIT") : getTranslation("decision." + d.decision())).setHeader(getTranslation("case.history.decision")).setAutoWidth(true);
        grid.addColumn(d -> (d.targetStep() == null ? "" : getTranslation("ops.history.target", Texts.step(d.targetStep(), getLocale())) + " ")
                + (d.comment() == null ? "" : d.comment())).setHeader(getTranslation("case.history.comment")).setFlexGrow(1)
                .setTooltipGenerator(d -> d.comment() == null ? "" : d.comment());
        // reasons are read whole: cells wrap rather than cut the text
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(c.decisions());
        grid.setAllRowsVisible(true);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
