/**
 * Synthetic MovieLens-format data with a planted, recoverable signal.
 *
 * <p>Users and movies get hidden taste vectors; genres, which movies a user rates and how they rate them all follow
 * from those vectors, so a recommender trained on the output should recover them. Output is byte-identical for the
 * same {@link dev.wren.data.synthetic.SyntheticConfig}.
 *
 * <p>Layout written by {@link dev.wren.data.synthetic.SyntheticDataGenerator}:
 *
 * <ul>
 *   <li>{@code movies.csv} (movieId,title,genres), {@code ratings.csv} (userId,movieId,rating,timestamp; grouped by
 *       user, each user's ratings in time order) and {@code links.csv} (movieId,imdbId,tmdbId), as in ml-latest-small;
 *   <li>{@code hidden/user_tastes.csv}: userId, bias, t0..t(d-1) (taste at the middle of the user's active period),
 *       drift0..drift(d-1);
 *   <li>{@code hidden/movie_tastes.csv}: movieId, bias, popularity, releaseTimestamp, t0..t(d-1);
 *   <li>{@code hidden/genre_directions.csv}: genre, t0..t(d-1);
 *   <li>{@code hidden/params.json}: the config, the model constants and the formulas.
 * </ul>
 *
 * <p>{@link dev.wren.data.synthetic.HiddenTastes#read(java.nio.file.Path)} reads the hidden part back, so tests can
 * measure how much a model or an embedding recovered.
 */
package dev.wren.data.synthetic;
