#include "core/feedback/tally_store.hpp"

#include "core/domain/civil_time.hpp"
#include "core/feedback/form.hpp"
#include "core/feedback/submit.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>

namespace indgang::feedback {

namespace {

constexpr int kFeedbackApplicationId = 0x494e4446;   // "INDF": not the main file's id

// The feedback file's own migrations: append only, one transaction each, like the main list.
// WITHOUT ROWID tables keyed by what they count, so no rowid records an insertion order.
const std::vector<const char*>& feedback_migrations() {
    static const std::vector<const char*> list = {
        R"sql(
CREATE TABLE fb.tally (
    site_id INTEGER NOT NULL,
    month TEXT NOT NULL,             -- YYYY-MM: the finest grain any report uses
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    grp TEXT NOT NULL,               -- answer to the grouping question, or 'not_stated'
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    n INTEGER NOT NULL CHECK (n > 0),
    PRIMARY KEY (site_id, month, form_id, form_version, grp, question, answer)
) WITHOUT ROWID;
CREATE TABLE fb.form_count (
    site_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    n INTEGER NOT NULL CHECK (n > 0),
    PRIMARY KEY (site_id, month, form_id, form_version)
) WITHOUT ROWID;
-- A comment under a random key: no link to the answers, and its place in the B-tree is random.
CREATE TABLE fb.comment (
    id TEXT PRIMARY KEY,
    site_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    text TEXT NOT NULL
) WITHOUT ROWID;
)sql",
        // 2: the publication ledger. What has left the centre, as what a reader knows about each
        // figure of each month (an interval), the smallest threshold a month was published at, and
        // one row per publication. No time and no order: keys are what they describe, or random.
        R"sql(
CREATE TABLE fb.published_month (
    site_id INTEGER NOT NULL,
    month TEXT NOT NULL,             -- frozen: later forms for it are counted into a later month
    min_k INTEGER NOT NULL,          -- the smallest threshold it was published at
    PRIMARY KEY (site_id, month)
) WITHOUT ROWID;
CREATE TABLE fb.published_figure (
    site_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    question TEXT NOT NULL,          -- '' for the number of forms
    grp TEXT NOT NULL,               -- group key, or 'all' for the column totals
    answer TEXT NOT NULL,            -- answer key, or 'n' for a total
    lo INTEGER NOT NULL,
    hi INTEGER,                      -- NULL: no upper bound; lo = hi: published as a number
    PRIMARY KEY (site_id, month, question, grp, answer)
) WITHOUT ROWID;
CREATE TABLE fb.publication (
    id TEXT PRIMARY KEY,             -- random
    site_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    min_cell INTEGER NOT NULL,
    channel TEXT NOT NULL            -- 'html', 'csv', 'json', 'extract'
) WITHOUT ROWID;
)sql",
    };
    return list;
}

bool attached(db::Db& db) {
    return db.cached("SELECT 1 FROM pragma_database_list WHERE name = 'fb'")
        .bind()
        .first([](db::Stmt&) { return true; })
        .value_or(false);
}

bool in_transaction(db::Db& db) { return sqlite3_get_autocommit(db.raw()) == 0; }

void migrate_feedback_file(db::Db& db) {
    const auto& list = feedback_migrations();
    for (auto v = static_cast<size_t>(db.pragma_int("fb.user_version")); v < list.size(); ++v) {
        db::Transaction tx(db);
        db.exec(list[v]);
        db.exec("PRAGMA fb.application_id = " + std::to_string(kFeedbackApplicationId));
        db.exec("PRAGMA fb.user_version = " + std::to_string(v + 1));
        tx.commit();
    }
}

