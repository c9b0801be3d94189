package dev.jobintel.pipeline;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.batches.BatchCreateParams;
import com.anthropic.models.messages.batches.MessageBatch;
import com.anthropic.models.messages.batches.MessageBatchIndividualResponse;
import com.anthropic.models.messages.batches.MessageBatchResult;
import dev.jobintel.classify.Classification;
import dev.jobintel.classify.ClassificationFailure;
import dev.jobintel.classify.Classifier;
import dev.jobintel.classify.ContentKey;
import dev.jobintel.classify.Deferred;
import dev.jobintel.classify.RunStop;
import dev.jobintel.classify.claude.ApiFailure;
import dev.jobintel.classify.claude.ClaudeApi;
import dev.jobintel.classify.claude.ClaudeClassifier;
import dev.jobintel.classify.cost.Budget;
import dev.jobintel.gate.Gate;
import dev.jobintel.internal.Throwables;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.source.JsonStream;
import dev.jobintel.store.Database;
import dev.jobintel.store.LlmBatches;
import dev.jobintel.store.Outcome;
import dev.jobintel.store.Outcomes;
import dev.jobintel.store.PendingPosting;
import dev.jobintel.store.PendingWork;
import dev.jobintel.store.RawPostings;
import dev.jobintel.store.SessionLock;
import dev.jobintel.store.WriteResult;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Enrichment through the Message Batches API (half price, answers within 24 hours).
 *
 * <ol>
 *   <li>Batches left open by an earlier process are resumed: polled and collected, never
 *       resubmitted. A batch cut short between "written" and "submitted" is found again in the
 *       API's list of recent batches, or released.</li>
 *   <li>Pending postings are gated and de-duplicated exactly as in direct enrichment; those
 *       that need the model (one per distinct content) are written as a batch with their
 *       postings first, then submitted, then the API's batch id is stored.</li>
 *   <li>Each batch is polled with a growing interval until it ends; its results are validated
 *       like direct answers (a re-ask or retry goes direct), recorded in the cost ledger at
 *       half price, and written as outcomes. Errored, expired and canceled requests return to
 *       pending, except invalid requests, which fail.</li>
 *   <li>Repeat until nothing is left to send: postings merged into jobs created by a batch are
 *       decided on the next round.</li>
 * </ol>
 */
public final class BatchEnricher {

    /**
     * The posting's id with a token of its batch, within the API's custom_id rule
     * ^[a-zA-Z0-9_-]{1,64}$. Posting ids alone are the same in every database: a batch adopted by
     * mistake (another database's, found while resuming) must match none of ours, so that its
     * answers are never written onto postings they are not about.
     */
    static String customId(long postingId, String batchToken) {
        return "p" + postingId + "-" + batchToken;
    }

    private static final long MAX_POLL_MILLIS = 600_000;
    /** Under a budget, the fewest requests (at their worst case) worth another round of waiting for a batch. */
    static final int SMALLEST_BATCH_ON_A_BUDGET = 10;
    /** Well under the API's 256 MB per batch: the requests' sizes are bounds, and the body wraps them. */
    static final long MAX_BATCH_BYTES = 200_000_000;

    private final Database db;
    private final PendingWork work;
    private final Gate gate;
    private final LocationResolver resolver;
    private final ClaudeClassifier claude;
    private final ClaudeApi api;
    private final Budget budget;
    private final Clock clock;
    private final int pageSize;
    private final int threads;
    private final int maxRequests;
    private final long firstPollMillis;
    private final Consumer<String> log;
    private final Map<Long, Double> reserved = new HashMap<>();
    private long maxBatchBytes = MAX_BATCH_BYTES;
    /** Postings a batch returned unanswered in this run: left pending for the next run, not resent now. */
    private final Set<Long> returned = Collections.synchronizedSet(new HashSet<>());
    private RunStop stop;
    /** The posting whose worst case the budget refused last. */
    private Prepared refused;
    /** The budget's refusal of a direct re-ask of a batch answer (its posting left pending), or null. */
    private RunStop reAskRefused;

