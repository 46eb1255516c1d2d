// Schema history. Append only: a shipped migration is never edited. Each entry runs in one
// transaction that ends with PRAGMA user_version = its index + 1.
#include "core/db/migrations.hpp"

namespace indgang::db {

const std::vector<const char*>& migrations() {
    static const std::vector<const char*> list = {
        // ---- 1: the foundation -----------------------------------------------------------
        R"sql(
CREATE TABLE site (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    address     TEXT NOT NULL DEFAULT '',
    timezone    TEXT NOT NULL DEFAULT 'Europe/Copenhagen'
);
CREATE TABLE opening_hours (
    site_id     INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- ISO: 1 = Monday
    open_minute INTEGER NOT NULL CHECK (open_minute BETWEEN 0 AND 1440),
    close_minute INTEGER NOT NULL CHECK (close_minute BETWEEN 0 AND 1440),
    PRIMARY KEY (site_id, weekday),
    CHECK (open_minute < close_minute)
);
CREATE TABLE service (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,          -- stable name used by catalogs and icons
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    icon        TEXT NOT NULL DEFAULT '',
    walkin_prefix TEXT NOT NULL DEFAULT 'A',   -- ticket letter, e.g. A-07
    sort        INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE session (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES site(id),
    service_id  INTEGER NOT NULL REFERENCES service(id),
    caseworker  TEXT NOT NULL DEFAULT '',      -- first name only
    weekday     INTEGER CHECK (weekday BETWEEN 1 AND 7),   -- NULL for a one-off session
    first_date  TEXT NOT NULL,                 -- YYYY-MM-DD, local to the site
    last_date   TEXT,                          -- NULL: open-ended weekly session
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute  INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    bookable_slots INTEGER NOT NULL DEFAULT 0 CHECK (bookable_slots >= 0),  -- 0: all that fit
    walkin_minutes INTEGER NOT NULL DEFAULT 0 CHECK (walkin_minutes >= 0),  -- kept at the end
    CHECK (start_minute < end_minute),
    CHECK (last_date IS NULL OR last_date >= first_date)
);
CREATE INDEX session_site ON session(site_id);
CREATE TABLE session_cancellation (
    session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (session_id, date)
);
CREATE TABLE booking (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session(id),
    slot_date   TEXT NOT NULL,                 -- local date of the slot
    slot_start  INTEGER NOT NULL,              -- UTC seconds
    slot_end    INTEGER NOT NULL,
    nickname    TEXT,                          -- optional; erased after the appointment
    code        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'booked'
                CHECK (status IN ('booked', 'checked_in', 'seen', 'missed', 'cancelled')),
    source      TEXT NOT NULL DEFAULT 'kiosk' CHECK (source IN ('kiosk', 'staff')),
    created_at  INTEGER NOT NULL,
    checked_in_at INTEGER,
    status_at   INTEGER
);
-- Double booking is impossible by construction: one live booking per slot.
CREATE UNIQUE INDEX booking_one_per_slot ON booking(session_id, slot_start)
    WHERE status <> 'cancelled';
-- A check-in code identifies one live booking.
CREATE UNIQUE INDEX booking_live_code ON booking(code) WHERE status IN ('booked', 'checked_in');
CREATE INDEX booking_code ON booking(code);
CREATE INDEX booking_date ON booking(slot_date);
CREATE TABLE walkin (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES site(id),
    service_id  INTEGER NOT NULL REFERENCES service(id),
    day         TEXT NOT NULL,
    number      INTEGER NOT NULL CHECK (number > 0),
    status      TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'seen', 'left')),
    created_at  INTEGER NOT NULL,
    status_at   INTEGER,
    UNIQUE (site_id, service_id, day, number)
);
-- Anonymous feedback: no reference to a booking, ticket, device or visitor; a date without time;
-- a random id as the key of a WITHOUT ROWID table, so storage order reveals nothing either.
CREATE TABLE feedback_response (
    id          TEXT PRIMARY KEY,              -- random, 128 bits hex
    site_id     INTEGER NOT NULL REFERENCES site(id),
    day         TEXT NOT NULL,                 -- YYYY-MM-DD only
    form_id     TEXT NOT NULL,
    form_version INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE feedback_answer (
    response_id TEXT NOT NULL REFERENCES feedback_response(id) ON DELETE CASCADE,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,                 -- '1'..'5', 'declined', or a choice key
    PRIMARY KEY (response_id, question)
) WITHOUT ROWID;
CREATE TABLE feedback_text (
    response_id TEXT PRIMARY KEY REFERENCES feedback_response(id) ON DELETE CASCADE,
    text        TEXT NOT NULL                  -- already scrubbed of CPR, phone, e-mail
) WITHOUT ROWID;
CREATE TABLE setting (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE event_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    message     TEXT NOT NULL
);
-- The upload outbox: a bundle is queued in the transaction that creates it.
CREATE TABLE bundle (
    id          TEXT PRIMARY KEY,              -- random UUID; travels as Idempotency-Key
    site_id     INTEGER NOT NULL REFERENCES site(id),
    period      TEXT NOT NULL,                 -- e.g. 2026-11
    created_at  INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    content     BLOB NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    receipt     TEXT,
    delivered_at INTEGER
);
CREATE TABLE upload_attempt (
    id          INTEGER PRIMARY KEY,
    bundle_id   TEXT NOT NULL REFERENCES bundle(id),
    at          INTEGER NOT NULL,
    target      TEXT NOT NULL,
    outcome     TEXT NOT NULL,                 -- delivered | retry | failed
    http_status INTEGER,
    message     TEXT NOT NULL DEFAULT ''
);
)sql",
        // ---- 2: honest figures -------------------------------------------------------------
        // A booking the centre called off gets its own status (never a no-show); every status
        // change is kept; centre-wide closures; walk-ins-only sessions; timetable edits from a
        // date continue the old session instead of rewriting it.
        R"sql(
CREATE TABLE booking_v2 (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session(id),
    slot_date   TEXT NOT NULL,
    slot_start  INTEGER NOT NULL,
    slot_end    INTEGER NOT NULL,
    nickname    TEXT,
    code        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'booked'
                CHECK (status IN ('booked', 'checked_in', 'seen', 'missed', 'cancelled',
                                  'centre_cancelled')),
    source      TEXT NOT NULL DEFAULT 'kiosk' CHECK (source IN ('kiosk', 'staff')),
    created_at  INTEGER NOT NULL,
    checked_in_at INTEGER,
    status_at   INTEGER
);
INSERT INTO booking_v2 SELECT id, session_id, slot_date, slot_start, slot_end, nickname, code,
    status, source, created_at, checked_in_at, status_at FROM booking;
DROP TABLE booking;
ALTER TABLE booking_v2 RENAME TO booking;
-- A slot the centre cancelled stays held by its booking, so restoring the date gives it back.
CREATE UNIQUE INDEX booking_one_per_slot ON booking(session_id, slot_start)
    WHERE status <> 'cancelled';
CREATE UNIQUE INDEX booking_live_code ON booking(code) WHERE status IN ('booked', 'checked_in');
CREATE INDEX booking_code ON booking(code);
CREATE INDEX booking_date ON booking(slot_date);
CREATE TABLE booking_status_change (
    id          INTEGER PRIMARY KEY,
    booking_id  INTEGER NOT NULL REFERENCES booking(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    actor       TEXT NOT NULL,                 -- kiosk | housekeeping | staff | staff:<login>
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX booking_status_change_booking ON booking_status_change(booking_id);
CREATE TABLE closure (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES site(id),
    first_date  TEXT NOT NULL,
    last_date   TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    CHECK (last_date >= first_date)
);
CREATE INDEX closure_site ON closure(site_id, first_date);
ALTER TABLE session ADD COLUMN walkin_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE session ADD COLUMN replaces INTEGER REFERENCES session(id);
)sql",
        // ---- 3: upload that municipality IT can trust (issue 14) -------------------------
        // The bytes that go on the wire are made once (signed, and sealed when the target says
        // so) and kept, so every attempt sends exactly them. The claim is explicit, with the
        // claiming process, so a crashed attempt shows as such. A transfer that the server took
        // but that could not be confirmed yet is remembered, so a retry confirms it instead of
        // sending a copy; confirmation gives up after a bounded number of tries (stopped_at).
        R"sql(
ALTER TABLE bundle ADD COLUMN wire BLOB;               -- what is sent; NULL until first prepared
ALTER TABLE bundle ADD COLUMN wire_sha256 TEXT;        -- digest of `wire` (receipts show this one)
ALTER TABLE bundle ADD COLUMN wire_name TEXT;          -- file name on the drop
ALTER TABLE bundle ADD COLUMN sealed_to TEXT;          -- municipality key `wire` is sealed to, '' if none
ALTER TABLE bundle ADD COLUMN signed_by TEXT;          -- the centre's signing public key (base64)
ALTER TABLE bundle ADD COLUMN sent_at INTEGER;         -- the server took the file; not yet confirmed
ALTER TABLE bundle ADD COLUMN unconfirmed INTEGER NOT NULL DEFAULT 0;   -- confirmations that failed
ALTER TABLE bundle ADD COLUMN confirmation TEXT;       -- delivered: read-back | receipt | marker
ALTER TABLE bundle ADD COLUMN stopped_at INTEGER;      -- no more automatic tries; a person decides
ALTER TABLE bundle ADD COLUMN claimed_until INTEGER;   -- a run is sending it until then …
ALTER TABLE bundle ADD COLUMN claim_pid INTEGER;       -- … from this process (dead: interrupted)
-- Claims used to be stored as a negative next_attempt_at; release any left by an old version.
UPDATE bundle SET next_attempt_at = -next_attempt_at WHERE next_attempt_at < 0;
)sql",
    };
    return list;
}

}  // namespace indgang::db
