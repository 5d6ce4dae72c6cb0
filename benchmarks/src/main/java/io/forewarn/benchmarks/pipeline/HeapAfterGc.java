package io.forewarn.benchmarks.pipeline;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap in use right after each garbage collection of this JVM (all heap pools), from the
 * collectors' notifications: the live data plus what the collector left, without the garbage that a
 * sample at a random time would include. Each sample also says which collection it was and how long
 * it took, so that slow predictions can be lined up with the collections' pauses.
 */
final class HeapAfterGc implements AutoCloseable {

    /**
     * One collection: when it ended (epoch ms), the heap after it in bytes, the collector (e.g. "G1
     * Young Generation"), its action and cause as the JVM reports them, and its duration in ms (for
     * G1's young and mixed collections and for a full collection, the pause; for "G1 Concurrent
     * GC", a bean of Java 20 and later, the remark or cleanup pause: on Java 17 concurrent marking
     * reports nothing).
     */
    record Sample(
            long atMillis,
            long bytes,
            String collector,
            String action,
            String cause,
            long durationMillis) {}

    private final Set<String> heapPools;
    private final List<Sample> samples = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    HeapAfterGc() {
        heapPools =
                ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .map(MemoryPoolMXBean::getName)
                        .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool :
                info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        synchronized (samples) {
            samples.add(
                    new Sample(
                            System.currentTimeMillis(),
                            used,
                            info.getGcName(),
                            info.getGcAction(),
                            info.getGcCause(),
                            info.getGcInfo().getDuration()));
        }
    }

    /** The samples so far. */
    List<Sample> samples() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    @Override
    public void close() throws Exception {
        for (NotificationEmitter emitter : emitters) {
            emitter.removeNotificationListener(listener);
        }
    }
}
