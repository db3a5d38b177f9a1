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
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Three doors, one sign-in:
 * <ol>
 * <li>Camunda's webapps ({@code /camunda/**}) and REST API ({@code /engine-rest/**}): admins only. The webapps reuse
 * the application's session (no second password) through Camunda's container-based authentication.</li>
 * <li>The JSON API ({@code /api/**}): HTTP Basic or the session; never redirects, answers 401/403.</li>
 * <li>Everything else: the Vaadin application with its Chinese sign-in page.</li>
 * </ol>
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
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

    @Bean
    @Order(1)
    SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(new AntPathRequestMatcher("/camunda/**"),
                        new AntPathRequestMatcher("/engine-rest/**")))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Role.ADMIN.name()))
                .csrf(c -> c.disable()) // Camunda's webapp brings its own CSRF filter; the REST API is stateless
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new AntPathRequestMatcher("/engine-rest/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new AntPathRequestMatcher("/camunda/**")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                        .anyRequest().authenticated())
                .csrf(c -> c.disable()) // Basic auth per request; session callers are same-origin scripts
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .httpBasic(b -> b.realmName("CountyFlow")
                        .authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new ApiAuthenticationEntryPoint())
                        .accessDeniedHandler(new ApiAuthenticationEntryPoint()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain vaadinChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/images/**", "/icons/**").permitAll()
                // the container's error dispatch (e.g. a path the firewall rejects) answers its JSON, not the login page
                .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll());
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
