package cn.countyflow.workflow;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's current stage in step with its process: a task that opens names the stage (also in processes
 * the case's process called, which carry its business key); an end event of the top-level process that is reached
 * names the outcome. Added to every process at parse time, so no BPMN file needs a listener.
 */
@Component
class CaseStagePlugin extends AbstractProcessEnginePlugin {
    private final CaseFileService cases;

    CaseStagePlugin(@Lazy CaseFileService cases) {
        this.cases = cases;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                TaskListener onCreate = task -> cases.stageReached(task.getExecution().getProcessBusinessKey(),
                        task.getName(), false);
                if (definition != null) definition.addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
            }

            @Override
            public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
                if (scope.getProcessDefinition() != scope) return; // only the process's own end events
                String name = endEventElement.attribute("name", activity.getId());
                ExecutionListener onEnd = execution -> {
                    // a called process (e.g. expertReview) carries its caller's business key; only the end of the
                    // top-level process (no super execution) names the case's outcome and closes it
                    if (execution.getProcessInstance().getSuperExecution() != null) return;
                    cases.stageReached(execution.getProcessBusinessKey(), name, true);
                };
                activity.addListener(ExecutionListener.EVENTNAME_END, onEnd);
            }
        });
    }
}
