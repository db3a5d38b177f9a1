package cn.countyflow.pilot.years;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.calendar.EngineClock;
import cn.countyflow.forms.AttachmentService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.pilot.PilotApplication;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.PilotDrafts;
import cn.countyflow.pilot.designation.BatchList;
import cn.countyflow.pilot.designation.DesignationService;
import cn.countyflow.pilot.designation.RankingService;
import cn.countyflow.review.ApplicationScore;
import cn.countyflow.review.ScoreBoard;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskWork;

/**
 * A batch taken to designation the way the designation tests do it (applications started, the 申报书 submitted with
 * PilotDrafts, scores recorded on the ScoreBoard, each application's wait for {@code pilotBatchResult} played by the
 * stand-in {@code pilotResultWaitTest}, list proposed and approved through TaskWork, the publicity's timer fired), so
 * the designation opens the pilot projects. The Spring context deploys the stand-ins
 * {@code processes/test/*-stand-in.bpmn} for the children of other engineers (delete at merge).
 */
@cn.countyflow.SpringTest
abstract class PilotYearsTestSupport {
    static final AtomicInteger BATCHES = new AtomicInteger();

    @Autowired UserAccountService users;
    @Autowired cn.countyflow.CapabilitySteps steps;
    @Autowired PilotBatchService batches;
    @Autowired PilotApplicationService applications;
    @Autowired ScoreBoard scoreBoard;
    @Autowired CaseFileService cases;
    @Autowired TaskWork work;
    @Autowired RankingService ranking;
    @Autowired DesignationService designation;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired AttachmentService attachments;
    @Autowired PilotProjectService projects;
    @Autowired PilotNoticeService notices;
    @Autowired PilotHistoryService history;
    @Autowired cn.countyflow.evaluation.IndicatorService indicators;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    CountyFlowUser user(String username) {
        return users.find(username).orElseThrow().withoutPassword();
    }

    /** A Hubei county drafter (江岸区, 武汉市): another province's user. */
    CountyFlowUser hubeiDrafter() {
        return users.find("jiangan_drafter_t").orElseGet(() -> users.create("jiangan_drafter_t", "江岸区经办人 测试",
                "demo123", "420102", Set.of(Role.COUNTY_DRAFTER))).withoutPassword();
    }

    PilotBatch openBatch(int expectedPilots) {
        return batches.open(new PilotBatchService.BatchForm("2026年工业转型升级试点示范县（创建期测试" + BATCHES.incrementAndGet() + "）",
                LocalDate.now(PilotBatchService.ZONE).getYear(), null, LocalDate.now(PilotBatchService.ZONE).plusDays(30),
                expectedPilots, 5), user("hebei_officer"));
    }

    /** The designated batch: its application case ids in the drafters' order (the first scored highest). */
    record Designated(PilotBatch batch, List<Long> applications) {
    }

    /**
     * Applications of these drafters' counties, each submitting the valid 申报书, scored in that order, all on the
     * list, approved, and confirmed when the publicity's timer fires (two weeks ago, so the history reads in order).
     */
    Designated designate(String... drafters) {
        PilotBatch batch = openBatch(drafters.length);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < drafters.length; i++) {
            long caseId = applications.start(batch.getId(), user(drafters[i])).caseId();
            work.complete(task(caseId).taskId(), validDraft(drafters[i]), user(drafters[i]));
            runtime.startProcessInstanceByKey("pilotResultWaitTest", String.valueOf(caseId));
            scoreBoard.record(new ApplicationScore(caseId, new BigDecimal(String.valueOf(92 - i * 3)),
                    5, true, new BigDecimal("8.00"), false, Instant.now()));
            applications.markStatus(caseId, PilotApplication.Status.SCORED);
            ids.add(caseId);
        }
        List<RankingService.Choice> choices = ranking.ranking(batch.getId(), user("hebei_officer")).rows().stream()
                .filter(RankingService.Row::selectable).map(r -> new RankingService.Choice(r.caseId(), true, null)).toList();
        BatchList list = ranking.propose(batch.getId(), new RankingService.Proposal(choices), user("hebei_officer"));
        EngineClock.moveTo(Date.from(LocalDate.now(PilotBatchService.ZONE).minusDays(14).atTime(10, 0)
                .atZone(PilotBatchService.ZONE).toInstant()));
        work.complete(task(list.getCaseId()).taskId(), new LinkedHashMap<>(Map.of("decision", "APPROVE", "comment", "同意公示")),
                user("hebei_approver"));
        // the publicity opens in an asynchronous continuation (on the moved clock), as the job executor would run it
        cn.countyflow.AsyncJobs.runFor(runtime, management, String.valueOf(list.getCaseId()));
        list = designation.list(list.getId());
        Date end = cn.countyflow.pilot.designation.DesignationService.endMoment(list.getPublicityEnd());
        EngineClock.moveTo(new Date(end.getTime() + 1000));
        ProcessInstance approval = runtime.createProcessInstanceQuery().processDefinitionKey(RankingService.APPROVAL_PROCESS)
                .processInstanceBusinessKey(String.valueOf(list.getCaseId())).singleResult();
        Job timer = management.createJobQuery().processInstanceId(approval.getId()).timers().singleResult();
        management.executeJob(timer.getId());
        EngineClock.reset();
        return new Designated(batch, ids);
    }

    Map<String, Object> validDraft(String uploader) {
        byte[] pdf = cn.countyflow.TestPdfs.minimal();
        return PilotDrafts.valid(attachments.store("申报书（盖章）.pdf", pdf, uploader).toMap());
    }

    CaseDetails.OpenTask task(long caseId) {
        List<CaseDetails.OpenTask> open = cases.details(caseId, user("admin")).openTasks();
        if (open.size() != 1) throw new AssertionError("expected one open task, got " + open);
        return open.get(0);
    }

    PilotProject projectOf(long applicationCaseId) {
        return projects.ofApplication(applicationCaseId, user("admin")).orElseThrow();
    }

    ProcessInstance processOf(PilotProject p) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PilotProjectService.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(p.getCaseId())).singleResult();
    }

    /** The open task of the project's evaluation (a child process carrying the project's business key). */
    org.camunda.bpm.engine.task.Task evaluationTask(PilotProject p) {
        return tasks.createTaskQuery().processDefinitionKey("targetEvaluation")
                .processInstanceBusinessKey(String.valueOf(p.getCaseId())).singleResult();
    }
}
