package io.bulliontracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the numbers were measured on. */
record MachineInfo(int cpus, String memory, String cpuModel, String java, String postgres, String os) {

    static MachineInfo read(String postgresVersion) {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), readMemory(), readCpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vm.vendor") + ")",
                postgresVersion, System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    private static String readMemory() {
        String kb = field("/proc/meminfo", "MemTotal");
        if (kb == null) {
            return "unknown";
        }
        long total = Long.parseLong(kb.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", total / 1024.0 / 1024.0);
    }

    private static String readCpuModel() {
        String model = field("/proc/cpuinfo", "model name");
        return model == null ? "unknown" : model;
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine shows up here and in the timings. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String field(String file, String name) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(name)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
