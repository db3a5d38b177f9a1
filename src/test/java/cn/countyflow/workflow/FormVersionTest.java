package cn.countyflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.org.CountyFlowUser;

/**
 * A running case keeps the form it started with (issue 13, point 17): forms are deployed with their processes and user
 * tasks bind {@code camunda:formRef} with {@code formRefBinding="deployment"}. Two versions of one process and its form
 * are deployed; the case started under the first opens, validates and completes with the first form after the second
 * is deployed, while a new case gets the second.
 */
@SpringTest
class FormVersionTest {
    @Autowired RepositoryService repository;
    @Autowired CaseFileService cases;
    @Autowired TaskWork work;
    @Autowired TestUsers users;
    private final List<String> deployments = new ArrayList<>();

    private static final String FORM_V1 = """
            {"id": "Form_VersionProbe", "type": "default", "schemaVersion": 16,
             "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
             "components": [
               {"id": "Field_title", "key": "title", "type": "textfield", "label": "标题", "validate": {"required": true}}
             ]}""";
    private static final String FORM_V2 = """
            {"id": "Form_VersionProbe", "type": "default", "schemaVersion": 16,
             "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
             "components": [
               {"id": "Field_title", "key": "title", "type": "textfield", "label": "标题", "validate": {"required": true}},
               {"id": "Field_budget", "key": "budget", "type": "number", "label": "预算（万元）", "validate": {"required": true, "min": 0}}
             ]}""";

    private void deploy(String form) {
        var process = Bpmn.createExecutableProcess("formVersionProbe").name("表单版本探针").camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("Task_Probe").name("填报").camundaCandidateGroups("${draftersGroup}").camundaDueDate("${deadline}")
                .camundaFormRef("Form_VersionProbe").camundaFormRefBinding("deployment")
                .endEvent().done();
        deployments.add(repository.createDeployment().name("form-version-probe")
                .addModelInstance("form-version-probe.bpmn", process)
                .addString("version-probe.form", form)
                .deploy().getId());
    }

    private String startAndTask(String title, CountyFlowUser drafter) {
        Date deadline = Date.from(Instant.now().plus(5, ChronoUnit.DAYS));
        CaseFile c = cases.start("PLATFORM_CHECK", title, "130184", "formVersionProbe", Map.of("deadline", deadline), drafter);
        return work.myTasks(drafter, new TaskFilter(null, title, false, false, TaskFilter.Sort.CREATED, false), 0, 10)
                .stream().filter(t -> c.getId().equals(t.caseId())).findFirst().orElseThrow().id();
    }

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    @Test
    void aCaseStartedBeforeAFormChangeKeepsItsFormANewCaseGetsTheNewOne() {
        CountyFlowUser drafter = users.get("xinle_drafter");
        deploy(FORM_V1);
        String before = startAndTask("表单版本-升级前 " + System.nanoTime(), drafter);
        deploy(FORM_V2); // the upgrade: the form gains a required field
        String after = startAndTask("表单版本-升级后 " + System.nanoTime(), drafter);

        TaskDetails old = work.open(before, drafter);
        TaskDetails fresh = work.open(after, drafter);
        assertThat(old.formKey()).isNotEqualTo(fresh.formKey());
        assertThat(work.formSchema(old.formKey())).contains("title").doesNotContain("budget");
        assertThat(work.formSchema(fresh.formKey())).contains("title", "budget");

        // the old case validates with its own version: the field added later is not asked of it
        work.complete(before, Map.of("title", "升级前开始的填报"), drafter);
        assertThatThrownBy(() -> work.complete(after, Map.of("title", "升级后开始的填报"), drafter))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("budget"));
        work.complete(after, Map.of("title", "升级后开始的填报", "budget", 12.5), drafter);
    }

    @Test
    void theShippedFormsAreDeployedWithTheProcessesAndTasksOpenThemFromThere() {
        CaseFile c = users.startCheck("表单随流程部署 " + System.nanoTime(), 3);
        CountyFlowUser drafter = users.get("xinle_drafter");
        String task = work.myTasks(drafter, new TaskFilter(null, c.getTitle(), false, false, TaskFilter.Sort.CREATED, false), 0, 10)
                .stream().filter(t -> c.getId().equals(t.caseId())).findFirst().orElseThrow().id();
        // the self-check process binds its form by file (camunda:formKey) and still opens; the programmes' processes bind
        // by formRef: the pilot application's draft form is in the same deployment as its process
        assertThat(work.open(task, drafter).formFile()).isEqualTo("test/submit.form");
        var pilot = repository.createProcessDefinitionQuery().processDefinitionKey("pilotApplication").latestVersion().singleResult();
        assertThat(repository.getDeploymentResourceNames(pilot.getDeploymentId())).anyMatch(n -> n.endsWith("draft.form"));
    }
}
