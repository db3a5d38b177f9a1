package cn.countyflow.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An indicator of a programme's targets (e.g. 规模以上制造业研发比重): code, name, unit, which way is better, and how
 * many decimals its values take. The catalogue is data (Flyway), grouped in sets; the first set is the six
 * creation-standard indicators of seed 002.
 */
@Entity
@Table(name = "indicator")
public class Indicator {
    /** Which way is better. For 能耗下降幅度 the value is the size of the fall, so higher is better. */
    public enum Direction { HIGHER_BETTER, LOWER_BETTER }

    @Id
    private String code;
    @Column(name = "indicator_set")
    private String indicatorSet;
    private String name;
    private String unit;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    private int decimals;
    @Column(name = "sort_order")
    private int sortOrder;

    protected Indicator() {
    }

    public String getCode() { return code; }
    public String getIndicatorSet() { return indicatorSet; }
    public String getName() { return name; }
    public String getUnit() { return unit; }
    public Direction getDirection() { return direction; }
    public int getDecimals() { return decimals; }
    public int getSortOrder() { return sortOrder; }
}
