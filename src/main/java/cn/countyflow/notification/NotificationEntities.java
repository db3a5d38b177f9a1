package cn.countyflow.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** 站内信: one notification for one user. */
@Entity
@Table(name = "notification")
class NotificationRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String recipient;
    @Enumerated(EnumType.STRING)
    Notice.Kind kind;
    @Column(name = "text_key")
    String textKey;
    /** The text's parameters as a JSON array of strings. */
    String params;
    String link;
    @Column(name = "case_id")
    Long caseId;
    @Column(name = "task_id")
    String taskId;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "read_at")
    Instant readAt;

    protected NotificationRow() {
    }

    NotificationRow(String recipient, Notice notice, String params, Instant now) {
        this.recipient = recipient;
        this.kind = notice.kind();
        this.textKey = notice.textKey();
        this.params = params;
        this.link = notice.link();
        this.caseId = notice.caseId();
        this.taskId = notice.taskId();
        this.createdAt = now;
    }
}

/** An e-mail waiting to be sent, sent, or given up (the outbox), written with its notification. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {
    enum Status { PENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "notification_id")
    Long notificationId;
    String recipient;
    String address;
    String subject;
    String body;
    @Enumerated(EnumType.STRING)
    Status status;
    int attempts;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;
    @Column(name = "sent_at")
    Instant sentAt;
    @Column(name = "last_error")
    String lastError;
    @Version
    long version;

    protected OutboxMail() {
    }

    OutboxMail(Long notificationId, String recipient, String address, String subject, String body, Instant now) {
        this.notificationId = notificationId;
        this.recipient = recipient;
        this.address = address;
        this.subject = subject;
        this.body = body;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }
}

/** A user's e-mail address for notifications. */
@Entity
@Table(name = "user_mail_address")
class MailAddress {
    @Id
    String username;
    String address;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected MailAddress() {
    }

    MailAddress(String username, String address, Instant now) {
        this.username = username;
        this.address = address;
        this.updatedAt = now;
    }
}

/** Whether an office's users get their notifications by e-mail too. */
@Entity
@Table(name = "office_mail_setting")
class OfficeMail {
    @Id
    @Column(name = "org_code")
    String orgCode;
    boolean enabled;
    @Column(name = "updated_by")
    String updatedBy;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected OfficeMail() {
    }

    OfficeMail(String orgCode, boolean enabled, String by, Instant now) {
        this.orgCode = orgCode;
        this.enabled = enabled;
        this.updatedBy = by;
        this.updatedAt = now;
    }
}

interface NotificationRepository extends JpaRepository<NotificationRow, Long> {
    Page<NotificationRow> findByRecipientOrderByCreatedAtDescIdDesc(String recipient, Pageable page);

    long countByRecipient(String recipient);

    long countByRecipientAndReadAtIsNull(String recipient);

    @Modifying
    @Query("update NotificationRow n set n.readAt = :now where n.recipient = :recipient and n.readAt is null")
    int markAllRead(@Param("recipient") String recipient, @Param("now") Instant now);
}

interface OutboxRepository extends JpaRepository<OutboxMail, Long> {
    java.util.List<OutboxMail> findByStatusAndNextAttemptAtLessThanEqualOrderByIdAsc(OutboxMail.Status status, Instant now,
                                                                                    Pageable page);

    java.util.List<OutboxMail> findByRecipientOrderByIdAsc(String recipient);
}

interface MailAddressRepository extends JpaRepository<MailAddress, String> {
}

interface OfficeMailRepository extends JpaRepository<OfficeMail, String> {
}
