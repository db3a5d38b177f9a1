package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 13, point 4: file contents move out of the row into the file store (cn.countyflow.forms.FileStore). New rows
 * hold no content, so the column {@code content} becomes nullable; rows written before keep theirs and are read from
 * it (AttachmentService#open), so nothing is copied here. The uploader's organisation joins the metadata, and the hash
 * gets an index. Java, because H2 and MySQL/MariaDB spell "make a column nullable" differently.
 */
public class V110__attachment_file_store extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        boolean mysql = product.contains("mysql") || product.contains("mariadb");
        try (Statement s = connection.createStatement()) {
            s.execute(mysql ? "ALTER TABLE attachment MODIFY content LONGBLOB NULL"
                    : "ALTER TABLE attachment ALTER COLUMN content SET NULL");
            s.execute("ALTER TABLE attachment ADD COLUMN org_code VARCHAR(64)");
            s.execute("CREATE INDEX idx_attachment_sha256 ON attachment (sha256)");
        }
    }
}
