package dev.jobintel.store;

import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.classify.taxonomy.Vocabulary;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.Places;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Copies the taxonomy's codes and the city table into the reference tables that enriched_jobs'
 * foreign keys point at. Runs on every start: codes are added or renamed, never removed, so
 * jobs classified under an older taxonomy stay valid.
 */
public final class ReferenceData {

    /** Added to the rank of a level the taxonomy in use no longer has. */
    private static final int STALE_RANK = 1_000;

    private ReferenceData() {
    }

    /**
     * The values a job's classification may hold under {@code taxonomy}, by an expression over
     * enriched_jobs {@code j} (jobintel's own SQL): a job holding another (classified under an
     * earlier taxonomy) is to be classified again. A subfamily counts with its family: one the
     * taxonomy moved to another family is stale too, and so is pay in a currency it dropped (no pay,
     * NULL, is never stale: the condition is only ever asked inside an EXISTS, where NULL is not true),
     * and a skill of the dictionary it no longer names. An expression with {@code %s} is a condition
     * of its own, the values' placeholders in its place; any other is stale when NOT IN the values.
     */
    public static Map<String, List<String>> jobCodes(Taxonomy taxonomy) {
        Map<String, List<String>> codes = new java.util.LinkedHashMap<>();
        codes.put("j.family", List.copyOf(taxonomy.families().entries().keySet()));
        codes.put("j.family || '/' || j.subfamily", taxonomy.subfamilies().entries().keySet().stream()
                .map(sub -> taxonomy.familyOf(sub) + "/" + sub).toList());
        codes.put("j.seniority", List.copyOf(taxonomy.seniority().entries().keySet()));
        codes.put("j.track", List.copyOf(taxonomy.tracks().entries().keySet()));
        codes.put("j.arrangement", List.copyOf(taxonomy.arrangements().entries().keySet()));
        codes.put("j.position_type", List.copyOf(taxonomy.positionTypes().entries().keySet()));
        codes.put("j.salary_currency", List.copyOf(taxonomy.currencies().entries().keySet()));
        // A skill of the dictionary, as a job holds it (with its skill family; a model's skill the dictionary
        // does not know has none), that the dictionary no longer names: renamed, or removed. With no skills
        // at all, every such skill (PostgreSQL takes no empty "IN ()").
        List<String> skills = taxonomy.skills().all().stream().map(dev.jobintel.classify.taxonomy.SkillDictionary.Skill::name)
                .toList();
        codes.put("EXISTS (SELECT 1 FROM job_skills s WHERE s.job_id = j.id AND s.family IS NOT NULL"
                + (skills.isEmpty() ? "%s)" : " AND s.skill NOT IN (%s))"), skills);
        return codes;
    }

    public static void sync(Database db, Taxonomy taxonomy, Gazetteer places) {
        db.inTransaction(c -> {
            codes(c, "ref_family", taxonomy.families());
            String sql = "INSERT INTO ref_subfamily (family, code, name) VALUES (?, ?, ?) "
                    + "ON CONFLICT (family, code) DO UPDATE SET name = excluded.name";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Vocabulary.Entry e : taxonomy.subfamilies().entries().values()) {
                    Jdbc.bind(ps, taxonomy.familyOf(e.code()), e.code(), e.name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            sql = "INSERT INTO ref_seniority (code, name, level_rank) VALUES (?, ?, ?) "
                    + "ON CONFLICT (code) DO UPDATE SET name = excluded.name, level_rank = excluded.level_rank";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Taxonomy.LevelRule l : taxonomy.levels()) {
                    Jdbc.bind(ps, l.code(), taxonomy.seniority().entries().get(l.code()).name(), l.rank());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // A level an earlier taxonomy had keeps its row (jobs may name it) but ranks after every
            // current one, so that no two levels share a rank in the pay report's order.
            List<String> current = taxonomy.levels().stream().map(Taxonomy.LevelRule::code).toList();
            List<Object> args = new java.util.ArrayList<>(current);
            Jdbc.update(c, "UPDATE ref_seniority SET level_rank = level_rank + " + STALE_RANK + " WHERE level_rank < "
                    + STALE_RANK + " AND code NOT IN (" + Jdbc.marks(current.size()) + ")", args.toArray());
            codes(c, "ref_track", taxonomy.tracks());
            codes(c, "ref_arrangement", taxonomy.arrangements());
            codes(c, "ref_position_type", taxonomy.positionTypes());
            codes(c, "ref_currency", taxonomy.currencies());
            codes(c, "ref_skill_family", taxonomy.skillFamilies());

            sql = "INSERT INTO ref_region (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Places.Region r : places.regions()) {
                    Jdbc.bind(ps, r.code(), r.name() == null ? r.code() : r.name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            sql = "INSERT INTO ref_country (code, name, region) VALUES (?, ?, ?) "
                    + "ON CONFLICT (code) DO UPDATE SET name = excluded.name, region = excluded.region";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Places.Country k : places.countries()) {
                    Jdbc.bind(ps, k.code().toUpperCase(Locale.ROOT), k.name() == null ? k.code() : k.name(), k.region());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            sql = "INSERT INTO ref_city (code, name, country) VALUES (?, ?, ?) "
                    + "ON CONFLICT (code) DO UPDATE SET name = excluded.name, country = excluded.country";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Places.City k : places.cities()) {
                    Jdbc.bind(ps, k.code().toLowerCase(Locale.ROOT), k.name(), k.country().toUpperCase(Locale.ROOT));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void codes(Connection c, String table, Vocabulary vocab) throws SQLException {
        String sql = "INSERT INTO " + table + " (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Vocabulary.Entry e : vocab.entries().values()) {
                Jdbc.bind(ps, e.code(), e.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
