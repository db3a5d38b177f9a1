package cn.countyflow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;

/** Demo users for tests, and a way to start a case of the platform-check process. */
@Component
public class TestUsers {
    public static final String PASSWORD = "demo123";
    private final UserAccountService users;
    private final CaseFileService cases;

    public TestUsers(UserAccountService users, CaseFileService cases) {
        this.users = users;
        this.cases = cases;
    }

    public CountyFlowUser get(String username) {
        return users.find(username).orElseThrow();
    }

    /** Puts the user into the security context, as a sign-in would. */
    public CountyFlowUser signIn(String username) {
        CountyFlowUser user = get(username).withoutPassword();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        return user;
    }

    /** A platform-check case for 新乐市 (reviewed by 石家庄市), due in the given number of days (negative: overdue). */
    public CaseFile startCheck(String title, int dueInDays) {
        return startCheck(title, "130184", "xinle_drafter", dueInDays);
    }

    public CaseFile startCheck(String title, String countyCode, String starter, int dueInDays) {
        Date deadline = Date.from(Instant.now().plus(dueInDays, ChronoUnit.DAYS));
        return cases.start("PLATFORM_CHECK", title, countyCode, "platformCheck", Map.of("deadline", deadline), get(starter));
    }
}
