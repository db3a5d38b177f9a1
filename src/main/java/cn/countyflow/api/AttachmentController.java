package cn.countyflow.api;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.forms.AttachmentService;
import cn.countyflow.forms.UploadRejectedException;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.workflow.FieldErrorsException;

/**
 * Uploading a file for the API's clients, as the forms' file pickers do in the UI: the same upload policy (type by
 * content, size); the answer is the value a filepicker field or a document reference takes ({@code id, name, size,
 * contentType}).
 */
@RestController
@RequestMapping("/api/attachments")
@Tag(name = "附件 Attachments", description = "上传附件，得到可填入表单附件字段或文书编号的引用")
class AttachmentController {
    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = "multipart/form-data")
    @Operation(summary = "上传附件（PDF、图片、Office 文档，按内容检查，不超过上传上限）；被拒绝时返回 400")
    ResponseEntity<Map<String, Object>> upload(@RequestParam("file") MultipartFile file) throws IOException {
        try {
            return ResponseEntity.status(201).body(attachments.store(file.getOriginalFilename(), file.getBytes(),
                    CurrentUser.get().username()).toMap());
        } catch (UploadRejectedException e) {
            throw FieldErrorsException.of("file", e.getMessage());
        }
    }
}
