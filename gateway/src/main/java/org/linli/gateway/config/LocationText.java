package org.linli.gateway.config;

/**
 * The place notation of the site file, split into its parts: {@code 3-2-501} (building, unit, flat), {@code 3-2},
 * {@code 3} or {@code 7:boiler-room} (a building's area). The one parser of the notation: the config validator checks
 * places with it and {@code site.Location} is built from it.
 */
public record LocationText(String building, String unit, String household, String area) {

    /** Splits {@code text}; throws IllegalArgumentException with a message naming the expected forms. */
    public static LocationText parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("location is empty (expected 3-2-501, 3-2, 3 or 7:boiler-room)");
        }
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon >= 0) {
            String building = t.substring(0, colon);
            String area = t.substring(colon + 1);
            if (building.isEmpty() || area.isEmpty() || building.contains("-")) {
                throw new IllegalArgumentException("location '" + text + "' is not of the form building:area (7:boiler-room)");
            }
            return new LocationText(building, null, null, area);
        }
        String[] parts = t.split("-", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("location '" + text + "' has an empty part (expected 3-2-501, 3-2 or 3)");
            }
        }
        return switch (parts.length) {
            case 1 -> new LocationText(parts[0], null, null, null);
            case 2 -> new LocationText(parts[0], parts[1], null, null);
            case 3 -> new LocationText(parts[0], parts[1], parts[2], null);
            default -> throw new IllegalArgumentException("location '" + text + "' has too many parts (expected 3-2-501, 3-2 or 3)");
        };
    }

    /** Flat numbers as written on doors and in locations: floor 5, flat 1 → 501. */
    public static String flatNumber(int floor, int flat) {
        return String.format("%d%02d", floor, flat);
    }
}
