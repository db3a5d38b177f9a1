package cn.countyflow.inbox;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.TaskDetails;

/**
 * A feature's part of the task page, shown beside the task's form: a Spring bean that adds components for the
 * tasks it owns (e.g. the application an expert scores, read-only). Called once per page view, on the UI thread,
 * after TaskWork has checked that the user may act on the task; answer empty for other tasks.
 */
public interface TaskSection {
    Optional<Component> create(TaskDetails taskDetails, CountyFlowUser user);
}
