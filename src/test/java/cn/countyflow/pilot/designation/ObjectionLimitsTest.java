package cn.countyflow.pilot.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.workflow.FieldErrorsException;

/**
 * Issue 13, point 6: an objection's 10 characters are 10 visible ones (zero-width spaces, U+3000, NBSP, bidi and
 * combining marks and emoji do not count), and a person has at most one unanswered objection per entry and 5 a day.
 */
class ObjectionLimitsTest extends DesignationTestSupport {
    static final String TEXT = "该县申报材料中的规上企业数量与统计公报不一致，请核实。";

    /** An objector of its own (a Hebei county user), so that no other test's objections count. */
    CountyFlowUser objector() {
        String name = "objector_" + UUID.randomUUID().toString().substring(0, 8);
        return users.create(name, "异议测试 " + name, "Demo1234!x", "130184", EnumSet.of(Role.COUNTY_DRAFTER)).withoutPassword();
    }

    /** Entries of a list in publicity. */
    List<BatchListEntry> inPublicity(int entries) {
        PilotBatch batch = openBatch(entries);
        String[] scores = new String[entries];
        for (int i = 0; i < entries; i++) scores[i] = (90 - i) + ".00";
        scoredBatch(batch, scores);
        BatchList list = ranking.propose(batch.getId(), defaultProposal(batch.getId()), user("hebei_officer"));
        setToday(LocalDate.now(PilotBatchService.ZONE));
        decide(list.getCaseId(), "hebei_approver", Map.of("decision", "APPROVE"));
        return designation.entries(list.getId()).stream().filter(BatchListEntry::isIncluded).toList();
    }

    @Test
    void invisibleCharactersAndEmojiDoNotMakeUpTheMinimum() {
        long entry = inPublicity(1).get(0).getId();
        CountyFlowUser someone = objector();
        for (String empty : List.of("\u200b".repeat(12), "\u3000".repeat(12), "\u00a0".repeat(12), "\u202e\u2066".repeat(6),
                "a" + "\u0301".repeat(11), "😀".repeat(10), "\ufeff\u200d".repeat(6) + "异议")) {
            assertThatThrownBy(() -> objections.file(entry, empty, someone)).as(empty)
                    .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("text"));
        }
        Objection filed = objections.file(entry, "\u200b" + TEXT + "\u3000", someone);
        assertThat(filed.getText()).isEqualTo(TEXT);
    }

    @Test
    void oneUnansweredObjectionPerEntryAndFiveADay() {
        List<BatchListEntry> entries = inPublicity(6);
        CountyFlowUser someone = objector();
        objections.file(entries.get(0).getId(), TEXT, someone);
        assertThatThrownBy(() -> objections.file(entries.get(0).getId(), TEXT + "补充", someone))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.getErrors().get("text")).contains("尚未答复"));
        for (int i = 1; i < 5; i++) objections.file(entries.get(i).getId(), TEXT, someone);
        assertThatThrownBy(() -> objections.file(entries.get(5).getId(), TEXT, someone))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors().get("text")).contains("5"));
        // another person is not limited by the first one's objections
        objections.file(entries.get(0).getId(), TEXT, objector());
    }
}
