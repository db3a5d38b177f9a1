package cn.countyflow.org;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Three doors, one sign-in:
 * <ol>
 * <li>Camunda's webapps ({@code /camunda/**}): admins only. The webapps reuse the application's session (no second
 * password) through Camunda's container-based authentication.</li>
 * <li>Camunda's REST API ({@code /engine-rest/**}) and the JSON API ({@code /api/**}): stateless, HTTP Basic on every
 * request, the session cookie is not honoured and no session is made; never redirects, answers 401/403.</li>
 * <li>Everything else: the Vaadin application with its Chinese sign-in page.</li>
 * </ol>
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfig {
    /**
     * The Content-Security-Policy of the application's pages (and of Swagger UI under /api's chain): everything from
     * this origin only; Vaadin's bootstrap page needs inline scripts and its components inline styles; images and
     * fonts may be data: URLs (icons, charts' exports); the UI's push/heartbeat go to this origin; no framing by others,
     * no plug-ins, forms post only here.
     */
    static final String APP_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; worker-src 'self' blob:; frame-ancestors 'self'; form-action 'self'; "
            + "base-uri 'self'; object-src 'none'";
    /** The engine's REST API answers JSON only: nothing in it may load or run anything. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; object-src 'none'";


    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Users and passwords from {@link UserAccountService}; before the password is checked, a locked account
     * ({@link SignInControls}: 5 failures in a row, 15 minutes) and a disabled one are refused. A password BCrypt
     * accepted is remembered for a few minutes ({@link VerifiedCredentials}), so stateless HTTP Basic clients do not
     * pay the hash on every request.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserAccountService users, PasswordEncoder encoder,
                                                     SignInControls controls, VerifiedCredentials verified) {
        var provider = new DaoAuthenticationProvider(users) {
            /** BCrypt once per user and password within {@link VerifiedCredentials}' window, not on every request. */
            @Override
            protected void additionalAuthenticationChecks(org.springframework.security.core.userdetails.UserDetails user,
                    org.springframework.security.authentication.UsernamePasswordAuthenticationToken token) {
                String password = token.getCredentials() == null ? null : token.getCredentials().toString();
                if (verified.accepted(user.getUsername(), password, user.getPassword())) return;
                super.additionalAuthenticationChecks(user, token);
                verified.remember(user.getUsername(), password, user.getPassword());
            }
        };
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> {
            controls.checkNotLocked(user.getUsername());
            if (!user.isEnabled()) throw new DisabledException("disabled");
        });
        return provider;
    }

    /**
     * Spring Boot Actuator: health (database, engine, job executor) is open for load balancers, everything else
     * (metrics, prometheus, health details) is for admins, by HTTP Basic or the session. Read-only GETs; no session made.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.realmName("CountyFlow").authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new ApiAuthenticationEntryPoint())
                        .accessDeniedHandler(new ApiAuthenticationEntryPoint()));
        return http.build();
    }

    /**
     * Camunda's REST API: stateless, HTTP Basic on every request, admins only. The browser's session cookie is not
     * honoured here (a page elsewhere cannot make the admin's browser call it), and no session is made. Refusals are
     * written to the audit log.
     */
    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http, RefusalAudit refusals, SecondFactor factor) throws Exception {
        http.addFilterAfter(new SecondFactorFilter(factor, true), AuthorizationFilter.class);
        var entryPoint = refusals.audited(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        http.securityMatcher(new AntPathRequestMatcher("/engine-rest/**")) // Jersey's servlet, not Spring MVC
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Role.ADMIN.name()))
                .csrf(c -> c.disable()) // stateless: credentials on every request, no cookie honoured
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CSP)))
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(refusals.audited(new AccessDeniedHandlerImpl())));
        return http.build();
    }

    /**
     * Camunda's webapps (Cockpit, Tasklist, Admin): the admin's browser session of the application (Camunda brings its
     * own CSRF filter for its webapp API). Refusals are written to the audit log.
     */
    @Bean
    @Order(2)
    SecurityFilterChain camundaChain(HttpSecurity http, RefusalAudit refusals, SecondFactor factor) throws Exception {
        http.addFilterAfter(new SecondFactorFilter(factor, false), AuthorizationFilter.class);
        http.securityMatcher(new AntPathRequestMatcher("/camunda/**")) // Camunda's servlets and filters
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Role.ADMIN.name()))
                .csrf(c -> c.disable()) // Camunda's webapp brings its own CSRF filter
                .httpBasic(b -> b.authenticationEntryPoint(refusals.audited(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(refusals.audited(new LoginUrlAuthenticationEntryPoint("/login")))
                        .accessDeniedHandler(refusals.audited(new AccessDeniedHandlerImpl())));
        return http.build();
    }

    /**
     * The JSON API: stateless. HTTP Basic on every request; the browser's session cookie is not honoured (so a foreign
     * page cannot make a signed-in browser claim or complete tasks: no CSRF), and no HTTP session is made.
     */
    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, SignInControls controls, SecondFactor factor) throws Exception {
        http.addFilterAfter(new SecondFactorFilter(factor, true), AuthorizationFilter.class);
        http.addFilterAfter(new PasswordChangeRequiredFilter(controls), SecondFactorFilter.class);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(c -> c.disable()) // stateless: credentials on every request, no cookie honoured
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CSP)))
                .httpBasic(b -> b.realmName("CountyFlow")
                        .authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new ApiAuthenticationEntryPoint())
                        .accessDeniedHandler(new ApiAuthenticationEntryPoint()));
        return http.build();
    }

    /**
     * The API's documentation (Swagger UI, OpenAPI): read-only pages for signed-in users, by the browser's session
     * (from the menu 接口文档) or HTTP Basic; no session is made for them.
     */
    @Bean
    @Order(4)
    SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(c -> c.disable()) // GETs only, nothing changes
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(APP_CSP)))
                .httpBasic(b -> b.realmName("CountyFlow").authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new ApiAuthenticationEntryPoint())
                        .accessDeniedHandler(new ApiAuthenticationEntryPoint()));
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain vaadinChain(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(APP_CSP)));
        http.authorizeHttpRequests(a -> a.requestMatchers("/images/**", "/icons/**").permitAll()
                // the container's error dispatch (e.g. a path the firewall rejects) answers its JSON, not the login page
                .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll());
        // a sign-in the database could not check (outage, access revoked) is a 503 saying the system is unavailable,
        // not the login view's wrong-password error; Vaadin's configurer keeps a failure handler set here (it sets page
        // and success). The login page is named here too: a form login configured without it would, at its init (before
        // Vaadin's), put Spring's generated login page at /login in place of the login view.
        http.formLogin(f -> f.loginPage("/login").failureHandler(new SignInFailure("/login?error")));
        http.with(VaadinSecurityConfigurer.vaadin(), // by path, not by class: the login view belongs to the ui module, which sits above org
                vaadin -> vaadin.loginView("/login", "/login?logout"));
        return http.build();
    }

    /** Lets Camunda's webapps see the Spring Security user (and groups) instead of asking for a second sign-in. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
