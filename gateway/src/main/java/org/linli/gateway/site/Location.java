package org.linli.gateway.site;

import org.linli.gateway.config.LocationText;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a device is: building, optionally unit and household (flat), or a building's common area.
 * Written {@code 3-2-501}, {@code 3-2}, {@code 3} or {@code 7:boiler-room}. The street, community and compound
 * come from the site; they are added when the location is turned into tags.
 */
public record Location(String building, String unit, String household, String area) {

    public Location {
        Objects.requireNonNull(building, "building");
    }

    /** Parses the config notation (config.LocationText); throws IllegalArgumentException naming the expected forms. */
    public static Location parse(String text) {
        LocationText t = LocationText.parse(text);
        return new Location(t.building(), t.unit(), t.household(), t.area());
    }

    /** The household key {@code 3-2-501}, present only for a household location. */
    public Optional<String> householdKey() {
        return household == null ? Optional.empty() : Optional.of(building + "-" + unit + "-" + household);
    }

    /** The config notation, also what grid workers read: 3-2-501, 3-2, 3 or 7:boiler-room. */
    @Override
    public String toString() {
        if (area != null) {
            return building + ":" + area;
        }
        StringBuilder b = new StringBuilder(building);
        if (unit != null) {
            b.append('-').append(unit);
        }
        if (household != null) {
            b.append('-').append(household);
        }
        return b.toString();
    }

    /** A human description in Chinese for chat messages: 3号楼2单元501室. */
    public String describe() {
        if (area != null) {
            return building + "号楼 " + area;
        }
        StringBuilder b = new StringBuilder(building).append("号楼");
        if (unit != null) {
            b.append(unit).append("单元");
        }
        if (household != null) {
            b.append(household).append("室");
        }
        return b.toString();
    }
}