    /**
     * @param work the pending postings this process may decide; where workers lease them, the
     *             postings collected for a batch stay leased to this process until the batch
     *             holds them, so no other worker classifies them meanwhile
     */
    public BatchEnricher(Database db, PendingWork work, Gate gate, LocationResolver resolver, ClaudeClassifier claude,
                         ClaudeApi api, Budget budget, Clock clock, int pageSize, int threads, int maxRequests,
                         Duration firstPoll, Consumer<String> log) {
        this.db = db;
        this.work = work;
        this.gate = gate;
        this.resolver = resolver;
        this.claude = claude;
        this.api = api;
        this.budget = budget;
        this.clock = clock;
        this.pageSize = pageSize;
        this.threads = threads;
        this.maxRequests = maxRequests;
        this.firstPollMillis = firstPoll.toMillis();
        this.log = log;
    }

    /** What batch enrichment did, in the same terms as direct enrichment, plus the batches. */
    public record Result(Enricher.Result decided, int batchesSubmitted, int batchesCollected, long requestsSent,
                         long returnedToPending) {
    }

    /**
     * Resumes and collects open batches, then batches the pending postings, until none is left.
     * One process at a time: two would collect the same batches and record their cost twice.
     */
    public Result run() {
        try (SessionLock lock = SessionLock.acquire(db, "jobintel message batches", "running message batches")) {
            Totals totals = new Totals();
            resumeInterrupted();
            collectOpen(totals);
            while (stop == null) {
                Collector collector = new Collector();
                Enricher.Result r = new Enricher(db, work, gate, resolver, collector, clock, pageSize, threads, 1,
                        Progress.silent()).passes(1).run(0);
                totals.add(r);
                if (r.stop() != null) {
                    stop = r.stop();
                }
                if (collector.wanted.isEmpty() || stop != null) {
                    break;
                }
                // The budget stops further batches, not the collection of the ones it paid for. A batch
                // holds its requests' worst cases, several times what they are billed: once it is
                // collected, what is spent may leave room for another, as direct requests go on while
                // they fit. Each round waits for a batch to end (minutes, or hours), so the run ends
                // when the room left is too small for a batch worth that wait.
                RunStop spent = submit(collector.wanted, totals);
                collectOpen(totals);
                if (spent == null) {
                    spent = reAskRefused;
                }
                if (spent != null && stop == null) {
                    stop = budgetEnd(spent);
                }
            }
            // Postings whose re-ask the budget refused are pending: the run did not get through them.
            return totals.result(stop == null ? reAskRefused : stop);
        }
    }

    /**
     * The budget's stop after a round it cut short, once the batches are collected: null while
     * the room left buys a batch worth waiting for; {@code refusal} when it buys not one request.
     */
    private RunStop budgetEnd(RunStop refusal) {
        double worst = claude.batchWorstCase(refused);
        double left = budget.left();
        if (left >= SMALLEST_BATCH_ON_A_BUDGET * worst) {
            return null;
        }
        return left < worst ? refusal : new RunStop("budget", String.format(Locale.ROOT, "the budget of $%s leaves"
                + " $%.4f, too little for a batch worth waiting for (%d requests that could cost up to $%.4f each)",
                budget.limitText(), left,
                SMALLEST_BATCH_ON_A_BUDGET, worst));
    }

    /** Asks the classifier what it can answer now; everything else is collected for a batch. */
    private final class Collector implements Classifier {
        final Map<Long, Prepared> wanted = Collections.synchronizedMap(new LinkedHashMap<>());
        private final Set<String> keys = Collections.synchronizedSet(new HashSet<>());

        @Override
        public String name() {
            return ClaudeClassifier.NAME;
        }

        @Override
        public Classification classify(Prepared posting) {
            throw new IllegalStateException("batch enrichment needs the posting's id");
        }

        @Override
        public Classification classify(Prepared posting, long postingId) {
            ClaudeClassifier.Estimate e = claude.estimate(posting);
            if (e.need() != ClaudeClassifier.Estimate.Need.REQUEST) {
                return claude.classify(posting, postingId);
            }
            // One request per distinct content; the others reuse its answer on the next round.
            if (!returned.contains(postingId) && keys.add(e.contentKey())) {
                wanted.put(postingId, posting);
            }
            throw new Deferred();
        }
    }

