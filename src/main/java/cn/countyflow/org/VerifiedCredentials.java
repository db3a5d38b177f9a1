package cn.countyflow.org;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Passwords that BCrypt has just accepted, so that an HTTP Basic client of {@code /api} or {@code /engine-rest} (which
 * sends its password on every request, with no session) does not pay the password hash (about 70 ms of CPU) on each
 * one. What is kept per user is an HMAC of the password under a key made at start-up and held only in memory, the
 * stored hash it was checked against, and when it expires ({@code countyflow.security.verified-credentials-ttl},
 * 5 minutes by default; {@code PT0S} turns it off).
 * <p>
 * A remembered password counts only while the user's stored hash is the same one: a password change, a reset or an
 * admin's new password ends it at once, on every node. Locked and disabled accounts are refused before the password is
 * looked at, so the cache never lets them in. Wrong passwords are never remembered and always pay the full check.
 */
@Component
public class VerifiedCredentials {
    static final int MAX_USERS = 10_000;

    private final byte[] key = new byte[32];
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(byte[] mac, String storedHash, Instant until) {
    }

    VerifiedCredentials(Clock clock, @Value("${countyflow.security.verified-credentials-ttl:PT5M}") Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
        new SecureRandom().nextBytes(key);
    }

    /** Whether BCrypt accepted this password for this user, against this stored hash, within the window. */
    boolean accepted(String username, String password, String storedHash) {
        if (ttl.isZero() || username == null || password == null || storedHash == null) return false;
        Entry e = entries.get(username);
        if (e == null) return false;
        if (!clock.instant().isBefore(e.until()) || !e.storedHash().equals(storedHash)) {
            entries.remove(username, e);
            return false;
        }
        return MessageDigest.isEqual(e.mac(), mac(username, password));
    }

    /** BCrypt has just accepted this password. */
    void remember(String username, String password, String storedHash) {
        if (ttl.isZero() || username == null || password == null || storedHash == null) return;
        if (entries.size() >= MAX_USERS) makeRoom();
        entries.put(username, new Entry(mac(username, password), storedHash, clock.instant().plus(ttl)));
    }

    /**
     * Bounded: at {@value #MAX_USERS} users the expired entries go first, then the one that would expire soonest (the
     * password remembered longest ago). That user's next request pays the hash once again; nobody else's does.
     */
    private void makeRoom() {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !now.isBefore(e.until()));
        while (entries.size() >= MAX_USERS) {
            entries.entrySet().stream().min(java.util.Map.Entry.comparingByValue(java.util.Comparator.comparing(Entry::until)))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    /** How many users' passwords are remembered now (for tests). */
    int size() {
        return entries.size();
    }

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
