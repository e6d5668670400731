package io.bulliontracker.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * The proxy's round-trip latency (the benchmark's network case), against a stand-in server that answers
 * every Sync with one byte: no PostgreSQL or Quarkus needed.
 */
class PgWireProxyLatencyTests {

    @Test
    void everyRoundTripPaysTheDelayOnceAndPipelinedMessagesKeepTheirOrder() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                PgWireProxy proxy = new PgWireProxy(server.getInetAddress().getHostAddress(), server.getLocalPort())) {
            Thread stub = new Thread(() -> answerSyncs(server));
            stub.setDaemon(true);
            stub.start();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                client.setTcpNoDelay(true);
                DataOutputStream out = new DataOutputStream(client.getOutputStream());
                InputStream in = client.getInputStream();
                out.writeInt(8);
                out.writeInt(196608); // protocol 3.0 startup, no parameters
                roundTrip(out, in, 1); // the connection's set-up, not timed
                // Upper bounds take the fastest of a few tries: a loaded machine can only make a try slower.
                long loopback = fastest(out, in, 1);

                proxy.roundTripDelayMicros(50_000);
                long delayed = roundTrip(out, in, 1);
                // Ten pipelined messages: the latency is paid once for the lot, not ten times (500 ms).
                long pipelined = fastest(out, in, 10);

                proxy.roundTripDelayMicros(0);
                long backToLoopback = fastest(out, in, 1);

                assertTrue(loopback < 50_000_000L, "loopback " + loopback / 1000 + " µs");
                assertTrue(delayed >= 50_000_000L, "with 50 ms latency a round trip took " + delayed / 1000 + " µs");
                assertTrue(pipelined >= 50_000_000L && pipelined < 2 * 50_000_000L,
                        "ten pipelined messages took " + pipelined / 1000 + " µs");
                assertTrue(backToLoopback < 50_000_000L, "after turning latency off " + backToLoopback / 1000 + " µs");
            }
        }
    }

    private static long fastest(DataOutputStream out, InputStream in, int count) throws IOException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, roundTrip(out, in, count));
        }
        return best;
    }

    /** Sends {@code count} Sync messages numbered in their length-free payload order, reads the answers. */
    private static long roundTrip(DataOutputStream out, InputStream in, int count) throws IOException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            out.write('S');
            out.writeInt(5);
            out.write(i);
        }
        out.flush();
        byte[] answers = in.readNBytes(count);
        long took = System.nanoTime() - start;
        byte[] expected = new byte[count];
        for (int i = 0; i < count; i++) {
            expected[i] = (byte) i;
        }
        assertArrayEquals(expected, answers, "messages arrive in the order sent");
        return took;
    }

    /** Reads the startup message, then echoes each Sync's one-byte body. */
    private static void answerSyncs(ServerSocket server) {
        try (Socket socket = server.accept(); DataInputStream in = new DataInputStream(socket.getInputStream())) {
            OutputStream out = socket.getOutputStream();
            in.readNBytes(in.readInt() - 4);
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                byte[] body = in.readNBytes(in.readInt() - 4);
                out.write(body[0]);
                out.flush();
            }
        } catch (IOException ignored) {
            // the test ended
        }
    }
}
