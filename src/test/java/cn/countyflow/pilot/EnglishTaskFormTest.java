package cn.countyflow.pilot;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

import cn.countyflow.KaribuSpring;
import cn.countyflow.forms.RenderedForm;
import cn.countyflow.forms.ShownTexts;

/**
 * A task form on the task page for a reader who chose English (issue 11 point 16): the county leader's sign-off, its
 * options, help and field errors in English, and the 申报书 beside it with English labels; the same page in Chinese
 * keeps the form file's Chinese.
 */
@cn.countyflow.SpringTest
class EnglishTaskFormTest extends PilotTestSupport {
    private static final Pattern CJK = Pattern.compile("[\\x{4e00}-\\x{9fff}]");

    @Autowired ApplicationContext ctx;

    /** Signs in with the language chosen, as LocaleSetup sets it for the UI and for the services' texts. */
    private void signIn(String username, Locale locale) {
        KaribuSpring.signIn(ctx, user(username));
        UI.getCurrent().setLocale(locale);
        LocaleContextHolder.setLocale(locale);
    }

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
        KaribuSpring.tearDown();
    }

    private String leaderTask() {
        long caseId = xinleSubmitted();
        return task(caseId).taskId();
    }

    /** Opens the task page and the application beside it (rendered when opened). */
    private void openSignOff(String taskId) {
        UI.getCurrent().navigate("tasks/" + taskId);
        _find(Button.class, s -> s.withId("task-claim")).forEach(b -> _click(b));
        _get(Details.class, s -> s.withId("review-application-details")).setOpened(true);
    }

    @Test
    void theLeadersSignOffReadsInEnglishWithTheApplicationBesideIt() {
        String taskId = leaderTask();
        signIn("xinle_leader", Locale.ENGLISH);
        openSignOff(taskId);

        RadioButtonGroup<?> decision = _get(RadioButtonGroup.class, s -> s.withId("field-decision"));
        assertThat(decision.getLabel()).isEqualTo("Sign-off decision");
        assertThat(ShownTexts.options(decision)).containsExactly("Approve and send", "Return to the drafter for revision");
        TextArea comment = _get(TextArea.class, s -> s.withId("field-comment"));
        assertThat(comment.getLabel()).isEqualTo("Review comments");
        assertThat(comment.getHelperText()).isEqualTo("Give the reason when returning to the drafter.");
        assertThat(_find(Markdown.class)).extracting(Markdown::getContent)
                .anyMatch(text -> text.startsWith("### County government review and sign-off"));

        // the 申报书 beside the task, read-only, is labelled in English too
        RenderedForm application = _get(RenderedForm.class, s -> s.withId("review-application-form"));
        assertThat(ShownTexts.of(application)).contains("Contact person", "I. Overview", "Sales revenue (10,000 yuan)",
                "Scan of the sealed application");

        // submitted without a decision: the field and the summary say so in English
        _click(_get(Button.class, s -> s.withId("task-submit")));
        assertThat(decision.isInvalid()).isTrue();
        assertThat(decision.getErrorMessage()).isEqualTo("This field is required");
        assertThat(_get(Button.class, s -> s.withId("error-link-decision")).getText())
                .isEqualTo("Sign-off decision: This field is required");

        // no Chinese in what either form shows (the values typed into the 申报书 are data and are not counted)
        List<String> chinese = new ArrayList<>();
        for (RenderedForm form : _find(RenderedForm.class)) {
            ShownTexts.of(form).stream().filter(t -> CJK.matcher(t).find()).forEach(chinese::add);
        }
        assertThat(_find(RenderedForm.class)).hasSize(2);
        assertThat(chinese).isEmpty();
    }

    @Test
    void theSamePageInChineseShowsTheFormFilesChinese() {
        String taskId = leaderTask();
        signIn("xinle_leader", Locale.SIMPLIFIED_CHINESE);
        openSignOff(taskId);

        RadioButtonGroup<?> decision = _get(RadioButtonGroup.class, s -> s.withId("field-decision"));
        assertThat(decision.getLabel()).isEqualTo("签发意见");
        assertThat(ShownTexts.options(decision)).containsExactly("同意报送", "退回经办人修改");
        assertThat(_get(TextArea.class, s -> s.withId("field-comment")).getLabel()).isEqualTo("审核意见");
        assertThat(ShownTexts.of(_get(RenderedForm.class, s -> s.withId("review-application-form"))))
                .contains("联系人", "一、总体情况");

        _click(_get(Button.class, s -> s.withId("task-submit")));
        assertThat(_get(Button.class, s -> s.withId("error-link-decision")).getText()).isEqualTo("签发意见：请填写此项");
    }
}
