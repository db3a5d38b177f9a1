package cn.countyflow.monitoring.ui;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.InvalidInputException;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.org.UserAdministration;
import cn.countyflow.ui.MainLayout;

/**
 * 用户与单位管理 (/admin/users, admins only): find users by name or office, create them, change name, office and roles,
 * disable and enable, set or reset a password. All checks are in {@link UserAdministration}; errors show at the fields.
 */
@Menu(order = 90, title = "nav.adminUsers", icon = "vaadin:users")
@Route(value = "admin/users", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {
    final Grid<CountyFlowUser> grid = new Grid<>();
    final TextField text = new TextField();
    final ComboBox<Organisation> office = new ComboBox<>();
    private final UserAdministration administration;
    private final List<Organisation> organisations;
    private final CountyFlowUser admin;

    public UsersView(UserAdministration administration, OrganisationService organisationService) {
        this.administration = administration;
        this.admin = CurrentUser.get();
        List<Organisation> all = new java.util.ArrayList<>();
        for (OrgLevel level : OrgLevel.values()) all.addAll(organisationService.byLevel(level));
        all.sort(java.util.Comparator.comparing(Organisation::getCode));
        this.organisations = all;
        administration.count(admin, null, null);

        text.setId("users-filter");
        text.setLabel(getTranslation("admin.users.filter"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        office.setId("users-office");
        office.setLabel(getTranslation("admin.users.office"));
        office.setItems(organisations);
        office.setItemLabelGenerator(o -> getTranslation("text.paren", o.getName(), o.getCode()));
        office.setClearButtonVisible(true);
        office.setWidth("280px");
        Button create = new Button(getTranslation("admin.users.create"), e -> edit(null));
        create.setId("users-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("users-grid");
        grid.addColumn(CountyFlowUser::username).setHeader(getTranslation("admin.users.username")).setAutoWidth(true);
        grid.addColumn(CountyFlowUser::displayName).setHeader(getTranslation("admin.users.displayName")).setAutoWidth(true);
        grid.addColumn(CountyFlowUser::orgName).setHeader(getTranslation("admin.users.office")).setAutoWidth(true);
        grid.addColumn(u -> String.join(getTranslation("list.separator"), u.roles().stream().sorted().map(r -> getTranslation("role." + r.name())).toList()))
                .setHeader(getTranslation("admin.users.roles")).setFlexGrow(1);
        grid.addComponentColumn(u -> {
            Span s = new Span(getTranslation(u.enabled() ? "admin.users.enabled" : "admin.users.disabled"));
            s.getElement().getThemeList().add(u.enabled() ? "badge success" : "badge error");
            return s;
        }).setHeader(getTranslation("admin.users.state")).setAutoWidth(true);
        grid.addComponentColumn(u -> {
            Button edit = small(getTranslation("admin.users.edit"), "users-edit-" + u.username(), () -> edit(u));
            Button toggle = small(getTranslation(u.enabled() ? "admin.users.disable" : "admin.users.enable"),
                    "users-toggle-" + u.username(), () -> act(() -> administration.setEnabled(admin, u.username(), !u.enabled())));
            Button password = small(getTranslation("admin.users.setPassword"), "users-password-" + u.username(), () -> password(u));
            Button reset = small(getTranslation("admin.users.resetPassword"), "users-reset-" + u.username(), () -> reset(u));
            return new HorizontalLayout(edit, toggle, password, reset);
        }).setAutoWidth(true);
        grid.setItems(q -> administration.search(admin, text.getValue(), officeCode(),
                        PageRequest.of(q.getPage(), q.getPageSize(), Sort.by("username"))).stream(),
                q -> (int) administration.count(admin, text.getValue(), officeCode()));
        text.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        office.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        HorizontalLayout bar = new HorizontalLayout(text, office, create);
        bar.setAlignItems(Alignment.BASELINE);
        setSizeFull();
        add(new H2(getTranslation("nav.adminUsers")), bar, grid);
        expand(grid);
    }

    private String officeCode() {
        return office.getValue() == null ? null : office.getValue().getCode();
    }

    private static Button small(String label, String id, Runnable action) {
        Button b = new Button(label, e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void act(Runnable action) {
        try {
            action.run();
            Notification.show(getTranslation("admin.users.saved"), 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            grid.getDataProvider().refreshAll();
        } catch (InvalidInputException invalid) {
            Notification.show(String.join(getTranslation("text.semicolon"), invalid.getErrors().values()), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Create (user null) or edit a user: name, office and roles; a new user's first password. */
    void edit(CountyFlowUser user) {
        Dialog d = new Dialog();
        d.setId("users-dialog");
        d.setHeaderTitle(getTranslation(user == null ? "admin.users.create" : "admin.users.edit"));
        TextField username = new TextField(getTranslation("admin.users.username"));
        username.setId("users-username");
        TextField displayName = new TextField(getTranslation("admin.users.displayName"));
        displayName.setId("users-displayName");
        ComboBox<Organisation> org = new ComboBox<>(getTranslation("admin.users.office"));
        org.setId("users-org");
        org.setItems(organisations);
        org.setItemLabelGenerator(o -> getTranslation("text.paren", o.getName(), o.getCode()));
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("admin.users.roles"));
        roles.setId("users-roles");
        roles.setItems(EnumSet.allOf(Role.class));
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        PasswordField password = new PasswordField(getTranslation("admin.users.password"));
        password.setId("users-new-password");
        password.setHelperText(getTranslation("admin.users.passwordRules"));
        if (user != null) {
            username.setValue(user.username());
            username.setReadOnly(true);
            displayName.setValue(user.displayName());
            organisations.stream().filter(o -> o.getCode().equals(user.orgCode())).findFirst().ifPresent(org::setValue);
            roles.setValue(new HashSet<>(user.roles()));
            password.setVisible(false);
        }
        FormLayout form = new FormLayout(username, displayName, org, password, roles);
        d.add(form);
        Map<String, HasValidation> fields = Map.of("username", username, "displayName", displayName, "orgCode", org,
                "roles", roles, "password", password);
        Button save = new Button(getTranslation("admin.users.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            var input = new UserAdministration.UserForm(username.getValue(), displayName.getValue(),
                    org.getValue() == null ? null : org.getValue().getCode(), roles.getValue());
            try {
                if (user == null) administration.create(admin, input, password.getValue());
                else administration.update(admin, user.username(), input);
                d.close();
                Notification.show(getTranslation("admin.users.saved"), 3000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                grid.getDataProvider().refreshAll();
            } catch (InvalidInputException invalid) {
                cn.countyflow.ui.FieldErrors.show(invalid, fields);
            }
        });
        save.setId("users-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(getTranslation("monitor.op.cancelDialog"), e -> d.close()), save);
        d.setWidth("640px");
        d.open();
    }

    void password(CountyFlowUser user) {
        Dialog d = new Dialog();
        d.setId("users-password-dialog");
        d.setHeaderTitle(getTranslation("admin.users.setPassword") + " · " + user.username());
        PasswordField password = new PasswordField(getTranslation("admin.users.password"));
        password.setId("users-password-field");
        password.setHelperText(getTranslation("admin.users.passwordRules"));
        password.setWidthFull();
        d.add(password);
        Button save = new Button(getTranslation("admin.users.save"), e -> {
            try {
                administration.setPassword(admin, user.username(), password.getValue());
                d.close();
                Notification.show(getTranslation("admin.users.saved"), 3000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException invalid) {
                password.setErrorMessage(String.join(getTranslation("text.semicolon"), invalid.getErrors().values()));
                password.setInvalid(true);
            }
        });
        save.setId("users-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(getTranslation("monitor.op.cancelDialog"), e -> d.close()), save);
        d.open();
    }

    void reset(CountyFlowUser user) {
        String generated = administration.resetPassword(admin, user.username());
        Dialog d = new Dialog();
        d.setId("users-reset-dialog");
        d.setHeaderTitle(getTranslation("admin.users.resetPassword") + " · " + user.username());
        Span shown = new Span(generated);
        shown.setId("users-reset-password");
        shown.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xl)");
        d.add(new Paragraph(getTranslation("admin.users.resetShown")), shown);
        d.getFooter().add(new Button(getTranslation("monitor.op.close"), e -> d.close()));
        d.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.adminUsers") + " · " + getTranslation("app.name");
    }
}
