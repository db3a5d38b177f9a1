package cn.countyflow.workflow;

import org.camunda.bpm.engine.task.TaskQuery;

/** Filters and sort order of the inbox (我的待办). */
public record TaskFilter(String taskName, String caseText, boolean overdueOnly, boolean assignedOnly,
                         Sort sort, boolean ascending) {

    public static TaskFilter none() {
        return new TaskFilter(null, null, false, false, Sort.CREATED, false);
    }

    public enum Sort {
        CREATED, DUE, NAME;

        void apply(TaskQuery query, boolean ascending) {
            switch (this) {
                case CREATED -> query.orderByTaskCreateTime();
                case DUE -> query.orderByDueDate();
                case NAME -> query.orderByTaskName();
            }
            if (ascending) query.asc(); else query.desc();
            if (this != CREATED) query.orderByTaskCreateTime().desc();
        }
    }
}
