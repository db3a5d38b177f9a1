package cn.countyflow.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the benchmarks say about the machine they ran on, and their percentiles: one place for both results files. */
final class BenchmarkMachine {
    private BenchmarkMachine() {
    }

    /** {@code /proc/loadavg} as it reads now. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The processor's model name. */
    static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** p50, p95, p99 by nearest rank (the ⌈p·n⌉-th smallest); NaN for no values. */
    static double[] percentiles(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double[] p = {0.50, 0.95, 0.99};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            int rank = (int) Math.ceil(p[i] * sorted.size());
            out[i] = sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, rank - 1));
        }
        return out;
    }
}
