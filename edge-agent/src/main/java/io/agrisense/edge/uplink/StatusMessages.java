package io.agrisense.edge.uplink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The retained JSON on {@code agri/v1/<id>/status}. */
public final class StatusMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusMessages() {
    }

    public static String online(String profile, String name, String version, String transport) {
        ObjectNode n = JSON.createObjectNode();
        n.put("state", "online");
        n.put("profile", profile);
        n.put("name", name);
        n.put("version", version);
        n.put("uplink", transport);
        return n.toString();
    }

    public static String offline() {
        return "{\"state\":\"offline\"}";
    }
}
