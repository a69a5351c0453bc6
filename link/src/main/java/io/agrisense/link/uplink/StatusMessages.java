package io.agrisense.link.uplink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The retained JSON on {@code agri/v1/<id>/status}. */
public final class StatusMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusMessages() {
    }

    public static String online(String profile, String name, String version, String transport) {
        return online(profile, name, version, transport, null);
    }

    /** With the station's {@code location} ({@code latitude}, {@code longitude}, {@code elevation}) when known. */
    public static String online(String profile, String name, String version, String transport, Location location) {
        ObjectNode n = JSON.createObjectNode();
        n.put("state", "online");
        n.put("profile", profile);
        n.put("name", name);
        n.put("version", version);
        n.put("uplink", transport);
        if (location != null) {
            ObjectNode l = n.putObject("location");
            l.put("latitude", location.latitude());
            l.put("longitude", location.longitude());
            l.put("elevation", location.elevation());
        }
        return n.toString();
    }

    public static String offline() {
        return "{\"state\":\"offline\"}";
    }
}
