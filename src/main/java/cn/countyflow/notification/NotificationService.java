package cn.countyflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;

/**
 * 站内信 and e-mail. {@link #send} writes one notification per recipient in the caller's transaction (the decision's:
 * it commits or rolls back with it); for a recipient with an e-mail address whose office turned e-mail on, it also
 * writes the e-mail into the outbox, which {@link MailRelay} sends after the commit and retries while the mail
 * server is down. Users read, open and mark their own notifications; the bell shows the unread count.
 */
@Service
@Transactional(readOnly = true)
public class NotificationService {
    static final Pattern ADDRESS = Pattern.compile("\\A[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\z");
    static final int BODY_MAX = 4000;

    /** A notification as its reader sees it, in the reader's language. */
    public record Item(long id, String kind, String text, String link, Long caseId, String taskId, Instant createdAt,
                       boolean read) {
    }

    /** The user's notification settings: their address and whether their office sends e-mail. */
    public record Settings(String email, boolean officeMail, String officeName, boolean mailServerConfigured) {
    }

    /** Published when e-mails were queued, so the relay sends them once the transaction has committed. */
    record MailQueued() {
    }

    private final NotificationRepository notifications;
    private final OutboxRepository outbox;
    private final MailAddressRepository addresses;
    private final OfficeMailRepository offices;
    private final UserAccountService users;
    private final OrganisationService organisations;
    private final IdentityService identity;
    private final ObjectProvider<JavaMailSender> mail;
    private final ApplicationEventPublisher events;
    private final AuditService audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final String baseUrl;

    NotificationService(NotificationRepository notifications, OutboxRepository outbox, MailAddressRepository addresses,
                        OfficeMailRepository offices, UserAccountService users, OrganisationService organisations,
                        IdentityService identity, ObjectProvider<JavaMailSender> mail, ApplicationEventPublisher events,
                        AuditService audit, ObjectMapper json, Clock clock,
                        @Value("${countyflow.base-url:http://localhost:8080}") String baseUrl) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.addresses = addresses;
        this.offices = offices;
        this.users = users;
        this.organisations = organisations;
        this.identity = identity;
        this.mail = mail;
        this.events = events;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    // ---------------------------------------------------------------- sending

    /** Writes the notice for each recipient (and its e-mails to the outbox), in the caller's transaction. */
    @Transactional
    public void send(Notice notice) {
        if (notice.recipients().isEmpty()) return;
        Instant now = clock.instant();
        String params = writeParams(notice.params());
        boolean mailOn = mail.getIfAvailable() != null;
        boolean queued = false;
        for (String recipient : notice.recipients()) {
            NotificationRow row = notifications.save(new NotificationRow(recipient, notice, params, now));
            if (!mailOn) continue;
            var address = addresses.findById(recipient);
            if (address.isEmpty()) continue;
            var user = users.find(recipient);
            if (user.isEmpty() || !user.get().enabled() || !officeMailOn(user.get().orgCode())) continue;
            String text = Texts.translate(notice.textKey(), Texts.CHINESE, notice.params().toArray());
            String subject = Texts.translate("notify.mail.subject", Texts.CHINESE,
                    Texts.translate("notify.kind." + notice.kind().name(), Texts.CHINESE));
            String body = Texts.translate("notify.mail.body", Texts.CHINESE, user.get().displayName(), text,
                    notice.link() == null ? baseUrl + "notifications" : baseUrl + notice.link());
            outbox.save(new OutboxMail(row.id, recipient, address.get().address, cut(subject, 300), cut(body, BODY_MAX), now));
            queued = true;
        }
        if (queued) events.publishEvent(new MailQueued());
    }

    /** The members of candidate groups ({@code <role>_<org code>}), as the engine's identity knows them. */
    public Set<String> members(Collection<String> groups) {
        Set<String> result = new LinkedHashSet<>();
        for (String g : groups) identity.createUserQuery().memberOfGroup(g).list().forEach(u -> result.add(u.getId()));
        return result;
    }

    /** The users of an office's county roles (its drafters and leaders), e.g. to tell a county a result. */
    public Set<String> countyOffice(String countyCode) {
        return members(List.of(Role.COUNTY_DRAFTER.groupOf(countyCode), Role.COUNTY_LEADER.groupOf(countyCode)));
    }

