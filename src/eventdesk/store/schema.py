"""The DuckDB schema and its migrations (documented in docs/store.md).

``MIGRATIONS[i]`` takes a database from version ``i`` to ``i + 1``; each runs in its own
transaction together with the ``schema_version`` row that records it.
"""

from __future__ import annotations

SCHEMA_V1: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        id         VARCHAR PRIMARY KEY,   -- content hash of the text (records.content_id)
        published  DATE,
        title      VARCHAR,
        url        VARCHAR,
        source     VARCHAR,               -- outlet, or the file the document came from
        n_chars    INTEGER NOT NULL,
        n_events   INTEGER NOT NULL,      -- events stored with it, in the same transaction
        text       VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE events (
        id                   VARCHAR PRIMARY KEY,
        doc_id               VARCHAR NOT NULL,
        type                 VARCHAR NOT NULL,  -- PLOVER root type
        mode                 VARCHAR,
        acled_event_type     VARCHAR,
        acled_sub_event_type VARCHAR,
        actor1_name VARCHAR, actor1_country VARCHAR, actor1_sector VARCHAR,
        actor2_name VARCHAR, actor2_country VARCHAR, actor2_sector VARCHAR,
        location_name VARCHAR, location_admin1 VARCHAR, location_country VARCHAR,
        lat DOUBLE, lon DOUBLE, precision VARCHAR, geonameid BIGINT,
        date_earliest DATE, date_latest DATE,
        fatalities INTEGER, injuries INTEGER,
        confidence DOUBLE,
        trigger_start INTEGER, trigger_end INTEGER,
        sentence_start INTEGER, sentence_end INTEGER,
        json VARCHAR NOT NULL              -- Event.to_dict(), the full record
    )
    """,
    """
    CREATE TABLE evidence (
        event_id VARCHAR NOT NULL,
        doc_id   VARCHAR NOT NULL,
        role     VARCHAR NOT NULL,         -- trigger, sentence, actor1, location, ...
        start    INTEGER NOT NULL,         -- character offsets in documents.text
        "end"    INTEGER NOT NULL,
        text     VARCHAR NOT NULL,
        stage    VARCHAR
    )
    """,
    """
    CREATE TABLE clusters (
        cluster_id     VARCHAR PRIMARY KEY,  -- one real-world event reported by 1+ documents
        type           VARCHAR,
        representative VARCHAR,              -- event id whose fields the cluster shows
        n_sources      INTEGER NOT NULL,     -- distinct documents
        location_name  VARCHAR, lat DOUBLE, lon DOUBLE,
        date_earliest  DATE, date_latest DATE,
        fatalities     INTEGER,              -- latest published figure
        fatalities_min INTEGER, fatalities_max INTEGER,
        injuries       INTEGER,
        injuries_min   INTEGER, injuries_max INTEGER,
        conflicting    BOOLEAN NOT NULL,     -- sources give different figures
        json           VARCHAR               -- the merge's own record of the cluster, if any
    )
    """,
    """
    CREATE TABLE event_sources (
        cluster_id VARCHAR NOT NULL,
        event_id   VARCHAR PRIMARY KEY,      -- each stored event is in at most one cluster
        doc_id     VARCHAR NOT NULL,
        published  DATE,
        source     VARCHAR,
        url        VARCHAR,
        fatalities INTEGER,                  -- this source's figures, kept as reported
        injuries   INTEGER
    )
    """,
)

# v2: merged events are the default view. Each report gets its ingest order (``seq``), which
# the incremental merge follows and a from-scratch merge replays; ``clusters`` carries the
# merged event's queryable columns (the same names as ``events``, so one filter builder serves
# both). Clusters are derived data: the migration empties them and the next read-write open
# (Desk) rebuilds them from the stored reports.
SCHEMA_V2: tuple[str, ...] = (
    "ALTER TABLE events ADD COLUMN seq BIGINT",
    "UPDATE events SET seq = rowid + 1",
    "DROP TABLE event_sources",
    "DROP TABLE clusters",
    """
    CREATE TABLE clusters (
        cluster_id           VARCHAR PRIMARY KEY,  -- one real-world event, 1+ reports
        type                 VARCHAR NOT NULL,
        mode                 VARCHAR,
        acled_event_type     VARCHAR,
        acled_sub_event_type VARCHAR,
        actor1_name VARCHAR, actor1_country VARCHAR, actor1_sector VARCHAR,
        actor2_name VARCHAR, actor2_country VARCHAR, actor2_sector VARCHAR,
        location_name VARCHAR, location_admin1 VARCHAR, location_country VARCHAR,
        lat DOUBLE, lon DOUBLE, precision VARCHAR,
        date_earliest DATE, date_latest DATE,  -- the merged window
        date_best     DATE,                    -- its point estimate (DateWindow.day)
        fatalities INTEGER, fatalities_min INTEGER, fatalities_max INTEGER,  -- latest report's
        injuries   INTEGER, injuries_min   INTEGER, injuries_max   INTEGER,
        conflicting     BOOLEAN NOT NULL,      -- sources give different figures
        n_sources       INTEGER NOT NULL,      -- distinct documents
        n_reports       INTEGER NOT NULL,
        first_published DATE, last_published DATE,
        outlets         VARCHAR,               -- distinct outlets, '; '-separated
        representative  VARCHAR NOT NULL,      -- event id whose fields the cluster shows
        doc_id          VARCHAR NOT NULL,      -- its document
        json            VARCHAR NOT NULL       -- MergedEvent.to_dict()
    )
    """,
    """
    CREATE TABLE event_sources (
        cluster_id VARCHAR NOT NULL,
        event_id   VARCHAR PRIMARY KEY,        -- each stored event is in exactly one cluster
        doc_id     VARCHAR NOT NULL,
        published  DATE,
        source     VARCHAR,
        url        VARCHAR,
        fatalities INTEGER,                    -- this source's figures, kept as reported
        injuries   INTEGER
    )
    """,
)

# v3: trust flags (stages document.flags and document.sourcing), written with their document
# in the transaction that stores it: a document's own flags and what each report says of its
# events. A merged event's flags are part of the merged view (``clusters.json``), so the
# migration empties the clusters: the next read-write open rebuilds them with their flags.
# ``IF NOT EXISTS``: a store of the flags branch before the two lines of work met numbered
# this table v2; :meth:`Store._migrate` gives such a store the v2 above, then this.
SCHEMA_V3: tuple[str, ...] = (
    """
    CREATE TABLE IF NOT EXISTS flags (
        scope       VARCHAR NOT NULL,  -- 'document': a report's flag; 'event': what one
                                       -- report says of one of its events
        subject_id  VARCHAR NOT NULL,  -- the document id, or the event id
        doc_id      VARCHAR NOT NULL,  -- the document the evidence offsets point into
        flag        VARCHAR NOT NULL,  -- records.DOC_FLAGS / records.EVENT_FLAGS
        explanation VARCHAR NOT NULL,
        evidence    VARCHAR NOT NULL,  -- JSON list of {start, end, text}
        stage       VARCHAR
    )
    """,
    "DELETE FROM event_sources",
    "DELETE FROM clusters",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (SCHEMA_V1, SCHEMA_V2, SCHEMA_V3)
SCHEMA_VERSION = len(MIGRATIONS)
