package cn.countyflow.inbox;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.notification.NotificationService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.Role;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.ui.UserMessages;
import cn.countyflow.workflow.FieldErrorsException;

/** 站内信: my notifications, newest first; opening one marks it read and goes to its task or case. My e-mail settings. */
@Menu(order = 4, title = "nav.notifications", icon = "vaadin:bell")
@Route(value = "notifications", layout = MainLayout.class)
@PermitAll
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {
    final Grid<NotificationService.Item> grid = new Grid<>();
    private final NotificationService notifications;
    private final CountyFlowUser user = CurrentUser.get();

    public NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        setSizeFull();
        grid.setId("notifications-grid");
        grid.addColumn(n -> InboxView.TIME.format(n.createdAt())).setHeader(getTranslation("notify.col.time")).setAutoWidth(true);
        grid.addColumn(n -> getTranslation("notify.kind." + n.kind())).setHeader(getTranslation("notify.col.kind")).setAutoWidth(true);
        grid.addComponentColumn(n -> {
            Span text = new Span(n.text());
            if (!n.read()) text.getStyle().set("font-weight", "600");
            return text;
        }).setHeader(getTranslation("notify.col.text")).setFlexGrow(1);
        grid.addComponentColumn(n -> {
            Button open = new Button(getTranslation("notify.open"), e -> open(n));
            open.setId("notification-open-" + n.id());
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, n.read() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
            return open;
        }).setHeader(getTranslation("inbox.col.actions")).setAutoWidth(true);
        grid.setItems(q -> notifications.list(user, q.getPage(), q.getPageSize()).stream(),
                q -> (int) notifications.count(user));
        grid.setEmptyStateText(getTranslation("notify.empty"));
        Button readAll = new Button(getTranslation("notify.readAll"), e -> {
            notifications.markAllRead(user);
            grid.getDataProvider().refreshAll();
            MainLayout.refreshBell();
        });
        readAll.setId("notifications-read-all");
        add(new H2(getTranslation("nav.notifications")), readAll, grid, settings());
        expand(grid);
    }

    private void open(NotificationService.Item n) {
        String link = notifications.markRead(n.id(), user);
        MainLayout.refreshBell();
        if (link == null) {
            grid.getDataProvider().refreshAll();
        } else {
            getUI().ifPresent(ui -> ui.navigate(link));
        }
    }

    /** My address; an administrator also turns e-mail on or off for an office. */
    private VerticalLayout settings() {
        NotificationService.Settings s = notifications.settings(user);
        TextField email = new TextField(getTranslation("notify.email"));
        email.setId("notify-email");
        email.setValue(s.email() == null ? "" : s.email());
        email.setHelperText(getTranslation(s.officeMail() ? "notify.email.officeOn" : "notify.email.officeOff", s.officeName()));
        Button save = new Button(getTranslation("notify.email.save"), e -> {
            email.setInvalid(false);
            try {
                notifications.setEmail(user, email.getValue());
                Notification.show(getTranslation("notify.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (FieldErrorsException ex) {
                email.setErrorMessage(ex.getErrors().values().iterator().next());
                email.setInvalid(true);
            }
        });
        save.setId("notify-email-save");
        HorizontalLayout mine = new HorizontalLayout(email, save);
        mine.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("notify.settings")), mine);
        box.setPadding(false);
        if (user.has(Role.ADMIN)) {
            TextField office = new TextField(getTranslation("notify.office"));
            office.setId("notify-office");
            Checkbox on = new Checkbox(getTranslation("notify.office.enabled"));
            on.setId("notify-office-enabled");
            Button apply = new Button(getTranslation("notify.email.save"), e -> {
                office.setInvalid(false);
                try {
                    notifications.setOfficeMail(office.getValue().strip(), on.getValue(), user);
                    Notification.show(getTranslation("notify.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (FieldErrorsException ex) {
                    office.setErrorMessage(ex.getErrors().values().iterator().next());
                    office.setInvalid(true);
                } catch (RuntimeException ex) {
                    Notification.show(UserMessages.of(ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            apply.setId("notify-office-save");
            HorizontalLayout admin = new HorizontalLayout(office, on, apply);
            admin.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            box.add(admin);
        }
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.notifications") + " · " + getTranslation("app.name");
    }
}
