package dev.wren.data.synthetic;

import java.util.List;

/** The MovieLens genre names, with how common each is in ml-latest-small (number of movies), used as priors. */
final class Genres {
    static final List<String> NAMES = List.of(
            "Action",
            "Adventure",
            "Animation",
            "Children",
            "Comedy",
            "Crime",
            "Documentary",
            "Drama",
            "Fantasy",
            "Film-Noir",
            "Horror",
            "Musical",
            "Mystery",
            "Romance",
            "Sci-Fi",
            "Thriller",
            "War",
            "Western");

    private static final int[] MOVIE_COUNTS = {
        1828, 1263, 611, 664, 3756, 1199, 440, 4361, 779, 87, 978, 334, 573, 1596, 980, 1894, 382, 167
    };

    private Genres() {}

    static int count() {
        return NAMES.size();
    }

    /** Prior weight of a genre; {@code flatten} in (0, 1] evens the weights out (users' tastes are less skewed). */
    static double weight(int genre, double flatten) {
        return StrictMath.pow(MOVIE_COUNTS[genre], flatten);
    }
}
