package dev.jobintel.cli;

import picocli.CommandLine;

/** A number option outside the values it can take is a usage error naming the option, before any work. */
final class OptionRanges {

    private OptionRanges() {
    }

    static void atLeast(CommandLine cl, String option, long value, long min) {
        if (value < min) {
            throw new CommandLine.ParameterException(cl, option + " must be " + min + " or more, got " + value);
        }
    }

    static void between(CommandLine cl, String option, long value, long min, long max) {
        atLeast(cl, option, value, min);
        if (value > max) {
            throw new CommandLine.ParameterException(cl, option + " must be at most " + String.format(java.util.Locale.ROOT,
                    "%,d", max) + ", got " + value);
        }
    }
}
