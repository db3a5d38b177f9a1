package cn.countyflow.inbox;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.workflow.DoneTask;
import cn.countyflow.workflow.TaskWork;
import cn.countyflow.workflow.Texts;

/** 已办: what I have completed, newest first, with where each case stands now. */
@Menu(order = 2, title = "nav.done", icon = "vaadin:check-square-o")
@Route(value = "done", layout = MainLayout.class)
@PermitAll
public class DoneView extends VerticalLayout implements HasDynamicTitle {
    final Grid<DoneTask> grid = new Grid<>();

    private final CountyFlowUser user = CurrentUser.get();
    private final cn.countyflow.workflow.TaskOperations operations;

    public DoneView(TaskWork work, cn.countyflow.workflow.TaskOperations operations) {
        this.operations = operations;
        setSizeFull();
        grid.setId("done-grid");
        grid.addColumn(d -> Texts.step(d.name(), getLocale())).setHeader(getTranslation("inbox.col.task")).setAutoWidth(true);
        grid.addColumn(DoneTask::countyName).setHeader(getTranslation("inbox.col.county")).setAutoWidth(true);
        grid.addComponentColumn(t -> t.caseId() == null ? new Anchor() : new Anchor("cases/" + t.caseId(), t.caseTitle()))
                .setHeader(getTranslation("inbox.col.case")).setFlexGrow(1);
        grid.addColumn(t -> t.completed() == null ? "" : InboxView.TIME.format(t.completed())).setHeader(getTranslation("done.col.completed")).setAutoWidth(true);
        grid.addColumn(t -> t.due() == null ? "—" : InboxView.DATE.format(t.due())).setHeader(getTranslation("inbox.col.due")).setAutoWidth(true);
        grid.addColumn(t -> t.caseStage() == null ? "" : t.caseStage()).setHeader(getTranslation("done.col.stage")).setAutoWidth(true);
        grid.addComponentColumn(t -> {
            // 撤回: the service refuses, with a clear message, once the next step was acted on
            com.vaadin.flow.component.button.Button withdraw = new com.vaadin.flow.component.button.Button(
                    getTranslation("ops.withdraw"), e -> new OperationDialog(getTranslation("ops.withdraw"),
                    getTranslation("ops.reason"), v -> operations.withdraw(t.id(), v.reason(), user),
                    () -> getUI().ifPresent(ui -> ui.navigate(InboxView.class))).open());
            withdraw.setId("withdraw-" + t.id());
            withdraw.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL,
                    com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            return withdraw;
        }).setHeader(getTranslation("inbox.col.actions")).setAutoWidth(true);
        grid.setItems(q -> work.doneTasks(user, q.getOffset(), q.getLimit()).stream(), q -> (int) work.countDoneTasks(user));
        grid.setEmptyStateText(getTranslation("done.empty"));
        add(new H2(getTranslation("nav.done")), grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.done") + " · " + getTranslation("app.name");
    }
}
