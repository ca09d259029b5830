#!/bin/bash
# Runs once, when the PostgreSQL data volume is empty (docker-entrypoint-initdb.d): the archive's database and its
# owner (the centre's writer; Flyway creates the tables at the centre's first start, docs/ARCHIVE.md) and Grafana's
# read-only user. Passwords from the container's environment (.env), passed to psql as variables, never in a file.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v archive_pw="$ARCHIVE_PG_PASSWORD" -v grafana_pw="$ARCHIVE_PG_GRAFANA_PASSWORD" <<'SQL'
CREATE ROLE linli_archive LOGIN PASSWORD :'archive_pw';
CREATE DATABASE linli_archive OWNER linli_archive;
CREATE ROLE grafana_reader LOGIN PASSWORD :'grafana_pw';
\connect linli_archive
GRANT CONNECT ON DATABASE linli_archive TO grafana_reader;
GRANT USAGE ON SCHEMA public TO grafana_reader;
-- the tables do not exist yet: whatever linli_archive (Flyway) creates is readable by Grafana
ALTER DEFAULT PRIVILEGES FOR ROLE linli_archive IN SCHEMA public GRANT SELECT ON TABLES TO grafana_reader;
SQL
