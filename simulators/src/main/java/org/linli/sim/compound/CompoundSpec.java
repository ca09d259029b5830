package org.linli.sim.compound;

import java.util.List;
import java.util.Set;

/**
 * The shape of a simulated compound: buildings × units × floors × flats, every household fitted with a gas alarm,
 * a smoke detector and a water meter whose vendor profile alternates by building (so every vendor format flows),
 * some households flagged elderly-living-alone, and grids of a few buildings each.
 */
public record CompoundSpec(
        String street,
        String community,
        String compound,
        int buildings,
        int unitsPerBuilding,
        int floors,
        int flatsPerFloor,
        int buildingsPerGrid,
        int elderlyAloneEvery,
        Set<String> elderlyAlone,
        List<String> gasProfiles,
        List<String> smokeProfiles,
        List<String> waterProfiles) {

    /** The demo's compound: 8 buildings, 2 units each, 6 floors of 2 flats (192 households, 576 devices). */
    public static CompoundSpec demo(List<String> gas, List<String> smoke, List<String> water) {
        return new CompoundSpec("南湖街道", "幸福社区", "幸福里小区", 8, 2, 6, 2, 3, 17, Set.of("3-2-501"), gas, smoke, water);
    }

    public CompoundSpec withSize(int buildings, int units, int floors, int flats) {
        return new CompoundSpec(street, community, compound, buildings, units, floors, flats, buildingsPerGrid,
                elderlyAloneEvery, elderlyAlone, gasProfiles, smokeProfiles, waterProfiles);
    }

    public int households() {
        return buildings * unitsPerBuilding * floors * flatsPerFloor;
    }
}
