package cn.countyflow.calendar;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import cn.countyflow.KaribuSpring;
import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.audit.AuditService;
import cn.countyflow.inbox.InboxView;
import cn.countyflow.ui.ErrorViews;
import cn.countyflow.ui.admin.WorkCalendarView;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The working-day calendar on the State Council's real 2025 and 2026 schedules (seeded by V100), a year without a
 * schedule, and the admins' maintenance through the service, the API and the page. Changes are made in 2099 only,
 * so that no other test's deadlines move.
 */
@SpringTest
class WorkCalendarTest {
    @Autowired WorkCalendarService calendar;
    @Autowired Deadlines deadlines;
    @Autowired TestUsers users;
    @Autowired AuditService audit;
    @Autowired TestRestTemplate http;
    @Autowired ApplicationContext ctx;

    @AfterEach
    void reset() {
        EngineClock.reset();
        KaribuSpring.tearDown();
    }

    static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void nationalDay2025WithItsMakeUpSundayAndSaturday() {
        assertThat(calendar.isWorkingDay(d(2025, 9, 26))).as("Friday before").isTrue();
        assertThat(calendar.isWorkingDay(d(2025, 9, 28))).as("Sunday 9-28 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(d(2025, 9, 30))).as("Tuesday before the holiday").isTrue();
        for (int day = 1; day <= 8; day++) {
            assertThat(calendar.isWorkingDay(d(2025, 10, day))).as("国庆节、中秋节 10-%d", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(d(2025, 10, 11))).as("Saturday 10-11 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(d(2025, 10, 12))).as("an ordinary Sunday").isFalse();

        assertThat(calendar.addWorkingDays(d(2025, 9, 26), 1)).isEqualTo(d(2025, 9, 28));
        assertThat(calendar.addWorkingDays(d(2025, 9, 30), 1)).isEqualTo(d(2025, 10, 9));
        assertThat(calendar.addWorkingDays(d(2025, 10, 9), 2)).isEqualTo(d(2025, 10, 11));
        assertThat(calendar.addWorkingDays(d(2025, 10, 9), -1)).isEqualTo(d(2025, 9, 30));
        assertThat(calendar.workingDaysBetween(d(2025, 9, 30), d(2025, 10, 9))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(d(2025, 10, 9), d(2025, 9, 30))).isEqualTo(-1);
    }

    @Test
    void springFestival2025And2026() {
        // 2025: 1-28 (除夕) to 2-4 off; Sunday 1-26 and Saturday 2-8 worked
        assertThat(calendar.isWorkingDay(d(2025, 1, 26))).isTrue();
        assertThat(calendar.isWorkingDay(d(2025, 1, 27))).isTrue();
        assertThat(calendar.isWorkingDay(d(2025, 1, 28))).isFalse();
        assertThat(calendar.isWorkingDay(d(2025, 2, 4))).isFalse();
        assertThat(calendar.isWorkingDay(d(2025, 2, 5))).isTrue();
        assertThat(calendar.isWorkingDay(d(2025, 2, 8))).isTrue();
        assertThat(calendar.addWorkingDays(d(2025, 1, 27), 1)).isEqualTo(d(2025, 2, 5));
        // 2026: 2-15 to 2-23 off (nine days); Saturdays 2-14 and 2-28 worked
        assertThat(calendar.isWorkingDay(d(2026, 2, 14))).isTrue();
        for (int day = 15; day <= 23; day++) assertThat(calendar.isWorkingDay(d(2026, 2, day))).isFalse();
        assertThat(calendar.isWorkingDay(d(2026, 2, 28))).isTrue();
        assertThat(calendar.addWorkingDays(d(2026, 2, 13), 1)).isEqualTo(d(2026, 2, 14));
        assertThat(calendar.addWorkingDays(d(2026, 2, 14), 1)).isEqualTo(d(2026, 2, 24));
        assertThat(calendar.workingDaysBetween(d(2026, 2, 13), d(2026, 2, 28))).isEqualTo(1 + 4 + 1);
        // 元旦 2026: 1-1 to 1-3 off, Sunday 1-4 worked
        assertThat(calendar.isWorkingDay(d(2026, 1, 2))).isFalse();
        assertThat(calendar.isWorkingDay(d(2026, 1, 4))).isTrue();
    }

    @Test
    void aFiveWorkingDayPublicityAcrossNationalDay2026() {
        // approved on Wednesday 2026-09-30: 10-1..10-7 off, Saturday 10-10 worked
        LocalDate end = calendar.addWorkingDays(d(2026, 9, 30), 5);
        assertThat(end).isEqualTo(d(2026, 10, 13)); // 10-8, 10-9, 10-10 (调休), 10-12, 10-13
        assertThat(calendar.workingDaysBetween(d(2026, 9, 30), end)).isEqualTo(5);
        // the same rule Monday to Friday only would have ended on 10-7, in the middle of the holiday
        assertThat(TestCalendars.mondayToFriday().addWorkingDays(d(2026, 9, 30), 5)).isEqualTo(d(2026, 10, 7));
    }

    @Test
    void dueDatesAreTheEndOfTheNthWorkingDayOnTheMovedClock() {
        EngineClock.moveTo(d(2026, 9, 30).atTime(15, 0).atZone(WorkCalendar.ZONE).toInstant());
        assertThat(calendar.today()).isEqualTo(d(2026, 9, 30));
        Date due = calendar.dueIn(1);
        assertThat(due.toInstant()).isEqualTo(ZonedDateTime.of(2026, 10, 8, 23, 59, 59, 0, WorkCalendar.ZONE).toInstant());
        // a step's configured working days (review-scoring: 10) on the same calendar
        assertThat(deadlines.workingDays("review-scoring")).isEqualTo(10);
        assertThat(deadlines.due("review-scoring").toInstant())
                .isEqualTo(WorkCalendar.endOf(calendar.addWorkingDays(d(2026, 9, 30), 10)));
        assertThatThrownBy(() -> deadlines.due("no-such-step")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aYearWithoutAScheduleCountsMondayToFridayAndAdminsAreWarned() {
        EngineClock.moveTo(d(2026, 12, 6).atStartOfDay(WorkCalendar.ZONE).toInstant());
        assertThat(calendar.schedule(2027).entered()).isFalse();
        assertThat(calendar.missingYears()).containsExactly(2027);
        assertThat(calendar.isWorkingDay(d(2027, 1, 1))).as("a Friday; 元旦 2027 not entered yet").isTrue();
        assertThat(calendar.isWorkingDay(d(2027, 1, 2))).isFalse();
        EngineClock.moveTo(d(2025, 6, 1).atStartOfDay(WorkCalendar.ZONE).toInstant());
        assertThat(calendar.missingYears()).isEmpty();

        // the admin's inbox says so, with a link to the calendar; other users' inboxes do not
        EngineClock.moveTo(d(2026, 12, 6).atStartOfDay(WorkCalendar.ZONE).toInstant());
        KaribuSpring.signIn(ctx, users.get("admin"));
        UI.getCurrent().navigate(InboxView.class);
        assertThat(_get(Span.class, s -> s.withId("calendar-missing-2027")).getText()).contains("2027年放假安排尚未录入");
        KaribuSpring.tearDown();
        KaribuSpring.signIn(ctx, users.get("hebei_officer"));
        UI.getCurrent().navigate(InboxView.class);
        assertThat(_find(Span.class, s -> s.withId("calendar-missing-2027"))).isEmpty();
    }

    @Test
    void adminsKeepTheScheduleAndEveryChangeIsCheckedAndAudited() {
        var admin = users.get("admin");
        assertThatThrownBy(() -> calendar.putDay(d(2099, 1, 1), WorkCalendarService.DayKind.HOLIDAY, "元旦", admin))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.getErrors()).containsEntry("day", "请先保存2099年度的依据文件，再录入日期"));
        assertThatThrownBy(() -> calendar.enterYear(2099, "  ", admin))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("source"));
        calendar.enterYear(2099, "国务院办公厅关于2099年部分节假日安排的通知", admin);
        // 2099-01-01 is a Thursday
        assertThat(calendar.isWorkingDay(d(2099, 1, 1))).isTrue();
        calendar.putDay(d(2099, 1, 1), WorkCalendarService.DayKind.HOLIDAY, "元旦", admin);
        assertThat(calendar.isWorkingDay(d(2099, 1, 1))).isFalse();
        assertThatThrownBy(() -> calendar.putDay(d(2099, 1, 2), WorkCalendarService.DayKind.WORKDAY, "调休", admin))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("kind"));
        calendar.putDay(d(2099, 1, 3), WorkCalendarService.DayKind.WORKDAY, "元旦调休上班", admin); // a Saturday
        assertThat(calendar.isWorkingDay(d(2099, 1, 3))).isTrue();
        assertThat(calendar.schedule(2099).days()).extracting(WorkCalendarService.Day::name)
                .containsExactly("元旦", "元旦调休上班");
        calendar.removeDay(d(2099, 1, 3), admin);
        assertThat(calendar.isWorkingDay(d(2099, 1, 3))).isFalse();
        calendar.removeDay(d(2099, 1, 1), admin);
        assertThat(audit.byUser("admin")).extracting(e -> e.getAction())
                .contains("CALENDAR_YEAR", "CALENDAR_DAY_SET", "CALENDAR_DAY_REMOVED");

        // nobody else may change it, and the refusal is audited
        var officer = users.get("hebei_officer");
        assertThatThrownBy(() -> calendar.putDay(d(2099, 1, 1), WorkCalendarService.DayKind.HOLIDAY, "元旦", officer))
                .isInstanceOf(NotPermittedException.class);
        assertThat(calendar.isWorkingDay(d(2099, 1, 1))).isTrue();
        assertThat(audit.byUser("hebei_officer")).anyMatch(e -> e.getAction().equals("CALENDAR_CHANGE")
                && e.getOutcome().equals("DENIED"));
    }

    @Test
    void theApiAnswersTheSameRules() {
        TestRestTemplate admin = http.withBasicAuth("admin", TestUsers.PASSWORD);
        var year = admin.getForEntity("/api/calendar/2026", String.class);
        assertThat(year.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(year.getBody()).contains("\"entered\":true", "2026-10-10", "WORKDAY", "国庆节");
        assertThat(admin.exchange("/api/calendar/2098", HttpMethod.PUT, new HttpEntity<>(Map.of("source", "通知")),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        var bad = admin.exchange("/api/calendar/days/2098-01-06", HttpMethod.PUT,
                new HttpEntity<>(Map.of("kind", "WORKDAY", "name", "调休")), String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("\"kind\"", "只有周六、周日可设为调休上班日");
        assertThat(admin.exchange("/api/calendar/days/2098-01-06", HttpMethod.PUT,
                new HttpEntity<>(Map.of("kind", "HOLIDAY", "name", "测试假日")), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(calendar.isWorkingDay(d(2098, 1, 6))).isFalse();
        assertThat(admin.exchange("/api/calendar/days/2098-01-06", HttpMethod.DELETE, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(calendar.isWorkingDay(d(2098, 1, 6))).isTrue();
        assertThat(admin.exchange("/api/calendar/days/not-a-date", HttpMethod.DELETE, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        TestRestTemplate county = http.withBasicAuth("xinle_drafter", TestUsers.PASSWORD);
        assertThat(county.exchange("/api/calendar/days/2098-01-06", HttpMethod.PUT,
                new HttpEntity<>(Map.of("kind", "HOLIDAY", "name", "测试假日")), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(calendar.isWorkingDay(d(2098, 1, 6))).isTrue();
    }

    @Test
    void theAdminsPageShowsErrorsAtTheFieldsAndOthersAreRefused() {
        KaribuSpring.signIn(ctx, users.get("admin"));
        UI.getCurrent().navigate(WorkCalendarView.class);
        _setValue(_get(IntegerField.class, s -> s.withId("calendar-year")), 2097);
        assertThat(_get(Span.class, s -> s.withId("calendar-status")).getText()).contains("尚未录入");
        assertThat(_get(Button.class, s -> s.withId("calendar-add-day")).isEnabled()).isFalse();
        _click(_get(Button.class, s -> s.withId("calendar-enter-year")));
        TextField source = _get(TextField.class, s -> s.withId("calendar-source"));
        assertThat(source.isInvalid()).isTrue();
        assertThat(source.getErrorMessage()).isEqualTo("请填写依据文件");
        _setValue(source, "国务院办公厅关于2097年部分节假日安排的通知");
        _click(_get(Button.class, s -> s.withId("calendar-enter-year")));
        assertThat(_get(Span.class, s -> s.withId("calendar-status")).getText()).contains("已录入");

        _click(_get(Button.class, s -> s.withId("calendar-add-day")));
        _setValue(_get(DatePicker.class, s -> s.withId("calendar-day")), d(2097, 1, 1));
        _click(_get(Button.class, s -> s.withId("calendar-save")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<WorkCalendarService.DayKind> kind = _get(RadioButtonGroup.class, s -> s.withId("calendar-kind"));
        assertThat(kind.isInvalid()).isTrue();
        _setValue(kind, WorkCalendarService.DayKind.HOLIDAY);
        _setValue(_get(TextField.class, s -> s.withId("calendar-name")), "元旦");
        _click(_get(Button.class, s -> s.withId("calendar-save")));
        MockVaadin.clientRoundtrip();
        assertThat(_find(DatePicker.class, s -> s.withId("calendar-day"))).as("the dialog closed").isEmpty();
        assertThat(calendar.isWorkingDay(d(2097, 1, 1))).isFalse();

        KaribuSpring.tearDown();
        KaribuSpring.signIn(ctx, users.get("hebei_officer"));
        UI.getCurrent().navigate("admin/calendar");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isNotInstanceOf(WorkCalendarView.class);
    }
}
