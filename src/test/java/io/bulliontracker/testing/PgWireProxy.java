package io.bulliontracker.testing;

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

/**
 * A TCP proxy between the service and PostgreSQL that reads the frontend protocol. It records every
 * statement the service executes (a simple Query, or an extended-protocol Execute resolved to the text
 * of its Parse), which makes the query budget a count the tests can assert, whatever client (Vert.x,
 * Hibernate Reactive) sent it. It can also cut connections, refuse new ones, and delay replies.
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
                out.write(type);
                out.write(int32(length));
                out.write(body);
                out.flush();
            }
        } catch (IOException ignored) {
            // the connection ended; the other pump sees it too
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
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
