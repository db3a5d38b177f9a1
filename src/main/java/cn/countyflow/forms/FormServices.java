package cn.countyflow.forms;

import java.util.function.Supplier;

/**
 * What a {@link RenderedForm} needs from the application. {@code attachments} may be null for forms without
 * filepicker fields (and in read-only forms); {@code currentUser} is asked at upload time.
 */
public record FormServices(FormFeel feel, UploadPolicy uploadPolicy, AttachmentService attachments,
                           Supplier<String> currentUser) {
}
