package cn.countyflow.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.SecondFactor;
import cn.countyflow.org.SignInControls;

/**
 * Before any page: an administrator who must prove a second factor reaches no page but 双因素验证 ({@link TotpView})
 * until this session's code is verified; then a user whose password must be changed first (an initial password, or one
 * past its expiry) reaches no page but 修改密码 ({@link PasswordView}) until it is changed. /api does the same
 * (SecurityConfig).
 */
@Component
class PasswordGate implements VaadinServiceInitListener {
    private final SignInControls controls;
    private final SecondFactor factor;

    PasswordGate(SignInControls controls, SecondFactor factor) {
        this.controls = controls;
        this.factor = factor;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            Class<?> target = enter.getNavigationTarget();
            if (target == TotpView.class || target == LoginView.class) return;
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (!(auth != null && auth.getPrincipal() instanceof CountyFlowUser user)) return;
            if (factor.required(user) && !TotpView.verified(user)) {
                enter.rerouteTo(TotpView.class);
            } else if (target != PasswordView.class && controls.mustChangePassword(user.username())) {
                enter.rerouteTo(PasswordView.class);
            }
        }));
    }
}
