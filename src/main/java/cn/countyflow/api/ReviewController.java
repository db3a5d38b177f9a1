package cn.countyflow.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.countyflow.review.PanelService;
import cn.countyflow.review.ReviewService;
import cn.countyflow.org.CurrentUser;

@RestController
@RequestMapping("/api/review")
@Tag(name = "专家评审 Expert review", description = "抽取记录、专家评分和汇总得分（仅省级经办人和审定人）")
class ReviewController {
    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/cases/{caseId}/scores")
    @Operation(summary = "案件的全部专家评分、席位和汇总得分；其他人（含专家和申报县）403")
    ReviewService.CaseReview scores(@PathVariable long caseId) {
        return reviews.review(caseId, CurrentUser.get());
    }

    @GetMapping("/cases/{caseId}/draws")
    @Operation(summary = "案件的每次抽取：随机种子、抽中专家、每位被排除专家及原因")
    List<PanelService.DrawRecord> draws(@PathVariable long caseId) {
        return reviews.review(caseId, CurrentUser.get()).draws();
    }
}
