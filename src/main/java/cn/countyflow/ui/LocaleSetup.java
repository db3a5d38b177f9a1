package cn.countyflow.ui;

import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.component.UI;

/** Chinese unless the user chose English (kept in a cookie, so it survives sign-out and restarts). */
@Component
public class LocaleSetup implements VaadinServiceInitListener {
    static final String COOKIE = "countyflow-locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            VaadinServletRequest request = VaadinServletRequest.getCurrent();
            boolean english = request != null && request.getCookies() != null && Arrays.stream(request.getCookies())
                    .anyMatch(c -> COOKIE.equals(c.getName()) && "en".equals(c.getValue()));
            Locale locale = english ? MessagesI18NProvider.ENGLISH : MessagesI18NProvider.CHINESE;
            ui.getUI().setLocale(locale);
            ui.getUI().getSession().setLocale(locale);
        });
    }

    /** Switches the UI language and remembers it. */
    public static void switchTo(Locale locale) {
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().getPage().reload();
    }
}
