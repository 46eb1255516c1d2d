// The extract bundle: deterministic bytes, readable by the system's tar and sha256sum, figures
// that match the month, and queued in the outbox exactly once per content.
#include "extract_world.hpp"

#include "core/export/bundle.hpp"
#include "core/export/digest.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

using namespace indgang;
using namespace indgang::exporting;
using extract_world::World;

namespace {

std::string file_of(const BuiltBundle& b, const std::string& name) {
    for (const auto& f : b.files)
        if (f.name == name) return f.bytes;
    FAIL("no " << name << " in the bundle");
    return {};
}

int64_t bundle_rows(db::Db& db) {
    auto s = db.prepare("SELECT count(*) FROM bundle");
    s.bind();
    s.step();
    return s.int64(0);
}

}  // namespace

TEST_CASE("two databases with the same month give byte-identical bundles") {
    World one, two;
    const QueuedBundle a = export_bundle(*one.db, one.site, "2026-11", extract_world::kExportTime);
    const QueuedBundle b = export_bundle(*two.db, two.site, "2026-11", extract_world::kExportTime + 3600);
    CHECK(a.id != b.id);                        // ids are random …
    CHECK(a.sha256 == b.sha256);                // … the content is not
    CHECK(a.sha256.size() == 64);
    const BuiltBundle again = build_bundle(*one.db, one.site, "2026-11");
    CHECK(again.sha256 == a.sha256);
    CHECK(sha256_hex(again.archive) == a.sha256);

    World changed(1);                           // one more booking
    const QueuedBundle c = export_bundle(*changed.db, changed.site, "2026-11", extract_world::kExportTime);
    CHECK(c.sha256 != a.sha256);
}

TEST_CASE("the extract's figures match the month") {
    World w;
    export_bundle(*w.db, w.site, "2026-11", extract_world::kExportTime);   // settles the no-show
    const BuiltBundle b = build_bundle(*w.db, w.site, "2026-11");
    const auto j = nlohmann::json::parse(file_of(b, "extract.json"));
    CHECK(j["schema"] == "indgang-extract");
    CHECK(j["schema_version"] == 1);
    CHECK(j["generator"]["version"] == INDGANG_VERSION);
    CHECK(j["site"]["name"] == "Værestedet Kilden");
    CHECK(j["period"]["first_day"] == "2026-11-01");
    CHECK(j["period"]["last_day"] == "2026-11-30");
    nlohmann::json job, all;
    for (const auto& row : j["activity"]["totals"]) {
        if (row["service"] == "jobcentre") job = row;
        if (row["month"] == "all" && row["service"] == "all") all = row;
    }
    REQUIRE(job.is_object());
    CHECK(job["bookings"] == 3);
    CHECK(job["seen"] == 1);
    CHECK(job["missed"] == 2);                  // one marked by staff, one settled at export
    CHECK(job["walkins"] == 2);
    CHECK(job["no_show_rate"].get<double>() == doctest::Approx(0.6667));
    // Seven feedback forms, all naming the jobcentre. 7 is above the small-cell threshold of 5,
    // but with the scale tables' group rows it would tell that every form was the jobcentre's
    // (a group whose answers all fall in one category), so the number of forms is hidden too
    // (core/report/joint.hpp) …
    CHECK(j["feedback"]["responses"]["hidden"] == "complementary");
    // … and a cell of 1 ("declined" once) is never published as a number.
    bool saw_hidden = false;
    for (const auto& q : j["feedback"]["questions"])
        for (const auto& row : q["rows"])
            for (const auto& [answer, cell] : row["cells"].items())
                if (cell.is_object()) {
                    saw_hidden = true;
                    CHECK(cell.contains("hidden"));
                } else {
                    CHECK((cell.get<int>() == 0 || cell.get<int>() >= 5));
                }
    CHECK(saw_hidden);
    // No nickname or code can reach the municipality.
    const std::string all_text = b.archive;
    CHECK(all_text.find("Kim") == std::string::npos);
    CHECK(all_text.find("Sol") == std::string::npos);
    const std::string csv = file_of(b, "activity.csv");
    CHECK(csv.rfind("month,service,service_name,bookings,", 0) == 0);
    CHECK(csv.find("2026-11,jobcentre,Jobcenter,3,0,0,0,1,2,0,2,0.6667\r\n") != std::string::npos);
}

