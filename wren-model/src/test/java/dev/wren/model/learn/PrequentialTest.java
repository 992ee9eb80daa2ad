package dev.wren.model.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrequentialTest {
    /** Two chunks, four samples: live ranks every positive above every negative, frozen one pair of four. */
    private static Prequential fourSamples() {
        Prequential p = new Prequential();
        p.add(new float[] {0.9f, 0.2f}, new float[] {0.3f, 0.8f}, new float[] {1, 0});
        p.add(new float[] {0.6f, 0.4f}, new float[] {0.6f, 0.5f}, new float[] {1, 0});
        return p;
    }

    @Test
    void totalsMatchHandComputedAucAndLogLoss() {
        Prequential.Summary total = fourSamples().total();
        assertThat(total.samples()).isEqualTo(4);
        assertThat(total.positives()).isEqualTo(2);
        // live: positives 0.9, 0.6 over negatives 0.2, 0.4: 4 of 4 pairs.
        assertThat(total.liveAuc()).isEqualTo(1.0);
        // frozen: positives 0.3, 0.6 over negatives 0.8, 0.5: only 0.6 > 0.5, 1 of 4 pairs.
        assertThat(total.frozenAuc()).isEqualTo(0.25);
        double live = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6) + Math.log(0.6)) / 4;
        double frozen = -(Math.log(0.3) + Math.log(0.2) + Math.log(0.6) + Math.log(0.5)) / 4;
        assertThat(total.liveLogLoss()).isCloseTo(live, within(1e-6));
        assertThat(total.frozenLogLoss()).isCloseTo(frozen, within(1e-6));
    }

    @Test
    void windowCoversOnlyTheLatestSamples() {
        Prequential.Summary last = fourSamples().window(2);
        assertThat(last.samples()).isEqualTo(2);
        assertThat(last.liveAuc()).isEqualTo(1.0);
        assertThat(last.frozenAuc()).isEqualTo(1.0);
        assertThat(last.frozenLogLoss()).isCloseTo(-(Math.log(0.6) + Math.log(0.5)) / 2, within(1e-6));
        assertThat(fourSamples().window(100).samples()).isEqualTo(4);
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        Prequential p = new Prequential();
        p.add(new float[] {0.9f, 0.2f}, new float[] {0.3f, 0.8f}, new float[] {1, 1});
        Prequential.Summary s = p.total();
        assertThat(s.bothClasses()).isFalse();
        assertThat(s.liveAuc()).isNaN();
        assertThat(s.liveLogLoss()).isCloseTo(-(Math.log(0.9) + Math.log(0.2)) / 2, within(1e-6));
    }

    @Test
    void publishesOnlyWhenTheUpdatedModelIsNotWorseOnTheWindow() {
        PublishRule rule = new PublishRule(4, 4, 0);
        PublishRule.Decision better = rule.decide(fourSamples());
        assertThat(better.publish()).isTrue();
        assertThat(better.reason()).contains("1.0000 >= frozen AUC 0.2500");

        Prequential swapped = new Prequential();
        swapped.add(new float[] {0.3f, 0.8f}, new float[] {0.9f, 0.2f}, new float[] {1, 0});
        swapped.add(new float[] {0.6f, 0.5f}, new float[] {0.6f, 0.4f}, new float[] {1, 0});
        PublishRule.Decision worse = rule.decide(swapped);
        assertThat(worse.publish()).isFalse();
        assertThat(worse.reason()).contains("0.2500 < frozen AUC 1.0000");

        // Tolerance: 0.75 below is allowed when the tolerance is 0.75.
        assertThat(new PublishRule(4, 4, 0.75).decide(swapped).publish()).isTrue();
    }

    @Test
    void refusesWithTooFewSamplesOrOneClass() {
        assertThat(new PublishRule(10, 5, 0).decide(fourSamples()).publish()).isFalse();
        Prequential oneClass = new Prequential();
        oneClass.add(new float[] {0.9f, 0.8f}, new float[] {0.1f, 0.2f}, new float[] {0, 0});
        PublishRule.Decision d = new PublishRule(2, 2, 0).decide(oneClass);
        assertThat(d.publish()).isFalse();
        assertThat(d.reason()).contains("one class");
    }
}
