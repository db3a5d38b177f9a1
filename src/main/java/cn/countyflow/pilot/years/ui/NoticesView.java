package cn.countyflow.pilot.years.ui;

import jakarta.annotation.security.PermitAll;

import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.pilot.years.PilotNotice;
import cn.countyflow.pilot.years.PilotNoticeService;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;

/**
 * 通报与示范标杆: the province's cancellation notices (通报取消试点示范) and benchmarks (示范标杆) with their published
 * text, newest first; every signed-in user of that province (admins: all). Paged lazily.
 */
@Route(value = "pilot/notices", layout = MainLayout.class)
@PermitAll
@Menu(order = 45, title = "nav.pilotNotices", icon = "vaadin:newspaper")
public class NoticesView extends VerticalLayout implements HasDynamicTitle {

    public NoticesView(PilotNoticeService notices, OrganisationService organisations) {
        CountyFlowUser user = CurrentUser.get();
        add(new H2(getTranslation("pilot.years.notices.title")));
        Grid<PilotNotice> grid = new Grid<>();
        grid.setId("pilot-notices");
        grid.addColumn(n -> ProjectSections.TIME.format(n.getPublishedAt()))
                .setHeader(getTranslation("pilot.years.notices.publishedAt")).setAutoWidth(true);
        grid.addColumn(n -> getTranslation("pilot.years.notices.kind." + n.getKind()))
                .setHeader(getTranslation("pilot.years.notices.kind")).setAutoWidth(true);
        grid.addColumn(n -> organisations.nameOf(n.getCountyCode()))
                .setHeader(getTranslation("pilot.years.notices.county")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(n -> {
            Div box = new Div();
            box.add(new H4(n.getTitle()));
            box.add(new Paragraph(n.getBody()));
            if (user.has(cn.countyflow.org.Role.ADMIN) || user.isProvinceStaff() || user.orgCode().equals(n.getCountyCode())) {
                box.add(new Anchor("cases/" + n.getProjectCaseId(), getTranslation("pilot.years.notices.openCase")));
            }
            return box;
        })).setHeader(getTranslation("pilot.years.notices.text")).setFlexGrow(3);
        grid.setItems(q -> notices.list(user, PageRequest.of(q.getPage(), q.getPageSize())).stream());
        grid.setEmptyStateComponent(new Span(getTranslation("pilot.years.notices.none")));
        setSizeFull();
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pilot.years.notices.title") + " · " + getTranslation("app.name");
    }
}
