package dev.watershed.adapter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** NDJSON batches of 500 records {@code {"id", "amount"}}, amounts normal around a mean: what drift tests compare. */
final class AmountBatches {

    private AmountBatches() {}

    /** Writes {@code <name>.ndjson} in {@code directory}; the same seed gives the same batch. */
    static Path write(Path directory, String name, double mean, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("{\"id\":\"")
                    .append(name)
                    .append('-')
                    .append(i)
                    .append("\",\"amount\":")
                    .append(mean + 15 * random.nextGaussian())
                    .append("}\n");
        }
        return Files.writeString(directory.resolve(name + ".ndjson"), text);
    }
}
