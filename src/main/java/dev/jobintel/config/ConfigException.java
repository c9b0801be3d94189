package dev.jobintel.config;

/**
 * A configuration or data-file error that names where it is: file, line and key. Thrown
 * before any work starts, so a bad file never half-runs a job (incidents 18, 19, 29).
 */
public class ConfigException extends RuntimeException {

    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    public ConfigException(String file, int line, String key, String problem) {
        this(file, line, key, problem, null);
    }

    public ConfigException(String file, int line, String key, String problem, Throwable cause) {
        super(format(file, line, key, problem), cause);
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    /**
     * Several problems as one exception: the first, with the others suppressed in it, in order.
     * {@link #all()} lists them again.
     */
    public static ConfigException all(java.util.List<ConfigException> problems) {
        ConfigException first = problems.get(0);
        for (ConfigException other : problems.subList(1, problems.size())) {
            first.addSuppressed(other);
        }
        return first;
    }

    /** This problem and the ones found with it ({@link #all(java.util.List)}), in order. */
    public java.util.List<ConfigException> all() {
        java.util.List<ConfigException> out = new java.util.ArrayList<>(java.util.List.of(this));
        for (Throwable t : getSuppressed()) {
            if (t instanceof ConfigException ce) {
                out.add(ce);
            }
        }
        return out;
    }

    private static String format(String file, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder(file == null ? "<config>" : file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (key != null && !key.isEmpty()) {
            sb.append(": ").append(key);
        }
        return sb.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is not tied to a line (e.g. a missing file). */
    public int line() {
        return line;
    }

    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }
}
