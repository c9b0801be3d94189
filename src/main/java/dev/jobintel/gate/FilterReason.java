package dev.jobintel.gate;

import java.util.Locale;

/** Why a posting was kept out on purpose; stored as the posting's outcome_reason. */
public enum FilterReason {
    /** The posting left its board before it was classified. */
    CLOSED,
    TITLE,
    LOCATION,
    AGENCY,
    TOO_SHORT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
