package cn.countyflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskWork;

/**
 * E-mail through the outbox, against a real SMTP server in-process (GreenMail): queued in the decision's transaction,
 * sent after commit; with the server down the approval goes through and the mail waits; once the server is back the
 * retry sends it, once.
 */
@SpringTest
class MailOutboxTest {
    @Autowired NotificationService notifications;
    @Autowired MailRelay relay;
    @Autowired OutboxRepository outbox;
    @Autowired JavaMailSenderImpl sender;
    @Autowired TaskWork work;
    @Autowired TestUsers users;
    GreenMail smtp;
    int configuredPort;

    @BeforeEach
    void setUp() {
        configuredPort = sender.getPort();
        notifications.setOfficeMail("130100", true, users.get("admin"));
        notifications.setEmail(users.get("sjz_reviewer"), "machao@sjz.example.cn");
        notifications.setEmail(users.get("sjz_reviewer2"), "huxue@sjz.example.cn");
    }

    @AfterEach
    void tearDown() {
        notifications.setOfficeMail("130100", false, users.get("admin"));
        notifications.setEmail(users.get("sjz_reviewer"), "");
        notifications.setEmail(users.get("sjz_reviewer2"), "");
        sender.setPort(configuredPort);
        if (smtp != null) smtp.stop();
        EngineClock.reset();
    }

    private void submitCheck(CaseFile c) {
        CountyFlowUser drafter = users.get("xinle_drafter");
        String taskId = work.myTasks(drafter, new TaskFilter(null, c.getTitle(), false, false, TaskFilter.Sort.CREATED, false), 0, 10)
                .stream().filter(t -> c.getId().equals(t.caseId())).findFirst().orElseThrow().id();
        work.complete(taskId, Map.of("title", "材料"), drafter);
    }

    private List<OutboxMail> mailsTo(String username, String caseTitle) {
        return outbox.findByRecipientOrderByIdAsc(username).stream().filter(m -> m.body.contains(caseTitle)).toList();
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        sender.setPort(server.getSmtp().getPort());
        return server;
    }

    @Test
    void mailIsSentAfterCommitToUsersWithAnAddressInAnOfficeThatTurnedItOn() throws Exception {
        smtp = startSmtp();
        CaseFile c = users.startCheck("邮件测试-送达", 5);
        submitCheck(c);                                  // the city's reviewers get a new task: mailed after commit

        assertThat(mailsTo("sjz_reviewer", "邮件测试-送达")).singleElement()
                .satisfies(m -> assertThat(m.status).isEqualTo(OutboxMail.Status.SENT));
        List<MimeMessage> received = List.of(smtp.getReceivedMessages());
        assertThat(received).filteredOn(m -> addressOf(m).equals("machao@sjz.example.cn")).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("【县域产业审批】新任务");
            String body = (String) m.getContent();
            assertThat(body).contains("石家庄市工信局 马超").contains("新任务「市级审核」：邮件测试-送达").contains("/tasks/");
        });
        assertThat(received).filteredOn(m -> addressOf(m).equals("huxue@sjz.example.cn")).hasSize(1);
        // a user without an address, or in an office without e-mail, gets the 站内信 only
        assertThat(mailsTo("xinle_drafter", "邮件测试-送达")).isEmpty();
        assertThat(relay.sendDue().sent()).isZero();     // nothing left to send
        assertThat(smtp.getReceivedMessages()).hasSize(received.size());
    }

    @Test
    void aMailServerThatIsDownLosesNothingBlocksNoApprovalAndNothingIsSentTwice() throws Exception {
        // the server is down (nothing listens on the configured port)
        CaseFile c = users.startCheck("邮件测试-宕机", 5);
        submitCheck(c);                                  // the approval goes through
        assertThat(work.myTasks(users.get("sjz_reviewer"), new TaskFilter(null, "邮件测试-宕机", false, false,
                TaskFilter.Sort.CREATED, false), 0, 10)).hasSize(1);
        OutboxMail waiting = mailsTo("sjz_reviewer", "邮件测试-宕机").get(0);
        assertThat(waiting.status).isEqualTo(OutboxMail.Status.PENDING);
        assertThat(waiting.attempts).isEqualTo(1);
        assertThat(waiting.lastError).isNotBlank();

        // the server comes back; the mail is not due again before its pause is over
        smtp = startSmtp();
        assertThat(relay.sendDue().sent()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        EngineClock.moveTo(waiting.nextAttemptAt.plus(Duration.ofSeconds(1)));
        MailRelay.RelayResult result = relay.sendDue();
        assertThat(result.sent()).isGreaterThanOrEqualTo(2);
        assertThat(mailsTo("sjz_reviewer", "邮件测试-宕机")).singleElement().satisfies(m -> {
            assertThat(m.status).isEqualTo(OutboxMail.Status.SENT);
            assertThat(m.attempts).isEqualTo(2);
        });
        int delivered = smtp.getReceivedMessages().length;
        assertThat(List.of(smtp.getReceivedMessages())).filteredOn(m -> addressOf(m).equals("machao@sjz.example.cn"))
                .singleElement().satisfies(m -> assertThat((String) m.getContent()).contains("邮件测试-宕机"));

        // run again, later: nothing is sent twice
        EngineClock.advance(Duration.ofHours(2));
        assertThat(relay.sendDue().sent()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(delivered);
    }

    @Test
    void retriesPauseLongerEachTime() {
        assertThat(MailRelay.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailRelay.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(MailRelay.backoff(20)).isEqualTo(Duration.ofMinutes(60));
    }

    private static String addressOf(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
