package cn.countyflow.inbox;

import jakarta.annotation.security.PermitAll;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.Texts;

/** 案件: the cases this user's office may see, newest first, paged in the database. */
@Menu(order = 3, title = "nav.cases", icon = "vaadin:folder-open")
@Route(value = "cases", layout = MainLayout.class)
@PermitAll
public class CasesView extends VerticalLayout implements HasDynamicTitle {
    final Grid<CaseFile> grid = new Grid<>();

    public CasesView(CaseFileService cases, OrganisationService organisations) {
        CountyFlowUser user = CurrentUser.get();
        setSizeFull();
        TextField text = new TextField(getTranslation("cases.filter"));
        text.setId("filter-cases");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        grid.setId("cases-grid");
        grid.addComponentColumn(c -> new Anchor("cases/" + c.getId(), c.getTitle())).setHeader(getTranslation("inbox.col.case")).setFlexGrow(1);
        grid.addColumn(c -> organisations.nameOf(c.getCountyCode())).setHeader(getTranslation("inbox.col.county")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("case.type." + c.getCaseType())).setHeader(getTranslation("inbox.col.type")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("case.status." + c.getStatus().name())).setHeader(getTranslation("case.status")).setAutoWidth(true);
        grid.addColumn(c -> c.getCurrentStage() == null ? "" : Texts.step(c.getCurrentStage(), getLocale())).setHeader(getTranslation("case.stage")).setAutoWidth(true);
        grid.addColumn(c -> InboxView.TIME.format(c.getUpdatedAt())).setHeader(getTranslation("case.updated")).setAutoWidth(true);
        grid.setItems(q -> cases.search(user, text.getValue(),
                PageRequest.of(q.getPage(), q.getPageSize(), Sort.by(Sort.Direction.DESC, "id"))).stream(),
                q -> (int) cases.search(user, text.getValue(), PageRequest.of(0, 1)).getTotalElements());
        text.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.setEmptyStateText(getTranslation("cases.empty"));
        add(new H2(getTranslation("nav.cases")), text, grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.cases") + " · " + getTranslation("app.name");
    }
}
