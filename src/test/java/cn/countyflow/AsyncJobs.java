package cn.countyflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs the asynchronous continuations (camunda:asyncBefore/asyncAfter, not timers) that a step left behind, as the
 * job executor would, in the test's thread: the expert-review seats' ends and the publicity's opening, for example.
 * The test profile has no job executor, so nothing runs by itself; where one runs too (the two-node test), a job it
 * ran meanwhile is skipped and the next round looks again. Bounded: at most {@link #MAX_ROUNDS} rounds.
 */
public final class AsyncJobs {
    static final int MAX_ROUNDS = 100;

    private AsyncJobs() {
    }

    /** Runs the due continuations of the cases with this business key (the case and the processes it called). */
    public static int runFor(ProcessEngine engine, String businessKey) {
        return runFor(engine.getRuntimeService(), engine.getManagementService(), businessKey);
    }

    public static int runFor(RuntimeService runtime, ManagementService management, String businessKey) {
        int ran = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Set<String> instances = new LinkedHashSet<>();
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                    .forEach(p -> instances.add(p.getId()));
            int now = runOnce(management, instances);
            if (now == 0) return ran;
            ran += now;
        }
        throw new AssertionError("continuations of " + businessKey + " still due after " + MAX_ROUNDS + " rounds");
    }

    /** Runs the due continuations of these process instances (and those their jobs leave), until none is due. */
    public static int run(ManagementService management, String... processInstanceIds) {
        int ran = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int now = runOnce(management, Set.of(processInstanceIds));
            if (now == 0) return ran;
            ran += now;
        }
        throw new AssertionError("continuations still due after " + MAX_ROUNDS + " rounds");
    }

    private static int runOnce(ManagementService management, Set<String> processInstanceIds) {
        int ran = 0;
        for (String pid : processInstanceIds) {
            List<Job> due = management.createJobQuery().processInstanceId(pid).messages().executable().list();
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                    ran++;
                } catch (ProcessEngineException e) {
                    boolean ranElsewhere = e instanceof OptimisticLockingException
                            || management.createJobQuery().jobId(job.getId()).count() == 0;
                    if (!ranElsewhere) throw e;
                    // another executor ran (or is running) it: the next round sees what it left
                    ran++;
                }
            }
        }
        return ran;
    }
}
