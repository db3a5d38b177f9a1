package cn.countyflow.org;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;


/** The signed-in user, for views and controllers (both doors) to hand to the services; sign-in is org's business. */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static CountyFlowUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CountyFlowUser user) return user;
        throw new org.springframework.security.access.AccessDeniedException(OrgTexts.get("org.error.notSignedIn"));
    }
}
