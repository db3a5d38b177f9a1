package cn.countyflow.pilot.designation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.countyflow.calendar.EngineClock;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.pilot.PilotApplication;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.review.ApplicationScore;
import cn.countyflow.review.ScoreBoard;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskWork;

/**
 * A batch with applications from several Hebei counties, scored through the shared ScoreBoard (as the review feature
 * would), each with a stand-in process waiting for the {@code pilotBatchResult} message.
 */
@cn.countyflow.SpringTest
abstract class DesignationTestSupport {
    static final AtomicInteger BATCHES = new AtomicInteger();
    /** Drafters of counties that may apply (one active application per county and batch). */
    static final List<String> DRAFTERS = List.of("xinle_drafter", "zhengding_drafter", "jinzhou_drafter", "anxin_drafter",
            "dingzhou_drafter", "xinji_drafter");

    @Autowired UserAccountService users;
    @Autowired PilotBatchService batches;
    @Autowired PilotApplicationService applications;
    @Autowired ScoreBoard scoreBoard;
    @Autowired CaseFileService cases;
    @Autowired TaskWork work;
    @Autowired RankingService ranking;
    @Autowired DesignationService designation;
    @Autowired ObjectionService objections;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    CountyFlowUser user(String username) {
        return users.find(username).orElseThrow().withoutPassword();
    }

    PilotBatch openBatch(int expectedPilots) {
        return batches.open(new PilotBatchService.BatchForm("2019年工业转型升级试点示范县（名单测试" + BATCHES.incrementAndGet() + "）",
                LocalDate.now().getYear(), null, LocalDate.now(PilotBatchService.ZONE).plusDays(30), expectedPilots, 5),
                user("hebei_officer"));
    }

    /** Applications of the first drafters' counties; returns their case ids in order. */
    List<Long> apply(PilotBatch batch, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long caseId = applications.start(batch.getId(), user(DRAFTERS.get(i))).caseId();
            runtime.startProcessInstanceByKey("pilotResultWaitTest", String.valueOf(caseId));
            ids.add(caseId);
        }
        return ids;
    }

    void score(PilotBatch batch, long caseId, String score, boolean flagged) {
        scoreBoard.record(new ApplicationScore(caseId, new BigDecimal(score), 5, true,
                new BigDecimal("12.00"), flagged, Instant.now()));
        applications.markStatus(caseId, PilotApplication.Status.SCORED);
    }

    /** A batch of N expected pilots with the given scores, one application per score. */
    List<Long> scoredBatch(PilotBatch batch, String... scores) {
        List<Long> ids = apply(batch, scores.length);
        for (int i = 0; i < scores.length; i++) score(batch, ids.get(i), scores[i], i == 1);
        return ids;
    }

    RankingService.Proposal defaultProposal(long batchId) {
        List<RankingService.Choice> choices = ranking.ranking(batchId, user("hebei_officer")).rows().stream()
                .filter(RankingService.Row::selectable)
                .map(r -> new RankingService.Choice(r.caseId(), r.included(), null)).toList();
        return new RankingService.Proposal(choices);
    }

    CaseDetails.OpenTask task(long caseId) {
        List<CaseDetails.OpenTask> open = cases.details(caseId, user("admin")).openTasks();
        if (open.size() != 1) throw new AssertionError("expected one open task, got " + open);
        return open.get(0);
    }

    /** Completes the case's task; what it left to run asynchronously (开始公示 after an approval) runs as the executor would. */
    void decide(long caseId, String username, Map<String, Object> data) {
        work.complete(task(caseId).taskId(), new LinkedHashMap<>(data), user(username));
        cn.countyflow.AsyncJobs.runFor(runtime, management, String.valueOf(caseId));
    }

    void setToday(LocalDate day) {
        EngineClock.moveTo(Date.from(day.atTime(10, 0).atZone(PilotBatchService.ZONE).toInstant()));
    }

    /** Moves past the publicity's end and fires its timer, as the job executor would. */
    void endPublicity(BatchList list) {
        Date end = DesignationService.endMoment(list.getPublicityEnd());
        EngineClock.moveTo(new Date(end.getTime() + 1000));
        String pid = runtime.createProcessInstanceQuery().processDefinitionKey(RankingService.APPROVAL_PROCESS)
                .processInstanceBusinessKey(String.valueOf(list.getCaseId())).singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(pid).timers().singleResult();
        management.executeJob(job.getId());
    }

    Boolean selectedSignal(long caseId) {
        var pi = history.createHistoricProcessInstanceQuery().processDefinitionKey("pilotResultWaitTest")
                .processInstanceBusinessKey(String.valueOf(caseId)).singleResult();
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("selected")
                .singleResult();
        return v == null ? null : (Boolean) v.getValue();
    }

    PilotApplication.Status appStatus(long caseId) {
        return applications.byCase(caseId).orElseThrow().getStatus();
    }
}
