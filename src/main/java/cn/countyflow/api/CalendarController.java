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
@Tag(name = "api.calendar.tag.name", description = "api.calendar.tag.description")
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
    @Operation(summary = "api.calendar.year")
    WorkCalendarService.YearSchedule year(@PathVariable int year) {
        return calendar.schedule(year);
    }

    @GetMapping("/missing")
    @Operation(summary = "api.calendar.missing")
    Missing missing() {
        return new Missing(calendar.missingYears());
    }

    @PutMapping("/{year}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "api.calendar.enterYear")
    void enterYear(@PathVariable int year, @RequestBody YearBody body) {
        calendar.enterYear(year, body == null ? null : body.source(), CurrentUser.get());
    }

    @PutMapping("/days/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "api.calendar.putDay")
    void putDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @RequestBody DayBody body) {
        calendar.putDay(day, body == null ? null : body.kind(), body == null ? null : body.name(), CurrentUser.get());
    }

    @DeleteMapping("/days/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "api.calendar.removeDay")
    void removeDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        calendar.removeDay(day, CurrentUser.get());
    }
}