TEST_CASE("the archive opens with the system's tar and passes sha256sum -c") {
    World w;
    const BuiltBundle b = build_bundle(*w.db, w.site, "2026-11");
    const auto& dir = w.dir.path;
    loopback::write_file(dir / "bundle.tar", b.archive);
    const std::string cmd = "cd '" + dir.string() + "' && tar -mxf bundle.tar && cd " + b.folder +
                            " && sha256sum -c --quiet SHA256SUMS";
    CHECK(std::system(cmd.c_str()) == 0);
    CHECK(loopback::read_file(dir / b.folder / "extract.json") == file_of(b, "extract.json"));
    CHECK(verify_archive(b.archive).size() == b.files.size());
    std::string damaged = b.archive;
    damaged[600] ^= 1;                          // inside extract.json
    CHECK_THROWS_AS(verify_archive(damaged), ArchiveError);
}

TEST_CASE("exporting is queued once per content") {
    World w;
    const QueuedBundle first = export_bundle(*w.db, w.site, "2026-11", extract_world::kExportTime);
    CHECK_FALSE(first.reused);
    const QueuedBundle again = export_bundle(*w.db, w.site, "2026-11", extract_world::kExportTime + 60);
    CHECK(again.reused);
    CHECK(again.id == first.id);
    CHECK(bundle_rows(*w.db) == 1);
    auto s = w.db->prepare("SELECT status, sha256, content, next_attempt_at FROM bundle WHERE id = ?");
    s.bind(first.id);
    REQUIRE(s.step());
    CHECK(s.text(0) == "pending");
    CHECK(s.text(1) == first.sha256);
    CHECK(sha256_hex(s.blob(2)) == first.sha256);
    CHECK(s.int64(3) == extract_world::kExportTime);
    CHECK(bundle_file_name(w.site, "2026-11", first.id) == "indgang-site" + std::to_string(w.site) + "-2026-11-" + first.id + ".tar");
}

TEST_CASE("bad periods and unknown sites are refused clearly, and nothing is queued") {
    World w;
    CHECK_THROWS_WITH_AS(export_bundle(*w.db, w.site, "november", extract_world::kExportTime),
                         doctest::Contains("2026-11"), DomainError);
    CHECK_THROWS_AS(export_bundle(*w.db, 999, "2026-11", extract_world::kExportTime), DomainError);
    CHECK(bundle_rows(*w.db) == 0);
}

TEST_CASE("the published JSON Schema names every field the extract has") {
    World w;
    const BuiltBundle b = build_bundle(*w.db, w.site, "2026-11");
    const auto extract = nlohmann::json::parse(file_of(b, "extract.json"));
    const char* root = std::getenv("INDGANG_SOURCE_DIR");
    const std::string path = std::string(root ? root : INDGANG_SOURCE_DIR) + "/docs/extract.schema.json";
    const auto schema = nlohmann::json::parse(loopback::read_file(path));
    CHECK(schema["properties"]["schema_version"]["const"] == kExtractSchemaVersion);
    for (const auto& key : schema["required"]) CHECK(extract.contains(key.get<std::string>()));
    for (const auto& [key, value] : extract.items()) {
        INFO(key);
        CHECK(schema["properties"].contains(key));
    }
    const auto& row_schema = schema["$defs"]["activity_row"];
    for (const auto& [key, value] : extract["activity"]["totals"][0].items()) {
        INFO(key);
        CHECK(row_schema["properties"].contains(key));
    }
}
