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
@Tag(name = "我的账户 Account", description = "修改本人密码")
class AccountController {
    private final UserAccountService accounts;

    AccountController(UserAccountService accounts) {
        this.accounts = accounts;
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "修改本人密码（原密码须正确；至少8位、三类字符、不含用户名、不同于最近3次密码）")
    void changePassword(@RequestBody PasswordChange change) {
        accounts.changeOwnPassword(CurrentUser.get().username(), change.currentPassword(), change.newPassword());
    }
}
