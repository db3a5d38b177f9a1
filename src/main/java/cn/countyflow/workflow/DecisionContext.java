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
    private static final ThreadLocal<String[]> COMPLETING = new ThreadLocal<>();

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

    /**
     * Whether this thread is completing that task right now: the read models need not follow a change of the task's
     * assignment then, as the same transaction removes its rows a moment later.
     */
    public static boolean isCompleting(String taskId) {
        String[] c = COMPLETING.get();
        return taskId != null && c != null && taskId.equals(c[0]);
    }

    /** Who is completing that task in this thread right now, if anyone. */
    static Optional<String> completer(String taskId) {
        String[] c = COMPLETING.get();
        return taskId != null && c != null && taskId.equals(c[0]) ? Optional.of(c[1]) : Optional.empty();
    }

    /** Runs {@code work} (the completion of {@code taskId} by {@code username}) marked as that task's completion. */
    static void completing(String taskId, String username, Runnable work) {
        String[] before = COMPLETING.get();
        COMPLETING.set(new String[] {taskId, username});
        try {
            work.run();
        } finally {
            if (before == null) COMPLETING.remove(); else COMPLETING.set(before);
        }
    }

    public static void during(Decision decision, Runnable work) {
        during(decision, () -> {
            work.run();
            return null;
        });
    }
}
