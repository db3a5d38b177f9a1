package cn.countyflow.review;

import java.time.Clock;
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
 * Demo expert pool of Hebei: the six demo expert users, linked to their accounts, and four experts without an
 * account (their sheets are entered by an officer), so that a panel of five can be drawn for a Shijiazhuang county
 * and replacements remain. Runs after the demo users (org's DemoData, order 1); does nothing once experts exist.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "countyflow.demo-data", havingValue = "true")
class ReviewDemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ReviewDemoData.class);

    private record Demo(String name, String employer, String city, String specialties, String username) {
    }

    private static final List<Demo> POOL = List.of(
            new Demo("林海", "河北科技大学", "130100", "装备制造、智能制造", "expert_sjz"),
            new Demo("何平", "河北大学", "130600", "产业经济、区域规划", "expert_bd"),
            new Demo("高峰", "华北理工大学", "130200", "钢铁冶金、绿色制造", "expert_ts"),
            new Demo("罗兰", "河北工程大学", "130400", "质量管理、标准化", "expert_hd"),
            new Demo("梁爽", "沧州市工业设计院", "130900", "工业设计、石化", "expert_cz"),
            new Demo("宋佳", "廊坊市产业研究院", "131000", "新一代信息技术、人才政策", "expert_lf"),
            new Demo("韩雪", "邢台学院", "130500", "纺织服装、传统产业改造", null),
            new Demo("赵峻", "河北北方学院", "130700", "新能源、节能环保", null),
            new Demo("周宁", "承德石油高等专科学校", "130800", "食品加工、农产品深加工", null),
            new Demo("吴磊", "衡水学院", "131100", "财政金融、产融结合", null));

    private final ExpertRepository experts;
    private final Clock clock;

    ReviewDemoData(ExpertRepository experts, Clock clock) {
        this.clock = clock;
        this.experts = experts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (experts.countByProvinceCode("130000") > 0) return;
        for (Demo d : POOL) {
            Expert e = new Expert("130000", clock.instant());
            e.update(d.name(), d.employer(), d.city(), d.specialties(), true, Set.of(), d.username(), clock.instant());
            experts.save(e);
        }
        log.info("Demo expert pool created ({} experts)", POOL.size());
    }
}
