package cn.countyflow.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.Role;

/**
 * The frame of every page: navigation, who is signed in (and for which office), language, sign-out.
 * The menu is built from the views that register themselves ({@code @Menu(order, title = message key,
 * icon = "vaadin:…")} beside {@code @RolesAllowed}/{@code @PermitAll}), so this layout imports no view; only the
 * entries the user may open are shown. The external links (API docs, Camunda's webapps) are built here.
 */
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
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (!mayOpen(entry)) continue;
            nav.addItem(entry.icon() == null ? new SideNavItem(getTranslation(entry.title()), entry.path())
                    : new SideNavItem(getTranslation(entry.title()), entry.path(), new Icon(entry.icon())));
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

    /**
     * Whether the signed-in user may open the entry's view, by its access annotations. MenuConfiguration already
     * filters by Vaadin's access control; this checks the same annotations against the Spring Security
     * authentication itself, so the menu is right wherever the request does not carry the user's roles.
     */
    private static boolean mayOpen(MenuEntry entry) {
        if (entry.menuClass() == null) return true;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) return false;
        return ACCESS.hasAccess(entry.menuClass(), auth, role -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(role) || a.getAuthority().equals("ROLE_" + role)));
    }

    private static final AccessAnnotationChecker ACCESS = new AccessAnnotationChecker();
}
