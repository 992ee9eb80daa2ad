package dev.wren.data.movielens;

import java.util.Optional;

/**
 * The ratings a layout allows: {@code min..max} in steps of {@code step} (half stars in the csv layouts and ml-10m,
 * whole stars in ml-100k and ml-1m).
 *
 * @param min the lowest rating
 * @param max the highest rating
 * @param step the granularity
 */
public record RatingScale(float min, float max, float step) {
    /** 0.5 to 5 in half stars. */
    public static final RatingScale HALF_STARS = new RatingScale(0.5f, 5f, 0.5f);

    /** 1 to 5 in whole stars. */
    public static final RatingScale WHOLE_STARS = new RatingScale(1f, 5f, 1f);

    public RatingScale {
        if (!(min < max) || !(step > 0)) {
            throw new IllegalArgumentException("invalid scale " + min + ".." + max + " step " + step);
        }
    }

    /** Why a rating is not on this scale, given the text it was parsed from; empty when it is fine. */
    public Optional<String> problem(float rating, String text) {
        if (!(rating >= min && rating <= max)) {
            return Optional.of("rating " + text + " is outside " + this);
        }
        double steps = rating / step;
        if (steps != Math.rint(steps)) {
            return Optional.of(
                    "rating " + text + (step == 1f ? " is not a whole number" : " is not a multiple of " + fmt(step)));
        }
        return Optional.empty();
    }

    boolean accepts(float rating) {
        if (!(rating >= min && rating <= max)) {
            return false;
        }
        double steps = rating / step;
        return steps == Math.rint(steps);
    }

    @Override
    public String toString() {
        return fmt(min) + ".." + fmt(max);
    }

    private static String fmt(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }
}
