package cn.countyflow.api;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.calendar.WorkCalendarService;
import cn.countyflow.org.CurrentUser;

@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历 Working-day calendar", description = "各年度放假和调休上班日期（系统管理员维护）")
class CalendarController {
    private final WorkCalendarService calendar;

    CalendarController(WorkCalendarService calendar) {
        this.calendar = calendar;
    }

    record YearBody(String source) {
    }

    record DayBody(WorkCalendarService.DayKind kind, String name) {
    }

    record Missing(List<Integer> years) {
    }

    @GetMapping("/{year}")
    @Operation(summary = "某年度的放假和调休上班日期，及其依据文件（未录入的年度按周一至周五计算）")
    WorkCalendarService.YearSchedule year(@PathVariable int year) {
        return calendar.schedule(year);
    }

    @GetMapping("/missing")
    @Operation(summary = "今年和明年中尚未录入放假安排的年度")
    Missing missing() {
        return new Missing(calendar.missingYears());
    }

    @PutMapping("/{year}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "录入或更正某年度的依据文件（系统管理员）")
    void enterYear(@PathVariable int year, @RequestBody YearBody body) {
        calendar.enterYear(year, body == null ? null : body.source(), CurrentUser.get());
    }

    @PutMapping("/days/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "设置某日为放假（HOLIDAY）或调休上班（WORKDAY）（系统管理员）")
    void putDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @RequestBody DayBody body) {
        calendar.putDay(day, body == null ? null : body.kind(), body == null ? null : body.name(), CurrentUser.get());
    }

    @DeleteMapping("/days/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除某日的设置，按星期计算（系统管理员）")
    void removeDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        calendar.removeDay(day, CurrentUser.get());
    }
}
