package org.linli.gateway.site;

import org.linli.drivers.model.DeviceType;
import org.linli.gateway.config.BuildingConfig;
import org.linli.gateway.config.CameraConfig;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.config.GridConfig;
import org.linli.gateway.config.HouseholdConfig;
import org.linli.gateway.config.LocationText;
import org.linli.gateway.config.PersonConfig;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.UnitConfig;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compound as the running gateway sees it: device id → device with its location and grid, household key →
 * care flags and contacts, building → grid. Built once from a validated {@link SiteConfig}; read-only afterwards.
 */
public final class SiteDirectory {
    private final String street;
    private final String community;
    private final String compound;
    private final Map<String, Device> devices;
    private final Map<String, Household> households;
    private final Map<String, Grid> gridByBuilding;
    private final List<Grid> grids;
    private final ZoneId zone;
    private final Map<String, String> areaNames;
    private final Map<String, String> people;

    private SiteDirectory(String street, String community, String compound, Map<String, Device> devices,
                          Map<String, Household> households, Map<String, Grid> gridByBuilding, List<Grid> grids,
                          ZoneId zone, Map<String, String> areaNames, Map<String, String> people) {
        this.street = street;
        this.community = community;
        this.compound = compound;
        this.devices = Collections.unmodifiableMap(devices);
        this.households = Collections.unmodifiableMap(households);
        this.gridByBuilding = Collections.unmodifiableMap(gridByBuilding);
        this.grids = List.copyOf(grids);
        this.zone = zone;
        this.areaNames = Map.copyOf(areaNames);
        this.people = Map.copyOf(people);
    }

    /** Builds the directory; the config must have passed {@code ConfigValidator}. */
    public static SiteDirectory from(SiteConfig config) {
        Map<String, Household> households = new LinkedHashMap<>();
        Map<String, String> areaNames = new HashMap<>();
        for (BuildingConfig b : config.site().buildings()) {
            b.areas().stream().filter(a -> a.name() != null).forEach(a -> areaNames.put(b.id() + ":" + a.id(), a.name()));
            for (UnitConfig u : b.units()) {
                addShorthandFlats(households, b.id(), u);
                for (HouseholdConfig h : u.households()) {
                    String key = b.id() + "-" + u.id() + "-" + h.id();
                    households.put(key, toHousehold(key, h));
                }
            }
        }
        List<Grid> grids = config.grids().stream().map(SiteDirectory::toGrid).toList();
        Map<String, Grid> gridByBuilding = new HashMap<>();
        for (Grid g : grids) {
            for (String building : g.buildings()) {
                gridByBuilding.put(building, g);
            }
        }
        Map<String, Device> devices = new LinkedHashMap<>();
        for (DeviceConfig d : config.devices()) {
            Location location = Location.parse(d.location());
            devices.put(d.id(), new Device(d.id(), d.type(), d.profile(),
                    d.transport().id(), location, gridByBuilding.get(location.building())));
        }
        // cameras are devices too (their events go through the pipeline), filed under the first place they cover
        for (CameraConfig c : config.cameras().devices()) {
            Location location = Location.parse(c.covers().get(0));
            devices.put(c.id(), new Device(c.id(), DeviceType.CAMERA, c.model(), "onvif", location,
                    gridByBuilding.get(location.building())));
        }
        return new SiteDirectory(config.site().street(), config.site().community(), config.site().compound(),
                devices, households, gridByBuilding, grids, ZoneId.of(config.site().timeZone()), areaNames,
                people(config, grids));
    }

    /** Person id → name: console users, grid workers and leaders, and the duty office of the escalation. */
    private static Map<String, String> people(SiteConfig config, List<Grid> grids) {
        Map<String, String> people = new HashMap<>();
        if (config.users() != null) {
            config.users().stream().filter(u -> u.name() != null).forEach(u -> people.put(u.id(), u.name()));
        }
        for (Grid g : grids) {
            for (Person p : new Person[]{g.worker(), g.leader()}) {
                if (p != null && p.id() != null && p.name() != null) {
                    people.put(p.id(), p.name());
                }
            }
        }
        var escalation = config.rules().escalation();
        if (escalation != null && escalation.dutyOffice() != null && escalation.dutyOffice().name() != null) {
            people.put(escalation.dutyOffice().id(), escalation.dutyOffice().name());
        }
        return people;
    }

    private static void addShorthandFlats(Map<String, Household> households, String building, UnitConfig unit) {
        if (unit.floors() == null || unit.flatsPerFloor() == null) {
            return;
        }
        for (int floor = 1; floor <= unit.floors(); floor++) {
            for (int flat = 1; flat <= unit.flatsPerFloor(); flat++) {
                String key = building + "-" + unit.id() + "-" + flatNumber(floor, flat);
                households.put(key, new Household(key, Set.of(), List.of(), List.of()));
            }
        }
    }

    /** Flat numbers as written on doors: floor 5, flat 1 → 501. */
    public static String flatNumber(int floor, int flat) {
        return LocationText.flatNumber(floor, flat);
    }

    private static Household toHousehold(String key, HouseholdConfig h) {
        Set<CareFlag> care = EnumSet.noneOf(CareFlag.class);
        h.care().forEach(c -> care.add(CareFlag.fromId(c).orElseThrow()));
        List<Household.Contact> contacts = h.contacts().stream()
                .map(c -> new Household.Contact(c.name(), c.relation(), c.phone())).toList();
        return new Household(key, care, h.phones(), contacts);
    }

    private static Grid toGrid(GridConfig g) {
        return new Grid(g.id(), g.name() == null ? g.id() : g.name(), Set.copyOf(g.buildings()), toPerson(g.worker()),
                toPerson(g.leader()));
    }

    private static Person toPerson(PersonConfig p) {
        return p == null ? null : new Person(p.id(), p.name(), p.phone());
    }

    public String street() {
        return street;
    }

    public String community() {
        return community;
    }

    public String compound() {
        return compound;
    }

    public Optional<Device> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    public Collection<Device> devices() {
        return devices.values();
    }

    public Optional<Household> household(String key) {
        return Optional.ofNullable(households.get(key));
    }

    /** The household a device sits in, if it sits in one. */
    public Optional<Household> householdOf(Device device) {
        return device.location().householdKey().flatMap(this::household);
    }

    public Optional<Grid> gridFor(String building) {
        return Optional.ofNullable(gridByBuilding.get(building));
    }

    public List<Grid> grids() {
        return grids;
    }

    /** The compound's time zone ({@code site.timeZone}, default Asia/Shanghai): every time a person reads is in it. */
    public ZoneId zone() {
        return zone;
    }

    /** The grid with this id. */
    public Optional<Grid> grid(String id) {
        return grids.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The site file's name of a building's common area ({@code 7}, {@code boiler-room} → 锅炉房), if it gives one. */
    public Optional<String> areaName(String building, String area) {
        return Optional.ofNullable(areaNames.get(building + ":" + area));
    }

    /** Person id → name, for everyone the site file names (users, grid workers and leaders, the duty office). */
    public Map<String, String> people() {
        return people;
    }

    public int householdCount() {
        return households.size();
    }
}
