// JSON and plain-text renderings of domain structs for the CLI's output.
#pragma once

#include "core/domain/model.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace indgang::admin {

nlohmann::json to_json(const Site& v);
nlohmann::json to_json(const Service& v);
nlohmann::json to_json(const Session& v);
nlohmann::json to_json(const Slot& v, const std::string& tz);
nlohmann::json to_json(const Booking& v, const std::string& tz);
nlohmann::json to_json(const WalkInTicket& v);

std::string describe(const Session& v, const std::string& service_name);
std::string local_time(Instant t, const std::string& tz);    // "2026-11-24 10:20"

// Prints `j` as one JSON document on stdout.
void print_json(const nlohmann::json& j);

}  // namespace indgang::admin
