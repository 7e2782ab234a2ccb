package fr.capsules.app.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the fake server received, recorded from its handler threads and read from test threads.
 * One monitor guards everything so that waiting for a count and recording are race-free.
 */
final class ReceivedRequests {

    private final List<ChatCall> chats = new ArrayList<>();
    private final List<EmbedCall> embeds = new ArrayList<>();
    private final List<String> shows = new ArrayList<>();
    private final java.util.Map<ChatCall, long[]> timings = new java.util.IdentityHashMap<>();
    private int tags;
    private int cancelledStreams;
    private final java.util.Set<Integer> streamingPorts = new java.util.HashSet<>();
    private final java.util.Set<Integer> leftPorts = new java.util.HashSet<>();

    /** When a chat request reached the handler ({@link System#nanoTime()}). */
    synchronized void arrived(ChatCall call, long nanos) {
        timings.computeIfAbsent(call, c -> new long[2])[0] = nanos;
    }

    /** When the last byte of a chat reply (final line or whole body) was written. */
    synchronized void replied(ChatCall call, long nanos) {
        timings.computeIfAbsent(call, c -> new long[2])[1] = nanos;
    }

    synchronized List<FakeOllamaServer.ChatTiming> timings() {
        return chats.stream()
                .filter(timings::containsKey)
                .map(c -> new FakeOllamaServer.ChatTiming(c, timings.get(c)[0], timings.get(c)[1]))
                .toList();
    }

    synchronized void chat(ChatCall call) {
        chats.add(call);
        notifyAll();
    }

    synchronized void embed(EmbedCall call) {
        embeds.add(call);
    }

    synchronized void show(String model) {
        shows.add(model);
    }

    synchronized void tags() {
        tags++;
    }

    /** A connection reached the fake from {@code port} (the relay's side), so an earlier departure there is past. */
    synchronized void connectionOpened(int port) {
        leftPorts.remove(port);
    }

    /** The client of the connection from {@code port} closed it: a stream under way there is abandoned. */
    synchronized void clientLeft(int port) {
        leftPorts.add(port);
        if (streamingPorts.remove(port)) {
            cancelledStreams++;
            notifyAll();
        }
    }

    /** A stream starts on the connection from {@code port}; false when its client already left. */
    synchronized boolean streamStarted(int port) {
        if (leftPorts.contains(port)) {
            cancelledStreams++;
            notifyAll();
            return false;
        }
        streamingPorts.add(port);
        return true;
    }

    synchronized boolean clientHasLeft(int port) {
        return leftPorts.contains(port);
    }

    synchronized void streamEnded(int port) {
        streamingPorts.remove(port);
    }

    /** A write on the stream from {@code port} failed; counted once, whoever noticed first. */
    synchronized void streamCancelled(int port) {
        if (streamingPorts.remove(port)) {
            cancelledStreams++;
            notifyAll();
        }
    }

    synchronized List<ChatCall> chats() {
        return List.copyOf(chats);
    }

    synchronized List<EmbedCall> embeds() {
        return List.copyOf(embeds);
    }

    synchronized List<String> shows() {
        return List.copyOf(shows);
    }

    synchronized int tagsCount() {
        return tags;
    }

    synchronized int cancelledStreams() {
        return cancelledStreams;
    }

    synchronized List<ChatCall> awaitChats(int count, Duration timeout) {
        awaitUntil(() -> chats.size() >= count, timeout,
                () -> "expected " + count + " chat calls within " + timeout + ", received " + chats.size());
        return List.copyOf(chats);
    }

    synchronized int awaitCancelledStreams(int count, Duration timeout) {
        awaitUntil(() -> cancelledStreams >= count, timeout,
                () -> "expected " + count + " cancelled streams within " + timeout + ", saw " + cancelledStreams);
        return cancelledStreams;
    }

    synchronized void clear() {
        chats.clear();
        timings.clear();
        embeds.clear();
        shows.clear();
        tags = 0;
        cancelledStreams = 0;
        streamingPorts.clear();
    }

    /** Called holding the monitor; throws {@link AssertionError} so a test fails with the reason. */
    private void awaitUntil(BooleanSupplier condition, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(failure.get());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + failure.get(), e);
            }
        }
    }
}
