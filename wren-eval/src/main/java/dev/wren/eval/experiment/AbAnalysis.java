package dev.wren.eval.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The A/B analysis of one experiment from the serving logs. Users are the unit of randomisation and of analysis:
 * each user's exposures in the experiment (interleaved ones excluded) are summed, and the per-user metric of the
 * comparisons is clicks per exposed user. Pre-period activity for CUPED is the number of the user's events logged
 * before their first exposure in the experiment. The looks of the sequential test use the exposures logged up to each
 * look and the clicks credited to them (a click may come up to one attribution window after its look). Stateless.
 */
public final class AbAnalysis {
    public static final String METRIC = "clicks per user";

    private static final class UserSum {
        String variant;
        boolean switched;
        long first = Long.MAX_VALUE;
        long exposures;
        long shown;
        long clicks;
        long ratings;
        double ratingSum;
        long preEvents;
    }

    private AbAnalysis() {}

    public static AbResult analyse(ExperimentLog log, AbSettings settings) {
        List<AttributedExposure> attributed = Attribution.join(log, settings.window());
        List<AttributedExposure> inExperiment = new ArrayList<>();
        for (AttributedExposure a : attributed) {
            ExposureRecord x = a.exposure();
            if (!x.interleaved() && x.experiments().containsKey(settings.experiment())) {
                inExperiment.add(a);
            }
        }
        Map<String, InterleavingAnalysis.Result> interleaving = interleaving(attributed, settings);
        List<String> bad = log.badLines().stream().map(BadLine::toString).toList();
        if (inExperiment.isEmpty()) {
            return new AbResult(
                    settings.experiment(),
                    METRIC,
                    0,
                    0,
                    0,
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    interleaving,
                    log.badLineCount(),
                    bad,
                    log.newerVersionCount());
        }
        long first = inExperiment.get(0).exposure().loggedAt();
        long last = inExperiment.get(inExperiment.size() - 1).exposure().loggedAt();
        Map<Integer, UserSum> users = sums(inExperiment, Long.MAX_VALUE, settings.experiment());
        // Pre-period activity: the user's events before their first exposure in this experiment.
        for (EventRecord e : log.events()) {
            UserSum u = users.get(e.userId());
            if (u != null && e.loggedAt() < u.first) {
                u.preEvents++;
            }
        }
        long switched = users.values().stream().filter(u -> u.switched).count();
        Map<String, List<UserSum>> byVariant = byVariant(users);
        List<AbResult.VariantSummary> variants = new ArrayList<>();
        byVariant.forEach((v, list) -> variants.add(summary(v, list, settings.level())));

        String control = settings.control()
                .orElse(
                        byVariant.containsKey("control")
                                ? "control"
                                : byVariant.keySet().iterator().next());
        if (!byVariant.containsKey(control)) {
            throw new IllegalArgumentException("control variant '" + control + "' has no users in experiment '"
                    + settings.experiment() + "' (variants: " + byVariant.keySet() + ")");
        }
        List<AbResult.Comparison> comparisons = new ArrayList<>();
        for (String treatment : byVariant.keySet()) {
            if (!treatment.equals(control)) {
                comparisons.add(compare(inExperiment, byVariant, control, treatment, first, last, settings));
            }
        }
        Optional<SampleRatioCheck> srm = Optional.empty();
        if (byVariant.size() >= 2) {
            Map<String, Long> observed = new LinkedHashMap<>();
            Map<String, Double> shares = new HashMap<>();
            byVariant.forEach((v, list) -> {
                observed.put(v, (long) list.size());
                shares.put(
                        v, settings.shares().isEmpty() ? 1.0 : settings.shares().getOrDefault(v, 0.0));
            });
            srm = Optional.of(SampleRatioCheck.test(observed, shares, settings.srmThreshold()));
        }
        return new AbResult(
                settings.experiment(),
                METRIC,
                first,
                last,
                switched,
                variants,
                comparisons,
                srm,
                interleaving,
                log.badLineCount(),
                bad,
                log.newerVersionCount());
    }

