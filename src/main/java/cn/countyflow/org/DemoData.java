package cn.countyflow.org;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo organisations' users, created once on an empty database when {@code countyflow.demo-data=true}
 * (the default for the embedded database; off in the mysql profile). Every demo password is {@value #PASSWORD}.
 */
@Component
@ConditionalOnProperty(name = "countyflow.demo-data", havingValue = "true")
@Order(1)
class DemoData implements ApplicationRunner {
    static final String PASSWORD = "demo123";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoUser(String username, String displayName, String orgCode, Set<Role> roles) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("xinle_drafter", "新乐市经办人 张伟", "130184", EnumSet.of(Role.COUNTY_DRAFTER)),
            new DemoUser("xinle_leader", "新乐市政府负责人 李强", "130184", EnumSet.of(Role.COUNTY_LEADER)),
            new DemoUser("zhengding_drafter", "正定县经办人 王芳", "130123", EnumSet.of(Role.COUNTY_DRAFTER)),
            new DemoUser("zhengding_leader", "正定县政府负责人 刘洋", "130123", EnumSet.of(Role.COUNTY_LEADER)),
            new DemoUser("jinzhou_drafter", "晋州市经办人 陈静", "130183", EnumSet.of(Role.COUNTY_DRAFTER)),
            new DemoUser("jinzhou_leader", "晋州市政府负责人 杨帆", "130183", EnumSet.of(Role.COUNTY_LEADER)),
            new DemoUser("xinji_drafter", "辛集市经办人 赵磊", "130181", EnumSet.of(Role.COUNTY_DRAFTER)),
            new DemoUser("xinji_leader", "辛集市政府负责人 黄敏", "130181", EnumSet.of(Role.COUNTY_LEADER)),
            new DemoUser("dingzhou_drafter", "定州市经办人 周杰", "130682", EnumSet.of(Role.COUNTY_DRAFTER)),
            new DemoUser("dingzhou_leader", "定州市政府负责人 吴刚", "130682", EnumSet.of(Role.COUNTY_LEADER)),
            new DemoUser("anxin_drafter", "安新县经办人 徐丽", "130632", EnumSet.of(Role.COUNTY_DRAFTER)),
            new DemoUser("anxin_leader", "安新县政府负责人 孙涛", "130632", EnumSet.of(Role.COUNTY_LEADER)),
            new DemoUser("sjz_reviewer", "石家庄市工信局 马超", "130100", EnumSet.of(Role.CITY_REVIEWER)),
            new DemoUser("sjz_reviewer2", "石家庄市工信局 胡雪", "130100", EnumSet.of(Role.CITY_REVIEWER)),
            new DemoUser("baoding_reviewer", "保定市工信局 郭亮", "130600", EnumSet.of(Role.CITY_REVIEWER)),
            new DemoUser("hebei_officer", "省工信厅规划处 王利强", "130000", EnumSet.of(Role.PROVINCE_OFFICER)),
            new DemoUser("hebei_approver", "省工信厅领导 孙宇飞", "130000", EnumSet.of(Role.PROVINCE_APPROVER)),
            new DemoUser("expert_sjz", "专家 林海（河北科技大学）", "130100", EnumSet.of(Role.EXPERT)),
            new DemoUser("expert_bd", "专家 何平（河北大学）", "130600", EnumSet.of(Role.EXPERT)),
            new DemoUser("expert_ts", "专家 高峰（华北理工大学）", "130200", EnumSet.of(Role.EXPERT)),
            new DemoUser("expert_hd", "专家 罗兰（河北工程大学）", "130400", EnumSet.of(Role.EXPERT)),
            new DemoUser("expert_cz", "专家 梁爽（沧州市工业设计院）", "130900", EnumSet.of(Role.EXPERT)),
            new DemoUser("expert_lf", "专家 宋佳（廊坊市产业研究院）", "131000", EnumSet.of(Role.EXPERT)),
            // Hubei (seed 003): 襄阳市 with 枣阳市 and 谷城县, the province-direct 仙桃市, the province (省发改委 leads)
            new DemoUser("zaoyang_drafter", "枣阳市经办人 田野", "420683", EnumSet.of(Role.COUNTY_DRAFTER)),
            new DemoUser("zaoyang_leader", "枣阳市政府负责人 邓华", "420683", EnumSet.of(Role.COUNTY_LEADER)),
            new DemoUser("gucheng_drafter", "谷城县经办人 付强", "420625", EnumSet.of(Role.COUNTY_DRAFTER)),
            new DemoUser("gucheng_leader", "谷城县政府负责人 肖红", "420625", EnumSet.of(Role.COUNTY_LEADER)),
            new DemoUser("xiantao_drafter", "仙桃市经办人 彭程", "429004", EnumSet.of(Role.COUNTY_DRAFTER)),
            new DemoUser("xiantao_leader", "仙桃市政府负责人 万丽", "429004", EnumSet.of(Role.COUNTY_LEADER)),
            new DemoUser("xiangyang_reviewer", "襄阳市发改委 程亮", "420600", EnumSet.of(Role.CITY_REVIEWER)),
            new DemoUser("hubei_officer", "省发改委区域处 严明", "420000", EnumSet.of(Role.PROVINCE_OFFICER)),
            new DemoUser("hubei_approver", "省发改委领导 聂远", "420000", EnumSet.of(Role.PROVINCE_APPROVER)),
            new DemoUser("admin", "系统管理员", "130000", EnumSet.of(Role.ADMIN)));

    private final UserAccountService users;

    DemoData(UserAccountService users) {
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) return;
        USERS.forEach(u -> users.create(u.username(), u.displayName(), PASSWORD, u.orgCode(), u.roles()));
        log.info("Demo users created ({}), password '{}'", USERS.size(), PASSWORD);
    }
}
