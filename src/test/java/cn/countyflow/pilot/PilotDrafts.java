package cn.countyflow.pilot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A complete 申报书 (forms/pilot/draft.form) that satisfies every rule of the form file — required fields, minLength 50
 * chapters, the phone pattern, number ranges — and the business rules of {@link DraftRules}.
 * {@code sealedScan} cites a file the drafter really uploaded (see {@code PilotTestSupport.validDraft}).
 */
public final class PilotDrafts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PilotDrafts() {
    }

    /** A fresh, mutable, valid draft (nested maps and lists are mutable too). */
    public static Map<String, Object> valid(Map<String, Object> sealedScan) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("fillDate", LocalDate.now(PilotBatchService.ZONE).minusDays(1).toString());
        d.put("contactName", "张伟");
        d.put("contactPhone", "0311-85812345");

        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("preface", chapter("前言：申报理由。新乐市制造业基础扎实，主导产业特色鲜明"));
        plan.put("chapter1", chapter("第一章 基础条件：地区经济总量、制造业规模与结构、创新资源"));
        plan.put("chapter2", chapter("第二章 总体思路和目标：以智能制造为主攻方向，三年目标量化可考核"));
        plan.put("chapter3", chapter("第三章 打造新型制造业体系：改造提升传统产业，培育新兴产业"));
        plan.put("chapter4", chapter("第四章 构建区域协同创新体系：对接京津创新资源，建设创新平台"));
        plan.put("chapter5", chapter("第五章 健全人才培养体系：引进高层次人才，培育产业工人队伍"));
        plan.put("chapter6", chapter("第六章 完善政策保障体系：财政、金融、土地、环保等配套政策"));
        plan.put("chapter7", chapter("第七章 试点工作组织和实施：成立领导小组，建立推进机制"));
        plan.put("chapter8", "无其他需要说明的内容。");
        d.put("plan", plan);

        List<Object> targets = new ArrayList<>();
        String[][] indicators = {{"MFG_RD_SHARE", "%"}, {"MFG_QUALITY_INDEX", "分"}, {"ENERGY_INTENSITY_DECLINE", "%"},
                {"TRADITIONAL_UPGRADE", "%"}, {"TALENT", "人"}, {"KEY_WORK_PROGRESS", "项"}};
        for (int i = 0; i < indicators.length; i++) {
            targets.add(map("indicator", indicators[i][0], "unit", indicators[i][1], "baseline", 10 + i,
                    "year1Target", 11 + i, "year2Target", 12.5 + i, "year3Target", 14 + i));
        }
        d.put("targets", targets);

        d.put("overall", map("gdp", 3_500_000, "area", 625.5, "population", 49.87,
                "primaryShare", 8.5, "secondaryShare", 52.3, "tertiaryShare", 39.2, "rdShareOfGdp", 1.85,
                "mfgValueAdded", 1_450_000, "mfgShareOfGdp", 41.43, "mfgEnterprises", 213, "mfgEmployees", 6.2,
                "tradeTotal", 52_000, "exports", 36_000, "imports", 16_000));

        List<Object> industries = new ArrayList<>();
        String[] names = {"电线电缆", "食品加工", "医药化工"};
        double[] shares = {35, 25, 15};
        for (int i = 0; i < names.length; i++) {
            List<Object> enterprises = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                enterprises.add(map("name", names[i] + "企业" + (j + 1) + "有限公司", "sales", 200_000 - j * 50_000 - i * 10_000,
                        "netProfit", 12_000 - j * 3_000, "rdRatio", 3.2 - j * 0.5, "employees", 0.25 - j * 0.05,
                        "mainProducts", names[i] + "产品", "capacity", "年产10万吨", "output", "8万吨",
                        "coreTech", names[i] + "核心工艺"));
            }
            industries.add(map("name", names[i], "outputValue", 800_000 - i * 200_000, "outputShare", shares[i],
                    "revenue", 780_000 - i * 200_000, "chainLinks", "原材料—加工—销售", "rdInstitutions", "省级技术中心",
                    "brands", names[i] + "品牌", "parks", "新乐经济开发区", "enterprises", enterprises));
        }
        d.put("leadingIndustries", industries);

        List<Object> centres = new ArrayList<>();
        centres.add(map("enterpriseName", "某电缆集团技术中心", "level", "NATIONAL", "direction", "特种电缆"));
        centres.add(map("enterpriseName", "某食品公司技术中心", "level", "PROVINCIAL", "direction", "功能食品"));
        centres.add(map("enterpriseName", "某药业研发中心", "level", "PROVINCIAL", "direction", "原料药绿色工艺"));
        d.put("innovation", map("rdInvestment", 64_750, "rdShareOfSales", 1.6, "techCentres", centres));

        List<Object> policies = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            policies.add(map("title", "关于支持制造业转型升级的若干措施（" + i + "）", "period", "2018—2021年",
                    "points", "支持技术改造、研发投入后补助、人才引进奖励。"));
        }
        d.put("policies", policies);
        d.put("sealedScan", sealedScan);
        return copy(d);
    }

    /** A deep copy through JSON, as the API would deliver it. */
    public static Map<String, Object> copy(Map<String, Object> data) {
        return JSON.convertValue(data, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> at(Map<String, Object> data, String key) {
        return (Map<String, Object>) data.get(key);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> item(Map<String, Object> data, String listKey, int index) {
        return (Map<String, Object>) ((List<Object>) data.get(listKey)).get(index);
    }

    private static String chapter(String head) {
        return head + "。本章围绕工业转型升级试点示范县创建标准，提出明确、量化、可考核的任务，"
                + "明确责任单位与时间节点，确保各项工作落到实处，形成可复制可推广的经验。";
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
