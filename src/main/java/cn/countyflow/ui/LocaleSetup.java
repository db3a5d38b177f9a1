package cn.countyflow.ui;

import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;

/** Chinese unless the user chose English (kept in a cookie, so it survives sign-out and restarts). */
@Component
public class LocaleSetup implements VaadinServiceInitListener {
    static final String COOKIE = "countyflow-locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            Locale locale = chosen(VaadinServletRequest.getCurrent());
            ui.getUI().setLocale(locale);
            ui.getUI().getSession().setLocale(locale);
        });
        // the services' texts (Texts.get) follow the same choice during every request of the UI, not the browser's
        // Accept-Language that Spring's request filter put there
        event.addVaadinRequestInterceptor(new VaadinRequestInterceptor() {
            @Override
            public void requestStart(VaadinRequest request, VaadinResponse response) {
                LocaleContextHolder.setLocale(chosen(request));
            }

            @Override
            public void handleException(VaadinRequest request, VaadinResponse response, VaadinSession session,
                                        Exception exception) {
            }

            @Override
            public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
                LocaleContextHolder.resetLocaleContext();
            }
        });
    }

    /** English when the user chose it (the cookie), else Chinese. */
    static Locale chosen(VaadinRequest request) {
        boolean english = request != null && request.getCookies() != null && Arrays.stream(request.getCookies())
                .anyMatch(c -> COOKIE.equals(c.getName()) && "en".equals(c.getValue()));
        return english ? MessagesI18NProvider.ENGLISH : MessagesI18NProvider.CHINESE;
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
