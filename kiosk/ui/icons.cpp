#include "ui/icons.hpp"

#include <cmath>

namespace indgang::kiosk {

namespace {
constexpr float kPi = 3.14159265f;

void face(ImDrawList* dl, ImVec2 c, float s, ImU32 col, float th, float mood) {
    // mood −1 (very unhappy) … +1 (very happy): the mouth's curve.
    dl->AddCircle(c, s * 0.45f, col, 48, th);
    dl->AddCircleFilled(ImVec2(c.x - s * 0.15f, c.y - s * 0.1f), s * 0.05f, col);
    dl->AddCircleFilled(ImVec2(c.x + s * 0.15f, c.y - s * 0.1f), s * 0.05f, col);
    const float my = c.y + s * 0.18f, w = s * 0.2f;
    if (std::fabs(mood) < 0.01f) {
        dl->AddLine(ImVec2(c.x - w, my), ImVec2(c.x + w, my), col, th);
        return;
    }
    const float bend = mood * s * 0.12f;
    dl->AddBezierQuadratic(ImVec2(c.x - w, my - bend / 2), ImVec2(c.x, my + bend * 1.5f),
                           ImVec2(c.x + w, my - bend / 2), col, th, 16);
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
        face(dl, c, s, col, th, 0.8f);
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
    case Icon::Face1: face(dl, c, s, col, th, -1.0f); break;
    case Icon::Face2: face(dl, c, s, col, th, -0.5f); break;
    case Icon::Face3: face(dl, c, s, col, th, 0.0f); break;
    case Icon::Face4: face(dl, c, s, col, th, 0.5f); break;
    case Icon::Face5: face(dl, c, s, col, th, 1.0f); break;
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
    return Icon::Person;
}

}  // namespace indgang::kiosk
