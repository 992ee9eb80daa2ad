package dev.wren.eval.simulate;

import java.util.random.RandomGenerator;

/** What the simulator asks for each request: the list to show a user. */
@FunctionalInterface
public interface ListPolicy {
    Served serve(int userId, RandomGenerator random);
}
