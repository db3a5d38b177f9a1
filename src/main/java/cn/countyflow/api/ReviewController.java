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
@Tag(name = "api.review.tag.name", description = "api.review.tag.description")
class ReviewController {
    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/cases/{caseId}/scores")
    @Operation(summary = "api.review.scores")
    ReviewService.CaseReview scores(@PathVariable long caseId) {
        return reviews.review(caseId, CurrentUser.get());
    }

    @GetMapping("/cases/{caseId}/draws")
    @Operation(summary = "api.review.draws")
    List<PanelService.DrawRecord> draws(@PathVariable long caseId) {
        return reviews.review(caseId, CurrentUser.get()).draws();
    }
}
