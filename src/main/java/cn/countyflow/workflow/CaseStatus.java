package cn.countyflow.workflow;

/** Where a case stands overall; labels in the message bundles ({@code case.status.<NAME>}). */
public enum CaseStatus {
    IN_PROGRESS,
    RETURNED,
    APPROVED,
    REJECTED,
    CLOSED,
    /** Cancelled by an administrator (已撤销): its process instances were ended with a reason. */
    CANCELLED
}
