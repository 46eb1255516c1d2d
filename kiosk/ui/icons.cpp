#include "ui/icons.hpp"

#include <cmath>

namespace indgang::kiosk {

namespace {
constexpr float kPi = 3.14159265f;

void face(ImDrawList* dl, ImVec2 c, float s, ImU32 col, float th, int step) {
    // step 1 (very unhappy) … 5 (very happy). Each step changes more than the mouth: brows on
    // 1 and 2, a flat mouth on 3, an open laugh on 5, so neighbours differ at a glance
    // (the audit found 1 vs 2 and 4 vs 5 hard to tell apart).
    static const ImU32 tint[] = {IM_COL32(246, 178, 168, 255), IM_COL32(250, 208, 160, 255),
                                 IM_COL32(248, 230, 150, 255), IM_COL32(200, 230, 160, 255),
                                 IM_COL32(160, 218, 160, 255)};
    const float rad = s * 0.47f;
    if (step >= 1) dl->AddCircleFilled(c, rad, tint[step - 1], 48);
    dl->AddCircle(c, rad, col, 48, th);
    const float ex = s * 0.16f, ey = c.y - s * 0.1f;
    if (step == 5) {   // laughing eyes: upward arcs
        for (float sx : {-ex, ex}) {
            dl->PathArcTo(ImVec2(c.x + sx, ey + s * 0.03f), s * 0.06f, kPi, 2 * kPi, 10);
            dl->PathStroke(col, 0, th);
        }
    } else {
        for (float sx : {-ex, ex}) dl->AddCircleFilled(ImVec2(c.x + sx, ey), s * 0.055f, col);
    }
    if (step == 1 || step == 2) {   // brows: steep and sad on 1, a little on 2
        const float lift = step == 1 ? s * 0.09f : s * 0.04f;
        dl->AddLine(ImVec2(c.x - ex - s * 0.08f, ey - s * 0.1f), ImVec2(c.x - ex + s * 0.07f, ey - s * 0.1f - lift), col, th);
        dl->AddLine(ImVec2(c.x + ex + s * 0.08f, ey - s * 0.1f), ImVec2(c.x + ex - s * 0.07f, ey - s * 0.1f - lift), col, th);
    }
    const float my = c.y + s * 0.2f, w = s * 0.2f;
    switch (step) {
    case 3: dl->AddLine(ImVec2(c.x - w, my), ImVec2(c.x + w, my), col, th); break;
    case 5:   // open laugh: a filled half disc
        dl->PathArcTo(ImVec2(c.x, my - s * 0.04f), w * 1.1f, 0, kPi, 16);
        dl->PathFillConvex(col);
        break;
    default: {
        // 1: deep frown, 2: slight frown, 4: smile (0: the plain happy face of the Feedback tile).
        const float bend = (step == 1 ? -0.16f : step == 2 ? -0.07f : 0.12f) * s;
        dl->AddBezierQuadratic(ImVec2(c.x - w, my - bend / 2), ImVec2(c.x, my + bend * 1.5f),
                               ImVec2(c.x + w, my - bend / 2), col, th, 16);
    }
    }
}
// ImGui 1.86 has no ellipse primitive.
void ellipse_path(ImDrawList* dl, ImVec2 c, float rx, float ry) {
    for (int i = 0; i < 32; ++i) {
        const float a = i * 2 * kPi / 32;
        dl->PathLineTo(ImVec2(c.x + rx * std::cos(a), c.y + ry * std::sin(a)));
    }
}
}  // namespace

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 c, float s, ImU32 col, bool mirrored) {
    // Only arrows point with the reading direction; pictures of things are never mirrored.
    mirrored = mirrored && (icon == Icon::Back || icon == Icon::Skip || icon == Icon::Backspace);
    const float th = std::max(2.0f, s * 0.07f);
    const float h = s / 2;
    auto P = [&](float dx, float dy) { return ImVec2(c.x + (mirrored ? -dx : dx) * h, c.y + dy * h); };
    switch (icon) {
    case Icon::None: break;
    case Icon::Calendar:
        dl->AddRect(P(-0.8f, -0.6f), P(0.8f, 0.8f), col, s * 0.06f, 0, th);
        dl->AddLine(P(-0.8f, -0.25f), P(0.8f, -0.25f), col, th);
        dl->AddLine(P(-0.4f, -0.85f), P(-0.4f, -0.45f), col, th);
        dl->AddLine(P(0.4f, -0.85f), P(0.4f, -0.45f), col, th);
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 2; ++j)
                dl->AddRectFilled(P(-0.55f + i * 0.4f, 0.05f + j * 0.35f), P(-0.35f + i * 0.4f, 0.25f + j * 0.35f), col);
        break;
    case Icon::CheckIn:
        dl->AddCircle(c, h * 0.85f, col, 48, th);
        dl->PathLineTo(P(-0.4f, 0.0f)); dl->PathLineTo(P(-0.1f, 0.35f)); dl->PathLineTo(P(0.45f, -0.35f));
        dl->PathStroke(col, 0, th * 1.4f);
        break;
    case Icon::Check:
        dl->PathLineTo(P(-0.7f, 0.0f)); dl->PathLineTo(P(-0.2f, 0.55f)); dl->PathLineTo(P(0.75f, -0.55f));
        dl->PathStroke(col, 0, th * 1.8f);
        break;
    case Icon::Ticket:
        dl->AddRect(P(-0.85f, -0.5f), P(0.85f, 0.5f), col, s * 0.05f, 0, th);
        for (float y = -0.4f; y < 0.45f; y += 0.2f) dl->AddLine(P(0.35f, y), P(0.35f, y + 0.1f), col, th);
        dl->AddLine(P(-0.6f, -0.15f), P(0.1f, -0.15f), col, th);
        dl->AddLine(P(-0.6f, 0.15f), P(-0.05f, 0.15f), col, th);
        break;
    case Icon::Feedback:
        face(dl, c, s, col, th, 0);
        break;
    case Icon::Back:
        dl->PathLineTo(P(0.7f, 0)); dl->PathLineTo(P(-0.7f, 0)); dl->PathStroke(col, 0, th * 1.4f);
        dl->PathLineTo(P(-0.2f, -0.5f)); dl->PathLineTo(P(-0.7f, 0)); dl->PathLineTo(P(-0.2f, 0.5f));
        dl->PathStroke(col, 0, th * 1.4f);
        break;
    case Icon::Home:
        dl->PathLineTo(P(-0.8f, -0.05f)); dl->PathLineTo(P(0, -0.8f)); dl->PathLineTo(P(0.8f, -0.05f));
        dl->PathStroke(col, 0, th * 1.3f);
        dl->PathLineTo(P(-0.55f, -0.25f)); dl->PathLineTo(P(-0.55f, 0.75f)); dl->PathLineTo(P(0.55f, 0.75f));
        dl->PathLineTo(P(0.55f, -0.25f)); dl->PathStroke(col, 0, th * 1.3f);
        dl->AddRect(P(-0.15f, 0.25f), P(0.15f, 0.75f), col, 0, 0, th);
        break;
    case Icon::House:
        dl->PathLineTo(P(-0.8f, 0)); dl->PathLineTo(P(0, -0.7f)); dl->PathLineTo(P(0.8f, 0));
        dl->PathStroke(col, 0, th);
        dl->AddRect(P(-0.55f, -0.15f), P(0.55f, 0.7f), col, 0, 0, th);
        dl->AddCircleFilled(P(0, 0.2f), s * 0.09f, col);
        break;
    case Icon::Globe:
        dl->AddCircle(c, h * 0.85f, col, 48, th);
        ellipse_path(dl, c, h * 0.38f, h * 0.85f);
        dl->PathStroke(col, ImDrawFlags_Closed, th);
        dl->AddLine(P(-0.85f, 0), P(0.85f, 0), col, th);
        dl->AddLine(P(-0.72f, -0.42f), P(0.72f, -0.42f), col, th * 0.8f);
        dl->AddLine(P(-0.72f, 0.42f), P(0.72f, 0.42f), col, th * 0.8f);
        break;
    case Icon::Briefcase:
        dl->AddRect(P(-0.85f, -0.4f), P(0.85f, 0.7f), col, s * 0.06f, 0, th);
        dl->AddRect(P(-0.3f, -0.7f), P(0.3f, -0.4f), col, s * 0.04f, 0, th);
        dl->AddLine(P(-0.85f, 0.1f), P(0.85f, 0.1f), col, th);
        break;
    case Icon::Coins:
        for (int i = 0; i < 3; ++i) {
            const float y = 0.45f - i * 0.35f;
            ellipse_path(dl, P(0, y), h * 0.7f, h * 0.22f);
            dl->PathFillConvex(col);
            ellipse_path(dl, P(0, y - 0.06f), h * 0.55f, h * 0.12f);
            dl->PathStroke(IM_COL32(255, 255, 255, 160), ImDrawFlags_Closed, th * 0.6f);
        }
        break;
    case Icon::Heart:
        dl->PathArcTo(P(-0.38f, -0.25f), h * 0.4f, kPi * 0.8f, kPi * 2.0f, 16);
        dl->PathArcTo(P(0.38f, -0.25f), h * 0.4f, kPi * 1.0f, kPi * 2.2f, 16);
        dl->PathLineTo(P(0, 0.75f));
        dl->PathStroke(col, ImDrawFlags_Closed, th * 1.2f);
        break;
    case Icon::Person:
        dl->AddCircle(P(0, -0.4f), h * 0.32f, col, 32, th);
        dl->PathArcTo(P(0, 0.75f), h * 0.7f, kPi, 2 * kPi, 24);
        dl->PathStroke(col, ImDrawFlags_Closed, th);
        break;
    case Icon::Clock:
        dl->AddCircle(c, h * 0.85f, col, 48, th);
        dl->AddLine(c, P(0, -0.55f), col, th * 1.2f);
        dl->AddLine(c, P(0.4f, 0.15f), col, th * 1.2f);
        break;
    case Icon::Cross:
        dl->AddLine(P(-0.6f, -0.6f), P(0.6f, 0.6f), col, th * 1.6f);
        dl->AddLine(P(0.6f, -0.6f), P(-0.6f, 0.6f), col, th * 1.6f);
        break;
    case Icon::Backspace:
        dl->PathLineTo(P(-0.9f, 0)); dl->PathLineTo(P(-0.45f, -0.55f)); dl->PathLineTo(P(0.85f, -0.55f));
        dl->PathLineTo(P(0.85f, 0.55f)); dl->PathLineTo(P(-0.45f, 0.55f));
        dl->PathStroke(col, ImDrawFlags_Closed, th);
        dl->AddLine(P(-0.05f, -0.25f), P(0.45f, 0.25f), col, th);
        dl->AddLine(P(0.45f, -0.25f), P(-0.05f, 0.25f), col, th);
        break;
    case Icon::Pause:
        dl->AddRectFilled(P(-0.5f, -0.6f), P(-0.15f, 0.6f), col);
        dl->AddRectFilled(P(0.15f, -0.6f), P(0.5f, 0.6f), col);
        break;
    case Icon::List:
        for (int i = 0; i < 3; ++i) {
            const float y = -0.5f + i * 0.5f;
            dl->AddCircleFilled(P(-0.65f, y), s * 0.06f, col);
            dl->AddLine(P(-0.4f, y), P(0.75f, y), col, th);
        }
        break;
    case Icon::Lock:
        dl->AddRectFilled(P(-0.6f, -0.1f), P(0.6f, 0.75f), col, s * 0.05f);
        dl->PathArcTo(P(0, -0.1f), h * 0.4f, kPi, 2 * kPi, 16);
        dl->PathStroke(col, 0, th * 1.2f);
        break;
    case Icon::Warning:
        dl->AddTriangle(P(0, -0.8f), P(0.85f, 0.7f), P(-0.85f, 0.7f), col, th);
        dl->AddLine(P(0, -0.3f), P(0, 0.2f), col, th * 1.3f);
        dl->AddCircleFilled(P(0, 0.45f), s * 0.05f, col);
        break;
    case Icon::Space:
        dl->PathLineTo(P(-0.7f, -0.2f)); dl->PathLineTo(P(-0.7f, 0.25f)); dl->PathLineTo(P(0.7f, 0.25f));
        dl->PathLineTo(P(0.7f, -0.2f)); dl->PathStroke(col, 0, th);
        break;
    case Icon::Shift:
        dl->PathLineTo(P(0, -0.7f)); dl->PathLineTo(P(0.7f, 0.05f)); dl->PathLineTo(P(0.3f, 0.05f));
        dl->PathLineTo(P(0.3f, 0.65f)); dl->PathLineTo(P(-0.3f, 0.65f)); dl->PathLineTo(P(-0.3f, 0.05f));
        dl->PathLineTo(P(-0.7f, 0.05f)); dl->PathStroke(col, ImDrawFlags_Closed, th);
        break;
    case Icon::Speaker:
        dl->PathLineTo(P(-0.75f, -0.25f)); dl->PathLineTo(P(-0.4f, -0.25f)); dl->PathLineTo(P(0.05f, -0.65f));
        dl->PathLineTo(P(0.05f, 0.65f)); dl->PathLineTo(P(-0.4f, 0.25f)); dl->PathLineTo(P(-0.75f, 0.25f));
        dl->PathFillConvex(col);
        dl->PathArcTo(P(0.1f, 0), h * 0.4f, -0.8f, 0.8f, 12); dl->PathStroke(col, 0, th);
        dl->PathArcTo(P(0.1f, 0), h * 0.7f, -0.8f, 0.8f, 12); dl->PathStroke(col, 0, th);
        break;
    case Icon::Face1: face(dl, c, s, col, th, 1); break;
    case Icon::Face2: face(dl, c, s, col, th, 2); break;
    case Icon::Face3: face(dl, c, s, col, th, 3); break;
    case Icon::Face4: face(dl, c, s, col, th, 4); break;
    case Icon::Face5: face(dl, c, s, col, th, 5); break;
    case Icon::Companion:
        // Support and contact person: two people side by side, one at your shoulder (not the
        // single Person of "someone else").
        dl->AddCircle(P(-0.38f, -0.42f), h * 0.26f, col, 32, th);
        dl->PathArcTo(P(-0.38f, 0.78f), h * 0.56f, kPi, 2 * kPi, 24);
        dl->PathStroke(col, ImDrawFlags_Closed, th);
        dl->AddCircle(P(0.42f, -0.3f), h * 0.22f, col, 32, th);
        dl->PathArcTo(P(0.42f, 0.78f), h * 0.46f, kPi, 2 * kPi, 24);
        dl->PathStroke(col, ImDrawFlags_Closed, th);
        dl->AddLine(P(-0.02f, 0.3f), P(0.22f, 0.3f), col, th * 1.3f);   // an arm across: together
        break;
    case Icon::Skip:
        dl->PathLineTo(P(-0.6f, -0.5f)); dl->PathLineTo(P(0.1f, 0)); dl->PathLineTo(P(-0.6f, 0.5f));
        dl->PathStroke(col, 0, th * 1.3f);
        dl->PathLineTo(P(0.0f, -0.5f)); dl->PathLineTo(P(0.7f, 0)); dl->PathLineTo(P(0.0f, 0.5f));
        dl->PathStroke(col, 0, th * 1.3f);
        break;
    }
}

Icon service_icon(std::string_view key) {
    if (key == "jobcentre") return Icon::Briefcase;
    if (key == "social") return Icon::House;
    if (key == "benefits") return Icon::Coins;
    if (key == "substance") return Icon::Heart;
    if (key == "skp") return Icon::Companion;
    return Icon::Person;   // "other" (someone else) and services the kiosk does not know
}

}  // namespace indgang::kiosk
