package dev.wren.serving.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wren.core.explore.TeamDraftInterleaving;
import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.Ranker;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Reranker;
import dev.wren.core.recommend.Retriever;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.ab.BanditFeedback;
import dev.wren.serving.ab.Bucketing;
import dev.wren.serving.ab.DuelingBandit;
import dev.wren.serving.ab.Experiment;
import dev.wren.serving.ab.ExperimentTally;
import dev.wren.serving.ab.Exploration;
import dev.wren.serving.ab.Variant;
import dev.wren.serving.events.EventLog;
import dev.wren.serving.models.TwoTowerRetriever;
import dev.wren.serving.rank.BlendRanker;
import dev.wren.serving.rerank.Explorer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Serves one request through recall -> rank -> rerank on the live state, with the user's A/B variants applied, each
 * stage timed, and an exposure logged. Thread-safe: each request reads the state once and builds its own objects,
 * among them its {@link RequestContext}, which reads the user once and carries this request's degraded mark alone.
 */
public final class Recommender {
    public static final String STAGE_TIMER = "wren.pipeline.stage";
    public static final String EXPOSURES = "wren.exposures";
    public static final String CHANNEL_TIMER = "wren.recall.channel";
    public static final String DEGRADED = UserContexts.STORE_UNREACHABLE;
    public static final String DEGRADED_COUNTER = "wren.degraded";

    private final Supplier<ServingState> state;
    private final PipelineSettings settings;
    private final List<Experiment> experiments;
    private final EventLog eventLog;
    private final MeterRegistry metrics;
    private final Timer recall;
    private final Timer rank;
    private final Timer rerank;
    private final Timer total;
    private final Counter degraded;
    private final Map<String, Timer> channelTimers = new java.util.concurrent.ConcurrentHashMap<>();
    /** The live state's channels, each timing its calls: rebuilt when a new state's stages come in, not per request. */
    private volatile TimedChannels timedChannels = new TimedChannels(null, Map.of());
    /** Exposure counters by variant label: looked up once, not rebuilt and registered on every request. */
    private final Map<String, Counter> exposures = new java.util.concurrent.ConcurrentHashMap<>();

    private final BanditFeedback feedback;
    private final Explorer explorer;
    /** Live exposures and clicks per variant, for the experiments page. */
    private final ExperimentTally tally = new ExperimentTally(100_000);
    /** The dueling bandits of dueling-bandit experiments, by experiment name. */
    private final Map<String, DuelingBandit> duels;
    /** Where a dueling bandit's blend weights start: the blend ranker's defaults (recall, rating, popularity). */
    private static final double[] DUEL_START = {0.5, 0.3, 0.2};
    /** Numbers requests, so each request's random stream is seeded from (user, request number) and tests replay. */
    private final AtomicLong requests = new AtomicLong();

    public Recommender(
            Supplier<ServingState> state,
            PipelineSettings settings,
            List<Experiment> experiments,
            EventLog eventLog,
            MeterRegistry metrics) {
        this(state, settings, experiments, eventLog, metrics, new BanditFeedback(10_000));
    }

    /**
     * @param feedback what exploring variants learn from; the server shares it with the event log that feeds it clicks
     */
    public Recommender(
            Supplier<ServingState> state,
            PipelineSettings settings,
            List<Experiment> experiments,
            EventLog eventLog,
            MeterRegistry metrics,
            BanditFeedback feedback) {
        this.state = state;
        this.settings = settings;
        this.experiments = List.copyOf(experiments);
        this.eventLog = eventLog;
        this.metrics = metrics;
        this.feedback = feedback;
        this.explorer = new Explorer(feedback);
        if (experiments.stream().filter(e -> e.type() != Experiment.Type.AB).count() > 1) {
            // An exposure has one list and one set of teams, so a user can be in only one interleaving experiment.
            throw new IllegalArgumentException(
                    "at most one interleaving or dueling-bandit experiment can run at a time");
        }
        Map<String, DuelingBandit> bandits = new LinkedHashMap<>();
        for (Experiment e : experiments) {
            e.duel().ifPresent(d -> {
                DuelingBandit bandit = new DuelingBandit(DUEL_START, d.delta(), d.alpha(), 10_000);
                bandits.put(e.name(), bandit);
                feedback.follow(bandit);
            });
        }
        this.duels = Map.copyOf(bandits);
        feedback.follow(tally);
        this.recall = stageTimer("recall");
        this.rank = stageTimer("rank");
        this.rerank = stageTimer("rerank");
        this.total = stageTimer("total");
        this.degraded = Counter.builder(DEGRADED_COUNTER)
                .description("Recommendations served without the feature store (unreachable)")
                .register(metrics);
    }

