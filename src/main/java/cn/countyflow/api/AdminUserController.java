package cn.countyflow.api;

import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
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

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.Role;
import cn.countyflow.org.UserAdministration;

/** User administration as JSON (admins only): the same {@link UserAdministration} as the admin page. */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "api.adminUser.tag.name", description = "api.adminUser.tag.description")
class AdminUserController {
    private final UserAdministration administration;

    AdminUserController(UserAdministration administration) {
        this.administration = administration;
    }

    /** A user as the API shows it: never a password hash. */
    record UserView(String username, String displayName, String orgCode, String orgName, Set<Role> roles, boolean enabled) {
        static UserView of(CountyFlowUser u) {
            return new UserView(u.username(), u.displayName(), u.orgCode(), u.orgName(), u.roles(), u.enabled());
        }
    }

    record NewUser(String username, String displayName, String orgCode, Set<Role> roles, String password) {
    }

    record Change(String displayName, String orgCode, Set<Role> roles) {
    }

    record Password(String password) {
    }

    @GetMapping
    @Operation(summary = "api.adminUser.list")
    TaskController.Page<UserView> list(@RequestParam(required = false) String text, @RequestParam(required = false) String org,
                                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int pageSize = TaskController.Page.size(size);
        var result = administration.search(CurrentUser.get(), text, org, PageRequest.of(Math.max(0, page), pageSize,
                Sort.by("username")));
        return new TaskController.Page<>(result.getContent().stream().map(UserView::of).toList(), result.getTotalElements(),
                page, pageSize);
    }

    @GetMapping("/{username}")
    UserView get(@PathVariable String username) {
        return UserView.of(administration.get(CurrentUser.get(), username));
    }

    @PostMapping
    @Operation(summary = "api.adminUser.create")
    ResponseEntity<UserView> create(@RequestBody NewUser body) {
        var created = administration.create(CurrentUser.get(), new UserAdministration.UserForm(body.username(),
                body.displayName(), body.orgCode(), body.roles()), body.password());
        return ResponseEntity.status(HttpStatus.CREATED).body(UserView.of(created));
    }

    @PutMapping("/{username}")
    @Operation(summary = "api.adminUser.update")
    UserView update(@PathVariable String username, @RequestBody Change body) {
        return UserView.of(administration.update(CurrentUser.get(), username,
                new UserAdministration.UserForm(username, body.displayName(), body.orgCode(), body.roles())));
    }

    @PostMapping("/{username}/disable")
    UserView disable(@PathVariable String username) {
        return UserView.of(administration.setEnabled(CurrentUser.get(), username, false));
    }

    @PostMapping("/{username}/enable")
    UserView enable(@PathVariable String username) {
        return UserView.of(administration.setEnabled(CurrentUser.get(), username, true));
    }

    @PostMapping("/{username}/password")
    @Operation(summary = "api.adminUser.password")
    ResponseEntity<Void> password(@PathVariable String username, @RequestBody Password body) {
        administration.setPassword(CurrentUser.get(), username, body == null ? null : body.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{username}/reset-password")
    @Operation(summary = "api.adminUser.reset")
    Map<String, String> reset(@PathVariable String username) {
        return Map.of("password", administration.resetPassword(CurrentUser.get(), username));
    }
}
