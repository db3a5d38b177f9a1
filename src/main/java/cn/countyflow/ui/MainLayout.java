package cn.countyflow.ui;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;

import cn.countyflow.inbox.DoneView;
import cn.countyflow.inbox.InboxView;
import cn.countyflow.inbox.CasesView;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;

/** The frame of every page: navigation, who is signed in (and for which office), language, sign-out. */
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        CountyFlowUser user = CurrentUser.get();
        Span title = new Span(getTranslation("app.name"));
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");

        Select<String> language = new Select<>();
        language.setId("language");
        language.setItems("zh", "en");
        language.setItemLabelGenerator(l -> "zh".equals(l) ? "中文" : "English");
        language.setValue(getLocale() != null && "en".equals(getLocale().getLanguage()) ? "en" : "zh");
        language.setAriaLabel(getTranslation("layout.language"));
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                LocaleSetup.switchTo("en".equals(e.getValue()) ? MessagesI18NProvider.ENGLISH : MessagesI18NProvider.CHINESE);
            }
        });

        Span who = new Span(user.displayName() + " · " + user.orgName());
        who.setId("current-user");
        Button logout = new Button(getTranslation("layout.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, new Span(), who, language, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(header.getComponentAt(2));
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.inbox"), InboxView.class, VaadinIcon.INBOX.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.done"), DoneView.class, VaadinIcon.CHECK_SQUARE_O.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.cases"), CasesView.class, VaadinIcon.FOLDER_OPEN.create()));
        if (user.has(Role.PROVINCE_OFFICER) || user.has(Role.PROVINCE_APPROVER) || user.has(Role.COUNTY_DRAFTER)
                || user.has(Role.COUNTY_LEADER) || user.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.pilotBatches"), "pilot/batches", VaadinIcon.FLAG_O.create()));
        }
        if (user.has(Role.PROVINCE_OFFICER) || user.has(Role.PROVINCE_APPROVER) || user.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.pilotRanking"), "pilot/ranking", VaadinIcon.LIST_OL.create()));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.pilotPublicity"), "pilot/publicity", VaadinIcon.MEGAPHONE.create()));
        if (user.has(Role.PROVINCE_OFFICER) || user.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.reviewExperts"), "review/experts", VaadinIcon.ACADEMY_CAP.create()));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.api"), "/swagger-ui.html", VaadinIcon.CODE.create()));
        addToDrawer(nav);
        if (user.has(Role.ADMIN)) {
            SideNav admin = new SideNav(getTranslation("nav.admin"));
            admin.addItem(new SideNavItem(getTranslation("nav.cockpit"), "/camunda/app/cockpit/default/", VaadinIcon.DASHBOARD.create()));
            admin.addItem(new SideNavItem(getTranslation("nav.tasklist"), "/camunda/app/tasklist/default/", VaadinIcon.TASKS.create()));
            admin.addItem(new SideNavItem(getTranslation("nav.camundaAdmin"), "/camunda/app/admin/default/", VaadinIcon.COG.create()));
            admin.getItems().forEach(i -> i.setRouterIgnore(true));
            addToDrawer(admin);
        }
        nav.getItems().stream().filter(i -> "/swagger-ui.html".equals(i.getPath())).forEach(i -> i.setRouterIgnore(true));
    }
}
