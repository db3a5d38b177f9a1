package db.migration;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the provinces, cities and counties of Hebei and Hubei (GB/T 2260) from the CSV shipped in
 * {@code org/admin-divisions-hebei-hubei.csv}. Province-direct counties (DOMAIN.md) report straight
 * to the province: 辛集市, 定州市 and the counties under 湖北 429000.
 */
public class V2__LoadAdminDivisions extends BaseJavaMigration {

    static final Set<String> PROVINCE_DIRECT = Set.of("130181", "130682");
    static final String PROVINCE_DIRECT_GROUPING = "429000";

    @Override
    public void migrate(Context context) throws Exception {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (var in = getClass().getClassLoader().getResourceAsStream("org/admin-divisions-hebei-hubei.csv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header: code,name,level,parent_code
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                rows.put(f[0].trim(), new String[] {f[1].trim(), f[2].trim(), f[3].trim()});
            }
        }
        Map<String, String> provinceOf = new HashMap<>();
        for (var e : rows.entrySet()) {
            provinceOf.put(e.getKey(), e.getKey().substring(0, 2) + "0000");
        }
        try (PreparedStatement ps = context.getConnection().prepareStatement(
                "INSERT INTO organisation (code, name, level, parent_code, province_code, province_direct) VALUES (?,?,?,?,?,?)")) {
            for (var e : rows.entrySet()) {
                String code = e.getKey();
                String[] v = e.getValue();
                boolean direct = "COUNTY".equals(v[1])
                        && (PROVINCE_DIRECT.contains(code) || PROVINCE_DIRECT_GROUPING.equals(v[2]));
                ps.setString(1, code);
                ps.setString(2, v[0]);
                ps.setString(3, v[1]);
                ps.setString(4, v[2].isEmpty() ? null : v[2]);
                ps.setString(5, provinceOf.get(code));
                ps.setBoolean(6, direct);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
