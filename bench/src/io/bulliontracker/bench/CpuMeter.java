package io.bulliontracker.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who used the CPUs during a stretch of time, from /proc: the whole machine, the service process, this
 * JVM (the load generator) and PostgreSQL's processes. On a 2-core machine where all of them share the
 * cores, this says what bounds a throughput number.
 */
final class CpuMeter {

    /** Cumulative CPU time in clock ticks at one moment. */
    record Snapshot(long nanos, long machineBusy, long service, long generator, long postgres) {
    }

    /** CPU used between two snapshots, in cores (1.0 = one core busy the whole time). */
    record Usage(double machine, double service, double generator, double postgres, int cores) {

        double other() {
            return Math.max(0, machine - service - generator - postgres);
        }
    }

    /** Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuMeter() {
    }

    static Snapshot take(long servicePid) {
        return new Snapshot(System.nanoTime(), machineBusy(), processTicks(servicePid),
                processTicks(ProcessHandle.current().pid()), postgresTicks());
    }

    static Usage between(Snapshot from, Snapshot to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        return new Usage(cores(to.machineBusy() - from.machineBusy(), seconds), cores(to.service() - from.service(), seconds),
                cores(to.generator() - from.generator(), seconds), cores(to.postgres() - from.postgres(), seconds),
                Runtime.getRuntime().availableProcessors());
    }

    private static double cores(long ticks, double seconds) {
        return ticks / TICKS_PER_SECOND / seconds;
    }

    /** user + nice + system + irq + softirq + steal of the "cpu" line of /proc/stat. */
    private static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of a process (fields 14 and 15, counted after the parenthesised command name). */
    private static long processTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long postgresTicks() {
        long total = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        total += processTicks(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }
}
