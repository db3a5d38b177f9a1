package cn.countyflow.it;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The business side effect of {@code processes/test/two-node-timer.bpmn} (TwoNodesTest): one row per firing, written
 * in the timer job's transaction, so a job run twice (by both nodes) would show as two rows for one key. The table
 * exists only in TwoNodesTest's database; no other process calls this bean.
 */
@Component("twoNodeProbe")
public class TwoNodeProbe {
    static final String TABLE = "two_node_fired";
    private final JdbcTemplate jdbc;
    private final String node;

    TwoNodeProbe(JdbcTemplate jdbc, @Value("${countyflow.test.node:single}") String node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    public void fired(DelegateExecution execution) {
        jdbc.update("INSERT INTO " + TABLE + " (business_key, node) VALUES (?, ?)", execution.getProcessBusinessKey(), node);
    }
}
