package cn.countyflow.ui;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.InvalidInputException;
import cn.countyflow.org.SignInControls;
import cn.countyflow.org.UserAccountService;

/**
 * 修改密码: every user changes their own password here (the rules are {@link UserAccountService#setPassword}'s).
 * A user whose password must be changed first (initial password, expiry) is sent here from every other page
 * ({@link PasswordGate}) until it is done.
 */
@Route(value = "password", layout = MainLayout.class)
@PermitAll
public class PasswordView extends VerticalLayout implements HasDynamicTitle {
    final PasswordField current = new PasswordField();
    final PasswordField fresh = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button save = new Button();

    public PasswordView(UserAccountService accounts, SignInControls controls) {
        setMaxWidth("32em");
        add(new H2(getTranslation("password.title")));
        if (controls.mustChangePassword(CurrentUser.get().username())) {
            Paragraph must = new Paragraph(getTranslation("password.mustChange.page"));
            must.setId("password-must-change");
            add(must);
        }
        add(new Paragraph(getTranslation("password.rules")));
        current.setId("password-current");
        current.setLabel(getTranslation("password.current"));
        fresh.setId("password-new");
        fresh.setLabel(getTranslation("password.new"));
        repeat.setId("password-repeat");
        repeat.setLabel(getTranslation("password.repeat"));
        for (PasswordField f : new PasswordField[] {current, fresh, repeat}) f.setWidthFull();
        save.setText(getTranslation("password.save"));
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            for (PasswordField f : new PasswordField[] {current, fresh, repeat}) f.setInvalid(false);
            if (!fresh.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("password.repeat.differs"));
                repeat.setInvalid(true);
                return;
            }
            try {
                accounts.changeOwnPassword(CurrentUser.get().username(), current.getValue(), fresh.getValue());
            } catch (InvalidInputException ex) {
                show(current, ex.getErrors().get("currentPassword"));
                show(fresh, ex.getErrors().get("password"));
                return;
            }
            current.clear();
            fresh.clear();
            repeat.clear();
            Notification.show(getTranslation("password.changed"), 4000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(""));
        });
        add(current, fresh, repeat, save);
    }

    private static void show(PasswordField field, String error) {
        if (error == null) return;
        field.setErrorMessage(error);
        field.setInvalid(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title") + " · " + getTranslation("app.name");
    }
}
