package io.bulliontracker.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The counting phase's side of {@link CountingProxy}'s control port. */
final class ProxyControl implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final PrintWriter out;

    ProxyControl(int controlPort) {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), controlPort);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the statement-counting proxy's control port " + controlPort, e);
        }
    }

    void reset() {
        String answer = send("RESET");
        if (!"OK".equals(answer)) {
            throw new IllegalStateException("proxy answered " + answer);
        }
    }

    /** The latency every round trip through the proxy gets from now on (0: loopback). */
    void roundTripDelayMicros(long micros) {
        String answer = send("DELAY " + micros);
        if (!"OK".equals(answer)) {
            throw new IllegalStateException("proxy answered " + answer);
        }
    }

    /**
     * Everything executed since the last reset, BEGIN/COMMIT/ROLLBACK included, in the order the proxy saw
     * it, each statement's whitespace collapsed to single spaces.
     */
    List<String> statements() {
        out.print("DUMP\n");
        out.flush();
        List<String> statements = new ArrayList<>();
        try {
            String line;
            while (!"END".equals(line = in.readLine())) {
                if (line == null) {
                    throw new IllegalStateException("proxy closed the control connection");
                }
                statements.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statements;
    }

    private String send(String command) {
        out.print(command + "\n");
        out.flush();
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
