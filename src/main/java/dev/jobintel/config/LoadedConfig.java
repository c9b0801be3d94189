package dev.jobintel.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A configuration together with where it came from, so later checks can point at the file,
 * line and key, and relative paths resolve against the file's directory.
 *
 * @param config  the bound configuration (defaults filled in)
 * @param doc     the parsed file, or null when running on defaults
 * @param baseDir directory that relative paths are resolved against
 */
public record LoadedConfig(JobintelConfig config, YamlDocument doc, Path baseDir) {

    public static LoadedConfig defaults() {
        return new LoadedConfig(JobintelConfig.DEFAULTS, null, Path.of("."));
    }

    /** "jobintel.yaml" or "defaults (no jobintel.yaml)" for messages. */
    /** Whether no file was read: every key has its default. */
    public boolean isDefaults() {
        return doc == null;
    }

    public String origin() {
        return doc == null ? "defaults (no " + ConfigLoader.DEFAULT_FILE + ")" : doc.origin();
    }

    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }

    /** An error about the value at {@code key}, located in the file when there is one. */
    public ConfigException error(String key, String problem) {
        if (doc == null) {
            return new ConfigException(origin(), 0, key, problem);
        }
        return doc.error(key, problem);
    }

    /** The referenced file, or a located error naming the key when it does not exist (incident 18). */
    public Path requireFile(String key, String path) {
        Path p;
        try {
            p = resolve(path);
        } catch (java.nio.file.InvalidPathException e) {
            // A character no path may hold ("\0" in quotes): a config error, not an unexpected one.
            throw error(key, "not a usable file path: " + e.getReason());
        }
        if (Files.isDirectory(p)) {
            // "file not found" would send the user looking for a path that is there.
            throw error(key, p + " is a directory: name a file in it");
        }
        if (!Files.isRegularFile(p)) {
            throw error(key, "file not found: " + p);
        }
        return p;
    }
}
