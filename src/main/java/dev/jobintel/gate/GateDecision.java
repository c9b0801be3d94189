package dev.jobintel.gate;

/**
 * The gate's verdict on one posting: pass, or filtered with a reason and a human detail
 * ("title matches exclude pattern '(?i)intern'").
 */
public record GateDecision(FilterReason reason, String detail) {

    public static final GateDecision PASS = new GateDecision(null, null);

    public static GateDecision filtered(FilterReason reason, String detail) {
        return new GateDecision(reason, detail);
    }

    public boolean passed() {
        return reason == null;
    }
}
