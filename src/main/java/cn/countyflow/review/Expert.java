package cn.countyflow.review;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * An expert of a province's pool (专家库): where they work (organisation and city, for 本市回避), what they know,
 * whether they may be drawn, the organisations they declared they must not review, and the user account their
 * scoring tasks are assigned to (none: an officer enters their paper score sheet on their behalf).
 */
@Entity
@Table(name = "review_expert")
public class Expert {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "province_code")
    private String provinceCode;
    private String name;
    private String employer;
    @Column(name = "city_code")
    private String cityCode;
    private String specialties;
    private boolean active;
    private String username;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_expert_avoidance", joinColumns = @JoinColumn(name = "expert_id"))
    @Column(name = "org_code")
    private Set<String> avoidance = new TreeSet<>();
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Expert() {
    }

    Expert(String provinceCode, Instant now) {
        this.provinceCode = provinceCode;
        this.createdAt = now;
        this.updatedAt = createdAt;
        this.active = true;
    }

    void update(String name, String employer, String cityCode, String specialties, boolean active,
                Set<String> avoidance, String username, Instant now) {

        this.name = name;
        this.employer = employer;
        this.cityCode = cityCode;
        this.specialties = specialties;
        this.active = active;
        this.avoidance.clear();
        this.avoidance.addAll(avoidance);
        this.username = username;
        this.updatedAt = now;

    }

    public Long getId() { return id; }
    public String getProvinceCode() { return provinceCode; }
    public String getName() { return name; }
    public String getEmployer() { return employer; }
    public String getCityCode() { return cityCode; }
    public String getSpecialties() { return specialties; }
    public boolean isActive() { return active; }
    public String getUsername() { return username; }
    public Set<String> getAvoidance() { return Set.copyOf(avoidance); }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
