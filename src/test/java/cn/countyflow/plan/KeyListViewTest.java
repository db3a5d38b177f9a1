package cn.countyflow.plan;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.plan.ui.KeyListView;

/** The list page without a browser: Hubei's officer adds and removes a cluster with reasons; a county only reads its own. */
@cn.countyflow.SpringTest
class KeyListViewTest extends PlanTestSupport {
    @Autowired ApplicationContext ctx;
    @Autowired OrganisationService organisations;
    @Autowired ClusterListService lists;

    @AfterEach
    void tearDown() {
        cn.countyflow.KaribuSpring.tearDown();
    }

    @SuppressWarnings("unchecked")
    private static List<ClusterListService.Entry> rows() {
        Grid<ClusterListService.Entry> grid = _get(Grid.class, s -> s.withId("list-entries"));
        List<ClusterListService.Entry> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) rows.add(GridKt._get(grid, i));
        return rows;
    }

    /** The button of an entry's row (the grid's actions column), or none. */
    @SuppressWarnings("unchecked")
    private static java.util.Optional<Button> action(long entryId, String id) {
        Grid<ClusterListService.Entry> grid = _get(Grid.class, s -> s.withId("list-entries"));
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).id() != entryId) continue;
            return GridKt._getCellComponent(grid, i, "actions").getChildren()
                    .filter(c -> c.getId().orElse("").equals(id)).map(Button.class::cast).findFirst();
        }
        return java.util.Optional.empty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void hubeisOfficerAddsAndRemovesAClusterWithReasons() {
        cn.countyflow.KaribuSpring.signIn(ctx, user("hubei_officer"));
        UI.getCurrent().navigate(KeyListView.class);
        assertThat(_get(Paragraph.class, s -> s.withId("list-variant")).getText())
                .contains("省发展和改革委员会").contains("省级县域重点产业集群").contains("3").contains("超1000亿");
        _click(_get(Button.class, s -> s.withId("list-add")));
        _click(_get(Button.class, s -> s.withId("list-save")));
        TextArea reason = _get(TextArea.class, s -> s.withId("list-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("请填写理由");
        ComboBox<Organisation> county = _get(ComboBox.class, s -> s.withId("list-county"));
        _setValue(county, organisations.get("420682"));
        _setValue(_get(TextField.class, s -> s.withId("list-industry")), "再生资源（界面）");
        _setValue(_get(BigDecimalField.class, s -> s.withId("list-revenue")), new BigDecimal("520"));
        _setValue(reason, "纳入培育（界面）");
        _click(_get(Button.class, s -> s.withId("list-save")));
        ClusterListService.Entry added = rows().stream().filter(e -> e.industry().equals("再生资源（界面）")).findFirst().orElseThrow();
        assertThat(added.status()).isEqualTo(ClusterListService.CANDIDATE);
        assertThat(added.tierLabel()).isEqualTo("超500亿");
        assertThat(rows()).extracting(ClusterListService.Entry::provinceCode).containsOnly("420000");

        _click(action(added.id(), "list-remove-" + added.id()).orElseThrow());
        _click(_get(Button.class, s -> s.withId("list-change-save")));
        TextArea why = _get(TextArea.class, s -> s.withId("list-change-reason"));
        assertThat(why.getErrorMessage()).isEqualTo("请填写理由");
        _setValue(why, "滚动调整（界面）");
        _click(_get(Button.class, s -> s.withId("list-change-save")));
        assertThat(rows()).filteredOn(e -> e.id() == added.id()).extracting(ClusterListService.Entry::status)
                .containsExactly(ClusterListService.REMOVED);
        assertThat(action(added.id(), "list-remove-" + added.id())).isEmpty();
        _click(action(added.id(), "list-history-" + added.id()).orElseThrow());
        Grid<ClusterListService.Change> history = _get(Grid.class, s -> s.withId("list-history"));
        assertThat(GridKt._size(history)).isEqualTo(2);
        assertThat(GridKt._get(history, 1).reason()).isEqualTo("滚动调整（界面）");
    }

    @Test
    void aCountyReadsOnlyItsOwnEntries() {
        cn.countyflow.KaribuSpring.signIn(ctx, user("zaoyang_drafter"));
        UI.getCurrent().navigate(KeyListView.class);
        assertThat(_find(Button.class, s -> s.withId("list-add"))).isEmpty();
        assertThat(rows()).isNotEmpty().extracting(ClusterListService.Entry::countyCode).containsOnly("420683");
        for (ClusterListService.Entry e : rows()) {
            assertThat(action(e.id(), "list-remove-" + e.id())).isEmpty();
            assertThat(action(e.id(), "list-history-" + e.id())).isPresent();
        }
    }
}
