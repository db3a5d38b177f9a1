package cn.countyflow.inbox;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.workflow.DeadlineService;
import cn.countyflow.workflow.TaskOperations;

/**
 * 逾期督办: tasks of the offices below mine that are past their due date and were escalated to my office; they stay
 * where they are, and I can urge (催办) their holders.
 */
@Menu(order = 6, title = "nav.supervision", icon = "vaadin:alarm")
@Route(value = "supervision", layout = MainLayout.class)
@RolesAllowed({"CITY_REVIEWER", "PROVINCE_OFFICER", "PROVINCE_APPROVER"})
public class SupervisionView extends VerticalLayout implements HasDynamicTitle {
    final Grid<DeadlineService.Supervised> grid = new Grid<>();

    public SupervisionView(DeadlineService deadlines, TaskOperations operations, cn.countyflow.org.UserNames names) {
        CountyFlowUser user = CurrentUser.get();
        setSizeFull();
        grid.setId("supervision-grid");
        grid.addColumn(DeadlineService.Supervised::taskName).setHeader(getTranslation("inbox.col.task")).setAutoWidth(true);
        grid.addComponentColumn(s -> s.caseId() == null ? new Span() : cn.countyflow.ui.TitledLink.of("cases/" + s.caseId(), s.caseTitle()))
                .setHeader(getTranslation("inbox.col.case")).setFlexGrow(1);
        grid.addColumn(DeadlineService.Supervised::countyName).setHeader(getTranslation("inbox.col.county")).setAutoWidth(true);
        grid.addColumn(DeadlineService.Supervised::officeName).setHeader(getTranslation("supervision.col.office")).setAutoWidth(true);
        grid.addColumn(s -> s.assignee() == null ? getTranslation("case.unclaimed") : names.label(s.assignee()))
                .setHeader(getTranslation("case.assignee")).setAutoWidth(true);
        grid.addColumn(s -> InboxView.DATE.format(s.due())).setHeader(getTranslation("inbox.col.due")).setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Span late = new Span(getTranslation("supervision.overdueDays", s.workingDaysOverdue()));
            late.getElement().getThemeList().add("badge error");
            return late;
        }).setHeader(getTranslation("supervision.col.overdue")).setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Button urge = new Button(getTranslation("ops.urge"), e -> new OperationDialog(getTranslation("ops.urge"),
                    getTranslation("ops.urge.message"), v -> operations.urge(s.taskId(), v.reason(), user),
                    () -> grid.getDataProvider().refreshAll()).open());
            urge.setId("urge-" + s.taskId());
            urge.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return urge;
        }).setHeader(getTranslation("inbox.col.actions")).setAutoWidth(true);
        grid.setItems(q -> deadlines.supervision(user, q.getPage(), q.getPageSize()).stream(),
                q -> (int) deadlines.countSupervision(user));
        grid.setEmptyStateText(getTranslation("supervision.empty"));
        add(new H2(getTranslation("nav.supervision")), new Span(getTranslation("supervision.intro")), grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.supervision") + " · " + getTranslation("app.name");
    }
}