    /**
     * Writes each batch with its postings, submits it, and stores the API's id. Returns the
     * budget's stop when it allows no more requests (what fitted is submitted), else null.
     */
    private RunStop submit(Map<Long, Prepared> wanted, Totals totals) {
        List<Map.Entry<Long, Prepared>> all = new ArrayList<>(wanted.entrySet());
        RunStop spent = null;
        int end;
        for (int from = 0; from < all.size() && stop == null && spent == null; from = end) {
            end = chunkEnd(all, from);
            List<Map.Entry<Long, Prepared>> chunk = all.subList(from, end);
            List<LlmBatches.Item> items = new ArrayList<>();
            String token = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
            Map<Long, String> hashes = contentHashes(chunk.stream().map(Map.Entry::getKey).toList(), wanted);
            for (Map.Entry<Long, Prepared> e : chunk) {
                String hash = hashes.get(e.getKey());
                if (hash == null) {
                    continue; // decided, or changed by a fetch, since it was read: the next round sees it
                }
                double worst = claude.batchWorstCase(e.getValue());
                try {
                    budget.reserve(worst);
                } catch (RunStop s) {
                    spent = s;
                    refused = e.getValue();
                    break;
                }
                reserved.put(e.getKey(), worst);
                String id = customId(e.getKey(), token);
                items.add(new LlmBatches.Item(e.getKey(), id, ContentKey.of(e.getValue().posting()), hash));
            }
            LlmBatches.Created created = items.isEmpty() ? null : db.inTransactionRetried(c -> LlmBatches.create(c, work,
                    claude.model(), claude.promptVersion(), items, clock.millis()));
            if (created != null && created.items().size() < items.size()) {
                // Decided since they were read, or claimed by a worker once this process's lease on them ran out:
                // whoever decides them pays for them, and the batch does not pay again.
                Set<Long> held = new HashSet<>();
                created.items().forEach(i -> held.add(i.postingId()));
                for (LlmBatches.Item i : items) {
                    if (!held.contains(i.postingId())) {
                        budget.settle(reserved.remove(i.postingId()), 0);
                    }
                }
                log.accept((items.size() - created.items().size()) + " postings were decided or taken by another "
                        + "worker before their batch was written; they are not sent");
            }
            if (created == null || created.items().isEmpty()) {
                if (spent != null) {
                    return spent;
                }
                continue;
            }
            long batchId = created.id();
            List<LlmBatches.Item> sent = created.items();
            List<BatchCreateParams.Request> requests = new ArrayList<>(sent.size());
            for (LlmBatches.Item i : sent) {
                requests.add(claude.batchRequest(i.customId(), wanted.get(i.postingId())));
            }
            try {
                MessageBatch b = api.createBatch(requests);
                db.inTransaction(c -> {
                    LlmBatches.submitted(c, batchId, b.id(), clock.millis());
                    return null;
                });
                totals.submitted++;
                totals.sent += sent.size();
                log.accept("submitted batch " + b.id() + " with " + sent.size() + " postings");
            } catch (ClaudeApi.ApiCallException e) {
                ApiFailure f = e.failure();
                boolean maybeAccepted = f.unanswered() || (f.status() != null && f.status() < 300);
                if (maybeAccepted) {
                    // No answer (a timeout, a dropped connection) or one that cannot be read: the API
                    // may hold the batch and bill it. It stays 'submitting', so the next run looks for it among the API's batches
                    // instead of sending its postings again.
                    stop = new RunStop("api_unavailable", "could not confirm that a batch of " + sent.size()
                            + " postings reached the API: " + f.describe() + "; the next run looks for it and"
                            + " collects it, or sends its postings again if it never arrived");
                    return spent;
                }
                // Refused with a status, nothing was accepted: release the postings; a refusal of
                // the key stops the run.
                db.inTransactionRetried(c -> {
                    LlmBatches.abandon(c, batchId, e.getMessage());
                    return null;
                });
                for (LlmBatches.Item i : sent) {
                    budget.settle(reserved.remove(i.postingId()), 0);
                }
                if (f.kind() == ApiFailure.Kind.FATAL || f.kind() == ApiFailure.Kind.BAD_REQUEST
                        || f.kind() == ApiFailure.Kind.TOO_LARGE) {
                    stop = new RunStop(f.kind() == ApiFailure.Kind.FATAL ? "api_refused" : "bad_requests",
                            "the Message Batches API refused the batch: " + f.describe());
                } else {
                    stop = new RunStop("api_unavailable", "could not submit a batch: " + f.describe()
                            + "; its postings stay pending");
                }
            }
        }
        return spent;
    }

