package cn.countyflow.workflow;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The decision that is moving a process right now, in this thread: a completion with its decision code (e.g. RETURN
 * and its reason), a return to an earlier step, a withdrawal. Tasks the engine opens while it runs carry it in their
 * {@link TaskEvents.Opened} event, so that the people who get a returned task are told it was returned, and why.
 */
public final class DecisionContext {
    /** Decision codes that send work back to someone who already handled it. */
    public static final String RETURN = "RETURN";
    public static final String WITHDRAW = "WITHDRAW";

    public record Decision(String code, String comment, String actor) {
        public boolean isReturn() {
            return RETURN.equals(code);
        }
    }

    private static final ThreadLocal<Decision> CURRENT = new ThreadLocal<>();

    private DecisionContext() {
    }

    public static Optional<Decision> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} with {@code decision} as the current one (restoring what was current before). */
    public static <T> T during(Decision decision, Supplier<T> work) {
        Decision before = CURRENT.get();
        CURRENT.set(decision);
        try {
            return work.get();
        } finally {
            if (before == null) CURRENT.remove(); else CURRENT.set(before);
        }
    }

    public static void during(Decision decision, Runnable work) {
        during(decision, () -> {
            work.run();
            return null;
        });
    }
}
