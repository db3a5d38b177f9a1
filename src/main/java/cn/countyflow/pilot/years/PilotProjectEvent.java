package cn.countyflow.pilot.years;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something that happened to a project without a task recording it (designated, mid-term opened, outcome). */
@Entity
@Table(name = "pilot_project_event")
public class PilotProjectEvent {
    /** Kinds; labels {@code pilot.years.event.<KIND>}. */
    public static final String DESIGNATED = "DESIGNATED";
    public static final String MIDTERM_OPENED = "MIDTERM_OPENED";
    public static final String MIDTERM_OPENED_EARLY = "MIDTERM_OPENED_EARLY";
    public static final String MIDTERM_MOVED = "MIDTERM_MOVED";
    public static final String MIDTERM_DONE = "MIDTERM_DONE";
    public static final String FINAL_OPENED = "FINAL_OPENED";
    public static final String FINAL_DONE = "FINAL_DONE";
    public static final String CANCELLED = "CANCELLED";
    public static final String BENCHMARK = "BENCHMARK";
    public static final String COMPLETED = "COMPLETED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "project_id")
    private Long projectId;
    private String kind;
    private String note;
    private String actor;
    @Column(name = "occurred_at")
    private Instant occurredAt;

    protected PilotProjectEvent() {
    }

    PilotProjectEvent(Long projectId, String kind, String note, String actor, Instant occurredAt) {
        this.projectId = projectId;
        this.kind = kind;
        this.note = note == null || note.length() <= 2000 ? note : note.substring(0, 2000);
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public String getKind() { return kind; }
    public String getNote() { return note; }
    public String getActor() { return actor; }
    public Instant getOccurredAt() { return occurredAt; }
}
