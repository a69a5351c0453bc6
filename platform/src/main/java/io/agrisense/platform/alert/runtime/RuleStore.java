package io.agrisense.platform.alert.runtime;

import io.agrisense.platform.alert.InvalidRulesException;
import io.agrisense.platform.alert.RuleCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code alert_rules} table: the API-managed rules that overlay the shipped ones. */
public final class RuleStore {

    private static final Logger LOG = LoggerFactory.getLogger(RuleStore.class);

    private final DataSource dataSource;

    public RuleStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every stored row; a row that no longer validates (e.g. after an upgrade) is logged and left out. */
    public List<RuleLibrary.Overlay> load() throws SQLException {
        List<RuleLibrary.Overlay> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, definition::text, deleted, created_at, updated_at FROM alert_rules ORDER BY created_at, id")) {
            while (rs.next()) {
                String id = rs.getString(1);
                try {
                    out.add(new RuleLibrary.Overlay(id, rs.getBoolean(3) ? null : RuleCodec.readRuleJson(rs.getString(2)),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()));
                } catch (InvalidRulesException e) {
                    LOG.error("Stored rule '{}' is not valid and is ignored: {}", id, e.getMessage());
                }
            }
        }
        return out;
    }

    /** Stores one change of the library. */
    public void save(RuleLibrary.Change change) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (change.removedId() != null) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM alert_rules WHERE id = ?")) {
                    s.setString(1, change.removedId());
                    s.executeUpdate();
                }
                return;
            }
            RuleLibrary.Overlay o = change.saved();
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO alert_rules (id, definition, deleted, created_at, updated_at) VALUES (?, ?::jsonb, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, deleted = excluded.deleted,
                      updated_at = excluded.updated_at""")) {
                s.setString(1, o.id());
                s.setString(2, o.deleted() ? null : RuleCodec.writeJson(o.definition()));
                s.setBoolean(3, o.deleted());
                AlertStore.set(s, 4, o.createdAt());
                AlertStore.set(s, 5, o.updatedAt());
                s.executeUpdate();
            }
        }
    }
}
