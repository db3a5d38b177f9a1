package cn.countyflow.pilot.designation.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/** The province's batches, each with a link to its ranking and proposed list. */
@Menu(order = 11, title = "nav.pilotRanking", icon = "vaadin:list-ol")
@Route(value = "pilot/ranking", layout = MainLayout.class)
@RolesAllowed({"PROVINCE_OFFICER", "PROVINCE_APPROVER", "ADMIN"})
public class RankingIndexView extends VerticalLayout implements HasDynamicTitle {

    public RankingIndexView(PilotBatchService batches) {
        CountyFlowUser user = CurrentUser.get();
        add(new H2(getTranslation("designation.index.title")));
        for (PilotBatch b : batches.batchesFor(user)) {
            RouterLink link = new RouterLink(b.getName(), RankingView.class,
                    new RouteParameters("batchId", String.valueOf(b.getId())));
            link.setId("ranking-link-" + b.getId());
            add(new VerticalLayout(link, new Span(getTranslation("pilot.batch.card", b.getDeadline(), b.getExpectedPilots()))));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("designation.index.pageTitle");
    }
}
