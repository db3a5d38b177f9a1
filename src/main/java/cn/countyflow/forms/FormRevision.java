package cn.countyflow.forms;

import java.time.Instant;
import java.util.List;

/**
 * One submitted version of a form's data in a revision history: its number, who submitted it and when, and what
 * changed since the version before it (named and placed by the form, see {@link FormDiff}; empty for the first). A
 * feature's revision records implement it so that one panel shows every history the same way.
 */
public interface FormRevision {
    int revision();

    String submittedBy();

    String submittedByName();

    Instant submittedAt();

    List<FormDiff.Change> changes();
}
