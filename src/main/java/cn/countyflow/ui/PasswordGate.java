package cn.countyflow.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.SignInControls;

/**
 * A signed-in user whose password must be changed first (an initial password, or one past its expiry) reaches no
 * page but 修改密码 ({@link PasswordView}) until it is changed; /api does the same (SecurityConfig).
 */
@Component
class PasswordGate implements VaadinServiceInitListener {
    private final SignInControls controls;

    PasswordGate(SignInControls controls) {
        this.controls = controls;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            Class<?> target = enter.getNavigationTarget();
            if (target == PasswordView.class || target == LoginView.class) return;
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof CountyFlowUser user
                    && controls.mustChangePassword(user.username())) {
                enter.rerouteTo(PasswordView.class);
            }
        }));
    }
}
