package cn.countyflow.calendar;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.countyflow.workflow.WorkCalendar;

/**
 * The {@link Clock} bean (the only "now" business code reads, see {@link EngineClock}) and the {@link Deadlines} of
 * process steps in working days.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarConfiguration.DeadlineSettings.class)
class CalendarConfiguration {
    @Bean
    Clock clock() {
        return new EngineClock();
    }

    @Bean("deadlines")
    Deadlines deadlines(WorkCalendar calendar, DeadlineSettings settings) {
        return new Deadlines(calendar, settings.workingDays());
    }

    /** {@code countyflow.deadlines.working-days.<step>: n}. */
    @ConfigurationProperties("countyflow.deadlines")
    record DeadlineSettings(Map<String, Integer> workingDays) {
        DeadlineSettings {
            workingDays = workingDays == null ? Map.of() : workingDays;
        }
    }
}
