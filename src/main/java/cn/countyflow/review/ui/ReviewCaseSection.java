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
        box.add(new H3("专家评审"));
        ApplicationScore score = review.aggregate();
        if (score != null) {
            Paragraph p = new Paragraph("汇总得分 " + score.score() + "（" + score.expertCount() + " 名专家"
                    + (score.trimmed() ? "，去掉一个最高分和一个最低分" : "") + "；极差 " + score.spread() + " 分"
                    + (score.spreadFlagged() ? "，超过阈值，请关注" : "") + "）");
            p.setId("review-aggregate");
            if (score.spreadFlagged()) p.getElement().getThemeList().add("badge error");
            box.add(p);
        }
        box.add(new H4("抽取记录"));
        Grid<PanelService.DrawRecord> draws = new Grid<>();
        draws.setId("review-draws");
        draws.addColumn(d -> "INITIAL".equals(d.kind()) ? "初次抽取" : "替补（席位 " + d.seat() + "）").setHeader("类型");
        if (user.has(cn.countyflow.org.Role.ADMIN)) draws.addColumn(PanelService.DrawRecord::seed).setHeader("随机种子");
        draws.addColumn(d -> d.success() ? "成功" : "不足").setHeader("结果");
        draws.addColumn(PanelService.DrawRecord::message).setHeader("说明").setFlexGrow(3);
        draws.addColumn(d -> d.exclusions().stream().map(x -> x.name() + "：" + x.reason())
                .collect(Collectors.joining("；"))).setHeader("排除").setFlexGrow(3);
        draws.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        draws.setItems(review.draws());
        draws.setAllRowsVisible(true);
        box.add(draws);
        box.add(new H4("专家评分"));
        Grid<ReviewService.SheetView> sheets = new Grid<>();
        sheets.setId("review-sheets");
        sheets.addColumn(ReviewService.SheetView::seat).setHeader("席位");
        sheets.addColumn(s -> s.expertName() + "（" + s.employer() + "）").setHeader("专家");
        sheets.addColumn(ReviewService.SheetView::total).setHeader("总分");
        sheets.addColumn(ReviewService.SheetView::comment).setHeader("评审意见").setFlexGrow(3);
        sheets.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        sheets.setItems(review.sheets());
        sheets.setAllRowsVisible(true);
        box.add(sheets);
        box.add(new Div(new Paragraph("席位：" + review.assignments().stream()
                .map(a -> a.seat() + " " + a.expertName() + " " + box.getTranslation("review.assignment." + a.status())).collect(Collectors.joining("；")))));
        return Optional.of(box);
    }
}
