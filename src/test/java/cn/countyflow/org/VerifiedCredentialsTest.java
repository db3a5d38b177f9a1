package cn.countyflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The remembered passwords are bounded without forgetting everyone at once (issue 12). */
class VerifiedCredentialsTest {
    private Instant now = Instant.parse("2026-12-06T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    void aFullMemoryForgetsTheOldestNotEveryone() {
        VerifiedCredentials verified = new VerifiedCredentials(clock, Duration.ofMinutes(5));
        for (int i = 0; i < VerifiedCredentials.MAX_USERS; i++) {
            verified.remember("user" + i, "pw" + i, "hash" + i);
            if (i % 100 == 0) now = now.plusMillis(1);
        }
        now = now.plusMillis(1);
        verified.remember("newcomer", "secret", "hash-new");

        assertThat(verified.size()).isLessThanOrEqualTo(VerifiedCredentials.MAX_USERS);
        assertThat(verified.accepted("newcomer", "secret", "hash-new")).isTrue();
        assertThat(verified.accepted("user0", "pw0", "hash0")).as("the oldest went").isFalse();
        assertThat(verified.accepted("user5000", "pw5000", "hash5000")).as("the others stay").isTrue();
        assertThat(verified.accepted("user9999", "pw9999", "hash9999")).isTrue();
    }

    @Test
    void expiredEntriesGoFirst() {
        VerifiedCredentials verified = new VerifiedCredentials(clock, Duration.ofMinutes(5));
        for (int i = 0; i < VerifiedCredentials.MAX_USERS; i++) verified.remember("user" + i, "pw" + i, "hash" + i);
        now = now.plus(Duration.ofMinutes(6));
        verified.remember("newcomer", "secret", "hash-new");
        assertThat(verified.size()).isEqualTo(1);
        assertThat(verified.accepted("newcomer", "secret", "hash-new")).isTrue();
    }
}
