package io.agrisense.platform.alert.runtime;

import io.agrisense.platform.alert.RuleBook;
import io.agrisense.platform.alert.RuleDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules in force: those shipped in {@code alert-rules/defaults.yaml}, overlaid by the rules managed over the
 * API (a rule with a shipped id replaces it, a deletion hides it, other ids add rules). Immutable; each change
 * gives a new library whose {@link #book()} is validated as a whole.
 */
public final class RuleLibrary {

    /** Where a rule in force comes from. */
    public enum Origin {
        SHIPPED("shipped"), CHANGED("shipped, changed over the API"), ADDED("added over the API");

        private final String text;

        Origin(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** An API-managed row: a definition, or a deletion (definition null). */
    public record Overlay(String id, RuleDefinition definition, Instant createdAt, Instant updatedAt) {

        public boolean deleted() {
            return definition == null;
        }
    }

    /** A rule in force, with where it comes from; times are null for shipped rules. */
    public record Entry(RuleDefinition definition, Origin origin, Instant createdAt, Instant updatedAt) {
    }

    /** A change the library refuses: 404 or 409 in the API. */
    public static final class RefusedChange extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        RefusedChange(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final RuleBook shipped;
    private final Map<String, Overlay> overlays;
    private final List<Entry> entries;
    private final RuleBook book;

    public RuleLibrary(RuleBook shipped, List<Overlay> overlays) {
        this.shipped = shipped;
        this.overlays = new LinkedHashMap<>();
        overlays.forEach(o -> this.overlays.put(o.id(), o));
        this.entries = inForce();
        this.book = RuleBook.of(entries.stream().map(Entry::definition).toList());
    }

    /** The validated rules in force, for the engine. */
    public RuleBook book() {
        return book;
    }

    /** Shipped rules first (file order), then added ones (oldest first). */
    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> entry(String id) {
        return entries.stream().filter(e -> e.definition().id().equals(id)).findFirst();
    }

    public List<Overlay> overlays() {
        return List.copyOf(overlays.values());
    }

    /** A new rule; its id must not be in force (a deleted shipped rule may be recreated). */
    public Change create(RuleDefinition rule, Instant now) {
        if (entry(rule.id()).isPresent()) {
            throw new RefusedChange(409, "rule '" + rule.id() + "' already exists; change it with PUT /api/v1/rules/" + rule.id());
        }
        Overlay previous = overlays.get(rule.id());
        return with(new Overlay(rule.id(), rule, previous == null ? now : previous.createdAt(), now));
    }

    public Change update(RuleDefinition rule, Instant now) {
        if (entry(rule.id()).isEmpty()) {
            throw new RefusedChange(404, "no rule '" + rule.id() + "'; create it with POST /api/v1/rules");
        }
        Overlay previous = overlays.get(rule.id());
        return with(new Overlay(rule.id(), rule, previous == null ? now : previous.createdAt(), now));
    }

    public Change delete(String id, Instant now) {
        if (entry(id).isEmpty()) {
            throw new RefusedChange(404, "no rule '" + id + "'");
        }
        Overlay previous = overlays.get(id);
        if (shipped.definition(id).isEmpty()) {
            Map<String, Overlay> rest = new LinkedHashMap<>(overlays);
            rest.remove(id);
            return new Change(new RuleLibrary(shipped, new ArrayList<>(rest.values())), null, id);
        }
        return with(new Overlay(id, null, previous == null ? now : previous.createdAt(), now));
    }

    /**
     * The library after a change and what to store: {@code saved} to upsert, or {@code removedId} to delete
     * (an added rule that is deleted leaves no row; a shipped one leaves a deletion).
     */
    public record Change(RuleLibrary library, Overlay saved, String removedId) {
    }

    private Change with(Overlay overlay) {
        Map<String, Overlay> next = new LinkedHashMap<>(overlays);
        next.put(overlay.id(), overlay);
        return new Change(new RuleLibrary(shipped, new ArrayList<>(next.values())), overlay, null);
    }

    private List<Entry> inForce() {
        List<Entry> out = new ArrayList<>();
        for (RuleDefinition r : shipped.definitions()) {
            Overlay o = overlays.get(r.id());
            if (o == null) {
                out.add(new Entry(r, Origin.SHIPPED, null, null));
            } else if (!o.deleted()) {
                out.add(new Entry(o.definition(), Origin.CHANGED, o.createdAt(), o.updatedAt()));
            }
        }
        overlays.values().stream()
                .filter(o -> !o.deleted() && shipped.definition(o.id()).isEmpty())
                .sorted(Comparator.comparing(Overlay::createdAt).thenComparing(Overlay::id))
                .forEach(o -> out.add(new Entry(o.definition(), Origin.ADDED, o.createdAt(), o.updatedAt())));
        return List.copyOf(out);
    }
}
