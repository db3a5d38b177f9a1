package cn.countyflow.ui;

import com.vaadin.flow.component.html.Anchor;

/** A link whose text may be cut in a narrow column: it carries the whole text as its tooltip (issue 11 point 14). */
public final class TitledLink {
    private TitledLink() {
    }

    public static Anchor of(String href, String text) {
        Anchor a = new Anchor(href, text == null ? "" : text);
        if (text != null) a.getElement().setAttribute("title", text);
        return a;
    }
}
