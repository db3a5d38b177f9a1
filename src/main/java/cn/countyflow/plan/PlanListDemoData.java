package cn.countyflow.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.org.OrganisationService;
import cn.countyflow.workflow.WorkCalendar;

/**
 * A few entries of Hebei's key-industry list and Hubei's cluster list ({@code plan/demo-key-list.csv}), with the
 * history of how they were added, recognised or removed, so that the list pages show something. Loaded once, when
 * the lists are empty and {@code countyflow.demo-data=true}.
 */
@Component
@ConditionalOnProperty(name = "countyflow.demo-data", havingValue = "true")
@Order(3)
class PlanListDemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(PlanListDemoData.class);
    static final String FILE = "plan/demo-key-list.csv";

    private final KeyEntryRepository entries;
    private final KeyChangeRepository changes;
    private final PlanVariantService variants;
    private final OrganisationService organisations;

    PlanListDemoData(KeyEntryRepository entries, KeyChangeRepository changes, PlanVariantService variants,
                     OrganisationService organisations) {
        this.entries = entries;
        this.changes = changes;
        this.variants = variants;
        this.organisations = organisations;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (entries.count() > 0) return;
        int loaded = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(FILE).getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                load(line.split(",", -1));
                loaded++;
            }
        }
        log.info("Demo list entries loaded ({})", loaded);
    }

    private void load(String[] f) {
        VariantRecords.KeyEntry e = new VariantRecords.KeyEntry();
        e.provinceCode = f[0];
        e.countyCode = f[1];
        e.cityCode = organisations.get(f[1]).getReviewingCityCode();
        e.industry = f[2];
        e.clusterName = f[3].isBlank() ? null : f[3];
        e.revenue = f[4].isBlank() ? null : new BigDecimal(f[4]);
        PlanVariantService.Tier tier = variants.tier(e.provinceCode, e.revenue);
        e.tier = tier == null ? null : tier.code();
        e.status = f[5];
        e.addedYear = Integer.parseInt(f[6]);
        e.addedBy = f[8];
        e.addedAt = startOf(e.addedYear);
        Integer second = f[7].isBlank() ? null : Integer.valueOf(f[7]);
        if (ClusterListService.RECOGNISED.equals(e.status)) e.recognisedYear = second;
        if (ClusterListService.REMOVED.equals(e.status)) {
            e.removedYear = second;
            e.removedBy = f[8];
            e.removedAt = startOf(second).plusSeconds(3600);
        }
        entries.save(e);
        change(e, "ADD", e.addedYear, f[9]);
        if (second != null) change(e, ClusterListService.REMOVED.equals(e.status) ? "REMOVE" : "RECOGNISE", second, f[10]);
    }

    private void change(VariantRecords.KeyEntry e, String action, int year, String reason) {
        VariantRecords.KeyChange c = new VariantRecords.KeyChange();
        c.entryId = e.id;
        c.provinceCode = e.provinceCode;
        c.action = action;
        c.year = year;
        c.reason = reason;
        c.changedBy = e.addedBy;
        c.changedAt = "ADD".equals(action) ? e.addedAt : startOf(year).plusSeconds(3600);
        changes.save(c);
    }

    private static java.time.Instant startOf(int year) {
        return LocalDate.of(year, 3, 1).atStartOfDay(WorkCalendar.ZONE).toInstant();
    }
}
