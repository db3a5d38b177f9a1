package cn.countyflow.monitoring;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;

import cn.countyflow.KaribuSpring;
import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.monitoring.ui.AuditLogView;
import cn.countyflow.workflow.NotPermittedException;

/** The audit log: refusals at Camunda's doors are in it, admins list, filter and export it, nobody changes it. */
@SpringTest
class AuditLogTest {
    @Autowired TestRestTemplate http;
    @Autowired AuditService audit;
    @Autowired AuditLog log;
    @Autowired TestUsers users;
    @Autowired ApplicationContext ctx;

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    private long denied(String user, String pathPart) {
        return audit.byUser(user).stream().filter(e -> e.getAction().equals("ACCESS_DENIED")
                && e.getOutcome().equals("DENIED") && e.getTarget().contains(pathPart)).count();
    }

    @Test
    void refusalsAtEngineRestAndCamundaAreAudited() {
        long engineBefore = denied("xinji_leader", "/engine-rest/");
        long camundaBefore = denied("xinji_leader", "/camunda/");
        long anonymousBefore = denied("anonymous", "/engine-rest/process-definition");
        assertThat(http.withBasicAuth("xinji_leader", TestUsers.PASSWORD).getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("xinji_leader", TestUsers.PASSWORD)
                .getForEntity("/camunda/api/engine/engine/default/process-definition/count", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(denied("xinji_leader", "GET /engine-rest/task")).isEqualTo(engineBefore + 1);
        assertThat(denied("xinji_leader", "/camunda/")).isEqualTo(camundaBefore + 1);
        assertThat(denied("anonymous", "/engine-rest/process-definition")).isEqualTo(anonymousBefore + 1);
        assertThat(audit.byUser("xinji_leader")).anyMatch(e -> e.getAction().equals("ACCESS_DENIED")
                && "130181".equals(e.getOrgCode()) && "403".equals(e.getDetail()));
    }

    @Test
    void anAdminListsFiltersAndExportsTheLog() throws Exception {
        // a refusal of this test's own to look for
        http.withBasicAuth("dingzhou_leader", TestUsers.PASSWORD).getForEntity("/engine-rest/deployment", String.class);

        assertThat(audit.search(new AuditService.Filter("DINGZHOU_LEAD", "ACCESS_DENIED", AuditEvent.Outcome.DENIED,
                java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusDays(1)), PageRequest.of(0, 10))
                .getContent()).isNotEmpty().allMatch(e -> e.getUsername().equals("dingzhou_leader"));
        assertThat(audit.search(new AuditService.Filter("dingzhou_leader", "ACCESS_DENIED", null,
                java.time.LocalDate.now().plusDays(2), null), PageRequest.of(0, 10)).getContent()).isEmpty();

        KaribuSpring.signIn(ctx, users.get("admin").withoutPassword());
        UI.getCurrent().navigate("admin/audit");
        AuditLogView view = _get(AuditLogView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("audit-user")), "dingzhou_lead");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<String> action =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("audit-action"));
        _setValue(action, "ACCESS_DENIED");
        @SuppressWarnings("unchecked")
        Grid<AuditEvent> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        int size = GridKt._size(grid);
        assertThat(size).isPositive();
        for (int i = 0; i < size; i++) {
            AuditEvent e = GridKt._get(grid, i);
            assertThat(e.getUsername()).isEqualTo("dingzhou_leader");
            assertThat(e.getAction()).isEqualTo("ACCESS_DENIED");
        }
        assertThat(GridKt._getFormatted(grid, 0, "outcome")).isEqualTo("拒绝");

        byte[] xlsx = log.export(users.get("admin"), view.filter());
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("审计日志");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("时间", "用户", "单位代码", "操作", "对象", "结果", "说明");
            assertThat(sheet.getLastRowNum()).isEqualTo(size);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("dingzhou_leader");
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("GET /engine-rest/deployment");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("拒绝");
        }
        assertThat(audit.byUser("admin")).anyMatch(e -> e.getAction().equals("AUDIT_EXPORT"));
    }

    @Test
    void onlyAdminsReadTheLogAndTheRefusalIsAudited() {
        assertThatThrownBy(() -> log.search(users.get("hebei_officer"), AuditService.Filter.none(), PageRequest.of(0, 10)))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("系统管理员");
        assertThatThrownBy(() -> log.export(users.get("sjz_reviewer"), AuditService.Filter.none()))
                .isInstanceOf(NotPermittedException.class);
        assertThat(audit.byUser("hebei_officer")).anyMatch(e -> e.getAction().equals("AUDIT_READ") && e.getOutcome().equals("DENIED"));
    }

    @Test
    void nothingInTheApplicationCanChangeOrDeleteAnAuditRow() throws Exception {
        Class<?> repository = Class.forName("cn.countyflow.audit.AuditEventRepository");
        assertThat(Arrays.stream(repository.getMethods()).map(java.lang.reflect.Method::getName))
                .noneMatch(name -> name.startsWith("delete") || name.startsWith("update") || name.startsWith("saveAll"));
        assertThat(org.springframework.data.jpa.repository.JpaRepository.class.isAssignableFrom(repository)).isFalse();
        assertThat(AuditEvent.class.isAnnotationPresent(org.hibernate.annotations.Immutable.class)).isTrue();
        assertThat(AuditService.RETENTION_DAYS).isGreaterThanOrEqualTo(180);
        assertThat(Arrays.stream(AuditService.class.getMethods()).map(java.lang.reflect.Method::getName))
                .noneMatch(name -> name.startsWith("delete") || name.startsWith("purge") || name.startsWith("update"));
    }
}