// Forms stored by earlier versions as one row each in the main file: counted into the feedback
// file and deleted (secure_delete zeroes them), then the main WAL is checkpointed and emptied so
// no copy of those rows stays behind in any file.
void import_rows_from_main_file(db::Db& db) {
    const bool legacy = db.cached("SELECT 1 FROM main.sqlite_master WHERE name = 'feedback_response'")
                            .bind()
                            .first([](db::Stmt&) { return true; })
                            .value_or(false);
    if (!legacy) return;
    const bool any = db.cached("SELECT 1 FROM main.feedback_response LIMIT 1")
                         .bind()
                         .first([](db::Stmt&) { return true; })
                         .value_or(false);
    if (!any) return;
    const Form form = load_default_form();
    std::string group_q;
    for (const auto& q : form.questions)
        if (q.kind == QuestionKind::Choice) { group_q = q.key; break; }
    {
        db::Transaction tx(db);
        std::map<std::string, FormTally> forms;
        auto& s = db.cached("SELECT r.id, r.site_id, substr(r.day, 1, 7), r.form_id, r.form_version, "
                            "a.question, a.answer, t.text FROM main.feedback_response r "
                            "LEFT JOIN main.feedback_answer a ON a.response_id = r.id "
                            "LEFT JOIN main.feedback_text t ON t.response_id = r.id");
        s.bind();
        while (s.step()) {
            FormTally& f = forms[s.text(0)];
            f.site_id = s.int64(1);
            f.month = s.text(2);
            f.form_id = s.text(3);
            f.form_version = s.integer(4);
            if (!s.is_null(5)) f.answers[s.text(5)] = s.text(6);
            if (!s.is_null(7)) f.comment = s.text(7);
        }
        s.reset();
        for (auto& [id, f] : forms) {
            auto g = f.answers.find(group_q);
            f.group = g != f.answers.end() ? g->second : "not_stated";
            add_form(db, f);
        }
        db.exec("DELETE FROM main.feedback_text; DELETE FROM main.feedback_answer; "
                "DELETE FROM main.feedback_response");
        tx.commit();
    }
    db.exec("VACUUM main");
    db.exec("PRAGMA main.wal_checkpoint(TRUNCATE)");
}

void set_file_times(const std::string& path, std::time_t t) {
    const struct timespec times[2] = {{t, 0}, {t, 0}};
    // A missing journal is fine; anything else would leave the time of the last form readable.
    if (::utimensat(AT_FDCWD, path.c_str(), times, 0) != 0 && errno != ENOENT)
        throw DomainError(ErrorCode::Invalid, "cannot reset the times of " + path);
}

// A caller already inside a transaction on the main file (the extract takes one for a consistent
// snapshot) cannot ATTACH; it reads the feedback file through a connection of its own instead.
// Empty when there is no feedback file yet.
std::unique_ptr<db::Db> side_reader(db::Db& db) {
    const std::string path = feedback_file_path(db.path());
    if (path == ":memory:" || !std::filesystem::exists(path)) return nullptr;
    auto side = std::make_unique<db::Db>(":memory:");
    side->cached("ATTACH DATABASE ? AS fb").bind(path).exec();
    if (side->pragma_int("fb.user_version") < 1) return nullptr;
    return side;
}

// The connection to read counts through: `db` itself once the file is attached.
db::Db* reader(db::Db& db, std::unique_ptr<db::Db>& side) {
    if (attached(db)) return &db;
    if (in_transaction(db)) {
        side = side_reader(db);
        return side.get();
    }
    return attach_feedback_store(db) ? &db : nullptr;
}

}  // namespace

int feedback_schema_version() { return static_cast<int>(feedback_migrations().size()); }

std::string feedback_file_path(const std::string& main_path) {
    if (main_path.empty() || main_path == ":memory:") return ":memory:";
    std::filesystem::path p(main_path);
    return (p.parent_path() / (p.stem().string() + ".feedback.db")).string();
}

