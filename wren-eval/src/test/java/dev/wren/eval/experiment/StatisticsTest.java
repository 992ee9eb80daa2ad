package dev.wren.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** CUPED, the sample-ratio check, the mixture SPRT and the sign test on data with a known answer. */
class StatisticsTest {
    @Test
    void cupedShrinksTheVarianceByTheSquaredCorrelation() {
        SplittableRandom random = new SplittableRandom(4);
        int n = 2000;
        double[] xA = new double[n];
        double[] yA = new double[n];
        double[] xB = new double[n];
        double[] yB = new double[n];
        for (int i = 0; i < n; i++) {
            xA[i] = random.nextGaussian();
            yA[i] = 2 * xA[i] + random.nextGaussian();
            xB[i] = random.nextGaussian();
            yB[i] = 0.2 + 2 * xB[i] + random.nextGaussian();
        }
        Cuped.Result r = Cuped.compare(yA, xA, yB, xB, 0.95);
        assertThat(r.theta()).isCloseTo(2, within(0.1));
        // corr^2 = 4 / 5
        assertThat(r.varianceReduction()).isCloseTo(0.8, within(0.03));
        assertThat(r.adjusted().contains(0.2)).isTrue();
        assertThat(r.adjusted().upper() - r.adjusted().lower())
                .isLessThan((r.raw().upper() - r.raw().lower()) / 2);
    }

    @Test
    void cupedWithAnUnrelatedCovariateChangesAlmostNothing() {
        SplittableRandom random = new SplittableRandom(5);
        double[] xA = random.doubles(1000).toArray();
        double[] yA = random.doubles(1000).toArray();
        double[] xB = random.doubles(1000).toArray();
        double[] yB = random.doubles(1000).toArray();
        assertThat(Cuped.compare(yA, xA, yB, xB, 0.95).varianceReduction()).isBetween(-0.01, 0.01);
    }

    @Test
    void sampleRatioCheckFlagsA55To45SplitOfA5050Design() {
        Map<String, Long> skewed = new LinkedHashMap<>();
        skewed.put("control", 1100L);
        skewed.put("treatment", 900L);
        SampleRatioCheck srm = SampleRatioCheck.test(skewed, Map.of("control", 0.5, "treatment", 0.5), 0.001);
        assertThat(srm.chiSquare()).isCloseTo(20.0, within(1e-9)); // (100^2 + 100^2) / 1000
        assertThat(srm.mismatch()).isTrue();
        Map<String, Long> fine = new LinkedHashMap<>();
        fine.put("control", 1020L);
        fine.put("treatment", 980L);
        assertThat(SampleRatioCheck.test(fine, Map.of("control", 0.5, "treatment", 0.5), 0.001)
                        .mismatch())
                .isFalse();
        // Shares that leave users out of the experiment are normalised over the variants.
        Map<String, Long> quarter = new LinkedHashMap<>();
        quarter.put("control", 250L);
        quarter.put("treatment", 250L);
        assertThat(SampleRatioCheck.test(quarter, Map.of("control", 0.25, "treatment", 0.25), 0.001)
                        .pValue())
                .isEqualTo(1.0);
    }

    @Test
    void mixtureSprtMatchesItsFormula() {
        MixtureSprt m = new MixtureSprt(1.0);
        // s2 = 1, tau2 = 1, d = 2: Lambda = sqrt(1/2) exp(4 / 4) = 1.9221
        assertThat(m.pValueAtLook(2, 1)).isCloseTo(1 / (Math.sqrt(0.5) * Math.E), within(1e-12));
        assertThat(m.pValueAtLook(0, 1)).isEqualTo(1.0);
        assertThat(m.update(0.3, 2, 1)).isEqualTo(0.3);
        // The interval's ends are where Lambda = 1 / alpha.
        double h = m.halfWidth(0.04, 0.05);
        assertThat(m.pValueAtLook(h, 0.04)).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void signTestOfInterleavingCountsOnlyUsersWithAPreference() {
        int[] signs = new int[20];
        for (int i = 0; i < 15; i++) {
            signs[i] = 1;
        }
        signs[15] = -1;
        signs[16] = -1;
        // 15 of 17 prefer B; 3 ties.
        InterleavingAnalysis.Result r = InterleavingAnalysis.fromSigns(signs, 0.95, 2000, 1);
        assertThat(r.preferB()).isEqualTo(15);
        assertThat(r.ties()).isEqualTo(3);
        assertThat(r.preference().value()).isCloseTo(13 / 20.0, within(1e-12));
        // P(X >= 15 or X <= 2), X ~ Bin(17, 1/2) = 2 x (C(17,0) + C(17,1) + C(17,2)) / 2^17 = 2 x 154 / 131072
        assertThat(r.signTestP()).isCloseTo(308 / 131072.0, within(1e-12));
        assertThat(r.preference().lower()).isGreaterThan(0.2);
    }
}