    private Timer stageTimer(String stage) {
        return Timer.builder(STAGE_TIMER)
                .description("Latency of one recommendation pipeline stage")
                .tag("stage", stage)
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    /**
     * The pipeline plan of one user: the default settings with each A/B experiment's variant laid over (the last
     * exploring variant's exploration wins), and, for a user in an interleaving experiment, the two teams' plans.
     */
    public Plan plan(int userId) {
        List<String> channels = settings.channels();
        String ranker = settings.ranker();
        String reranker = settings.reranker();
        Map<String, String> assignments = new LinkedHashMap<>();
        Optional<Exploration> exploration = Optional.empty();
        String explorer = "default";
        Experiment interleaving = null;
        for (Experiment e : experiments) {
            Variant v = Bucketing.assign(e, userId).orElse(null);
            if (v == null) {
                continue;
            }
            if (e.type() != Experiment.Type.AB) {
                assignments.put(e.name(), Experiment.INTERLEAVED);
                interleaving = e;
                continue;
            }
            assignments.put(e.name(), v.name());
            channels = v.channels().orElse(channels);
            ranker = v.ranker().orElse(ranker);
            reranker = v.reranker().orElse(reranker);
            if (v.exploration().isPresent()) {
                exploration = v.exploration();
                explorer = e.name() + "=" + v.name();
            }
        }
        String label = assignments.isEmpty()
                ? "default"
                : String.join(
                        ",",
                        assignments.entrySet().stream()
                                .map(en -> en.getKey() + "=" + en.getValue())
                                .toList());
        Optional<String> type = assignments.isEmpty()
                ? Optional.empty()
                : Optional.of((interleaving == null ? Experiment.Type.AB : Experiment.Type.INTERLEAVING).label());
        Plan plan =
                new Plan(channels, ranker, reranker, assignments, label, exploration, explorer, Optional.empty(), type);
        if (interleaving == null) {
            return plan;
        }
        // Each team is the user's plan with its variant laid over; interleaved lists do not explore.
        boolean duel = interleaving.type() == Experiment.Type.DUELING_BANDIT;
        Plan a = plan.overlaid(interleaving.variants().get(0));
        Plan b = duel ? a : plan.overlaid(interleaving.variants().get(1));
        return new Plan(
                a.channels(),
                duel ? BlendRanker.NAME + "+" + DUEL_RANKER : a.ranker() + "+" + b.ranker(),
                a.reranker() + "+" + b.reranker(),
                assignments,
                label,
                Optional.empty(),
                explorer,
                Optional.of(new Teams(a, b, duel ? Optional.of(interleaving.name()) : Optional.empty())),
                type);
    }

    /**
     * The default channels recall with the two-tower model too when one is loaded: a models folder with a two-tower
     * bundle (as {@code wren demo} trains) should not need a configuration change to be used. Channels an experiment
     * variant names are kept exactly as named.
     */
    private Plan withLoadedModels(Plan plan, ServingState s) {
        if (plan.channels() != settings.channels()
                || plan.channels().contains(TwoTowerRetriever.NAME)
                || s.data().models().retriever().isEmpty()) {
            return plan;
        }
        List<String> channels = new ArrayList<>(plan.channels());
        channels.add(TwoTowerRetriever.NAME);
        return plan.withChannels(channels);
    }

    /**
     * What one user's requests run.
     *
     * @param exploration the exploring variant's policy, when the user is in one
     * @param explorer the {@code experiment=variant} whose bandit state the exploration uses
     * @param teams for a user in an interleaving experiment, the plans of teams A and B
     * @param experimentType {@code ab} or {@code interleaving} when the user is in an experiment
     */
    public record Plan(
            List<String> channels,
            String ranker,
            String reranker,
            Map<String, String> assignments,
            String label,
            Optional<Exploration> exploration,
            String explorer,
            Optional<Teams> teams,
            Optional<String> experimentType) {
        Plan withChannels(List<String> list) {
            return new Plan(list, ranker, reranker, assignments, label, exploration, explorer, teams, experimentType);
        }

        Plan withStages(List<String> list, String newRanker) {
            return new Plan(
                    list, newRanker, reranker, assignments, label, exploration, explorer, teams, experimentType);
        }

        Plan overlaid(Variant v) {
            return new Plan(
                    v.channels().orElse(channels),
                    v.ranker().orElse(ranker),
                    v.reranker().orElse(reranker),
                    assignments,
                    label,
                    Optional.empty(),
                    explorer,
                    Optional.empty(),
                    experimentType);
        }
    }

    /**
     * The two rankers of an interleaving experiment: A, the control, and B.
     *
     * @param duel for a dueling-bandit experiment, its name: both teams run the blend ranker, A with the current
     *     weights and B with perturbed ones
     */
    public record Teams(Plan a, Plan b, Optional<String> duel) {}

    /** The name logged for team B's ranker in a dueling-bandit experiment. */
    public static final String DUEL_RANKER = "blend-perturbed";

    /**
     * Recommends through the user's plan. When the feature store cannot be reached for the user's row, the stages run
     * on what the ratings file and the recent events say about the user, and the response says it is degraded; when a
     * stage's own store read fails, the request is answered from the fallback channels with the blend ranker, which
     * need no store. Either way only this request is marked.
     */
    public Recommendation recommend(RecommendRequest request) {
        long start = System.nanoTime();
        ServingState s = state.get();
        Plan plan = withLoadedModels(plan(request.userId()), s);
        // One context per request: the user read once, shared by every stage, and this request's own degraded mark.
        RequestContext<UserContext> context = s.data().users().context(request.withVariant(plan.label()));
        Recommendation r;
        try {
            r = run(s, plan, context);
        } catch (FeatureStoreException e) {
            context.markDegraded(DEGRADED);
            Plan fallback = withoutTeams(plan).withStages(settings.fallbacks(), BlendRanker.NAME);
            r = run(s, fallback, context);
        }
        if (r.degraded().isPresent()) {
            degraded.increment();
        }
        total.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        return r;
    }

    private Recommendation run(ServingState s, Plan plan, RequestContext<UserContext> context) {
        RecommendRequest req = context.request();
        RandomGenerator random = random(req.userId());
        Explorer.Shown shown;
        List<String> empty;
        Optional<List<String>> teams = Optional.empty();
        if (plan.teams().isPresent()) {
            Teams t = plan.teams().get();
            Optional<DuelingBandit> bandit = t.duel().map(duels::get);
            Optional<DuelingBandit.Duel> duel = bandit.map(d -> d.propose(random));
            Outcome a = execute(s, t.a(), context, duel.map(d -> blend(s, d.weights())));
            Outcome b = execute(s, t.b(), context, duel.map(d -> blend(s, d.perturbed())));
            Map<Integer, ScoredItem> byId = new java.util.HashMap<>();
            b.items().forEach(i -> byId.put(i.itemId(), i));
            a.items().forEach(i -> byId.put(i.itemId(), i));
            TeamDraftInterleaving.Interleaved merged =
                    TeamDraftInterleaving.interleave(ids(a.items()), ids(b.items()), req.size(), random);
            shown = new Explorer.Shown(
                    merged.items().stream().map(byId::get).toList(),
                    TEAM_DRAFT,
                    // Coin flips decide who picks first, so no single probability per slot is known: none is logged.
                    Optional.empty());
            teams = Optional.of(merged.teams().stream().map(Enum::name).toList());
            if (bandit.isPresent()) {
                bandit.get().shown(req.userId(), duel.get(), merged.items(), merged.teams());
            }
            empty = a.merged().emptyChannels();
        } else {
            Outcome o = execute(s, plan, context, Optional.empty());
            shown = plan.exploration().isEmpty()
                    ? Explorer.Shown.deterministic(o.items())
                    : explorer.explore(
                            plan.exploration().get(),
                            plan.explorer(),
                            context.user(),
                            o.items(),
                            o.ranked(),
                            s.data().store(),
                            random);
            empty = o.merged().emptyChannels();
        }
        logExposure(req, plan, shown, teams, s.version());
        return new Recommendation(
                shown.items(),
                plan.label(),
                plan.assignments(),
                empty,
                s.version(),
                context.user().isCold(),
                context.degraded());
    }

    /** The experiments this recommender runs. */
    public List<Experiment> experiments() {
        return experiments;
    }

    /** Live exposures and clicks per variant since start-up. */
    public ExperimentTally tally() {
        return tally;
    }

    /** The dueling bandits by experiment name, for the dashboard. */
    public Map<String, DuelingBandit> duels() {
        return duels;
    }

    /** The policy name of an interleaved list. */
    public static final String TEAM_DRAFT = "team-draft";

    /** A plan served by one ranker: the store-free fallback does not interleave. */
    private static Plan withoutTeams(Plan plan) {
        return plan.teams().map(t -> t.a()).orElse(plan);
    }

    /**
     * The request's own random stream, seeded from the user and the request's number, so a test that replays the same
     * requests in the same order sees the same lists.
     */
    private RandomGenerator random(int userId) {
        long n = requests.getAndIncrement();
        return new SplittableRandom(new SplittableRandom(userId * 0x9e3779b97f4a7c15L ^ n).nextLong());
    }

    private static List<Integer> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    /** What each stage produced for one request. */
    private record Outcome(CandidateMerger.Merged merged, List<ScoredItem> ranked, List<ScoredItem> items) {}

    /** The blend ranker with a duel's weights: recall, rating, popularity. */
    private static Ranker<? super UserContext> blend(ServingState s, double[] w) {
        return new BlendRanker(s.data().catalog(), w[0], w[1], w[2]);
    }

    /** @param rankerOverride a ranker to use instead of the plan's (a dueling bandit's weights) */
    private Outcome execute(
            ServingState s,
            Plan plan,
            RequestContext<UserContext> context,
            Optional<Ranker<? super UserContext>> rankerOverride) {
        StageFactories.Stages stages = s.stages();
        long t0 = System.nanoTime();
        List<String> idle = idle(plan.channels(), stages.retrievers());
        List<String> channels = plan.channels();
        if (!idle.isEmpty()) {
            channels = new ArrayList<>(channels);
            channels.removeAll(idle);
        }
        CandidateMerger.Merged merged = CandidateMerger.merge(
                context,
                channels,
                settings.quotas(),
                settings.fallbacks(),
                timed(stages),
                Math.max(settings.candidateBudget(), context.request().size() * 2));
        if (!idle.isEmpty()) {
            List<String> empty = new ArrayList<>(idle);
            empty.addAll(merged.emptyChannels());
            merged = new CandidateMerger.Merged(merged.candidates(), empty);
        }
        long t1 = System.nanoTime();
        Ranker<? super UserContext> ranker =
                rankerOverride.orElseGet(() -> stages.rankers().get(plan.ranker()));
        List<ScoredItem> ranked = ranker.rank(context, merged.candidates());
        long t2 = System.nanoTime();
        Reranker<? super UserContext> reranker = stages.rerankers().get(plan.reranker());
        List<ScoredItem> items =
                reranker.rerank(context, ranked, context.request().size());
        long t3 = System.nanoTime();
        recall.record(t1 - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        rank.record(t2 - t1, java.util.concurrent.TimeUnit.NANOSECONDS);
        rerank.record(t3 - t2, java.util.concurrent.TimeUnit.NANOSECONDS);
        return new Outcome(merged, ranked, items);
    }

    /**
     * One request's path through the user's plan, stage by stage, for offline evaluation: the merged candidates, the
     * ranker's order of all of them and the final list come from the same code as {@link #recommend}; each channel's
     * own list is asked for separately, at {@code channelDepth} (0 skips that), to measure what that channel alone would
     * find. Nothing is logged as an exposure: nobody was shown anything.
     */
    public Trace trace(RecommendRequest request, int channelDepth) {
        ServingState s = state.get();
        Plan plan = withLoadedModels(withoutTeams(plan(request.userId())), s);
        RequestContext<UserContext> context = s.data().users().context(request.withVariant(plan.label()));
        Map<String, List<Candidate>> alone = new LinkedHashMap<>();
        Map<String, Retriever<UserContext>> retrievers = timed(s.stages());
        for (String channel : channelDepth > 0 ? plan.channels() : List.<String>of()) {
            alone.put(channel, retrievers.get(channel).retrieve(context, channelDepth));
        }
        Outcome o = execute(s, plan, context, Optional.empty());
        return new Trace(alone, o.merged().candidates(), o.ranked(), o.items(), context.user());
    }

    /**
     * A request's path through the pipeline.
     *
     * @param channels each recall channel's own candidates, best first
     * @param merged the candidates recall handed to the ranker, in fused order
     * @param ranked every candidate as the ranker ordered it
     * @param items the final list, after re-ranking
     * @param user what the stages knew about the user
     */
    public record Trace(
            Map<String, List<Candidate>> channels,
            List<Candidate> merged,
            List<ScoredItem> ranked,
            List<ScoredItem> items,
            UserContext user) {}

    /** The channels that have nothing for anyone now; empty (and allocation-free) in the usual case. */
    private static List<String> idle(
            List<String> channels, Map<String, ? extends Retriever<? super UserContext>> retrievers) {
        List<String> idle = List.of();
        for (String channel : channels) {
            if (retrievers.get(channel).idle()) {
                if (idle.isEmpty()) {
                    idle = new ArrayList<>();
                }
                idle.add(channel);
            }
        }
        return idle;
    }

    /**
     * The channels of one state's stages, each timing its calls under its channel name.
     *
     * @param source the stages they wrap, or null before the first request
     */
    private record TimedChannels(StageFactories.Stages source, Map<String, Retriever<UserContext>> channels) {}

    /** The stages' channels, each timing its calls under its channel name. */
    private Map<String, Retriever<UserContext>> timed(StageFactories.Stages stages) {
        TimedChannels timed = timedChannels;
        if (timed.source() != stages) {
            // Racing requests on a new state may both build them; they build the same wrappers.
            Map<String, Retriever<UserContext>> out = new java.util.HashMap<>();
            stages.retrievers().forEach((name, r) -> {
                Timer timer = channelTimers.computeIfAbsent(name, n -> Timer.builder(CHANNEL_TIMER)
                        .description("Latency of one recall channel")
                        .tag("channel", n)
                        .publishPercentiles(0.5, 0.99)
                        .register(metrics));
                out.put(name, new TimedChannel(r, timer));
            });
            timed = new TimedChannels(stages, Map.copyOf(out));
            timedChannels = timed;
        }
        return timed.channels();
    }

    /** A channel that records how long each of its calls takes. */
    private record TimedChannel(Retriever<? super UserContext> channel, Timer timer) implements Retriever<UserContext> {
        @Override
        public List<Candidate> retrieve(RequestContext<? extends UserContext> context, int budget) {
            return timer.record(() -> channel.retrieve(context, budget));
        }

        @Override
        public boolean idle() {
            return channel.idle();
        }
    }

    private void logExposure(
            RecommendRequest req, Plan plan, Explorer.Shown shown, Optional<List<String>> teams, String version) {
        List<ScoredItem> items = shown.items();
        exposures
                .computeIfAbsent(plan.label(), label -> Counter.builder(EXPOSURES)
                        .description("Recommendation lists shown, by variant")
                        .tag("variant", label)
                        .register(metrics))
                .increment();
        ObjectNode record = eventLog.record("exposure");
        record.put("userId", req.userId());
        record.put("variant", plan.label());
        ObjectNode assignments = record.putObject("experiments");
        plan.assignments().forEach(assignments::put);
        record.put("ranker", plan.ranker());
        record.put("reranker", plan.reranker());
        record.put("state", version);
        req.genre().ifPresent(g -> record.put("genre", g));
        var array = record.putArray("items");
        for (ScoredItem i : items) {
            array.add(i.itemId());
        }
        record.put("policy", shown.policy());
        shown.propensities().ifPresent(list -> list.forEach(record.putArray("propensities")::add));
        teams.ifPresent(list -> list.forEach(record.putArray("teams")::add));
        // A user of an interleaving experiment served without teams (the store-free fallback) saw no interleaved list.
        plan.experimentType()
                .filter(t -> teams.isPresent() || !t.equals(Experiment.Type.INTERLEAVING.label()))
                .ifPresent(t -> record.put("experimentType", t));
        feedback.shown(ids(items));
        tally.shown(req.userId(), plan.assignments(), ids(items));
        eventLog.offer(record);
    }
}
