package cn.countyflow.api;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.notification.NotificationService;
import cn.countyflow.org.CurrentUser;

/** 站内信 and notification settings as JSON: the same {@link NotificationService} the bell and the page use. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "api.notification.tag.name", description = "api.notification.tag.description")
class NotificationController {
    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    record Email(String email) {
    }

    record OfficeMail(boolean enabled) {
    }

    @GetMapping
    @Operation(summary = "api.notification.list")
    TaskController.Page<NotificationService.Item> list(@RequestParam(defaultValue = "0") int page,
                                                      @RequestParam(defaultValue = "50") int size) {
        var user = CurrentUser.get();
        int pageSize = TaskController.Page.size(size);
        return new TaskController.Page<>(notifications.list(user, page, pageSize), notifications.count(user), page, pageSize);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "api.notification.unread")
    Map<String, Long> unread() {
        return Map.of("unread", notifications.unreadCount(CurrentUser.get()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "api.notification.read")
    Map<String, String> read(@PathVariable long id) {
        String link = notifications.markRead(id, CurrentUser.get());
        return link == null ? Map.of() : Map.of("link", link);
    }

    @PostMapping("/read-all")
    @Operation(summary = "api.notification.readAll")
    Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead(CurrentUser.get()));
    }

    @GetMapping("/settings")
    @Operation(summary = "api.notification.settings")
    NotificationService.Settings settings() {
        return notifications.settings(CurrentUser.get());
    }

    @PutMapping("/settings")
    @Operation(summary = "api.notification.setEmail")
    ResponseEntity<Void> setEmail(@RequestBody Email body) {
        notifications.setEmail(CurrentUser.get(), body.email());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/offices/{code}/mail")
    @Operation(summary = "api.notification.officeMail")
    ResponseEntity<Void> officeMail(@PathVariable String code, @RequestBody OfficeMail body) {
        notifications.setOfficeMail(code, body.enabled(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }
}
