package cn.countyflow.monitoring;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service task of the test process monitoringProbe (processes/test/monitoring-probe.bpmn): it fails for the cases
 * a test told it to fail for, like a delegate whose remote system is down, and succeeds once told the system is back.
 */
@Component("monitoringProbeDelegate")
public class MonitoringProbe implements JavaDelegate {
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> runs = new ConcurrentHashMap<>();

    public void failFor(long caseId) {
        failing.add(String.valueOf(caseId));
    }

    public void recoverFor(long caseId) {
        failing.remove(String.valueOf(caseId));
    }

    public int runsFor(long caseId) {
        return runs.getOrDefault(String.valueOf(caseId), 0);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        runs.merge(key, 1, Integer::sum);
        if (failing.contains(key)) {
            throw new IllegalStateException("省级平台暂时无法连接（测试：案件 " + key + "）");
        }
    }
}
