/**
 * Fetches the MovieLens data sets from GroupLens: download with progress, MD5 check against the published checksum,
 * safe unpacking. Without network access it fails with one sentence that points to {@code wren generate}.
 */
package dev.wren.data.download;
