package cn.countyflow;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;

import cn.countyflow.org.CountyFlowUser;

/** Views without a browser (Karibu-Testing) on the shared Spring context, as a signed-in user. */
public final class KaribuSpring {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("cn.countyflow");

    private KaribuSpring() {
    }

    /** Signs the user in (security context and the request Vaadin's access control asks) and opens a fresh UI. */
    public static void signIn(ApplicationContext ctx, CountyFlowUser user) {
        var auth = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(auth);
            request.setUserInRole((principal, role) -> user.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals(role) || a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, ctx, UI::new));
    }

    public static void tearDown() {
        MockVaadin.tearDown();
        MockVaadin.setMockRequestFactory(FakeRequest::new);
        SecurityContextHolder.clearContext();
    }
}
