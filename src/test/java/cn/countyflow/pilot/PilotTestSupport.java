package cn.countyflow.pilot;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskWork;

/** Users, batches and task steps for the pilot tests; every test opens its own batch so tests do not meet. */
abstract class PilotTestSupport {
    private static final AtomicInteger BATCHES = new AtomicInteger();

    @Autowired UserAccountService users;
    @Autowired PilotBatchService batches;
    @Autowired PilotApplicationService applications;
    @Autowired CaseFileService cases;
    @Autowired TaskWork work;
    @Autowired cn.countyflow.forms.AttachmentService attachments;

    /** A complete, valid 申报书 whose sealed scan is a PDF the given drafter uploaded. */
    Map<String, Object> validDraft(String uploader) {
        byte[] pdf = cn.countyflow.TestPdfs.minimal();
        return PilotDrafts.valid(attachments.store("申报书（盖章）.pdf", pdf, uploader).toMap());
    }

    Map<String, Object> validDraft() {
        return validDraft("xinle_drafter");
    }

    CountyFlowUser user(String username) {
        return users.find(username).orElseThrow().withoutPassword();
    }

    /** A Hubei provincial officer (no demo user exists for Hubei), created on first use. */
    CountyFlowUser hubeiOfficer() {
        return users.find("hubei_officer_t").orElseGet(() -> users.create("hubei_officer_t", "湖北省工信厅 测试",
                "demo123", "420000", Set.of(Role.PROVINCE_OFFICER))).withoutPassword();
    }

    PilotBatch openBatch() {
        return openBatch(user("hebei_officer"));
    }

    PilotBatch openBatch(CountyFlowUser officer) {
        return batches.open(new PilotBatchService.BatchForm("2019年工业转型升级试点示范县（测试" + BATCHES.incrementAndGet() + "）",
                LocalDate.now().getYear(), null, LocalDate.now(PilotBatchService.ZONE).plusDays(30), 10, 5), officer);
    }

    /** The case's open tasks (as the admin sees them). */
    List<CaseDetails.OpenTask> openTasks(long caseId) {
        return cases.details(caseId, user("admin")).openTasks();
    }

    /** The single open task of the case. */
    CaseDetails.OpenTask task(long caseId) {
        List<CaseDetails.OpenTask> open = openTasks(caseId);
        if (open.size() != 1) throw new AssertionError("expected one open task, got " + open);
        return open.get(0);
    }

    void complete(long caseId, Map<String, Object> data, String username) {
        work.complete(task(caseId).taskId(), data, user(username));
    }

    void decide(long caseId, String username, String decision, String comment) {
        complete(caseId, comment == null ? Map.of("decision", decision) : Map.of("decision", decision, "comment", comment),
                username);
    }

    /** Starts a Xinle (新乐市, under 石家庄) application and submits the valid draft. */
    long xinleSubmitted() {
        long caseId = applications.start(openBatch().getId(), user("xinle_drafter")).caseId();
        complete(caseId, validDraft(), "xinle_drafter");
        return caseId;
    }
}
