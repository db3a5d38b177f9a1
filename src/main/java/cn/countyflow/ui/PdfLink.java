package cn.countyflow.ui;

import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.StreamResource;

import cn.countyflow.forms.Pdf;

/**
 * The 打印/下载PDF link of a case, plan or list page (issue 11 point 18). The PDF is made when the link is followed,
 * through the same service as {@code /api} (scope-checked and audited there), so what the page shows and what prints
 * are one check.
 */
public final class PdfLink {
    private PdfLink() {
    }

    /**
     * @param fileName the name the browser saves it under
     * @param print    makes the PDF for the signed-in user (called on download)
     */
    public static Anchor of(String id, String fileName, Supplier<Pdf> print) {
        StreamResource resource = new StreamResource(fileName, () -> new ByteArrayInputStream(print.get().content()));
        resource.setContentType("application/pdf");
        Anchor link = new Anchor(resource, "");
        link.add(VaadinIcon.PRINT.create(), new Span(" " + link.getTranslation("print.button")));
        link.getElement().setAttribute("download", true);
        link.getElement().setAttribute("title", link.getTranslation("print.button"));
        link.setId(id);
        return link;
    }
}