bool attach_feedback_store(db::Db& db) {
    if (attached(db)) return true;
    if (in_transaction(db))
        throw db::Error(SQLITE_MISUSE, "the feedback file is attached outside a transaction");
    const std::string path = feedback_file_path(db.path());
    if (db.read_only() && (path == ":memory:" || !std::filesystem::exists(path))) return false;
    db.cached("ATTACH DATABASE ? AS fb").bind(path).exec();
    if (db.read_only()) return true;
    // The feedback file keeps its own rollback journal, truncated after each commit: its commits
    // never enter the main WAL beside timestamped check-ins, and a truncated journal keeps no page.
    db.exec("PRAGMA fb.journal_mode = TRUNCATE");
    db.exec("PRAGMA fb.secure_delete = ON");
    db.exec("PRAGMA temp_store = MEMORY");   // VACUUM's copy never lands in a temp file
    const int64_t app = db.pragma_int("fb.application_id");
    if (app != 0 && app != kFeedbackApplicationId)
        throw db::Error(SQLITE_NOTADB, path + " is not an Indgang feedback file");
    if (db.pragma_int("fb.user_version") > feedback_schema_version())
        throw db::Error(SQLITE_NOTADB, path + " was written by a newer Indgang");
    migrate_feedback_file(db);
    import_rows_from_main_file(db);
    return true;
}

void settle_feedback_file(db::Db& db, Date today) {
    if (in_transaction(db) || db.read_only()) return;
    db.exec("VACUUM fb");
    const std::string path = feedback_file_path(db.path());
    if (path == ":memory:") return;
    std::tm tm{};
    tm.tm_year = static_cast<int>(today.year()) - 1900;
    tm.tm_mon = static_cast<int>(static_cast<unsigned>(today.month())) - 1;
    tm.tm_mday = 1;
    const std::time_t first_of_month = ::timegm(&tm);
    set_file_times(path, first_of_month);
    set_file_times(path + "-journal", first_of_month);
}

namespace {

std::string next_month(const std::string& month) {
    int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2));
    if (++m > 12) { m = 1; ++y; }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y % 10000, m);
    return buf;
}

bool month_published(db::Db& db, Id site_id, const std::string& month) {
    return db.cached("SELECT 1 FROM fb.published_month WHERE site_id = ? AND month = ?")
        .bind(site_id, month)
        .first([](db::Stmt&) { return true; })
        .value_or(false);
}

}  // namespace

std::string counting_month(db::Db& db, Id site_id, const std::string& month) {
    std::string m = month;
    while (month_published(db, site_id, m)) m = next_month(m);
    return m;
}

void add_form(db::Db& db, const FormTally& form) {
    // A month already published is frozen: a form that comes in for it is counted into the next
    // month not yet published, so no two publications of one month differ by a few forms.
    FormTally t = form;
    t.month = counting_month(db, t.site_id, t.month);
    db::Transaction tx(db);
    db.cached("INSERT INTO fb.form_count(site_id, month, form_id, form_version, n) VALUES (?, ?, ?, ?, 1) "
              "ON CONFLICT DO UPDATE SET n = n + 1")
        .bind(t.site_id, t.month, t.form_id, t.form_version)
        .exec();
    for (const auto& [question, answer] : t.answers)
        db.cached("INSERT INTO fb.tally(site_id, month, form_id, form_version, grp, question, answer, n) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1")
            .bind(t.site_id, t.month, t.form_id, t.form_version, t.group, question, answer)
            .exec();
    if (!t.comment.empty())
        db.cached("INSERT INTO fb.comment(id, site_id, month, text) VALUES (?, ?, ?, ?)")
            .bind(random_response_id(), t.site_id, t.month, t.comment)
            .exec();
    tx.commit();
}

