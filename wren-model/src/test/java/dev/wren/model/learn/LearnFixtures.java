package dev.wren.model.learn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.offline.OfflineLayout;
import dev.wren.model.offline.OfflineSamples;
import dev.wren.model.offline.OfflineTraining;
import dev.wren.model.offline.ParquetRows;
import dev.wren.model.offline.RawRow;
import dev.wren.model.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;

/** A tiny offline output, a DeepFM bundle trained on it, and its samples as the stream job's JSON lines. */
final class LearnFixtures {
    static final int USERS = 50;
    static final int ITEMS = 40;

    private LearnFixtures() {}

    /** Synthetic offline samples (planted genre taste) under {@code dir}. */
    static OfflineSamples offline(Path dir, int trainRows, int testRows, long seed) {
        dev.wren.model.offline.SyntheticOfflineSamples.write(dir, USERS, ITEMS, trainRows, testRows, seed, 1 << 20);
        return OfflineSamples.open(dir, "time", 0.1);
    }

    /** A tiny DeepFM trained for {@code epochs} on the samples, saved as {@code models/deepfm/v1}. */
    static Path bundle(OfflineSamples samples, Path models, int epochs) {
        ModelSpec spec = new ModelSpec.DeepFmSpec(4, List.of(8), 0f);
        OfflineTraining.train(
                samples,
                spec,
                TrainConfig.defaultsFor(spec).withEpochs(epochs, epochs).withSeed(5),
                models);
        return models.resolve("deepfm").resolve("v1");
    }

    /** Each Parquet row of {@code files} as a JSON object with the same raw columns. */
    static List<ObjectNode> asJson(OfflineLayout layout, List<Path> files, Set<String> leaveOut) {
        ObjectMapper mapper = new ObjectMapper();
        List<String> columns = layout.columns();
        List<ObjectNode> out = new ArrayList<>();
        try (Stream<Group> rows = new ParquetRows(files, columns).stream()) {
            for (Iterator<Group> it = rows.iterator(); it.hasNext(); ) {
                RawRow row = RawRow.of(it.next());
                ObjectNode node = mapper.createObjectNode();
                for (int i = 0; i < columns.size(); i++) {
                    String name = columns.get(i);
                    if (leaveOut.contains(name)) {
                        continue;
                    }
                    if (name.equals(OfflineLayout.TOP_GENRES) || name.equals(OfflineLayout.RECENT_POSITIVES)) {
                        ArrayNode list = node.putArray(name);
                        for (Object o : row.list(i)) {
                            if (o instanceof Number n) {
                                list.add(n.longValue());
                            } else {
                                list.add(String.valueOf(o));
                            }
                        }
                    } else if (!row.present(i)) {
                        node.putNull(name);
                    } else if (layout.manifest().stringIndexerLabels().containsKey(name)) {
                        node.put(name, row.string(i));
                    } else {
                        Number n = row.number(i);
                        if (n instanceof Double || n instanceof Float) {
                            node.put(name, n.doubleValue());
                        } else {
                            node.put(name, n.longValue());
                        }
                    }
                }
                node.put(
                        "exposedAt",
                        row.number(layout.columnIndex(OfflineLayout.TIME).orElseThrow())
                                        .longValue()
                                * 1000);
                node.put("position", 3);
                node.put("labelSource", "rating");
                out.add(node);
            }
        }
        return out;
    }

    static Path writeLines(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, lines);
    }
}
