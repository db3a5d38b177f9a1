package cn.countyflow.org;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A production start on an empty database (no demo data): one administrator, {@code countyflow.initial-admin.username}
 * ({@code admin}) of {@code countyflow.initial-admin.org-code} (河北省 130000). The initial password comes from the
 * environment ({@code COUNTYFLOW_ADMIN_PASSWORD}, which must meet the password rules) or is generated and printed
 * once to the log; either way it must be changed at the first sign-in. Nothing happens when any user exists.
 */
@Component
@ConditionalOnProperty(name = "countyflow.demo-data", havingValue = "false", matchIfMissing = true)
@Order(1)
class InitialAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private final UserAccountService users;
    private final String username;
    private final String orgCode;
    private final String givenPassword;
    private final SecureRandom random = new SecureRandom();

    InitialAdmin(UserAccountService users,
                 @Value("${countyflow.initial-admin.username:admin}") String username,
                 @Value("${countyflow.initial-admin.org-code:130000}") String orgCode,
                 @Value("${COUNTYFLOW_ADMIN_PASSWORD:}") String givenPassword) {
        this.users = users;
        this.username = username;
        this.orgCode = orgCode;
        this.givenPassword = givenPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) return;
        boolean generated = givenPassword == null || givenPassword.isBlank();
        String password = create(username, orgCode, generated ? null : givenPassword);
        if (generated) {
            // printed once, on this start only; it works for one sign-in, which must change it
            log.warn("\n\n    Initial administrator '{}' created with the one-time password:  {}\n"
                    + "    It must be changed at the first sign-in. This password is not shown again.\n", username, password);
        } else {
            log.warn("Initial administrator '{}' created with the password from COUNTYFLOW_ADMIN_PASSWORD; "
                    + "it must be changed at the first sign-in.", username);
        }
    }

    /**
     * Creates the administrator with the given password (or a generated one when null), to be changed at the first
     * sign-in; returns the password.
     */
    @Transactional
    String create(String name, String org, String password) {
        String initial = password == null ? generate() : password;
        UserAccountService.passwordProblem(name, initial).ifPresent(problem -> {
            throw new InvalidInputException(Map.of("COUNTYFLOW_ADMIN_PASSWORD", problem));
        });
        users.create(name, OrgTexts.zh("initialAdmin.displayName"), initial, org, EnumSet.of(Role.ADMIN));
        users.requirePasswordChange(name);
        return initial;
    }

    /** Sixteen characters of four kinds, without look-alikes. */
    String generate() {
        String[] kinds = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "!@#$%*+-=?"};
        List<Character> chars = new ArrayList<>();
        for (String kind : kinds) chars.add(kind.charAt(random.nextInt(kind.length())));
        String all = String.join("", kinds);
        while (chars.size() < 16) chars.add(all.charAt(random.nextInt(all.length())));
        Collections.shuffle(chars, random);
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }
}
