package io.bulliontracker.testing;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy between the service and PostgreSQL that reads the frontend protocol. It records every
 * statement the service executes (a simple Query, or an extended-protocol Execute resolved to the text
 * of its Parse), which makes the query budget a count the tests can assert, whatever client (Vert.x,
 * Hibernate Reactive) sent it. It can also cut connections, refuse new ones, delay replies (a fault),
 * and add a network's latency to every round trip ({@link #roundTripDelayMicros(long)}).
 *
 * <p>The benchmark (bench/) runs it as its own process on a fixed port to count the statements of the
 * packaged service; that is why it can listen on a given port.
 */
public final class PgWireProxy implements AutoCloseable {

    private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "COMMIT", "ROLLBACK");
    private static volatile PgWireProxy current;

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    // Appending must stay cheap for the benchmark's N+1 baseline (tens of thousands of statements per
    // call), which a copy-on-write list is not.
    private final Queue<String> statements = new ConcurrentLinkedQueue<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;
    private volatile long replyDelayMillis;
    private volatile long roundTripDelayNanos;

    public PgWireProxy(String targetHost, int targetPort) throws IOException {
        this(0, targetHost, targetPort);
    }

    /** A proxy listening on the loopback {@code listenPort} (0: any free port). */
    public PgWireProxy(int listenPort, String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(listenPort, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "pg-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        current = this;
    }

    /** The proxy of this test run (tests and the Quarkus app share the JVM). */
    public static PgWireProxy current() {
        return current;
    }

    public int port() {
        return server.getLocalPort();
    }

    public void resetStatements() {
        statements.clear();
    }

    /** Statements executed since the last reset, without BEGIN/COMMIT/ROLLBACK. */
    public List<String> statements() {
        List<String> work = new ArrayList<>();
        for (String s : statements) {
            if (!isTransactionControl(s)) {
                work.add(s);
            }
        }
        return work;
    }

    /** BEGIN, COMMIT or ROLLBACK: statements the query budget does not count. */
    public static boolean isTransactionControl(String statement) {
        return TRANSACTION_CONTROL.contains(statement.trim().toUpperCase());
    }

    public List<String> allStatements() {
        return List.copyOf(statements);
    }

    /** Drops every open connection, as a database crash or network cut would. */
    public void cutConnections() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    public void refuseConnections(boolean refuse) {
        this.refusing = refuse;
        if (refuse) {
            cutConnections();
        }
    }

    public void delayReplies(long millis) {
        this.replyDelayMillis = millis;
    }

    /**
     * Adds this latency to every round trip, as a database across a network would: each client message
     * reaches the server that much later, in order, while later messages keep flowing (a pipelining client
     * pays it once per wait, not once per message). Unlike {@link #delayReplies(long)}, which stalls every
     * chunk of a reply (a slow server), a large result costs no more than a small one. 0 turns it off.
     */
    public void roundTripDelayMicros(long micros) {
        this.roundTripDelayNanos = TimeUnit.MICROSECONDS.toNanos(micros);
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutConnections();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                start("pg-proxy-up", () -> pumpFrontend(client, upstream));
                start("pg-proxy-down", () -> pumpBackend(upstream, client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void start(String name, Runnable pump) {
        Thread thread = new Thread(pump, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Client to server: forwards every message whole, noting the statements it executes. */
    private void pumpFrontend(Socket client, Socket upstream) {
        Map<String, String> parsed = new ConcurrentHashMap<>();
        Map<String, String> portals = new ConcurrentHashMap<>();
        LatencyLine line = null;
        try (DataInputStream in = new DataInputStream(client.getInputStream())) {
            OutputStream out = upstream.getOutputStream();
            boolean startup = true;
            while (true) {
                if (startup) {
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    out.write(int32(length));
                    out.write(body);
                    out.flush();
                    int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
                    // SSL and GSS encryption requests are followed by the real startup message.
                    startup = code == 80877103 || code == 80877104;
                    continue;
                }
                int type = in.read();
                if (type < 0) {
                    break;
                }
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (body.length != length - 4) {
                    throw new EOFException();
                }
                note((char) type, body, parsed, portals);
                long delay = roundTripDelayNanos;
                if (delay > 0 && line == null) {
                    line = new LatencyLine(upstream);
                    start("pg-proxy-latency", line);
                }
                if (line != null) {
                    // Once a connection has had latency, every message goes through the line: order is kept.
                    byte[] message = new byte[1 + length];
                    message[0] = (byte) type;
                    System.arraycopy(int32(length), 0, message, 1, 4);
                    System.arraycopy(body, 0, message, 5, body.length);
                    line.send(message, System.nanoTime() + delay);
                    continue;
                }
                out.write(type);
                out.write(int32(length));
                out.write(body);
                out.flush();
            }
        } catch (IOException ignored) {
            // the connection ended; the other pump sees it too
        } finally {
            closeQuietly(client);
            if (line != null) {
                line.close(); // it closes upstream once it has written what was already sent
            } else {
                closeQuietly(upstream);
            }
        }
    }

    /**
     * One connection's client-to-server messages, each written when its due time comes: a one-way
     * latency, which a round trip pays once. Due times never decrease, so the queue is in due order.
     */
    private static final class LatencyLine implements Runnable {

        private record Pending(byte[] message, long due) {
        }

        private static final Pending END = new Pending(new byte[0], 0);

        private final Socket upstream;
        private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        private long lastDue;

        LatencyLine(Socket upstream) {
            this.upstream = upstream;
        }

        void send(byte[] message, long due) {
            lastDue = Math.max(lastDue, due);
            queue.add(new Pending(message, lastDue));
        }

        void close() {
            queue.add(END);
        }

        @Override
        public void run() {
            try {
                OutputStream out = new BufferedOutputStream(upstream.getOutputStream(), 64 * 1024);
                while (true) {
                    Pending next = queue.take();
                    if (next == END) {
                        out.flush();
                        break;
                    }
                    long wait;
                    while ((wait = next.due() - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    out.write(next.message());
                    // Messages already due go out in the same write, as the client's own buffer would send them.
                    if (queue.isEmpty() || queue.peek().due() > System.nanoTime()) {
                        out.flush();
                    }
                }
            } catch (IOException | InterruptedException ignored) {
                // the connection ended
            } finally {
                closeQuietly(upstream);
            }
        }
    }

    private void note(char type, byte[] body, Map<String, String> parsed, Map<String, String> portals) {
        switch (type) {
            case 'Q' -> statements.add(cstring(body, 0));
            case 'P' -> {
                String name = cstring(body, 0);
                String query = cstring(body, name.getBytes(StandardCharsets.UTF_8).length + 1);
                parsed.put(name, query);
            }
            case 'B' -> {
                String portal = cstring(body, 0);
                String statement = cstring(body, portal.getBytes(StandardCharsets.UTF_8).length + 1);
                portals.put(portal, statement);
            }
            case 'E' -> {
                String statement = portals.get(cstring(body, 0));
                statements.add(statement == null ? "<unknown>" : parsed.getOrDefault(statement, "<unknown>"));
            }
            default -> {
            }
        }
    }

    /** Server to client: raw bytes, after the configured delay. */
    private void pumpBackend(Socket upstream, Socket client) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = upstream.getInputStream()) {
            OutputStream out = client.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long delay = replyDelayMillis;
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException ignored) {
            // the connection ended
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static String cstring(byte[] body, int from) {
        int end = from;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        return new String(body, from, end - from, StandardCharsets.UTF_8);
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
    }

}
