// Simple line icons drawn with ImDrawList, so every action has a picture beside its words
// without an icon font. Each fits a square of side `size` centred on `c`.
#pragma once

#include <imgui.h>

#include <string_view>

namespace indgang::kiosk {

enum class Icon {
    None, Calendar, CheckIn, Ticket, Feedback, Back, Home, Globe, Briefcase, House, Coins, Heart,
    Person, Clock, Check, Cross, Backspace, Pause, List, Lock, Warning, Space, Shift, Speaker,
    Face1, Face2, Face3, Face4, Face5, Skip, Companion,
};

// Faces are tinted (red … green) under their lines, so the scale reads by colour as well as by
// mouth; the lines stay in `color`, so the picture does not depend on telling red from green.
void draw_icon(ImDrawList* dl, Icon icon, ImVec2 c, float size, ImU32 color, bool mirrored = false);

// The icon for a service by its key ("jobcentre" → Briefcase …); Person for unknown keys.
Icon service_icon(std::string_view key);

}  // namespace indgang::kiosk
