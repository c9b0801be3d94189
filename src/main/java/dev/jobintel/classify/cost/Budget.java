package dev.jobintel.classify.cost;

import dev.jobintel.classify.RunStop;

import java.util.Locale;

/**
 * A run's spending limit. Before each request the worst case it could cost is reserved; when
 * the reservations and what is already spent would pass the limit, the run stops instead of
 * sending it — so a run never spends more than its budget, even with many requests in flight.
 */
public final class Budget {

    /** Far below any request's worst case (a whole prefix of cache writes), far above rounding. */
    private static final double RESIDUE_USD = 1e-9;

    private final Double limitUsd;
    private double spent;
    /** Of {@link #spent}, the worst cases of requests whose bill is unknown (see {@link #settleUnknown}). */
    private double unknown;
    private double reserved;

    /** @param limitUsd null for no limit */
    public Budget(Double limitUsd) {
        this.limitUsd = limitUsd;
    }

    public static Budget unlimited() {
        return new Budget(null);
    }

    /**
     * Reserves {@code worstCaseUsd} for one request.
     *
     * @throws RunStop when the request might take spending past the limit
     */
    public synchronized void reserve(double worstCaseUsd) {
        if (limitUsd != null && spent + reserved + worstCaseUsd > limitUsd) {
            // Requests in flight hold their worst case until they are billed: say so, not that it is spent.
            throw new RunStop("budget", String.format(Locale.ROOT,
                    "the budget of $%s is reached: $%.4f spent%s%s, the next request could cost up to $%.4f",
                    limitText(), spent,
                    unknown > 0 ? String.format(Locale.ROOT, " (up to $%.4f of it by requests that got no answer, counted "
                            + "at their worst case)", unknown) : "",
                    reserved > 0 ? String.format(Locale.ROOT, " and $%.4f held for requests in flight", reserved) : "",
                    worstCaseUsd));
        }
        reserved += worstCaseUsd;
    }

    /**
     * As {@link #reserve}, for requests sent side by side: when only other requests' reservations
     * stand in the way, waits for them to be settled instead of stopping. A worst case is many
     * times what a request costs, so a few requests in flight can hold a budget that buys hundreds;
     * stopping then would end the run having spent a fraction of it. Stops (as {@code reserve})
     * once what is spent leaves no room for the worst case.
     */
    public synchronized void reserveWhenSettled(double worstCaseUsd) throws InterruptedException {
        while (limitUsd != null && reserved > 0 && spent + reserved + worstCaseUsd > limitUsd
                && spent + worstCaseUsd <= limitUsd) {
            wait();
        }
        reserve(worstCaseUsd);
    }

    /** How much more could be reserved now (infinite without a limit). */
    public synchronized double left() {
        return limitUsd == null ? Double.POSITIVE_INFINITY : limitUsd - spent - reserved;
    }

    /** Replaces a reservation by what the request really cost (zero when nothing was billed). */
    public synchronized void settle(double reservedUsd, double actualUsd) {
        reserved -= reservedUsd;
        // Sums of doubles leave a residue once every reservation is settled: a request waiting in
        // reserveWhenSettled for it to go would wait for ever (and the stop would report it as held).
        if (reserved < RESIDUE_USD) {
            reserved = 0;
        }
        spent += actualUsd;
        notifyAll();
    }

    /**
     * Settles a request that reached the API and got no answer back (a read timeout, a connection cut
     * mid-answer): the API may have billed it, for an amount no one here knows, so it counts at its
     * worst case and the limit still holds.
     */
    public synchronized void settleUnknown(double reservedUsd) {
        unknown += reservedUsd;
        settle(reservedUsd, reservedUsd);
    }

    public synchronized double spent() {
        return spent;
    }

    /** The limit as a person wrote it: "5", "0.25". */
    public String limitText() {
        return limitUsd == null ? "none" : java.math.BigDecimal.valueOf(limitUsd).stripTrailingZeros().toPlainString();
    }

    public Double limit() {
        return limitUsd;
    }
}