MonthCounts read_counts(db::Db& db, Id site_id, const std::string& first_month, const std::string& last_month) {
    MonthCounts out;
    std::unique_ptr<db::Db> side;
    db::Db* src = reader(db, side);
    if (!src) return out;
    out.forms = src->cached("SELECT coalesce(sum(n), 0) FROM fb.form_count WHERE site_id = ? AND month BETWEEN ? AND ?")
                    .bind(site_id, first_month, last_month)
                    .first([](db::Stmt& s) { return s.int64(0); })
                    .value_or(0);
    auto& s = src->cached("SELECT grp, question, answer, sum(n) FROM fb.tally "
                        "WHERE site_id = ? AND month BETWEEN ? AND ? GROUP BY 1, 2, 3");
    s.bind(site_id, first_month, last_month);
    while (s.step()) out.cells[{s.text(0), s.text(1), s.text(2)}] = s.int64(3);
    s.reset();
    return out;
}

std::vector<std::string> read_comments(db::Db& db, Id site_id, const std::string& first_month,
                                       const std::string& last_month) {
    std::vector<std::string> out;
    std::unique_ptr<db::Db> side;
    db::Db* src = reader(db, side);
    if (!src) return out;
    auto& s = src->cached("SELECT text FROM fb.comment WHERE site_id = ? AND month BETWEEN ? AND ? ORDER BY text");
    s.bind(site_id, first_month, last_month);
    while (s.step()) out.push_back(s.text(0));
    s.reset();
    return out;
}

}  // namespace indgang::feedback

namespace indgang::feedback {

MonthLedger read_ledger(db::Db& db, Id site_id, const std::string& month) {
    MonthLedger out;
    std::unique_ptr<db::Db> side;
    db::Db* src = reader(db, side);
    if (!src || src->pragma_int("fb.user_version") < 2) return out;
    out.min_k = src->cached("SELECT min_k FROM fb.published_month WHERE site_id = ? AND month = ?")
                    .bind(site_id, month)
                    .first([](db::Stmt& s) { return s.integer(0); })
                    .value_or(0);
    auto& s = src->cached("SELECT question, grp, answer, lo, hi FROM fb.published_figure "
                          "WHERE site_id = ? AND month = ?");
    s.bind(site_id, month);
    while (s.step()) {
        LedgerBound b;
        b.lo = s.int64(3);
        if (!s.is_null(4)) b.hi = s.int64(4);
        out.figures[{s.text(0), s.text(1), s.text(2)}] = b;
    }
    s.reset();
    return out;
}

void record_publication(db::Db& db, Id site_id, const std::string& period, int min_cell, const std::string& channel,
                        const std::map<std::string, MonthLedger>& months) {
    if (!attached(db))
        throw db::Error(SQLITE_MISUSE, "a publication is recorded with the feedback file attached");
    db::Transaction tx(db);
    db.cached("INSERT INTO fb.publication(id, site_id, period, min_cell, channel) VALUES (?, ?, ?, ?, ?)")
        .bind(random_response_id(), site_id, period, min_cell, channel)
        .exec();
    for (const auto& [month, ledger] : months) {
        db.cached("INSERT INTO fb.published_month(site_id, month, min_k) VALUES (?, ?, ?) "
                  "ON CONFLICT DO UPDATE SET min_k = min(min_k, excluded.min_k)")
            .bind(site_id, month, ledger.min_k)
            .exec();
        for (const auto& [key, b] : ledger.figures) {
            const auto& [question, group, answer] = key;
            auto& s = db.cached("INSERT INTO fb.published_figure(site_id, month, question, grp, answer, lo, hi) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET lo = excluded.lo, hi = excluded.hi");
            if (b.hi) s.bind(site_id, month, question, group, answer, b.lo, *b.hi);
            else s.bind(site_id, month, question, group, answer, b.lo, nullptr);
            s.exec();
        }
    }
    tx.commit();
}

int64_t count_publications(db::Db& db, Id site_id) {
    std::unique_ptr<db::Db> side;
    db::Db* src = reader(db, side);
    if (!src || src->pragma_int("fb.user_version") < 2) return 0;
    return src->cached("SELECT count(*) FROM fb.publication WHERE site_id = ?")
        .bind(site_id)
        .first([](db::Stmt& s) { return s.int64(0); })
        .value_or(0);
}

}  // namespace indgang::feedback
