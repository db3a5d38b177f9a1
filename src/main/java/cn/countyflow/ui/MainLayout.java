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
public class MainLayout extends AppLayout implements com.vaadin.flow.router.AfterNavigationObserver {
    /** How often an open page asks for the unread count (milliseconds). */
    static final int BELL_POLL_MS = 60_000;

    private final cn.countyflow.notification.NotificationService notifications;
    private final CountyFlowUser user;
    private final Span bellCount = new Span();

    public MainLayout(AuthenticationContext authentication, cn.countyflow.notification.NotificationService notifications) {
        this.notifications = notifications;
        CountyFlowUser user = CurrentUser.get();
        this.user = user;
        Span title = new Span(getTranslation("app.name"));
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");

        Select<String> language = new Select<>();
        language.setId("language");
        language.setItems("zh", "en");
        language.setItemLabelGenerator(l -> getTranslation("layout.language." + l));
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

        // 站内信: the bell with my unread count, opening the notifications page
        bellCount.setId("notification-count");
        bellCount.getElement().getThemeList().add("badge error pill small");
        Button bell = new Button(VaadinIcon.BELL.create(), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("notifications")));
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setAriaLabel(getTranslation("nav.notifications"));
        HorizontalLayout bellBox = new HorizontalLayout(bell, bellCount);
        bellBox.setSpacing(false);
        bellBox.setAlignItems(FlexComponent.Alignment.CENTER);
        refreshCount();

        // 修改密码: every user's own password
        Button password = new Button(VaadinIcon.KEY.create(), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(PasswordView.class)));
        password.setId("change-password");
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        password.setAriaLabel(getTranslation("password.title"));
        password.setTooltipText(getTranslation("password.title"));

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, new Span(), bellBox, who, password, language, logout);
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

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(BELL_POLL_MS);
        event.getUI().addPollListener(e -> refreshCount());
    }

    @Override
    public void afterNavigation(com.vaadin.flow.router.AfterNavigationEvent event) {
        refreshCount();
    }

    /** Shows the unread count now (e.g. after notifications were read on the page). */
    public void refreshCount() {
        long unread = notifications.unreadCount(user);
        bellCount.setText(unread > 99 ? "99+" : String.valueOf(unread));
        bellCount.setVisible(unread > 0);
        bellCount.getElement().setAttribute("title", getTranslation("layout.unread", unread));
    }

    /** Refreshes the bell of the current page's layout, if it has one. */
    public static void refreshBell() {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        if (ui == null) return;
        ui.getInternals().getActiveRouterTargetsChain().stream().filter(MainLayout.class::isInstance)
                .map(MainLayout.class::cast).forEach(MainLayout::refreshCount);
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
