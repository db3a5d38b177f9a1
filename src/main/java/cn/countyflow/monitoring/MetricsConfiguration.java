package cn.countyflow.monitoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.aop.TimedAspect;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer's {@code @Timed} on service methods (task completion, the inbox query: see workflow/TaskWork) becomes
 * timers under /actuator/metrics and /actuator/prometheus (admins only).
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {
    @Bean
    TimedAspect timedAspect(MeterRegistry registry) {
        return new TimedAspect(registry);
    }
}
