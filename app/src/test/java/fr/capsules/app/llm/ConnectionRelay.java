package fr.capsules.app.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * The fake's front door: a loopback TCP relay in front of its HTTP server, so that the fake sees a client close
 * its connection the moment it happens (the JDK's HTTP server only notices at its next write). Each client
 * connection gets its own connection to the server; when the client side ends first, {@code clientLeft} receives
 * the port the server sees that connection come from ({@code HttpExchange.getRemoteAddress().getPort()}), and the
 * server's side is closed too, as a client's close would reach Ollama.
 */
final class ConnectionRelay implements AutoCloseable {

    private final ServerSocket front;
    private final int backPort;
    private final IntConsumer opened;
    private final IntConsumer clientLeft;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    ConnectionRelay(int backPort, IntConsumer opened, IntConsumer clientLeft) throws IOException {
        this.front = new ServerSocket(0, FakeOllamaServer.BACKLOG, InetAddress.getLoopbackAddress());
        this.backPort = backPort;
        this.opened = opened;
        this.clientLeft = clientLeft;
        Thread.ofPlatform().daemon().name("fake-ollama-relay").start(this::accept);
    }

    int port() {
        return front.getLocalPort();
    }

    private void accept() {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                // Connected to the server on the connection's own thread, so that a thousand clients arriving at
                // once are accepted without waiting for each other.
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException e) {
                // closed, or one connection failed to open: the client sees its connection drop
            }
        }
    }

    private void relay(Socket client) {
        Socket server;
        try {
            server = new Socket(InetAddress.getLoopbackAddress(), backPort);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
        } catch (IOException e) {
            close(client); // the client sees its connection drop
            return;
        }
        sockets.add(client);
        sockets.add(server);
        int port = server.getLocalPort();
        opened.accept(port);
        AtomicBoolean serverEnded = new AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            pump(server, client);
            serverEnded.set(true);
            close(client, server);
        });
        pump(client, server);
        if (!serverEnded.get()) {
            clientLeft.accept(port);
        }
        close(client, server);
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        }
    }

    private void close(Socket... pair) {
        for (Socket socket : pair) {
            sockets.remove(socket);
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        try {
            front.close();
        } catch (IOException ignored) {
            // already closed
        }
        sockets.forEach(s -> close(s));
    }
}
