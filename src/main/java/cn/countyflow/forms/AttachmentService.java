package cn.countyflow.forms;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.WorkCalendar;

/**
 * Stores uploads that {@link UploadPolicy} accepts: the content in the {@link FileStore}, the metadata (name, size,
 * type, hash, uploader, organisation, time) in the database. The content is kept before the row is written, so a row
 * never names content that is not there; when the store fails, a {@link FileStoreException} says so and no row is
 * written. A refused upload stores nothing. (Content kept whose row then fails to commit stays in the store unnamed by
 * any row, so nobody can read it; an identical later upload reuses it.)
 */
@Service
public class AttachmentService {

    private final AttachmentRepository repository;
    private final UploadPolicy policy;
    private final FileStore files;
    private final Clock clock;

    AttachmentService(AttachmentRepository repository, UploadPolicy policy, FileStore files, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.policy = policy;
        this.files = files;
    }

    /**
     * @throws UploadRejectedException when the policy refuses the file (nothing is stored)
     * @throws FileStoreException when the file store cannot keep it (nothing is stored)
     */
    @Transactional
    public AttachmentRef store(String filename, byte[] content, String username) {
        policy.check(filename, content);
        String name = UploadPolicy.baseName(filename);
        FileStore.Stored stored = files.put(new ByteArrayInputStream(content));
        Attachment saved = repository.saveAndFlush(new Attachment(name, policy.contentType(name), stored,
                username == null ? "unknown" : username, orgOf(username),
                LocalDateTime.now(clock.withZone(WorkCalendar.ZONE))));
        return saved.toRef();
    }

    @Transactional(readOnly = true)
    public Optional<Attachment> find(long id) {
        return repository.findById(id);
    }

    /**
     * The file's content, streamed from the file store (or, for a row from before the store, from the row); the caller
     * closes it. Callers check the reader's right first ({@link AttachmentAccess#read}).
     *
     * @throws FileStoreException when the store cannot give it back
     */
    public InputStream open(Attachment attachment) {
        byte[] legacy = attachment.legacyContent();
        return legacy != null ? new ByteArrayInputStream(legacy) : files.open(attachment.getSha256());
    }

    /** Makes a stored file part of a case, so that it is read under the case's visibility. */
    @Transactional
    public void assignToCase(long attachmentId, long caseId) {
        repository.findById(attachmentId).ifPresent(a -> {
            a.setCaseId(caseId);
            repository.save(a);
        });
    }

    /** The signed-in uploader's organisation (null for uploads made on no one's behalf, e.g. by the system). */
    private static String orgOf(String username) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CountyFlowUser user && user.username().equals(username)
                ? user.orgCode() : null;
    }
}
