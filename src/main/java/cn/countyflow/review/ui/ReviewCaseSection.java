package cn.countyflow.review.ui;

import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.countyflow.inbox.CaseSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.review.ApplicationScore;
import cn.countyflow.review.PanelService;
import cn.countyflow.review.ReviewService;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFileService;

/**
 * The case page's expert-review section, for any case that has review rows (whichever programme's case it is), for
 * the province's officers and approvers only: every draw with its seed and exclusions, the seats' experts, every
 * submitted score sheet and the aggregate.
 */
@Component
@Order(20)
class ReviewCaseSection implements CaseSection {
    private final ReviewService reviews;
    private final CaseFileService cases;

    ReviewCaseSection(ReviewService reviews, CaseFileService cases) {
        this.reviews = reviews;
        this.cases = cases;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
        if (!reviews.maySeeScores(user, cases.get(c.id(), user))) return Optional.empty();
        ReviewService.CaseReview review = reviews.review(c.id(), user);
        if (review.draws().isEmpty()) return Optional.empty();
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("review-section");
        box.add(new H3(box.getTranslation("review.section.title")));
        ApplicationScore score = review.aggregate();
        if (score != null) {
            Paragraph p = new Paragraph(box.getTranslation("review.section.aggregate", score.score().toPlainString(),
                    score.expertCount(), score.trimmed() ? box.getTranslation("review.section.trimmed") : "",
                    score.spread().toPlainString(), score.spreadFlagged() ? box.getTranslation("review.section.flagged") : ""));
            p.setId("review-aggregate");
            if (score.spreadFlagged()) p.getElement().getThemeList().add("badge error");
            box.add(p);
        }
        box.add(new H4(box.getTranslation("review.section.draws")));
        Grid<PanelService.DrawRecord> draws = new Grid<>();
        draws.setId("review-draws");
        draws.addColumn(d -> "INITIAL".equals(d.kind()) ? box.getTranslation("review.draw.initial")
                : box.getTranslation("review.draw.replacement", d.seat())).setHeader(box.getTranslation("review.draw.kind"));
        // the draw seed is for admins only (issue 11 point 14)
        if (user.has(cn.countyflow.org.Role.ADMIN)) draws.addColumn(PanelService.DrawRecord::seed).setHeader(box.getTranslation("review.draw.seed"));
        draws.addColumn(d -> box.getTranslation(d.success() ? "review.draw.success" : "review.draw.short"))
                .setHeader(box.getTranslation("review.draw.result"));
        draws.addColumn(PanelService.DrawRecord::message).setHeader(box.getTranslation("review.draw.message")).setFlexGrow(3);
        draws.addColumn(d -> d.exclusions().stream().map(x -> box.getTranslation("review.draw.exclusion", x.name(), PanelService.reasonKey(x.reason()) == null ? x.reason()
                        : box.getTranslation(PanelService.reasonKey(x.reason()))))
                .collect(Collectors.joining(box.getTranslation("review.list.separator")))).setHeader(box.getTranslation("review.draw.exclusions")).setFlexGrow(3);
        draws.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        draws.setItems(review.draws());
        draws.setAllRowsVisible(true);
        box.add(draws);
        box.add(new H4(box.getTranslation("review.section.sheets")));
        Grid<ReviewService.SheetView> sheets = new Grid<>();
        sheets.setId("review-sheets");
        sheets.addColumn(ReviewService.SheetView::seat).setHeader(box.getTranslation("review.sheet.seat"));
        sheets.addColumn(s -> box.getTranslation("review.sheet.expertOf", s.expertName(), s.employer()))
                .setHeader(box.getTranslation("review.sheet.expert"));
        sheets.addColumn(ReviewService.SheetView::total).setHeader(box.getTranslation("review.sheet.total"));
        sheets.addColumn(ReviewService.SheetView::comment).setHeader(box.getTranslation("review.sheet.comment")).setFlexGrow(3);
        sheets.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        sheets.setItems(review.sheets());
        sheets.setAllRowsVisible(true);
        box.add(sheets);
        box.add(new Div(new Paragraph(box.getTranslation("review.section.seats", review.assignments().stream()
                .map(a -> a.seat() + " " + a.expertName() + " " + box.getTranslation("review.assignment." + a.status()))
                .collect(Collectors.joining(box.getTranslation("review.list.separator")))))));
        return Optional.of(box);
    }
}
