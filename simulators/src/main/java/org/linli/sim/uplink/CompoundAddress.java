package org.linli.sim.uplink;

/**
 * Where one simulated compound sits in the centre's topic tree: its street, community and compound ids (one topic
 * level each) and its display name. Builds its topics, {@code linli/v1/{street}/{community}/{compound}/{leaf}}.
 */
public record CompoundAddress(String street, String community, String compound, String name) {
    public String topic(String leaf) {
        return "linli/v1/" + street + "/" + community + "/" + compound + "/" + leaf;
    }
}
