package cn.countyflow.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.countyflow.org.CountyFlowUser;

/** The signed-in user, for views and controllers to hand to the services. */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static CountyFlowUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CountyFlowUser user) return user;
        throw new org.springframework.security.access.AccessDeniedException("未登录");
    }
}