    /**
     * Where the batch starting at {@code from} ends: after batch_max_requests postings, or before the one that
     * would take its body past {@link #maxBatchBytes}. Every request carries the whole system prompt (~46 KB),
     * so the default 10,000 postings would make a body of ~460 MB, which the API refuses (256 MB at most).
     */
    private int chunkEnd(List<Map.Entry<Long, Prepared>> all, int from) {
        long bytes = 0;
        int end = from;
        while (end < all.size() && end - from < maxRequests) {
            long b = claude.batchRequestBytes(all.get(end).getValue());
            if (end > from && bytes + b > maxBatchBytes) {
                break;
            }
            bytes += b;
            end++;
        }
        return end;
    }

    /** The most bytes of requests one batch is given (the API takes 256 MB; tests make it small). */
    BatchEnricher maxBatchBytes(long bytes) {
        this.maxBatchBytes = bytes;
        return this;
    }

    /**
     * The stored content hash of each posting of {@code ids} that is still pending with the
     * content its request is made from (compared by content key, both computed here and now).
     */
    private Map<Long, String> contentHashes(List<Long> ids, Map<Long, Prepared> asked) {
        Map<Long, String> out = new HashMap<>();
        for (PendingPosting p : db.read(c -> RawPostings.pendingByIds(c, ids))) {
            if (ContentKey.of(p.posting()).equals(ContentKey.of(asked.get(p.id()).posting()))) {
                out.put(p.id(), p.contentHash());
            }
        }
        return out;
    }

    /**
     * A batch written but not known to have reached the API: look for it among the API's recent
     * batches (same size, created after it was written); release its postings if it is not there.
     * A batch of the same size another database sent meanwhile could be taken for it: its custom_ids match none of ours (see {@link #customId}), so its answers
     * decide nothing here and the postings go back to pending.
     */
    private void resumeInterrupted() {
        for (LlmBatches.Batch b : db.read(LlmBatches::open)) {
            if (!b.status().equals("submitting")) {
                continue;
            }
            Set<String> known = db.read(LlmBatches::remoteIds);
            String found = null;
            try {
                for (MessageBatch remote : api.recentBatches(100)) {
                    long created = remote.createdAt().toInstant().toEpochMilli();
                    long total = remote.requestCounts().processing() + remote.requestCounts().succeeded()
                            + remote.requestCounts().errored() + remote.requestCounts().canceled()
                            + remote.requestCounts().expired();
                    if (!known.contains(remote.id()) && total == b.requestCount() && created >= b.createdAt() - 60_000) {
                        found = remote.id();
                        break;
                    }
                }
            } catch (ClaudeApi.ApiCallException e) {
                stop = new RunStop("api_unavailable", "cannot list batches to resume an interrupted submission: "
                        + e.getMessage());
                return;
            }
            String remoteId = found;
            db.inTransactionRetried(c -> {
                if (remoteId != null) {
                    LlmBatches.submitted(c, b.id(), remoteId, clock.millis());
                } else {
                    LlmBatches.abandon(c, b.id(), "submission interrupted; the batch never reached the API");
                }
                return null;
            });
            log.accept(remoteId != null ? "resumed interrupted batch " + remoteId
                    : "released the postings of a batch that never reached the API");
        }
    }

