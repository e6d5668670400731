package io.bulliontracker.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A TCP proxy between a PostgreSQL client and the server that notes every statement the client
 * executes: a simple-protocol Query, or an extended-protocol Execute resolved (through its Bind) to the
 * text of its Parse, with the Bind's parameter count. Counting on the wire works for any client (the
 * service's Vert.x pool, the floor, the N+1 baseline) and needs nothing from the server
 * (pg_stat_statements is not installed here). Same idea as src/test/.../PgWireProxy, run as its own
 * process so the service can be started against it from run.sh.
 *
 * <p>A control port answers two line commands: {@code RESET} (forget what was seen) and {@code DUMP}
 * (one line per statement, {@code <parameter count> TAB <text with newlines as spaces>}, then {@code END}).
 *
 * <p>Usage: {@code StatementCountingProxy <listen port> <target host> <target port> <control port>}
 */
public final class StatementCountingProxy {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final Queue<String> seen = new ConcurrentLinkedQueue<>();
    private final String targetHost;
    private final int targetPort;

    private StatementCountingProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public static void main(String[] args) throws IOException {
        int listenPort = Integer.parseInt(args[0]);
        StatementCountingProxy proxy = new StatementCountingProxy(args[1], Integer.parseInt(args[2]));
        ServerSocket control = new ServerSocket(Integer.parseInt(args[3]), 50, InetAddress.getLoopbackAddress());
        ServerSocket server = new ServerSocket(listenPort, 200, InetAddress.getLoopbackAddress());
        daemon("proxy-control", () -> proxy.controlLoop(control));
        System.out.println("statement-counting proxy on 127.0.0.1:" + listenPort + " -> " + args[1] + ":" + args[2]);
        proxy.acceptLoop(server);
    }

    private void acceptLoop(ServerSocket server) throws IOException {
        while (true) {
            Socket client = server.accept();
            Socket upstream = new Socket(targetHost, targetPort);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            daemon("proxy-up", () -> pumpFrontend(client, upstream));
            daemon("proxy-down", () -> pumpBackend(upstream, client));
        }
    }

    private void controlLoop(ServerSocket control) {
        while (true) {
            try (Socket socket = control.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.UTF_8)) {
                String command;
                while ((command = in.readLine()) != null) {
                    if (command.equals("RESET")) {
                        seen.clear();
                        out.print("OK\n");
                    } else if (command.equals("DUMP")) {
                        for (String statement : seen) {
                            out.print(statement);
                            out.print('\n');
                        }
                        out.print("END\n");
                    } else {
                        out.print("ERR unknown command\n");
                    }
                    out.flush();
                }
            } catch (IOException e) {
                // the controlling client went away; wait for the next one
            }
        }
    }

    /**
     * Client to server: forwards every message unchanged, noting executions. It flushes only when the
     * client has sent nothing more yet, so a pipelined Parse/Bind/Execute/Sync still leaves as one write
     * and the proxy adds as little latency as it can.
     */
    private void pumpFrontend(Socket client, Socket upstream) {
        Map<String, String> parsed = new HashMap<>();        // statement name -> text (per connection)
        Map<String, String[]> portals = new HashMap<>();     // portal name -> {text, parameter count}
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream(), 64 * 1024))) {
            OutputStream out = new BufferedOutputStream(upstream.getOutputStream(), 64 * 1024);
            boolean startup = true;
            while (true) {
                if (startup) {
                    // Startup-phase messages have no type byte: length, then a protocol code.
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    out.write(int32(length));
                    out.write(body);
                    out.flush();
                    int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
                    startup = code == SSL_REQUEST || code == GSS_REQUEST;
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
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // the connection ended; the other pump sees it too
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private void note(char type, byte[] body, Map<String, String> parsed, Map<String, String[]> portals) {
        switch (type) {
            case 'Q' -> seen.add("0\t" + oneLine(cstring(body, 0)));
            case 'P' -> {
                String name = cstring(body, 0);
                parsed.put(name, cstring(body, utf8Length(name) + 1));
            }
            case 'B' -> {
                // Bind: portal, statement, format-code count and codes, then the parameter count.
                String portal = cstring(body, 0);
                int at = utf8Length(portal) + 1;
                String statement = cstring(body, at);
                at += utf8Length(statement) + 1;
                int formats = int16(body, at);
                at += 2 + 2 * formats;
                int parameters = int16(body, at);
                portals.put(portal, new String[] {parsed.getOrDefault(statement, "<unknown>"), String.valueOf(parameters)});
            }
            case 'E' -> {
                String[] bound = portals.get(cstring(body, 0));
                seen.add(bound == null ? "0\t<unknown>" : bound[1] + "\t" + oneLine(bound[0]));
            }
            default -> {
            }
        }
    }

    /** Server to client: raw bytes. */
    private static void pumpBackend(Socket upstream, Socket client) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = upstream.getInputStream()) {
            OutputStream out = client.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException ignored) {
            // the connection ended
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    private static String cstring(byte[] body, int from) {
        int end = from;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        return new String(body, from, end - from, StandardCharsets.UTF_8);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int int16(byte[] body, int at) {
        return ((body[at] & 0xff) << 8) | (body[at + 1] & 0xff);
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
