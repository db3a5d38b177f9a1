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
import cn.countyflow.workflow.TaskOperations;
import cn.countyflow.workflow.Texts;

/** 抄送我的: the cases copied to me (抄送), newest first, with who copied them and why. */
@Menu(order = 5, title = "nav.copied", icon = "vaadin:copy-o")
@Route(value = "copied", layout = MainLayout.class)
@PermitAll
public class CopiedView extends VerticalLayout implements HasDynamicTitle {
    final Grid<TaskOperations.CopiedCase> grid = new Grid<>();

    public CopiedView(TaskOperations operations) {
        CountyFlowUser user = CurrentUser.get();
        setSizeFull();
        grid.setId("copied-grid");
        grid.addComponentColumn(c -> new Anchor("cases/" + c.caseId(), c.caseTitle())).setHeader(getTranslation("inbox.col.case")).setFlexGrow(1);
        grid.addColumn(TaskOperations.CopiedCase::countyName).setHeader(getTranslation("inbox.col.county")).setAutoWidth(true);
        grid.addColumn(TaskOperations.CopiedCase::grantedBy).setHeader(getTranslation("copied.col.by")).setAutoWidth(true);
        grid.addColumn(TaskOperations.CopiedCase::reason).setHeader(getTranslation("copied.col.reason")).setAutoWidth(true);
        grid.addColumn(c -> InboxView.TIME.format(c.grantedAt())).setHeader(getTranslation("notify.col.time")).setAutoWidth(true);
        grid.addColumn(c -> c.currentStage() == null ? "" : Texts.step(c.currentStage(), getLocale())).setHeader(getTranslation("case.stage")).setAutoWidth(true);
        grid.setItems(q -> operations.copiedToMe(user, q.getPage(), q.getPageSize()).stream(),
                q -> (int) operations.countCopiedToMe(user));
        grid.setEmptyStateText(getTranslation("copied.empty"));
        add(new H2(getTranslation("nav.copied")), grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.copied") + " · " + getTranslation("app.name");
    }
}
