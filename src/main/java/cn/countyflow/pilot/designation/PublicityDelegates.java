package cn.countyflow.pilot.designation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code pilotBatchApproval}: {@code ${openPublicity}} and {@code ${confirmList}}. */
@Configuration
class PublicityDelegates {

    /** 开始公示: sets {@code publicityEnd} (the moment the period is over) for the timer. */
    @Bean("openPublicity")
    JavaDelegate openPublicity(DesignationService designation) {
        return execution -> execution.setVariable("publicityEnd", designation.openPublicity(listId(execution)));
    }

    /** 确认入选名单. */
    @Bean("confirmList")
    JavaDelegate confirmList(DesignationService designation) {
        return execution -> designation.confirm(listId(execution));
    }

    static long listId(DelegateExecution execution) {
        return ((Number) execution.getVariable("listId")).longValue();
    }
}
