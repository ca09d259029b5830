package org.linli.gateway.camera;

import org.linli.gateway.site.Location;

import java.util.List;

/**
 * Whether a camera watches a place. A camera covering building 7 watches everything in building 7 (units, flats,
 * areas); one covering unit 7-1 watches the unit and its flats (7-1-301); one covering area 7:gate watches the gate.
 */
final class Coverage {
    private Coverage() {
    }

    static boolean covers(List<Location> covered, Location place) {
        return place != null && covered.stream().anyMatch(c -> covers(c, place));
    }

    static boolean covers(Location c, Location place) {
        if (!c.building().equals(place.building())) {
            return false;
        }
        if (c.area() != null) {
            return c.area().equals(place.area());
        }
        if (c.unit() == null) {
            return true;
        }
        return c.unit().equals(place.unit()) && (c.household() == null || c.household().equals(place.household()));
    }
}
