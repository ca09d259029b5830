package org.linli.sim.demo;

import org.linli.sim.servers.ArtemisSecurity;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is who in the community demo: one street (和平街道), one community (和平里社区) and its compounds with their ids
 * (topic levels of the uplink, docs/CENTRE.md "Topic tree") and Chinese names; which compound has which incident,
 * and which box goes dark (the last one, which has no incident of its own). Immutable.
 */
record CommunityPlan(List<Member> members) {
    static final String STREET = "heping";
    static final String STREET_NAME = "和平街道";
    static final String COMMUNITY = "hepingli";
    static final String COMMUNITY_NAME = "和平里社区";
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /** One compound: its index (1-based), id and name. */
    record Member(int index, String id, String name) {
    }

    CommunityPlan {
        members = List.copyOf(members);
    }

    /** {@code n} compounds, 和平里一区 ({@code hepingli-1}) to 和平里九区 ({@code hepingli-9}). */
    static CommunityPlan of(int n) {
        if (n < 2 || n > NUMERALS.length) {
            throw new IllegalArgumentException("a community of 2 to " + NUMERALS.length + " compounds, not " + n);
        }
        List<Member> members = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            members.add(new Member(i, COMMUNITY + "-" + i, "和平里" + NUMERALS[i - 1] + "区"));
        }
        return new CommunityPlan(members);
    }

    /** The box that goes dark: the last compound. */
    Member dark() {
        return members.get(members.size() - 1);
    }

    /**
     * The compound of incident number {@code k} (0-based: gas leak, fire, burst pipe, elderly inactivity), spread over
     * every compound but the dark one.
     */
    Member incidentCompound(int k) {
        return members.get(k % (members.size() - 1));
    }

    /** The broker's per-compound security for these compounds (each may publish only on its own branch). */
    ArtemisSecurity security() {
        return new ArtemisSecurity(members.stream()
                .map(m -> new ArtemisSecurity.Compound(STREET, COMMUNITY, m.id())).toList());
    }
}
