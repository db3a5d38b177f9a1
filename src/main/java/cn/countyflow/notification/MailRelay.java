package cn.countyflow.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's e-mails: right after the transaction that queued them commits (on a background thread, so no
 * approval waits for the mail server), and again every {@code countyflow.mail.retry-interval} for those still
 * pending. A mail is first claimed (attempts + 1, next attempt pushed out, optimistic version) in a transaction of its
 * own, so two senders never send the same mail; it is marked SENT after the server accepted it, or stays PENDING with
 * a growing pause after a failure, and becomes FAILED (kept, never deleted) after {@code countyflow.mail.max-attempts}.
 */
@Component
public class MailRelay {
    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);
    static final int BATCH = 50;
    static final Duration CLAIM = Duration.ofMinutes(5);

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean afterCommit;
    private final boolean scheduled;
    private final int maxAttempts;
    private final String from;
    private final Executor executor;

    MailRelay(OutboxRepository outbox, ObjectProvider<JavaMailSender> mail,
              org.springframework.transaction.PlatformTransactionManager transactions, Clock clock,
              @Value("${countyflow.mail.send-after-commit:true}") boolean afterCommit,
              @Value("${countyflow.mail.async:true}") boolean async,
              @Value("${countyflow.mail.retry-enabled:true}") boolean scheduled,
              @Value("${countyflow.mail.max-attempts:48}") int maxAttempts,
              @Value("${countyflow.mail.from:countyflow@localhost}") String from) {
        this.outbox = outbox;
        this.mail = mail;
        // its own transactions, also when called right after another one committed
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.scheduled = scheduled;
        this.maxAttempts = maxAttempts;
        this.from = from;
        // one background sender; when it is busy the queue is short and the scheduled retry picks up the rest
        this.executor = async ? new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1),
                r -> {
                    Thread t = new Thread(r, "mail-relay");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.DiscardPolicy()) : Runnable::run;
    }

    /** What one run did. */
    public record RelayResult(int sent, int failed) {
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onQueued(NotificationService.MailQueued event) {
        if (!afterCommit) return;
        executor.execute(() -> {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("Sending queued e-mails failed; the retry will try again: {}", e.toString());
            }
        });
    }

    @Scheduled(fixedDelayString = "${countyflow.mail.retry-interval:PT1M}", initialDelayString = "PT30S")
    void retry() {
        if (scheduled) sendDue();
    }

    /** Sends every pending e-mail whose time has come; answers how many were sent and how many failed this time. */
    public RelayResult sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) return new RelayResult(0, 0);
        int sent = 0;
        int failed = 0;
        List<OutboxMail> due = tx.execute(s -> outbox.findByStatusAndNextAttemptAtLessThanEqualOrderByIdAsc(
                OutboxMail.Status.PENDING, clock.instant(), PageRequest.of(0, BATCH)));
        for (OutboxMail candidate : due) {
            OutboxMail claimed = claim(candidate.id);
            if (claimed == null) continue;
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(from);
                helper.setTo(claimed.address);
                helper.setSubject(claimed.subject);
                helper.setText(claimed.body, false);
                sender.send(message);
                finish(claimed.id, null);
                sent++;
            } catch (Exception e) {
                finish(claimed.id, e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
                failed++;
            }
        }
        return new RelayResult(sent, failed);
    }

    /** Takes the mail for this sender (or null when another took it first or it is no longer due). */
    private OutboxMail claim(long id) {
        try {
            return tx.execute(s -> {
                OutboxMail m = outbox.findById(id).orElse(null);
                Instant now = clock.instant();
                if (m == null || m.status != OutboxMail.Status.PENDING || m.nextAttemptAt.isAfter(now)) return null;
                m.attempts++;
                m.nextAttemptAt = now.plus(CLAIM);
                return outbox.saveAndFlush(m);
            });
        } catch (ObjectOptimisticLockingFailureException raced) {
            return null;
        }
    }

    private void finish(long id, String error) {
        tx.executeWithoutResult(s -> outbox.findById(id).ifPresent(m -> {
            Instant now = clock.instant();
            if (error == null) {
                m.status = OutboxMail.Status.SENT;
                m.sentAt = now;
                m.lastError = null;
            } else {
                m.lastError = NotificationService.cut(error, 500);
                if (m.attempts >= maxAttempts) {
                    m.status = OutboxMail.Status.FAILED;
                    log.error("E-mail {} to {} given up after {} attempts: {}", m.id, m.address, m.attempts, error);
                } else {
                    m.nextAttemptAt = now.plus(backoff(m.attempts));
                    log.warn("E-mail {} to {} not sent (attempt {}), retrying at {}: {}", m.id, m.address, m.attempts,
                            m.nextAttemptAt, error);
                }
            }
            outbox.save(m);
        }));
    }

    /** 1, 2, 4, … minutes after the n-th failure, at most an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(60, 1L << Math.min(6, Math.max(0, attempts - 1))));
    }
}
