package cn.countyflow.pilot;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import cn.countyflow.KaribuSpring;
import cn.countyflow.pilot.ui.BatchesView;
import cn.countyflow.review.ui.ExpertPoolView;

/**
 * English is whole (issue 11): a user who chose English reads no Chinese on the pilot pages, counts are in the right
 * number ("1 pilot expected", "3 pilots expected"), and a service's refusal comes in English too. What users typed
 * (batch names, people's names) is data and stays as typed.
 */
@cn.countyflow.SpringTest
class EnglishPagesTest extends PilotTestSupport {
    private static final Pattern CJK = Pattern.compile("[\\x{4e00}-\\x{9fff}]");

    @Autowired ApplicationContext ctx;

    /** Signs in with English chosen, as LocaleSetup does for the UI and for the services' texts of each request. */
    private void signInInEnglish(String username) {
        KaribuSpring.signIn(ctx, user(username));
        UI.getCurrent().setLocale(Locale.ENGLISH);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
        KaribuSpring.tearDown();
    }

    private PilotBatch englishBatch(String name, int expected) {
        return batches.open(new PilotBatchService.BatchForm(name, LocalDate.now().getYear(), null,
                LocalDate.now(PilotBatchService.ZONE).plusDays(30), expected, 5), user("hebei_officer"));
    }

    /** The page's text without the batch names (data that other tests typed in Chinese). */
    private String pageWithoutBatchNames(String text) {
        for (PilotBatch b : batches.batchesFor(user("hebei_officer"))) text = text.replace(b.getName(), "");
        return text;
    }

    @Test
    void theCountysBatchesPageInEnglishHasNoChineseAndCountsInTheRightNumber() {
        PilotBatch one = englishBatch("English batch one pilot " + System.nanoTime(), 1);
        PilotBatch three = englishBatch("English batch three pilots " + System.nanoTime(), 3);
        signInInEnglish("xinle_drafter");
        UI.getCurrent().navigate(BatchesView.class);

        String oneCard = _get(Div.class, s -> s.withId("batch-" + one.getId())).getElement().getTextRecursively();
        String threeCard = _get(Div.class, s -> s.withId("batch-" + three.getId())).getElement().getTextRecursively();
        assertThat(oneCard).contains("1 pilot expected").doesNotContain("pilots");
        assertThat(threeCard).contains("3 pilots expected");
        assertThat(oneCard + threeCard).doesNotContainPattern(CJK);
        assertThat(_get(Button.class, s -> s.withId("start-application-" + one.getId())).getText()).isEqualTo("Start application");

        String page = pageWithoutBatchNames(_get(BatchesView.class).getElement().getTextRecursively());
        assertThat(page).contains("Pilot-county application batches").doesNotContainPattern(CJK);
    }

    @Test
    void theProvincesBatchesPageInEnglishHasNoChineseAndRefusesInEnglish() {
        PilotBatch mine = englishBatch("English batch grid " + System.nanoTime(), 2);
        signInInEnglish("hebei_officer");
        UI.getCurrent().navigate(BatchesView.class);

        @SuppressWarnings("unchecked")
        Grid<PilotBatch> grid = _get(Grid.class, s -> s.withId("batches"));
        List<String> headers = new ArrayList<>();
        grid.getColumns().forEach(c -> headers.add(c.getHeaderText() == null ? "" : c.getHeaderText()));
        assertThat(String.join(" | ", headers)).contains("Expected number of pilots").doesNotContainPattern(CJK);
        int row = -1;
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).getId().equals(mine.getId())) row = i;
        }
        assertThat(row).isNotNegative();
        String cells = String.join(" | ", GridKt._getFormattedRow(grid, row)).replace(mine.getName(), "");
        assertThat(cells).contains("Open").contains("Half-yearly").doesNotContainPattern(CJK);

        // a blank batch: the service's field errors, in English
        _click(_get(Button.class, s -> s.withId("batch-new")));
        _setValue(_get(IntegerField.class, s -> s.withId("batch-panel-size")), 2);
        _click(_get(Button.class, s -> s.withId("batch-save")));
        assertThat(_get(TextField.class, s -> s.withId("batch-name")).getErrorMessage()).isEqualTo("Enter the batch name");
        assertThat(_get(IntegerField.class, s -> s.withId("batch-panel-size")).getErrorMessage())
                .isEqualTo("The expert panel must have between 3 and 15 experts");
    }

    @Test
    void theExpertPoolInEnglishHasEnglishHeadingsAndButtons() {
        signInInEnglish("hebei_officer");
        UI.getCurrent().navigate(ExpertPoolView.class);
        assertThat(_get(Button.class, s -> s.withId("expert-add")).getText()).isEqualTo("Add an expert");
        @SuppressWarnings("unchecked")
        Grid<?> grid = _get(Grid.class, s -> s.withId("expert-grid"));
        List<String> headers = new ArrayList<>();
        grid.getColumns().forEach(c -> headers.add(c.getHeaderText() == null ? "" : c.getHeaderText()));
        assertThat(headers).contains("Name", "Employer", "Status").allSatisfy(h -> assertThat(h).doesNotContainPattern(CJK));
        if (GridKt._size(grid) > 0) {
            List<String> cells = GridKt._getFormattedRow(grid, 0);
            assertThat(cells.get(4)).isIn("Active", "Inactive");
        }
    }

    @Test
    void theCasePageInEnglishNamesTheStageAndTheOpenTaskInEnglish() {
        PilotBatch batch = englishBatch("English batch case page " + System.nanoTime(), 2);
        var started = applications.start(batch.getId(), user("xinle_drafter"));
        signInInEnglish("xinle_drafter");
        UI.getCurrent().navigate("cases/" + started.caseId());
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("case-stage")).getText())
                .isEqualTo("Draft the application form");
        @SuppressWarnings("unchecked")
        Grid<Object> open = _get(Grid.class, s -> s.withId("case-open-tasks"));
        assertThat(GridKt._getFormattedRow(open, 0).get(0)).isEqualTo("Draft the application form");
        assertThat(cases.details(started.caseId(), user("admin")).currentStage()).isEqualTo("编制申报书");
    }

    @Test
    void chineseStaysTheDefault() {
        PilotBatch one = englishBatch("Default language batch " + System.nanoTime(), 1);
        KaribuSpring.signIn(ctx, user("xinle_drafter"));
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate(BatchesView.class);
        assertThat(_get(Div.class, s -> s.withId("batch-" + one.getId())).getElement().getTextRecursively())
                .contains("拟选试点 1 个");
    }
}
