package cn.countyflow.api;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.forms.Attachment;
import cn.countyflow.forms.AttachmentAccess;
import cn.countyflow.forms.AttachmentRef;
import cn.countyflow.forms.AttachmentService;
import cn.countyflow.forms.UploadRejectedException;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.Texts;

/**
 * Attachments for API clients, as the UI has them: upload a file (the same checks as the form's upload) and cite the
 * returned reference in a task's form data (e.g. the sealed scan); read a file back under the case's scope, audited.
 */
@RestController
@RequestMapping("/api/attachments")
@Tag(name = "api.attachment.tag.name", description = "api.attachment.tag.description")
class AttachmentController {
    private final AttachmentService attachments;
    private final AttachmentAccess access;

    AttachmentController(AttachmentService attachments, AttachmentAccess access) {
        this.attachments = attachments;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "api.attachment.upload")
    ResponseEntity<AttachmentRef> upload(@RequestParam(name = "file", required = false) MultipartFile file) throws java.io.IOException {
        if (file == null || file.isEmpty()) throw FieldErrorsException.of("file", Texts.get("usability.attachment.fileRequired"));
        try {
            AttachmentRef ref = attachments.store(file.getOriginalFilename(), file.getBytes(), CurrentUser.get().username());
            return ResponseEntity.status(HttpStatus.CREATED).body(ref);
        } catch (UploadRejectedException e) {
            throw FieldErrorsException.of("file", e.getMessage());
        }
    }

    /** Streamed from the file store, not read into memory first; the scope check and the audit come before. */
    @GetMapping("/{id}")
    @Operation(summary = "api.attachment.download")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) {
        Attachment a = access.read(id, CurrentUser.get());
        InputStreamResource content = new InputStreamResource(attachments.open(a));
        boolean showInline = inline && AttachmentAccess.previewable(a.getContentType());
        ContentDisposition disposition = (showInline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(a.getFileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(a.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(a.getContentType()))
                .contentLength(a.getSizeBytes())
                .body(content);
    }
}
