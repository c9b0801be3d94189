package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Version 8: a NUL in a posting's id is stored as U+FFFD. PostgreSQL never held one (it refuses
 * NUL in text), but SQLite did, and jobintel now reads and writes the U+FFFD form: without this a
 * posting stored earlier with a NUL in its id would be landed again as a new one, and the old one
 * never seen again. (Java, not SQL: SQLite's replace() cannot find a NUL.) A posting whose U+FFFD
 * form is already stored, which nothing wrote before this version, is left as it was.
 */
public class V8__Nul_in_ids extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!c.getMetaData().getURL().startsWith("jdbc:sqlite:")) {
            return;
        }
        List<Object[]> withNul = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, source, source_job_id FROM raw_postings WHERE instr(source_job_id, char(0)) > 0");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                withNul.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
            }
        }
        try (PreparedStatement taken = c.prepareStatement(
                "SELECT count(*) FROM raw_postings WHERE source = ? AND source_job_id = ?");
             PreparedStatement update = c.prepareStatement("UPDATE raw_postings SET source_job_id = ? WHERE id = ?")) {
            for (Object[] row : withNul) {
                String id = ((String) row[2]).replace('\u0000', '\uFFFD');
                taken.setString(1, (String) row[1]);
                taken.setString(2, id);
                try (ResultSet rs = taken.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        continue;
                    }
                }
                update.setString(1, id);
                update.setLong(2, (Long) row[0]);
                update.executeUpdate();
            }
        }
    }
}
