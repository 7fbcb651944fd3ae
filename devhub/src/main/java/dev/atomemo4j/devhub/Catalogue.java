package dev.atomemo4j.devhub;

import dev.atomemo4j.devhub.phoenix.PhoenixChannel;
import dev.atomemo4j.devhub.phoenix.SocketKind;
import dev.atomemo4j.model.PluginDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins the dev hub knows (by plugin identifier) and which channel is which instance. Mutations are
 * synchronized and short; lookups are lock-free, so the frames log can read definitions from any thread.
 */
final class Catalogue {
    private static final Logger log = LoggerFactory.getLogger(Catalogue.class);
    /** Between name and version in a release version slug (hub-protocol.md §3.1). */
    static final String RELEASE_SEPARATOR = "__release__";

    private final Map<String, PluginEntry> entries = new ConcurrentHashMap<>();
    private final Map<PhoenixChannel, Instance> byChannel = new ConcurrentHashMap<>();
    /** Guarded by this. */
    private final Map<String, List<CompletableFuture<Void>>> readyWaiters = new HashMap<>();
    private final Executor completions;
    private final CatalogueStore store;

    /** A catalogue that starts with the definitions in {@code store} and saves every accepted one to it. */
    Catalogue(Executor completions, CatalogueStore store) {
        this.completions = completions;
        this.store = store;
        for (CatalogueStore.Stored stored : store.load()) {
            PluginEntry entry = new PluginEntry(stored.identifier(), stored.mode());
            entry.register(stored.registration());
            entries.put(stored.identifier(), entry);
        }
        if (!entries.isEmpty()) {
            log.info("Restored {} plugin definition(s) from {}: {}", entries.size(), store.file(),
                    String.join(", ", new TreeSet<>(entries.keySet())));
        }
    }

    static String releaseSlug(PluginDefinition definition) {
        return definition.name() + RELEASE_SEPARATOR + definition.version();
    }

    /**
     * A new channel on a plugin topic. Release instances are ready at once. A debug instance is ready once it
     * registers, or at once when its plugin already has an accepted definition: the official JS SDK registers once
     * per process, so after a reconnect it only rejoins, and must be served with the definition it sent before. One
     * that does register replaces that definition a moment later.
     */
    synchronized Instance join(PhoenixChannel channel) {
        boolean release = channel.socketKind() == SocketKind.RELEASE;
        PluginEntry entry = entries.computeIfAbsent(channel.subtopic(),
                id -> new PluginEntry(id, release ? PluginEntry.Mode.RELEASE : PluginEntry.Mode.DEBUG));
        PluginEntry.Registration known = entry.registration();
        Instance instance = new Instance(channel, Instant.now(), release, release || known != null);
        entry.add(instance);
        byChannel.put(channel, instance);
        if (!release && known != null) {
            log.info("{} joined without a definition of its own yet; serving it with the one accepted at {}{} until"
                    + " it registers", instance, known.at(), known.restored() ? " (from the data directory)" : "");
        }
        if (instance.isReady()) {
            notifyReady(entry);
        }
        return instance;
    }

    /** The channel ended; returns its instance (null if it was never known). */
    synchronized Instance leave(PhoenixChannel channel) {
        Instance instance = byChannel.remove(channel);
        PluginEntry entry = entries.get(channel.subtopic());
        if (instance != null && entry != null) {
            entry.remove(instance);
        }
        return instance;
    }

    Instance instance(PhoenixChannel channel) {
        return byChannel.get(channel);
    }

    /** The debug instance's register_plugin was accepted. */
    synchronized void registered(Instance instance, PluginEntry.Registration registration) {
        PluginEntry entry = entries.get(instance.channel().subtopic());
        entry.register(registration);
        instance.markRegistered();
        save();
        notifyReady(entry);
    }

    /** The debug instance's register_plugin was refused; it keeps no inherited definition either. */
    synchronized void refused(Instance instance) {
        instance.markRefused();
    }

    /** A release definition from the release API; returns its entry (identifier = version slug). */
    synchronized PluginEntry registerRelease(PluginEntry.Registration registration) {
        String slug = releaseSlug(registration.definition());
        PluginEntry entry = entries.computeIfAbsent(slug, id -> new PluginEntry(id, PluginEntry.Mode.RELEASE));
        entry.register(registration);
        save();
        return entry;
    }

    private void save() {
        store.save(all());
    }

    /** True when a release definition for this version slug was registered through the release API. */
    boolean releaseKnown(String slug) {
        PluginEntry entry = entries.get(slug);
        return entry != null && entry.mode() == PluginEntry.Mode.RELEASE && entry.registration() != null;
    }

    PluginEntry get(String identifier) {
        return entries.get(identifier);
    }

    /** The entry for a topic's subtopic, for the frames log (may be null). */
    PluginEntry forTopic(String topic) {
        int colon = topic.indexOf(':');
        return colon < 0 ? null : entries.get(topic.substring(colon + 1));
    }

    /**
     * The entry whose definition is the plugin {@code name}, for credentials (which belong to a plugin name, whatever
     * the mode): the debug entry if it has a definition, else the newest release entry; null if none.
     */
    PluginEntry forPluginName(String name) {
        PluginEntry debug = entries.get(name);
        if (debug != null && debug.definition() != null) {
            return debug;
        }
        PluginEntry best = null;
        for (PluginEntry entry : entries.values()) {
            PluginEntry.Registration registration = entry.registration();
            if (entry.mode() == PluginEntry.Mode.RELEASE && registration != null
                    && name.equals(registration.definition().name())
                    && (best == null || registration.at().isAfter(best.registration().at()))) {
                best = entry;
            }
        }
        return best;
    }

    List<PluginEntry> all() {
        List<PluginEntry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing(PluginEntry::identifier));
        return list;
    }

    /** Completes once the plugin has a ready instance (at once if it has one now). */
    synchronized CompletableFuture<Void> whenReady(String identifier) {
        PluginEntry entry = entries.get(identifier);
        if (entry != null && entry.connected()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        readyWaiters.computeIfAbsent(identifier, id -> new ArrayList<>()).add(waiter);
        return waiter;
    }

    private void notifyReady(PluginEntry entry) {
        List<CompletableFuture<Void>> waiters = readyWaiters.remove(entry.identifier());
        if (waiters != null) {
            waiters.forEach(waiter -> completions.execute(() -> waiter.complete(null)));
        }
    }
}
