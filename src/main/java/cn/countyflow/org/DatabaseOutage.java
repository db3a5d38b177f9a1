package cn.countyflow.org;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached or refuses us (server down, network gone, pool exhausted,
 * our account's access revoked): then the answer is 503 (the system is unavailable for now), at sign-in as on every page
 * and endpoint, never "wrong password" (401) nor an internal error (500).
 */
public final class DatabaseOutage {
    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08xxx: connection exceptions; 28000 / MySQL 1044, 1045, 1142: access denied to the database
                if (state != null && (state.startsWith("08") || state.equals("28000"))) return true;
                int code = sql.getErrorCode();
                if (code == 1044 || code == 1045 || code == 1142 || code == 1227) return true;
            }
        }
        return false;
    }
}
