package cn.countyflow.calendar;

import java.util.Map;
import java.util.Properties;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The calendar beans for plain process tests (no Spring): Monday to Friday on the engine's clock, and the step
 * deadlines of application.yml, registered as the expression beans {@code workCalendar} and {@code deadlines}.
 */
public final class TestCalendars {
    private TestCalendars() {
    }

    public static WorkingDays mondayToFriday() {
        return WorkingDays.mondayToFriday(new EngineClock());
    }

    /** {@code countyflow.deadlines.working-days.*} as application.yml sets them. */
    public static Map<String, Integer> configuredWorkingDays() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties p = yaml.getObject();
        String prefix = "countyflow.deadlines.working-days.";
        Map<String, Integer> days = new java.util.HashMap<>();
        // YAML numbers arrive as Integer values, which Properties.getProperty would not see
        p.forEach((k, v) -> {
            if (k.toString().startsWith(prefix)) days.put(k.toString().substring(prefix.length()), Integer.valueOf(v.toString()));
        });
        return days;
    }

    /** Registers {@code workCalendar} and {@code deadlines} with the engine's mock expression manager. */
    public static void register() {
        WorkingDays calendar = mondayToFriday();
        Mocks.register("workCalendar", calendar);
        Mocks.register("deadlines", new Deadlines(calendar, configuredWorkingDays()));
    }
}
