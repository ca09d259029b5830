-- The centre's alert archive (docs/ARCHIVE.md). One row per alert (its highest version), one per transition,
-- one per dark period of a compound's box. Not partitioned: a 700-compound district's year is ~420k alerts and
-- ~2M transitions, which these indexes serve in well under a second; partitioning by month would force raised_at
-- into the primary key and so into the upsert's conflict target (docs/ARCHIVE.md "Why not partitioned").

CREATE TABLE alerts (
    compound          text        NOT NULL,
    alert_id          text        NOT NULL,
    street            text        NOT NULL,
    community         text        NOT NULL,
    grid              text,
    type              text        NOT NULL,
    severity          text        NOT NULL,
    state             text        NOT NULL,
    raised_at         timestamptz NOT NULL,
    accepted_at       timestamptz,
    on_site_at        timestamptz,
    resolved_at       timestamptz,  -- first RESOLVED or DISMISSED: when it was handled
    verified_at       timestamptz,
    outcome           text,
    escalation_level  integer     NOT NULL DEFAULT 0,
    version           bigint      NOT NULL,
    json              jsonb       NOT NULL,
    archived_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (compound, alert_id)
);

CREATE INDEX alerts_street_raised    ON alerts (street, raised_at);
CREATE INDEX alerts_community_raised ON alerts (community, raised_at);
CREATE INDEX alerts_compound_raised  ON alerts (compound, raised_at);
CREATE INDEX alerts_grid_raised      ON alerts (compound, grid, raised_at);
CREATE INDEX alerts_type_raised      ON alerts (type, raised_at);
CREATE INDEX alerts_raised           ON alerts (raised_at);

CREATE TABLE alert_transitions (
    compound    text        NOT NULL,
    alert_id    text        NOT NULL,
    seq         integer     NOT NULL,  -- position in the alert's history, which only ever grows
    action      text        NOT NULL,
    by_whom     text,
    at          timestamptz NOT NULL,
    from_state  text,
    to_state    text,
    outcome     text,
    note        text,
    PRIMARY KEY (compound, alert_id, seq)
);

CREATE INDEX alert_transitions_at ON alert_transitions (at);
CREATE INDEX alert_transitions_by ON alert_transitions (by_whom, at);

CREATE TABLE compound_reachability (
    compound   text        NOT NULL,
    street     text        NOT NULL,
    community  text        NOT NULL,
    dark_from  timestamptz NOT NULL,
    dark_to    timestamptz,  -- null while the box is still dark
    PRIMARY KEY (compound, dark_from),
    CHECK (dark_to IS NULL OR dark_to >= dark_from)
);

-- at most one open dark period per compound
CREATE UNIQUE INDEX compound_reachability_open ON compound_reachability (compound) WHERE dark_to IS NULL;
CREATE INDEX compound_reachability_community ON compound_reachability (community, dark_from);
CREATE INDEX compound_reachability_street ON compound_reachability (street, dark_from);
