package dev.jobintel.source.demo;

import java.util.List;

/**
 * What the demo generator knows to be true about one generated line: the labels a careful
 * human (and the taxonomy's title patterns and markers) would give the job, the pay it states,
 * the canonical skills its title and description mention, the city the location names, and
 * what the pipeline is expected to do with the line.
 *
 * <p>Codes are taxonomy codes ({@code software_engineering}/{@code backend}, {@code senior},
 * {@code ic}, {@code hybrid}, {@code full_time}); skills are canonical names from
 * {@code taxonomy.yaml}; {@code expectedCity} is a city code from {@code cities.yaml} or null
 * when the location names no city ("Remote - US", "TBD", missing). For {@link Expected#REJECT}
 * lines every label is null and the skill list is empty.
 *
 * @param salaryPeriod year, month, week, day or hour; null when no pay is stated
 */
public record Truth(
        String family,
        String subfamily,
        String seniority,
        String track,
        String arrangement,
        String positionType,
        Double salaryMin,
        Double salaryMax,
        String salaryCurrency,
        String salaryPeriod,
        List<String> skills,
        String expectedCity,
        Expected expected) {

    /** What the pipeline should do with the line. */
    public enum Expected {
        /** The first posting of a distinct job: classified and stored as a new job. */
        NEW_JOB,
        /** The same job as an earlier line on another source (different source and id): merged. */
        DUPLICATE,
        /** The same source and id as an earlier line, possibly with a slightly changed description. */
        RESEEN,
        /** Posted by a recruitment or staffing agency: filtered as agency. */
        AGENCY,
        /** Description missing, empty or shorter than the gate's minimum: filtered as too short. */
        TOO_SHORT,
        /** Not a valid posting (malformed JSON, no title, no URL, no source): a reject. */
        REJECT
    }

    public Truth {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    /** This truth with another expected outcome. */
    public Truth withExpected(Expected e) {
        return new Truth(family, subfamily, seniority, track, arrangement, positionType, salaryMin, salaryMax,
                salaryCurrency, salaryPeriod, skills, expectedCity, e);
    }

    /** This truth with other skills (a copy of a job that mentions fewer of them). */
    public Truth withSkills(List<String> s) {
        return new Truth(family, subfamily, seniority, track, arrangement, positionType, salaryMin, salaryMax,
                salaryCurrency, salaryPeriod, s, expectedCity, expected);
    }

    static Truth reject() {
        return new Truth(null, null, null, null, null, null, null, null, null, null, List.of(), null, Expected.REJECT);
    }
}
