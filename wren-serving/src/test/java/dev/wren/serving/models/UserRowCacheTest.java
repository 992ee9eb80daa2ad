package dev.wren.serving.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.store.Features;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UserRowCacheTest {
    private final AtomicInteger computed = new AtomicInteger();
    private final Function<Features, String> encode = row -> {
        computed.incrementAndGet();
        return "encoded " + row.values();
    };

    private static Features row(double rating) {
        return Features.builder()
                .number("avgRating", rating)
                .vector("embedding", new float[] {1, 2})
                .build();
    }

    @Test
    void computesOncePerUserWhileTheRowIsTheSameOrEqual() {
        UserRowCache<String> cache = new UserRowCache<>(64);
        Features row = row(4.0);

        String first = cache.get(7, row, encode);
        String again = cache.get(7, row, encode);
        String equalRow = cache.get(7, row(4.0), encode);

        assertThat(again).isSameAs(first);
        assertThat(equalRow).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void recomputesWhenTheUsersRowChanges() {
        UserRowCache<String> cache = new UserRowCache<>(64);
        cache.get(7, row(4.0), encode);

        String changed = cache.get(7, row(3.5), encode);

        assertThat(changed).contains("3.5");
        assertThat(computed).hasValue(2);
    }

    @Test
    void neverAnswersForAnotherUserThatSharesTheSlot() {
        UserRowCache<String> cache = new UserRowCache<>(1); // one slot: every user shares it
        Features same = row(4.0);
        Function<Features, String> byUser1 = r -> "user 1";
        Function<Features, String> byUser2 = r -> "user 2";

        assertThat(cache.get(1, same, byUser1)).isEqualTo("user 1");
        assertThat(cache.get(2, same, byUser2)).isEqualTo("user 2");
        assertThat(cache.get(1, same, byUser1)).isEqualTo("user 1");
    }
}
