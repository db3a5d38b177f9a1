package cn.countyflow.org;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * An account as this request read it first: the lock check before the password, the loading of the user, the reset
 * of the failure counter after it and the password gate all read the same row, and each was a transaction of its own
 * (four per API call, a third of a simple completion's round trips). Within a request the row is read once; outside
 * one (jobs, tests), and within a transaction that may write, every read goes to the database. For reading only: a
 * change loads the account afresh, and any change to an account ({@link AppUser}'s entity callbacks) forgets what this
 * request had read.
 */
@Component
class AccountReads {
    private static final String PREFIX = AccountReads.class.getName() + ":";
    private static final Object NONE = new Object();

    private final AppUserRepository users;

    AccountReads(AppUserRepository users) {
        this.users = users;
    }

    Optional<AppUser> read(String username) {
        if (username == null) return Optional.empty();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        // a transaction that may write reads the row itself: what it changed and has not yet flushed must show
        boolean writing = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (request == null || writing) return users.findByUsername(username);
        Object known = request.getAttribute(PREFIX + username, RequestAttributes.SCOPE_REQUEST);
        if (known instanceof AppUser account) return Optional.of(account);
        if (known == NONE) return Optional.empty();
        Optional<AppUser> read = users.findByUsername(username);
        request.setAttribute(PREFIX + username, read.isPresent() ? read.get() : NONE, RequestAttributes.SCOPE_REQUEST);
        return read;
    }

    /** Forgets what the current request read of the account (it changed). */
    static void forget(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && username != null) request.removeAttribute(PREFIX + username, RequestAttributes.SCOPE_REQUEST);
    }
}
