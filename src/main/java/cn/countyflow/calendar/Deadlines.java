package cn.countyflow.calendar;

import java.util.Date;
import java.util.Map;

import cn.countyflow.workflow.WorkCalendar;

/**
 * Due dates of process steps, a configured number of working days after the moment the step starts: the expression
 * bean {@code deadlines} of BPMN ({@code camunda:dueDate="${deadlines.due('evaluation-province')}"}), evaluated when
 * the task is created. The working days per step are {@code countyflow.deadlines.working-days.<step>} in
 * application.yml; an unknown step fails loudly instead of giving a task no deadline.
 */
public class Deadlines {
    private final WorkCalendar calendar;
    private final Map<String, Integer> workingDays;

    public Deadlines(WorkCalendar calendar, Map<String, Integer> workingDays) {
        this.calendar = calendar;
        this.workingDays = Map.copyOf(workingDays);
    }

    /** The end of the day the step's working days after today. */
    public Date due(String step) {
        return calendar.dueIn(workingDays(step));
    }

    public int workingDays(String step) {
        Integer days = workingDays.get(step);
        if (days == null) throw new IllegalStateException("no countyflow.deadlines.working-days." + step + " configured");
        return days;
    }
}
