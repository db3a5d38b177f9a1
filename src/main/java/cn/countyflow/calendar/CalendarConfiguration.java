package cn.countyflow.calendar;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Clock} bean: the only "now" business code reads (see {@link EngineClock}). */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {
    @Bean
    Clock clock() {
        return new EngineClock();
    }
}
