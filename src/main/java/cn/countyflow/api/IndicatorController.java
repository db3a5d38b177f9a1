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
@Tag(name = "api.indicator.tag.name", description = "api.indicator.tag.description")
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
    @Operation(summary = "api.indicator.catalogue")
    List<IndicatorEntry> catalogue() {
        return indicators.allIndicators().stream().map(IndicatorEntry::of).toList();
    }

    @GetMapping("/compare")
    @Operation(summary = "api.indicator.compare")
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
    @Operation(summary = "api.indicator.cohorts")
    List<String> cohorts(@RequestParam(required = false) String province) {
        CountyFlowUser user = CurrentUser.get();
        return indicators.cohorts(user, province == null || province.isBlank() ? user.provinceCode() : province);
    }
}
