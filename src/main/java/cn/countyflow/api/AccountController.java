package cn.countyflow.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.org.CurrentUser;
import cn.countyflow.org.UserAccountService;

/** The signed-in user's own account: changing one's password, with the same rules as the page 修改密码. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "api.account.tag.name", description = "api.account.tag.description")
class AccountController {
    private final UserAccountService accounts;

    AccountController(UserAccountService accounts) {
        this.accounts = accounts;
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "api.account.changePassword")
    void changePassword(@RequestBody PasswordChange change) {
        accounts.changeOwnPassword(CurrentUser.get().username(), change.currentPassword(), change.newPassword());
    }
}
