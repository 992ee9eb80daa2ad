package dev.wren.data.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wren.data.movielens.MovieLensReader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A summary of a MovieLens dataset, as {@code wren inspect} prints it. A plain record, so Jackson serialises it as is.
 *
 * @param layout the layout name, e.g. {@code CSV}
 * @param users distinct users: those who rated, plus those of a demographics file
 * @param items movies in the catalogue
 * @param ratedItems movies with at least one rating
 * @param ratings valid ratings
 * @param sparsity {@code 1 - ratings / (users * items)}; 1 when there are no users or items
 * @param ratingHistogram ratings per distinct rating value
 * @param ratingsPerYear ratings per calendar year (UTC) of their timestamp
 * @param mostRated the (up to) 10 most rated movies, most ratings first, ties by lower id
 * @param tags valid tags
 * @param badRows rows skipped as bad across all files read
 */
public record DatasetStats(
        String layout,
        long users,
        long items,
        long ratedItems,
        long ratings,
        double sparsity,
        SortedMap<Float, Long> ratingHistogram,
        SortedMap<Integer, Long> ratingsPerYear,
        List<TopItem> mostRated,
        long tags,
        long badRows) {
    public DatasetStats {
        Objects.requireNonNull(layout, "layout");
        ratingHistogram = Collections.unmodifiableSortedMap(new TreeMap<>(ratingHistogram));
        ratingsPerYear = Collections.unmodifiableSortedMap(new TreeMap<>(ratingsPerYear));
        mostRated = List.copyOf(mostRated);
    }

    /** Computes the statistics in one streaming pass over the ratings and one over the tags. */
    public static DatasetStats of(MovieLensReader reader) {
        return DatasetStatsBuilder.compute(reader);
    }

    /** The statistics as indented JSON. */
    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write dataset statistics as JSON", e);
        }
    }
}
