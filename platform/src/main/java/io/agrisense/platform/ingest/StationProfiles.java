package io.agrisense.platform.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/** Station id → profile, so that published readings carry their station's profile without a query per batch. */
public final class StationProfiles {

    private final Map<String, String> profiles = new ConcurrentHashMap<>();

    public static StationProfiles load(DataSource dataSource) throws SQLException {
        StationProfiles p = new StationProfiles();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, profile FROM stations WHERE profile IS NOT NULL")) {
            while (rs.next()) {
                p.profiles.put(rs.getString(1), rs.getString(2));
            }
        }
        return p;
    }

    /** The station's profile, or null while no status message named it. */
    public String of(String station) {
        return station == null ? null : profiles.get(station);
    }

    void put(String station, String profile) {
        if (profile != null) {
            profiles.put(station, profile);
        }
    }
}
