package cn.countyflow.ui;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.SecondFactor;
import cn.countyflow.org.Totp;

/**
 * 双因素验证 (/verify): an administrator who must prove a second factor ({@link SecondFactor}) enters the code of
 * their authenticator app once per session; the first time, the page shows a new secret to add to the app. Every
 * other page leads here until it is done ({@link PasswordGate}).
 */
@Route("verify")
@PermitAll
public class TotpView extends VerticalLayout implements HasDynamicTitle {
    final TextField code = new TextField();
    final Button verify = new Button();
    /** The secret offered for enrolment (null once enrolled). */
    final String offeredSecret;

    public TotpView(SecondFactor factor) {
        CountyFlowUser user = CurrentUser.get();
        setAlignItems(Alignment.CENTER);
        add(new H2(getTranslation("totp.title")));
        boolean enrolled = factor.enrolled(user.username());
        offeredSecret = enrolled ? null : Totp.newSecret();
        if (enrolled) {
            add(new Paragraph(getTranslation("totp.intro")));
        } else {
            add(new Paragraph(getTranslation("totp.enrol")));
            Paragraph secret = new Paragraph(getTranslation("text.labelValue", getTranslation("totp.secret"), offeredSecret));
            secret.setId("totp-secret");
            Paragraph uri = new Paragraph(Totp.uri(user.username(), offeredSecret));
            uri.setId("totp-uri");
            uri.getStyle().set("word-break", "break-all").set("font-size", "var(--lumo-font-size-s)");
            add(secret, uri);
        }
        code.setId("totp-code");
        code.setLabel(getTranslation("totp.code"));
        code.setMaxLength(6);
        code.setAllowedCharPattern("[0-9]");
        verify.setId("totp-verify");
        verify.setText(getTranslation("totp.verify"));
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickListener(e -> {
            boolean ok = offeredSecret == null ? factor.verify(user, code.getValue())
                    : factor.enrol(user, offeredSecret, code.getValue());
            if (!ok) {
                code.setErrorMessage(getTranslation("totp.wrong"));
                code.setInvalid(true);
                return;
            }
            VaadinSession.getCurrent().getSession().setAttribute(SecondFactor.SESSION_ATTRIBUTE, user.username());
            getUI().ifPresent(ui -> ui.navigate(""));
        });
        add(code, verify);
    }

    /** Whether this session's code was verified for the user. */
    static boolean verified(CountyFlowUser user) {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getSession() != null
                && user.username().equals(session.getSession().getAttribute(SecondFactor.SESSION_ATTRIBUTE));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("totp.title") + " · " + getTranslation("app.name");
    }
}