    private static AbResult.Comparison compare(
            List<AttributedExposure> exposures,
            Map<String, List<UserSum>> byVariant,
            String control,
            String treatment,
            long first,
            long last,
            AbSettings s) {
        double[] yA = clicks(byVariant.get(control));
        double[] yB = clicks(byVariant.get(treatment));
        double[] xA =
                byVariant.get(control).stream().mapToDouble(u -> u.preEvents).toArray();
        double[] xB =
                byVariant.get(treatment).stream().mapToDouble(u -> u.preEvents).toArray();
        double controlMean = StatUtils.mean(yA);
        Estimate diff = yA.length >= 2 && yB.length >= 2
                ? Cuped.difference(yA, yB, s.level())
                : new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, yA.length + yB.length, "CLT");
        Optional<Cuped.Result> cuped = yA.length >= 2 && yB.length >= 2
                ? Optional.of(Cuped.compare(yA, xA, yB, xB, s.level()))
                : Optional.empty();
        List<AbResult.Look> looks = new ArrayList<>();
        double running = 1;
        // The always-valid interval is the intersection of every look's interval, as the p-value is their minimum.
        double lower = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= s.looks(); k++) {
            long t = k == s.looks() ? last : first + (last - first) * k / s.looks();
            Map<String, List<UserSum>> now = byVariant(sums(exposures, t, s.experiment()));
            double[] a = clicks(now.getOrDefault(control, List.of()));
            double[] b = clicks(now.getOrDefault(treatment, List.of()));
            if (a.length < 2 || b.length < 2) {
                looks.add(new AbResult.Look(t, a.length, b.length, Double.NaN, running, Double.NaN));
                continue;
            }
            double variance = StatUtils.variance(a) / a.length + StatUtils.variance(b) / b.length;
            double tau = s.tauInSd() * Math.sqrt((StatUtils.variance(a) + StatUtils.variance(b)) / 2);
            double d = StatUtils.mean(b) - StatUtils.mean(a);
            if (tau > 0 && variance > 0) {
                MixtureSprt test = new MixtureSprt(tau);
                running = test.update(running, d, variance);
                double half = test.halfWidth(variance, 1 - s.level());
                lower = Math.max(lower, d - half);
                upper = Math.min(upper, d + half);
            }
            double fixed = variance > 0 ? new TTest().tTest(a, b) : 1;
            looks.add(new AbResult.Look(t, a.length, b.length, d, running, fixed));
        }
        double fixedP = diff.standardError() > 0 ? new TTest().tTest(yA, yB) : 1;
        return new AbResult.Comparison(
                control,
                treatment,
                diff,
                diff.value() / controlMean,
                fixedP,
                cuped,
                cuped.map(c -> c.adjusted().value() / controlMean).orElse(Double.NaN),
                running,
                Double.isInfinite(lower) ? Double.NaN : lower,
                Double.isInfinite(upper) ? Double.NaN : upper,
                looks);
    }

    /** Each interleaving experiment's preference; interleaved exposures outside any experiment go under "-". */
    /** The variant name serving logs for a user in an interleaving experiment. */
    static final String INTERLEAVED = "interleaved";

    private static Map<String, InterleavingAnalysis.Result> interleaving(
            List<AttributedExposure> attributed, AbSettings settings) {
        Map<String, List<AttributedExposure>> byExperiment = new TreeMap<>();
        for (AttributedExposure a : attributed) {
            if (a.exposure().interleaved()) {
                // Serving names an interleaving experiment's variant "interleaved"; the user's A/B experiments on the
                // same exposure are not interleavings. Logs without that mark keep every experiment.
                Set<String> marked = new java.util.TreeSet<>();
                a.exposure().experiments().forEach((experiment, variant) -> {
                    if (INTERLEAVED.equals(variant)) {
                        marked.add(experiment);
                    }
                });
                Set<String> names = !marked.isEmpty()
                        ? marked
                        : a.exposure().experiments().isEmpty()
                                ? Set.of("-")
                                : a.exposure().experiments().keySet();
                names.forEach(n ->
                        byExperiment.computeIfAbsent(n, k -> new ArrayList<>()).add(a));
            }
        }
        Map<String, InterleavingAnalysis.Result> out = new LinkedHashMap<>();
        byExperiment.forEach((name, list) ->
                out.put(name, InterleavingAnalysis.analyse(list, settings.level(), 2000, settings.seed())));
        return out;
    }

    private static Map<Integer, UserSum> sums(List<AttributedExposure> exposures, long until, String experiment) {
        Map<Integer, UserSum> users = new HashMap<>();
        for (AttributedExposure a : exposures) {
            ExposureRecord x = a.exposure();
            if (x.loggedAt() > until) {
                break;
            }
            String v = x.experiments().get(experiment);
            UserSum u = users.computeIfAbsent(x.userId(), id -> new UserSum());
            if (u.variant == null) {
                u.variant = v;
            } else if (!u.variant.equals(v)) {
                u.switched = true;
            }
            u.first = Math.min(u.first, x.loggedAt());
            u.exposures++;
            u.shown += x.items().size();
            u.clicks += a.clicked().size();
            u.ratings += a.ratings().size();
            u.ratingSum += a.ratings().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
        }
        return users;
    }

    private static Map<String, List<UserSum>> byVariant(Map<Integer, UserSum> users) {
        Map<String, List<UserSum>> out = new TreeMap<>();
        // Users in id order, so that every figure is the same on every run.
        for (Integer id : new TreeSet<>(users.keySet())) {
            UserSum u = users.get(id);
            if (!u.switched) {
                out.computeIfAbsent(u.variant, v -> new ArrayList<>()).add(u);
            }
        }
        return out;
    }

    private static double[] clicks(List<UserSum> users) {
        return users.stream().mapToDouble(u -> u.clicks).toArray();
    }

    private static AbResult.VariantSummary summary(String variant, List<UserSum> users, double level) {
        double[] clicks = clicks(users);
        double[] shown = users.stream().mapToDouble(u -> u.shown).toArray();
        double[] ratings = users.stream().mapToDouble(u -> u.ratings).toArray();
        List<UserSum> raters = users.stream().filter(u -> u.ratings > 0).toList();
        return new AbResult.VariantSummary(
                variant,
                users.size(),
                users.stream().mapToLong(u -> u.exposures).sum(),
                users.stream().mapToLong(u -> u.shown).sum(),
                users.stream().mapToLong(u -> u.clicks).sum(),
                users.stream().mapToLong(u -> u.ratings).sum(),
                RatioStatistic.of(clicks, shown, level),
                RatioStatistic.of(ratings, shown, level),
                RatioStatistic.of(
                        raters.stream().mapToDouble(u -> u.ratingSum).toArray(),
                        raters.stream().mapToDouble(u -> u.ratings).toArray(),
                        level),
                RatioStatistic.mean(clicks, level));
    }
}
