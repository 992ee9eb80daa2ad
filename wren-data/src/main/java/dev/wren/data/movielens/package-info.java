/**
 * MovieLens readers for every common layout (the csv releases, ml-1m and ml-10m {@code .dat} files, ml-100k's
 * {@code u.*} files) into the core records. {@link dev.wren.data.movielens.MovieLensReader} is the entry point; ratings
 * and tags stream, bad rows are reported with file and line.
 */
package dev.wren.data.movielens;
