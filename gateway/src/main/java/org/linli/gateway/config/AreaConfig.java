package org.linli.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A building's common area (boiler room, bicycle shed, gate): its {@code id}, used in device locations
 * ({@code 7:boiler-room}), and the {@code name} people read (锅炉房; null: the id is shown). Written either as the id
 * alone ({@code areas: [gate]}) or with its name ({@code areas: [{id: boiler-room, name: 锅炉房}]}).
 */
public record AreaConfig(String id, String name) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public AreaConfig(@JsonProperty("id") String id, @JsonProperty("name") String name) {
        this.id = id;
        this.name = name == null || name.isBlank() ? null : name;
    }

    /** An area written as its id alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AreaConfig of(String id) {
        return new AreaConfig(id, null);
    }
}