    // ---------------------------------------------------------------- reading

    public long unreadCount(CountyFlowUser user) {
        return notifications.countByRecipientAndReadAtIsNull(user.username());
    }

    public long count(CountyFlowUser user) {
        return notifications.countByRecipient(user.username());
    }

    /** The user's notifications, newest first, one page, in the current request's language. */
    public List<Item> list(CountyFlowUser user, int page, int size) {
        Locale locale = Texts.current();
        return notifications.findByRecipientOrderByCreatedAtDescIdDesc(user.username(),
                PageRequest.of(Math.max(0, page), Math.max(1, Math.min(size, 200)))).stream()
                .map(n -> new Item(n.id, n.kind.name(), Texts.translate(n.textKey, locale, readParams(n.params).toArray()),
                        n.link, n.caseId, n.taskId, n.createdAt, n.readAt != null)).toList();
    }

    /** Marks one of the user's notifications read; answers its link. Someone else's is not found. */
    @Transactional
    public String markRead(long id, CountyFlowUser user) {
        NotificationRow n = notifications.findById(id).filter(x -> x.recipient.equals(user.username()))
                .orElseThrow(() -> new NotFoundException(Texts.get("notify.error.notFound", id)));
        if (n.readAt == null) {
            n.readAt = clock.instant();
            notifications.save(n);
        }
        return n.link;
    }

    @Transactional
    public int markAllRead(CountyFlowUser user) {
        return notifications.markAllRead(user.username(), clock.instant());
    }

    // ---------------------------------------------------------------- settings

    public Settings settings(CountyFlowUser user) {
        return new Settings(addresses.findById(user.username()).map(a -> a.address).orElse(null),
                officeMailOn(user.orgCode()), user.orgName(), mail.getIfAvailable() != null);
    }

    /** Sets (or, when blank, removes) the user's own e-mail address. */
    @Transactional
    public void setEmail(CountyFlowUser user, String email) {
        String text = email == null ? "" : email.strip();
        if (text.isEmpty()) {
            addresses.deleteById(user.username());
        } else {
            // no line break or control character anywhere (an address ending in "\n" is refused, not trimmed)
            if (text.length() > 200 || !ADDRESS.matcher(text).matches() || email.chars().anyMatch(ch -> ch < 0x20)) {
                throw FieldErrorsException.of("email", Texts.get("notify.error.email"));
            }
            MailAddress a = addresses.findById(user.username()).orElseGet(() -> new MailAddress(user.username(), text, clock.instant()));
            a.address = text;
            a.updatedAt = clock.instant();
            addresses.save(a);
        }
        audit.record(user.username(), user.orgCode(), "NOTIFY_EMAIL", "user:" + user.username(), AuditEvent.Outcome.SUCCESS,
                text.isEmpty() ? "-" : text);
    }

    public boolean officeMailOn(String orgCode) {
        return orgCode != null && offices.findById(orgCode).map(o -> o.enabled).orElse(false);
    }

    /** Turns e-mail notifications on or off for an office's users (administrators). */
    @Transactional
    public void setOfficeMail(String orgCode, boolean enabled, CountyFlowUser admin) {
        if (!admin.has(Role.ADMIN)) {
            audit.recordIndependently(admin.username(), admin.orgCode(), "NOTIFY_OFFICE_MAIL", "org:" + orgCode,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("notify.error.adminOnly"));
        }
        if (orgCode == null || organisations.find(orgCode).isEmpty()) {
            throw FieldErrorsException.of("office", Texts.get("notify.error.office", String.valueOf(orgCode)));
        }
        OfficeMail o = offices.findById(orgCode).orElseGet(() -> new OfficeMail(orgCode, enabled, admin.username(), clock.instant()));
        o.enabled = enabled;
        o.updatedBy = admin.username();
        o.updatedAt = clock.instant();
        offices.save(o);
        audit.record(admin.username(), admin.orgCode(), "NOTIFY_OFFICE_MAIL", "org:" + orgCode, AuditEvent.Outcome.SUCCESS,
                String.valueOf(enabled));
    }

    // ---------------------------------------------------------------- helpers

    private String writeParams(List<String> params) {
        try {
            return cut(json.writeValueAsString(params), 4000);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> readParams(String params) {
        try {
            return json.readValue(params, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
