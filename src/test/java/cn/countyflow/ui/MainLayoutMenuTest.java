package cn.countyflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNavItem;

import cn.countyflow.KaribuSpring;
import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;

/** The side menu comes from the views' @Menu and shows each user only what their roles may open, in order. */
@SpringTest
class MainLayoutMenuTest {
    @Autowired ApplicationContext ctx;
    @Autowired TestUsers users;

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    List<String> menuAs(String username) {
        KaribuSpring.signIn(ctx, users.get(username).withoutPassword());
        UI.getCurrent().navigate("inbox");
        return _find(SideNavItem.class).stream().map(i -> i.getLabel() + " " + i.getPath()).toList();
    }

    @Test
    void theProvinceOfficerSeesEveryProgrammeEntryAndThePool() {
        assertThat(menuAs("hebei_officer")).containsExactly("我的待办 inbox", "已办 done", "案件 cases",
                "站内信 notifications", "抄送我的 copied", "逾期督办 supervision",
                "试点示范县申报批次 pilot/batches", "评审排名与拟入选名单 pilot/ranking", "试点示范县公示 pilot/publicity",
                "专家库 review/experts", "振兴计划编制 plan/rounds", "重点产业与集群名单 plan/key-list", "振兴计划实施调度 plan/monitoring", "通报与示范标杆 pilot/notices", "逾期报告 reporting/late",
                "指标对比 indicators/compare", "流程监控 monitoring", "环节耗时与逾期 monitoring/durations",
                "省级监测看板 monitoring/dashboard", "接口文档 swagger-ui.html");
        assertThat(_find(SideNavItem.class).get(0).getPrefixComponent()).isInstanceOfSatisfying(Icon.class,
                icon -> assertThat(icon.getIcon()).isEqualTo("vaadin:inbox"));
    }

    @Test
    void aCountyDrafterSeesBatchesButNotRankingOrPool() {
        assertThat(menuAs("xinle_drafter")).containsExactly("我的待办 inbox", "已办 done", "案件 cases",
                "站内信 notifications", "抄送我的 copied",
                "试点示范县申报批次 pilot/batches", "试点示范县公示 pilot/publicity", "振兴计划编制 plan/rounds", "重点产业与集群名单 plan/key-list",
                "振兴计划实施调度 plan/monitoring",
                "通报与示范标杆 pilot/notices", "接口文档 swagger-ui.html");
    }

    @Test
    void anExpertAndACitySeeOnlyTheirWorkAndThePublicity() {
        assertThat(menuAs("expert_sjz")).containsExactly("我的待办 inbox", "已办 done", "案件 cases",
                "站内信 notifications", "抄送我的 copied",
                "试点示范县公示 pilot/publicity", "通报与示范标杆 pilot/notices", "接口文档 swagger-ui.html");
        KaribuSpring.tearDown();
        // a city also follows its counties' late reports and compares them on an indicator
        assertThat(menuAs("sjz_reviewer")).containsExactly("我的待办 inbox", "已办 done", "案件 cases",
                "站内信 notifications", "抄送我的 copied", "逾期督办 supervision",
                "试点示范县公示 pilot/publicity", "振兴计划编制 plan/rounds", "重点产业与集群名单 plan/key-list", "振兴计划实施调度 plan/monitoring", "通报与示范标杆 pilot/notices", "逾期报告 reporting/late",
                "指标对比 indicators/compare", "流程监控 monitoring", "环节耗时与逾期 monitoring/durations",
                "接口文档 swagger-ui.html");
    }

    @Test
    void theApproverSeesRankingAndAdminsAlsoGetCamundasWebapps() {
        assertThat(menuAs("hebei_approver")).contains("评审排名与拟入选名单 pilot/ranking")
                .doesNotContain("专家库 review/experts");
        KaribuSpring.tearDown();
        assertThat(menuAs("admin")).contains("试点示范县申报批次 pilot/batches", "评审排名与拟入选名单 pilot/ranking",
                "专家库 review/experts", "流程监控 monitoring", "省级监测看板 monitoring/dashboard",
                "用户与单位管理 admin/users", "流程监控（Cockpit） camunda/app/cockpit/default/");
    }
}
