package cn.countyflow.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.countyflow.SpringTest;

/**
 * Issue 12: an API call reads its user's account once. The lock check before the password, the loading of the user,
 * the reset of earlier failures after it and the password gate each read the row in a transaction of its own (four
 * transactions, eight statements and four commits per call, before the request's own work).
 */
@SpringTest
class AccountReadsTest {
    @Autowired MockMvc mvc;

    private int call(String username) {
        try {
            return mvc.perform(get("/api/tasks?page=0&size=1").with(httpBasic(username, "demo123"))).andReturn()
                    .getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anApiCallReadsItsUsersAccountOnce() {
        assertThat(call("sjz_reviewer")).isEqualTo(200); // the password checked once, as any client's first request
        var counted = StatementCounter.count(() -> call("sjz_reviewer"));
        assertThat(counted.result()).isEqualTo(200);
        assertThat(counted.statements()).as(String.join("\n", counted.statements()))
                .filteredOn(sql -> sql.toLowerCase(Locale.ROOT).contains("from app_user au")).hasSize(1);
    }

    @Test
    void aWrongPasswordIsStillRefusedAndCounted() throws Exception {
        int status = mvc.perform(get("/api/tasks?page=0&size=1").with(httpBasic("zhengding_drafter", "wrong-password")))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(401);
        assertThat(call("zhengding_drafter")).isEqualTo(200);
    }
}
