package dev.wren.model.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Samples streamed from an opener (a file reader, a Parquet scan...) that is called once per pass, so memory holds
 * one batch plus the shuffle buffer, never the whole data set. Shuffling is approximate: a seeded buffer of
 * {@code shuffleBuffer} samples, as tf.data does. Thread-safe if the opener is.
 */
public final class StreamedSampleSource implements SampleSource {
    private final FeatureLayout layout;
    private final long size;
    private final Supplier<Stream<Sample>> opener;
    private final int shuffleBuffer;

    /**
     * @param size number of samples one pass yields (for progress and evaluation arrays)
     * @param opener opens a fresh pass; the stream is closed when the pass's stream is closed
     * @param shuffleBuffer samples held for shuffling; 1 keeps the source order
     */
    public StreamedSampleSource(FeatureLayout layout, long size, Supplier<Stream<Sample>> opener, int shuffleBuffer) {
        if (shuffleBuffer < 1) {
            throw new IllegalArgumentException("shuffleBuffer must be positive, got " + shuffleBuffer);
        }
        this.layout = layout;
        this.size = size;
        this.opener = opener;
        this.shuffleBuffer = shuffleBuffer;
    }

    @Override
    public FeatureLayout layout() {
        return layout;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Stream<SampleBatch> batches(int batchSize, OptionalLong shuffleSeed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        Stream<Sample> samples = opener.get();
        Iterator<Sample> source = samples.iterator();
        if (shuffleSeed.isPresent() && shuffleBuffer > 1) {
            source = new BufferShuffle(source, shuffleBuffer, new Random(shuffleSeed.getAsLong()));
        }
        Iterator<Sample> checked = source;
        long[] position = {0};
        Iterator<SampleBatch> batches = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return checked.hasNext();
            }

            @Override
            public SampleBatch next() {
                if (!checked.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Sample> chunk = new ArrayList<>(batchSize);
                while (chunk.size() < batchSize && checked.hasNext()) {
                    Sample s = checked.next();
                    try {
                        s.checkFits(layout);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("sample " + position[0] + ": " + e.getMessage(), e);
                    }
                    position[0]++;
                    chunk.add(s);
                }
                return SampleBatch.of(layout, chunk);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false)
                .onClose(samples::close);
    }

    /** Fills a buffer, then emits a random buffered sample for each new one read. */
    private static final class BufferShuffle implements Iterator<Sample> {
        private final Iterator<Sample> source;
        private final List<Sample> buffer;
        private final int capacity;
        private final Random random;

        BufferShuffle(Iterator<Sample> source, int capacity, Random random) {
            this.source = source;
            this.capacity = capacity;
            this.random = random;
            this.buffer = new ArrayList<>(capacity);
        }

        @Override
        public boolean hasNext() {
            return !buffer.isEmpty() || source.hasNext();
        }

        @Override
        public Sample next() {
            while (buffer.size() < capacity && source.hasNext()) {
                buffer.add(source.next());
            }
            if (buffer.isEmpty()) {
                throw new NoSuchElementException();
            }
            int i = random.nextInt(buffer.size());
            Sample chosen = buffer.get(i);
            buffer.set(i, buffer.get(buffer.size() - 1));
            buffer.remove(buffer.size() - 1);
            return chosen;
        }
    }
}
