package cn.countyflow.api;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.evaluation.Indicator;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;

@RestController
@RequestMapping("/api/indicators")
@Tag(name = "指标 Indicators", description = "指标目录；各县指标目标与完成值对比（省级经办人/审定人看本省，市级审核人看本市所辖县）")
class IndicatorController {
    static final int MAX_PAGE_SIZE = 200;
    private final IndicatorService indicators;

    IndicatorController(IndicatorService indicators) {
        this.indicators = indicators;
    }

    /** One entry of the catalogue. */
    record IndicatorEntry(String code, String indicatorSet, String name, String unit, String direction, int decimals) {
        static IndicatorEntry of(Indicator i) {
            return new IndicatorEntry(i.getCode(), i.getIndicatorSet(), i.getName(), i.getUnit(), i.getDirection().name(),
                    i.getDecimals());
        }
    }

    @GetMapping
    @Operation(summary = "指标目录（代码、名称、计量单位、方向、小数位）")
    List<IndicatorEntry> catalogue() {
        return indicators.allIndicators().stream().map(IndicatorEntry::of).toList();
    }

    @GetMapping("/compare")
    @Operation(summary = "某一指标的各县对比（分页）：目标值、完成值、完成率（%）；province 缺省为本人所在省；"
            + "indicator 必填（400）；无权 403")
    TaskController.Page<IndicatorService.ComparisonLine> compare(@RequestParam(required = false) String province,
                                                  @RequestParam(required = false) String indicator,
                                                  @RequestParam(required = false) String cohort,
                                                  @RequestParam(required = false) Integer year,
                                                  @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "50") int size) {
        CountyFlowUser user = CurrentUser.get();
        String provinceCode = province == null || province.isBlank() ? user.provinceCode() : province;
        var result = indicators.compare(user, provinceCode, indicator, cohort, year,
                PageRequest.of(Math.max(0, page), Math.max(1, Math.min(size, MAX_PAGE_SIZE))));
        return new TaskController.Page<>(result.getContent(), result.getTotalElements(), result.getNumber(),
                result.getSize());
    }

    @GetMapping("/cohorts")
    @Operation(summary = "本省有指标目标的批次（对比的筛选项）；范围同对比")
    List<String> cohorts(@RequestParam(required = false) String province) {
        CountyFlowUser user = CurrentUser.get();
        return indicators.cohorts(user, province == null || province.isBlank() ? user.provinceCode() : province);
    }
}