    /** Polls every open batch until it ends, then stores its results. */
    private void collectOpen(Totals totals) {
        for (LlmBatches.Batch b : db.read(LlmBatches::open)) {
            if (stop != null || b.remoteId() == null) {
                continue;
            }
            if (!b.model().equals(claude.model())) {
                // Its answers would be billed at this model's prices and recorded (and reused) as this model's.
                // It stays open, and nothing new is sent, until a run configured for its model collects it.
                stop = new RunStop("batch_model", "batch " + b.remoteId() + " was sent to " + b.model() + ", not to "
                        + claude.model() + " as configured now; run 'jobintel enrich --batch' with classifier.claude.model: "
                        + b.model() + " to collect it (its postings stay pending, left to it, until then)");
                return;
            }
            if (!b.status().equals("ended") && !awaitEnd(b)) {
                return;
            }
            collect(b, totals);
        }
    }

    private boolean awaitEnd(LlmBatches.Batch b) {
        long wait = firstPollMillis;
        int failures = 0;
        while (true) {
            try {
                MessageBatch remote = api.batch(b.remoteId());
                failures = 0;
                if (remote.processingStatus().equals(MessageBatch.ProcessingStatus.ENDED)) {
                    db.inTransaction(c -> {
                        LlmBatches.ended(c, b.id(), clock.millis());
                        return null;
                    });
                    return true;
                }
                log.accept("batch " + b.remoteId() + ": " + remote.requestCounts().processing() + " of "
                        + b.requestCount() + " still processing; next look in " + (wait / 1000) + " s");
            } catch (ClaudeApi.ApiCallException e) {
                if (unknownToTheApi(e)) {
                    // The API does not know the batch (deleted, or past the days it keeps it): polled again it never
                    // ends, and its postings would stay held by it for ever. Its results are looked for as an
                    // ended batch's are, found gone, and its postings go back to pending for the next run.
                    log.accept("batch " + b.remoteId() + " is no longer known to the API: " + e.getMessage());
                    return true;
                }
                if (e.failure().kind() == ApiFailure.Kind.FATAL || ++failures >= 10) {
                    stop = new RunStop("api_unavailable", "cannot poll batch " + b.remoteId() + ": " + e.getMessage()
                            + "; it stays open and the next run resumes it");
                    return false;
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = new RunStop("interrupted", "interrupted while waiting for batch " + b.remoteId());
                return false;
            }
            wait = Math.min(MAX_POLL_MILLIS, wait * 2);
        }
    }

    /**
     * Whether the API itself says it does not know the batch or its results (404 not_found_error). A 404
     * of another kind (a proxy, a base URL that is not the API's) says nothing of the batch: taken as
     * gone, its postings would be sent and paid for again while the batch still runs.
     */
    private static boolean unknownToTheApi(ClaudeApi.ApiCallException e) {
        return Integer.valueOf(404).equals(e.failure().status()) && "not_found_error".equals(e.failure().type());
    }

    private void collect(LlmBatches.Batch b, Totals totals) {
        Map<String, LlmBatches.Item> items = db.read(c -> LlmBatches.items(c, b.id()));
        Set<Long> recorded = db.read(c -> LlmBatches.recorded(c, b.id()));
        List<Long> ids = items.values().stream().map(LlmBatches.Item::postingId).toList();
        Map<Long, PendingPosting> pending = new HashMap<>();
        for (PendingPosting p : db.read(c -> RawPostings.pendingByIds(c, ids))) {
            pending.put(p.id(), p);
        }
        List<Outcome> outcomes = new ArrayList<>();
        long changedBefore = totals.changedInBatch;
        String unreadable;
        Set<String> answered = new HashSet<>();
        try (StreamResponse<MessageBatchIndividualResponse> results = api.results(b.remoteId())) {
            unreadable = read(b, results, items, recorded, pending, outcomes, totals, answered);
        } catch (ClaudeApi.ApiCallException e) {
            if (!unknownToTheApi(e)) {
                stop = new RunStop("api_unavailable", "cannot read the results of batch " + b.remoteId() + ": "
                        + e.getMessage() + "; the next run collects them");
                return;
            }
            // The batch ended, but its results are gone (deleted, or past the days they are kept).
            unreadable = "its results are no longer there (" + e.getMessage() + ")";
        }
        int missing = stop == null ? unanswered(b, items, recorded, pending, answered, unreadable, totals) : 0;
        Outcomes writer = new Outcomes(db);
        for (int from = 0; from < outcomes.size(); from += pageSize) {
            List<Outcome> chunk = outcomes.subList(from, Math.min(outcomes.size(), from + pageSize));
            WriteResult w = writer.write(chunk, clock.millis());
            totals.add(w);
            for (Outcome o : w.notSuperseded(chunk)) {
                if (o instanceof Outcome.Failed f) {
                    totals.failedBy.merge(f.reason(), 1L, Long::sum);
                }
            }
        }
        if (stop == null) {
            db.inTransactionRetried(c -> {
                LlmBatches.collected(c, b.id(), clock.millis());
                return null;
            });
            totals.collected++;
            if (unreadable != null) {
                // Sent again in this run, they could meet the same fate (results that keep disappearing) and
                // be paid for round after round: the next run sends them.
                stop = new RunStop("results_unreadable", "batch " + b.remoteId() + ": " + unreadable + "; "
                        + outcomes.size() + " postings were decided from what could be read, the others are pending "
                        + "again and the next run sends them");
            } else if (missing > 0) {
                stop = new RunStop("results_incomplete", "batch " + b.remoteId() + ": its results have no line for "
                        + missing + " of its requests; those postings are pending again and the next run sends them");
            }
            log.accept("collected batch " + b.remoteId() + ": " + outcomes.size() + " postings decided"
                    + (totals.changedInBatch > changedBefore ? "; " + (totals.changedInBatch - changedBefore)
                    + " changed on their boards while the batch ran and are asked again" : ""));
        }
    }

    /**
     * Turns each result into its posting's outcome, in {@code outcomes}. Returns why the results could
     * not be read to their end (a line that is no result), or null; a broken connection sets the stop.
     */
    private String read(LlmBatches.Batch b, StreamResponse<MessageBatchIndividualResponse> results,
                        Map<String, LlmBatches.Item> items, Set<Long> recorded, Map<Long, PendingPosting> pending,
                        List<Outcome> outcomes, Totals totals, Set<String> answered) {
        java.util.Iterator<MessageBatchIndividualResponse> it = results.stream().iterator();
        while (stop == null) {
            MessageBatchIndividualResponse r;
            try {
                if (!it.hasNext()) {
                    return null;
                }
                r = it.next();
            } catch (RuntimeException e) {
                if (!unparseable(e)) {
                    // The connection broke: what was read is kept, the next run reads on from there.
                    stop = new RunStop("api_unavailable", "reading the results of batch " + b.remoteId()
                            + " broke off: " + Throwables.rootMessage(e) + "; the next run collects the rest");
                    return null;
                }
                // A line that is no result: the stream cannot be read past it.
                return unreadableLine(e);
            }
            String customId;
            try {
                customId = r.customId();
            } catch (RuntimeException noId) {
                continue; // a result without its custom_id belongs to no posting
            }
            LlmBatches.Item item = items.get(customId);
            // The same custom_id twice: the first answer counts, the second is neither used nor billed.
            if (item == null || !answered.add(customId) || recorded.contains(item.postingId())) {
                continue;
            }
            PendingPosting p = pending.get(item.postingId());
            if (p == null) {
                // Decided another way while the batch ran (or by hand): its answer is not used, but what
                // it was billed is in the cost ledger, and its reservation goes back to the budget.
                Double held = reserved.remove(item.postingId());
                // A malformed answer (no usage, a negative count) is no bill, here as for a pending posting: read as
                // one, it broke off the collection, and every later run's, with the batch's answers unread.
                boolean billed = r.result().isSucceeded() && ClaudeApi.malformed(r.result().asSucceeded().message()) == null;
                budget.settle(held == null ? 0 : held, billed ? claude.batchCost(r.result().asSucceeded().message()) : 0);
                if (billed) {
                    claude.recordBatchSuperseded(item.postingId(), item.contentKey(), b.id(),
                            r.result().asSucceeded().message(), "answered after the posting was no longer pending");
                }
                continue;
            }
            Outcome o = outcome(b.id(), item, p, r.result(), totals);
            if (o != null) {
                outcomes.add(o);
            }
        }
        return null;
    }

    /**
     * The requests of an ended batch that its results do not answer (left out, past a line that
     * cannot be read, or all of them when the results are gone) are recorded as such in the cost
     * ledger and go back to pending for the next run (and the run stops, exit 6). Sent again in this
     * run, a batch whose results keep leaving them out would be sent round after round. Returns how many.
     */
    private int unanswered(LlmBatches.Batch b, Map<String, LlmBatches.Item> items, Set<Long> recorded,
                           Map<Long, PendingPosting> pending, Set<String> answered, String unreadable, Totals totals) {
        int missing = 0;
        for (LlmBatches.Item item : items.values()) {
            PendingPosting p = pending.get(item.postingId());
            if (answered.contains(item.customId()) || recorded.contains(item.postingId())) {
                continue;
            }
            if (p == null) {
                // Decided another way while its batch ran, and no answer came: nothing to record, but the worst
                // case held for it is free again (held, it would stop a budgeted run early).
                Double held = reserved.remove(item.postingId());
                if (held != null) {
                    budget.settle(held, 0);
                }
                continue;
            }
            Double held = reserved.remove(p.id());
            budget.settle(held == null ? 0 : held, 0);
            claude.recordBatchFailure(p.id(), Prepared.of(p.posting(), resolver), b.id(), "server_error", null,
                    unreadable != null ? "no result could be read: " + unreadable
                            : "the batch's results have no line for this request");
            totals.returned++;
            returned.add(p.id());
            missing++;
        }
        return missing;
    }

    /** What is wrong with the results, on one line (a parser's message spans several, with its internals). */
    private static String unreadableLine(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                return "a results line is not JSON: " + JsonStream.problem(j);
            }
        }
        return Throwables.rootMessage(e).replaceAll("\\s+", " ").strip();
    }

    /** Whether a results stream failed on what it read (a line that is not a result), not on the network. */
    private static boolean unparseable(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException
                    || t instanceof com.anthropic.errors.AnthropicInvalidDataException) {
                return true;
            }
            if (t instanceof java.io.IOException || t instanceof com.anthropic.errors.AnthropicIoException) {
                return false;
            }
        }
        return true;
    }

    /** The outcome of one result, or null when the posting goes back to pending. */
    private Outcome outcome(long batchId, LlmBatches.Item item, PendingPosting p, MessageBatchResult result,
                            Totals totals) {
        Prepared prepared = Prepared.of(p.posting(), resolver);
        Double held = reserved.remove(p.id());
        String malformed = result.isSucceeded() ? ClaudeApi.malformed(result.asSucceeded().message()) : null;
        if (result.isSucceeded() && malformed == null) {
            malformed = claude.beyondBatchRequest(prepared, result.asSucceeded().message());
        }
        if (result.isSucceeded() && malformed == null) {
            var message = result.asSucceeded().message();
            // Changed in what the request said (its content key, as this version computes it) and in
            // what is stored (the hash, whose formula is the same across versions): a new URL or
            // white space alone keeps the answer, and so does an upgrade that changed the key's formula.
            boolean changed = !item.contentKey().equals(ContentKey.of(p.posting()))
                    && (item.contentHash() == null || !item.contentHash().equals(p.contentHash()));
            if (changed) {
                // The board changed the posting while the batch ran: the answer is not about it any more.
                budget.settle(held == null ? 0 : held, claude.batchCost(message));
                claude.recordBatchSuperseded(p.id(), item.contentKey(), batchId, message,
                        "answered after the posting changed on its board; its new content is classified again");
                totals.changedInBatch++;
                return null;
            }
            // Billed whatever becomes of it: settled first, so that its worst case is not held against
            // a re-ask of it.
            budget.settle(held == null ? 0 : held, claude.batchCost(message));
            try {
                Classification k = claude.fromBatch(prepared, p.id(), new ClaudeClassifier.BatchAnswer(message, batchId));
                return Enricher.enriched(p, prepared, k);
            } catch (ClassificationFailure f) {
                return new Outcome.Failed(p.id(), p.contentHash(), f.reason(), f.getMessage(), f.retryable(), f.rawOutput());
            } catch (RunStop s) {
                if (s.reason().equals("budget")) {
                    // A re-ask the budget cannot hold beside the answers still to be read: the posting
                    // waits for the next run, and the rest of the batch is collected.
                    reAskRefused = s;
                    refused = prepared;
                    totals.returned++;
                    returned.add(p.id());
                    return null;
                }
                stop = s;
                return null;
            }
        }
        budget.settle(held == null ? 0 : held, 0);
        if (malformed != null) {
            // An answer without its content or usage cannot be read or billed: asked again, as an api_error is.
            claude.recordBatchFailure(p.id(), prepared, batchId, "server_error", null, "malformed result: " + malformed);
        } else if (result.isErrored()) {
            var error = result.asErrored().error().error();
            String type = error.isInvalidRequestError() ? "invalid_request_error" : "api_error";
            String message = errorMessage(error);
            if (error.isInvalidRequestError()) {
                claude.recordBatchFailure(p.id(), prepared, batchId, "bad_request", 400, message);
                return new Outcome.Failed(p.id(), p.contentHash(), "bad_request", "the batch request was refused: " + message, false, null);
            }
            claude.recordBatchFailure(p.id(), prepared, batchId, "server_error", null, type + ": " + message);
        } else if (result.isExpired()) {
            claude.recordBatchFailure(p.id(), prepared, batchId, "expired", null, "not processed within 24 hours");
        } else {
            claude.recordBatchFailure(p.id(), prepared, batchId, "canceled", null, "the batch was canceled");
        }
        totals.returned++;
        returned.add(p.id());
        return null;
    }

    /** The API's own words for an errored result ("messages.0: …"), not the SDK object's rendering. */
    private static String errorMessage(Object error) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = com.anthropic.core.ObjectMappers.jsonMapper().valueToTree(error);
            String message = n.path("message").asText("");
            return message.isBlank() ? n.toString() : message;
        } catch (IllegalArgumentException unserialisable) {
            return String.valueOf(error);
        }
    }

    /** Running totals over the rounds. */
    private static final class Totals {
        long processed;
        long enriched;
        long merged;
        long filtered;
        long failed;
        long storeFailures;
        final Map<String, Long> filteredBy = new TreeMap<>();
        final Map<String, Long> failedBy = new TreeMap<>();
        int submitted;
        int collected;
        long sent;
        long returned;
        /** Postings whose decision was not written because a fetch changed them meanwhile: left pending. */
        long superseded;
        /** Answers that came back for content their posting no longer has: paid, not used, asked again. */
        long changedInBatch;

        void add(Enricher.Result r) {
            processed += r.processed();
            enriched += r.enriched();
            merged += r.merged();
            filtered += r.filtered();
            failed += r.failed();
            storeFailures += r.storeFailures();
            superseded += r.superseded();
            r.filteredByReason().forEach((k, v) -> filteredBy.merge(k, v, Long::sum));
            r.failedByReason().forEach((k, v) -> failedBy.merge(k, v, Long::sum));
        }

        void add(WriteResult w) {
            processed += w.enriched() + w.merged() + w.failed() + w.filtered();
            enriched += w.enriched();
            merged += w.merged();
            failed += w.failed();
            storeFailures += w.storeFailures().size();
            superseded += w.superseded().size();
        }

        Result result(RunStop stop) {
            return new Result(new Enricher.Result(processed, enriched, merged, filtered, failed, filteredBy, failedBy,
                    storeFailures, superseded, 0, stop), submitted, collected, sent, returned);
        }
    }
}
