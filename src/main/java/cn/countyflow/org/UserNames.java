package cn.countyflow.org;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/**
 * How a person is shown to other people: by name and office, name（office）, never by account name
 * ({@code expert_bd}) (issue 11 point 14). One lookup for histories, panels, inbox assignees and audit views, cached for
 * a few minutes since a page shows the same few people many times. An account that no longer exists (or a system
 * step) is shown as it was recorded.
 */
@Service
public class UserNames {
    static final Duration KEEP = Duration.ofMinutes(5);

    private record Entry(String name, String office, boolean known, Instant until) {
    }

    private final AppUserRepository users;
    private final OrganisationService organisations;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    UserNames(AppUserRepository users, OrganisationService organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    /** "name（office）", or the account name when there is no such account; "" for null. */
    public String label(String username) {
        if (username == null || username.isBlank()) return "";
        Entry e = entry(username);
        return e.office().isEmpty() ? e.name() : e.name() + "（" + e.office() + "）";
    }

    /** As {@link #label}, but a recorded name (e.g. of a history entry) for an account that no longer exists. */
    public String label(String username, String recordedName) {
        if (username == null || username.isBlank() || !entry(username).known()) {
            return recordedName == null || recordedName.isBlank() ? (username == null ? "" : username) : recordedName;
        }
        return label(username);
    }

    /** The person's name alone, or the account name when there is no such account. */
    public String name(String username) {
        return username == null || username.isBlank() ? "" : entry(username).name();
    }

    /** The person's office, or "" when unknown. */
    public String office(String username) {
        return username == null || username.isBlank() ? "" : entry(username).office();
    }

    private Entry entry(String username) {
        Instant now = Instant.now();
        Entry e = cache.get(username);
        if (e != null && e.until().isAfter(now)) return e;
        Entry fresh = users.findByUsername(username)
                .map(u -> new Entry(u.getDisplayName() == null || u.getDisplayName().isBlank() ? username : u.getDisplayName(),
                        u.getOrgCode() == null ? "" : organisations.nameOf(u.getOrgCode()), true, now.plus(KEEP)))
                .orElseGet(() -> new Entry(username, "", false, now.plus(KEEP)));
        cache.put(username, fresh);
        return fresh;
    }

    /** Forgets what was looked up, e.g. after an administrator renamed someone. */
    public void forget(String username) {
        if (username != null) cache.remove(username);
    }
}
