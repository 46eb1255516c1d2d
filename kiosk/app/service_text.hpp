// A service's name and one-line description in the visitor's language: the standard services
// are translated by key; a service staff added themselves shows the text they typed.
#pragma once

#include "core/domain/model.hpp"
#include "ui/text_draw.hpp"

#include <string>

namespace indgang::kiosk {

std::string service_name(const TextDraw& t, const Service& s);
std::string service_description(const TextDraw& t, const Service& s);

}  // namespace indgang::kiosk
