#include "drawn_widgets.hpp"

namespace indgang::admin::gui {

namespace {

struct Split {
    std::string visible, id;
};
Split split(const std::string& label) {
    const auto at = label.find("###");
    if (at == std::string::npos) {
        const auto hidden = label.find("##");
        return {label.substr(0, hidden), ""};
    }
    return {label.substr(0, at), label.substr(at + 3)};
}

DrawnItem last_item(DrawnItem::Kind kind, const std::string& label) {
    const Split s = split(label);
    DrawnItem d;
    d.kind = kind;
    d.id = s.id;
    d.label = s.visible;
    d.min = ImGui::GetItemRectMin();
    d.max = ImGui::GetItemRectMax();
    d.visible = ImGui::IsItemVisible() && d.max.y <= ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    if (!d.id.empty() && d.id == drawn().scroll_to) {
        ImGui::SetScrollHereY(0.5f);
        drawn().scroll_to.clear();
    }
    return d;
}

}  // namespace

void DrawnItems::add(DrawnItem item) {
    if (!item.label.empty()) seen_.insert(item.label);
    items_.push_back(std::move(item));
}

const DrawnItem* DrawnItems::find(std::string_view id) const {
    if (id.rfind("###", 0) == 0) id.remove_prefix(3);
    for (const auto& i : items_)
        if (i.id == id) return &i;
    return nullptr;
}

bool DrawnItems::shows(std::string_view text) const {
    for (const auto& i : items_)
        if (i.label.find(text) != std::string::npos) return true;
    return false;
}

std::string DrawnItems::dump() const {
    std::string out;
    for (const auto& i : items_) {
        if (!i.id.empty()) out += "###" + i.id + " ";
        out += "\"" + i.label + "\"\n";
    }
    return out;
}

DrawnItems& drawn() {
    static DrawnItems d;
    return d;
}

bool button(const std::string& label, bool small) {
    const bool hit = small ? ImGui::SmallButton(label.c_str()) : ImGui::Button(label.c_str());
    drawn().add(last_item(DrawnItem::Kind::Button, label));
    return hit;
}

bool button(const std::string& label, const ImVec2& size) {
    const bool hit = ImGui::Button(label.c_str(), size);
    drawn().add(last_item(DrawnItem::Kind::Button, label));
    return hit;
}

bool input(const std::string& label, char* buf, size_t size, const char* hint, ImGuiInputTextFlags flags) {
    const bool changed = hint ? ImGui::InputTextWithHint(label.c_str(), hint, buf, size, flags)
                              : ImGui::InputText(label.c_str(), buf, size, flags);
    DrawnItem d = last_item(DrawnItem::Kind::Input, label);
    d.buffer = buf;
    d.buffer_size = size;
    drawn().add(d);
    if (hint && *hint) drawn().add({DrawnItem::Kind::Text, "", hint, d.min, d.max});
    return changed;
}

bool input_int(const std::string& label, int* v, int step) {
    const bool changed = ImGui::InputInt(label.c_str(), v, step);
    DrawnItem d = last_item(DrawnItem::Kind::Number, label);
    d.number = v;
    drawn().add(d);
    return changed;
}

bool checkbox(const std::string& label, bool* v) {
    const bool changed = ImGui::Checkbox(label.c_str(), v);
    drawn().add(last_item(DrawnItem::Kind::Check, label));
    return changed;
}

bool choice(const std::string& label, int* index, const std::vector<std::string>& names) {
    const char* preview = (*index >= 0 && *index < static_cast<int>(names.size()))
                              ? names[static_cast<size_t>(*index)].c_str() : "";
    bool changed = false;
    if (ImGui::BeginCombo(label.c_str(), preview)) {
        for (size_t i = 0; i < names.size(); ++i)
            if (ImGui::Selectable(names[i].c_str(), static_cast<int>(i) == *index)) {
                *index = static_cast<int>(i);
                changed = true;
            }
        ImGui::EndCombo();
    }
    DrawnItem d = last_item(DrawnItem::Kind::Choice, label);
    d.number = index;
    d.choices = static_cast<int>(names.size());
    drawn().add(d);
    drawn().add({DrawnItem::Kind::Text, "", preview, d.min, d.max});
    return changed;
}

static void note_text(const std::string& s) {
    DrawnItem d;
    d.label = s;
    d.min = ImGui::GetItemRectMin();
    d.max = ImGui::GetItemRectMax();
    drawn().add(d);
}

void text(const std::string& s) {
    ImGui::TextUnformatted(s.c_str());
    note_text(s);
}
void text_disabled(const std::string& s) {
    ImGui::TextDisabled("%s", s.c_str());
    note_text(s);
}
void text_wrapped(const std::string& s) {
    ImGui::TextWrapped("%s", s.c_str());
    note_text(s);
}
void text_coloured(const ImVec4& c, const std::string& s) {
    ImGui::TextColored(c, "%s", s.c_str());
    note_text(s);
}
void bullet(const std::string& s) {
    ImGui::BulletText("%s", s.c_str());
    note_text(s);
}
void column(const std::string& header, float fixed_width) {
    if (fixed_width > 0) ImGui::TableSetupColumn(header.c_str(), ImGuiTableColumnFlags_WidthFixed, fixed_width);
    else ImGui::TableSetupColumn(header.c_str());
    if (!header.empty()) drawn().add({DrawnItem::Kind::Text, "", split(header).visible, {}, {}});
}
void wrapped_headers_row() {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        ImGui::TextWrapped("%s", split(ImGui::TableGetColumnName(c)).visible.c_str());
    }
}
bool tab(const std::string& label, ImGuiTabItemFlags flags) {
    const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
    DrawnItem d = last_item(DrawnItem::Kind::Button, label);
    drawn().add(d);
    return open;
}

void section(const std::string& title) {
    ImGui::Spacing();
    text_coloured(ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive), title);
    ImGui::Separator();
}

}  // namespace indgang::admin::gui
