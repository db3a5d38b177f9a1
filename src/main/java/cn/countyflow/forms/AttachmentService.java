package cn.countyflow.forms;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.workflow.WorkCalendar;

/** Stores uploads that {@link UploadPolicy} accepts; a refused upload stores nothing. */
@Service
public class AttachmentService {

    private final AttachmentRepository repository;
    private final UploadPolicy policy;
    private final Clock clock;

    AttachmentService(AttachmentRepository repository, UploadPolicy policy, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.policy = policy;
    }

    /** @throws UploadRejectedException when the policy refuses the file (nothing is stored) */
    @Transactional
    public AttachmentRef store(String filename, byte[] content, String username) {
        policy.check(filename, content);
        String name = UploadPolicy.baseName(filename);
        Attachment saved = repository.save(new Attachment(name, policy.contentType(name), content, sha256(content),
                username == null ? "unknown" : username, LocalDateTime.now(clock.withZone(WorkCalendar.ZONE))));
        return saved.toRef();
    }

    @Transactional(readOnly = true)
    public Optional<Attachment> find(long id) {
        return repository.findById(id);
    }

    /** Makes a stored file part of a case, so that it is read under the case's visibility. */
    @Transactional
    public void assignToCase(long attachmentId, long caseId) {
        repository.findById(attachmentId).ifPresent(a -> {
            a.setCaseId(caseId);
            repository.save(a);
        });
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
