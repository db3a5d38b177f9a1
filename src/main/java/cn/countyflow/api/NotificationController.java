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
@Tag(name = "通知 Notifications", description = "站内信、未读数、已读、邮件设置")
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
    @Operation(summary = "我的通知（最新在前）")
    TaskController.Page<NotificationService.Item> list(@RequestParam(defaultValue = "0") int page,
                                                      @RequestParam(defaultValue = "50") int size) {
        var user = CurrentUser.get();
        int pageSize = TaskController.Page.size(size);
        return new TaskController.Page<>(notifications.list(user, page, pageSize), notifications.count(user), page, pageSize);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "未读通知数")
    Map<String, Long> unread() {
        return Map.of("unread", notifications.unreadCount(CurrentUser.get()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "标记为已读，返回通知指向的页面")
    Map<String, String> read(@PathVariable long id) {
        String link = notifications.markRead(id, CurrentUser.get());
        return link == null ? Map.of() : Map.of("link", link);
    }

    @PostMapping("/read-all")
    @Operation(summary = "全部标记为已读")
    Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead(CurrentUser.get()));
    }

    @GetMapping("/settings")
    @Operation(summary = "我的通知设置：邮箱、本单位是否开启邮件通知")
    NotificationService.Settings settings() {
        return notifications.settings(CurrentUser.get());
    }

    @PutMapping("/settings")
    @Operation(summary = "设置我的邮箱（为空则删除）；格式不正确时 400")
    ResponseEntity<Void> setEmail(@RequestBody Email body) {
        notifications.setEmail(CurrentUser.get(), body.email());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/offices/{code}/mail")
    @Operation(summary = "为某单位开启或关闭邮件通知（系统管理员）")
    ResponseEntity<Void> officeMail(@PathVariable String code, @RequestBody OfficeMail body) {
        notifications.setOfficeMail(code, body.enabled(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }
}
