package io.bulliontracker.bench;

import io.bulliontracker.testing.PgWireProxy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The tests' wire proxy ({@link PgWireProxy}) run as its own process, so run.sh can start the packaged
 * service against it, with a control port through which the counting phase ({@link ProxyControl}) reads
 * what it recorded. Counting on the wire works for every client (the service's pool, the floor, the N+1
 * baseline) and needs nothing from the server (pg_stat_statements is not installed here).
 *
 * <p>The control port answers three line commands: {@code RESET} (forget what was seen, answers {@code OK}),
 * {@code DUMP} (every statement since the reset, BEGIN/COMMIT/ROLLBACK included, one per line with its
 * whitespace collapsed, then {@code END}) and {@code DELAY <microseconds>} (the latency every round trip
 * gets from now on, the network case; 0 is loopback; answers {@code OK}).
 *
 * <p>Usage: {@code CountingProxy <listen port> <target host> <target port> <control port>}
 */
public final class CountingProxy {

    private CountingProxy() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: CountingProxy <listen port> <target host> <target port> <control port>");
        }
        int listenPort = Integer.parseInt(args[0]);
        PgWireProxy proxy = new PgWireProxy(listenPort, args[1], Integer.parseInt(args[2]));
        try (ServerSocket control = new ServerSocket(Integer.parseInt(args[3]), 50, InetAddress.getLoopbackAddress())) {
            System.out.println("statement-counting proxy on 127.0.0.1:" + listenPort + " -> " + args[1] + ":" + args[2]
                    + ", control port " + control.getLocalPort());
            while (true) {
                serve(control, proxy);
            }
        }
    }

    /** One controlling client at a time: the counting phase keeps one connection for its whole run. */
    private static void serve(ServerSocket control, PgWireProxy proxy) {
        try (Socket socket = control.accept();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.UTF_8)) {
            String command;
            while ((command = in.readLine()) != null) {
                switch (command) {
                    case "RESET" -> {
                        proxy.resetStatements();
                        out.print("OK\n");
                    }
                    case "DUMP" -> {
                        for (String statement : proxy.allStatements()) {
                            out.print(statement.replaceAll("\\s+", " ").trim());
                            out.print('\n');
                        }
                        out.print("END\n");
                    }
                    default -> {
                        if (command.startsWith("DELAY ")) {
                            proxy.roundTripDelayMicros(Long.parseLong(command.substring(6).trim()));
                            out.print("OK\n");
                        } else {
                            out.print("ERR unknown command\n");
                        }
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            // the controlling client went away; wait for the next one
        }
    }
}
