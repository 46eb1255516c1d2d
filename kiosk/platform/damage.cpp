#include "platform/damage.hpp"

#include "ui/fast_fill.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace indgang::kiosk {

namespace {

uint64_t mix(uint64_t h, const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, b + i, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    for (; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

// The clip rectangle in whole pixels exactly as imgui_impl_sdlrenderer hands it to SDL, so a
// narrowed clip never lets through a pixel the full redraw would not draw.
PixelRect clip_of(const ImDrawCmd& c) {
    const ImVec4& r = c.ClipRect;
    const float x = std::max(0.0f, r.x), y = std::max(0.0f, r.y);
    const int x0 = static_cast<int>(x), y0 = static_cast<int>(y);
    return {x0, y0, x0 + static_cast<int>(r.z - x), y0 + static_cast<int>(r.w - y)};
}

PixelRect intersect(const PixelRect& a, const PixelRect& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

// The pixels a triangle can touch: its bounds rounded outwards, plus one for SDL's rounding.
PixelRect bounds(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c) {
    return {static_cast<int>(std::floor(std::min({a.pos.x, b.pos.x, c.pos.x}))) - 1,
            static_cast<int>(std::floor(std::min({a.pos.y, b.pos.y, c.pos.y}))) - 1,
            static_cast<int>(std::ceil(std::max({a.pos.x, b.pos.x, c.pos.x}))) + 1,
            static_cast<int>(std::ceil(std::max({a.pos.y, b.pos.y, c.pos.y}))) + 1};
}

PixelRect fill_bounds(const OpaqueFill& f) {
    PixelRect r{1 << 30, 1 << 30, -(1 << 30), -(1 << 30)};
    for (int i = 0; i < 3; ++i) {
        if (f.max[i].x <= f.min[i].x || f.max[i].y <= f.min[i].y) continue;
        r.x0 = std::min(r.x0, static_cast<int>(std::floor(f.min[i].x)));
        r.y0 = std::min(r.y0, static_cast<int>(std::floor(f.min[i].y)));
        r.x1 = std::max(r.x1, static_cast<int>(std::ceil(f.max[i].x)));
        r.y1 = std::max(r.y1, static_cast<int>(std::ceil(f.max[i].y)));
    }
    return r;
}

}  // namespace

PixelRect DamageTracker::update(const ImDrawData& dd, int width, int height) {
    const int cols = (width + kTile - 1) / kTile, rows = (height + kTile - 1) / kTile;
    if (cols != cols_ || rows != rows_ || width != width_ || height != height_) prev_.clear();
    cols_ = cols, rows_ = rows, width_ = width, height_ = height;
    cur_.assign(static_cast<size_t>(cols) * rows, 1469598103934665603ull);
    const PixelRect screen{0, 0, width, height};
    auto paint = [&](PixelRect r, uint64_t h) {
        r = intersect(r, screen);
        if (r.empty()) return;
        for (int ty = r.y0 / kTile; ty <= (r.y1 - 1) / kTile; ++ty)
            for (int tx = r.x0 / kTile; tx <= (r.x1 - 1) / kTile; ++tx) {
                uint64_t& t = cur_[static_cast<size_t>(ty) * cols + tx];
                t = mix(t, &h, sizeof h);
            }
    };
    for (int n = 0; n < dd.CmdListsCount; ++n) {
        const ImDrawList* dl = dd.CmdLists[n];
        for (const ImDrawCmd& c : dl->CmdBuffer) {
            const PixelRect clip = intersect(clip_of(c), screen);
            if (c.UserCallback) {
                if (is_opaque_fill(c)) {
                    const auto* f = static_cast<const OpaqueFill*>(c.UserCallbackData);
                    paint(intersect(fill_bounds(*f), clip), mix(mix(7, f, sizeof *f), &clip, sizeof clip));
                } else {
                    paint(screen, mix(11, &c.UserCallback, sizeof c.UserCallback));   // unknown: all of it
                }
                continue;
            }
            const ImDrawVert* v = dl->VtxBuffer.Data + c.VtxOffset;
            const ImDrawIdx* idx = dl->IdxBuffer.Data + c.IdxOffset;
            const uint64_t base = mix(mix(13, &c.TextureId, sizeof c.TextureId), &clip, sizeof clip);
            for (unsigned i = 0; i + 2 < c.ElemCount; i += 3) {
                const ImDrawVert& a = v[idx[i]];
                const ImDrawVert& b = v[idx[i + 1]];
                const ImDrawVert& d = v[idx[i + 2]];
                uint64_t h = mix(base, &a, sizeof a);
                h = mix(h, &b, sizeof b);
                h = mix(h, &d, sizeof d);
                paint(intersect(bounds(a, b, d), clip), h);
            }
        }
    }
    PixelRect out{1 << 30, 1 << 30, -1, -1};
    if (prev_.size() != cur_.size()) {
        out = screen;
    } else {
        for (int ty = 0; ty < rows; ++ty)
            for (int tx = 0; tx < cols; ++tx) {
                const size_t i = static_cast<size_t>(ty) * cols + tx;
                if (cur_[i] == prev_[i]) continue;
                out.x0 = std::min(out.x0, tx * kTile);
                out.y0 = std::min(out.y0, ty * kTile);
                out.x1 = std::max(out.x1, (tx + 1) * kTile);
                out.y1 = std::max(out.y1, (ty + 1) * kTile);
            }
        out = intersect(out, screen);
    }
    prev_.swap(cur_);
    return out.empty() ? PixelRect{} : out;
}

ImDrawData* DamageCull::cull(const ImDrawData& dd, const PixelRect& r) {
    while (static_cast<int>(lists_.size()) < dd.CmdListsCount) lists_.emplace_back(ImGui::GetDrawListSharedData());
    ptrs_.clear();
    out_ = dd;
    out_.TotalIdxCount = 0;
    for (int n = 0; n < dd.CmdListsCount; ++n) {
        const ImDrawList* src = dd.CmdLists[n];
        ImDrawList& dst = lists_[static_cast<size_t>(n)];
        dst.VtxBuffer = src->VtxBuffer;
        dst.IdxBuffer.resize(0);
        dst.CmdBuffer.resize(0);
        for (const ImDrawCmd& c : src->CmdBuffer) {
            const PixelRect clip = intersect(clip_of(c), r);
            if (clip.empty()) continue;
            ImDrawCmd k = c;
            k.ClipRect = ImVec4(static_cast<float>(clip.x0), static_cast<float>(clip.y0), static_cast<float>(clip.x1),
                                static_cast<float>(clip.y1));
            if (c.UserCallback) {
                if (is_opaque_fill(c) &&
                    intersect(fill_bounds(*static_cast<const OpaqueFill*>(c.UserCallbackData)), clip).empty())
                    continue;
                dst.CmdBuffer.push_back(k);
                continue;
            }
            k.IdxOffset = static_cast<unsigned>(dst.IdxBuffer.Size);
            const ImDrawVert* v = src->VtxBuffer.Data + c.VtxOffset;
            const ImDrawIdx* idx = src->IdxBuffer.Data + c.IdxOffset;
            for (unsigned i = 0; i + 2 < c.ElemCount; i += 3) {
                if (intersect(bounds(v[idx[i]], v[idx[i + 1]], v[idx[i + 2]]), clip).empty()) continue;
                dst.IdxBuffer.push_back(idx[i]);
                dst.IdxBuffer.push_back(idx[i + 1]);
                dst.IdxBuffer.push_back(idx[i + 2]);
            }
            k.ElemCount = static_cast<unsigned>(dst.IdxBuffer.Size) - k.IdxOffset;
            if (k.ElemCount > 0) dst.CmdBuffer.push_back(k);
        }
        out_.TotalIdxCount += dst.IdxBuffer.Size;
        ptrs_.push_back(&dst);
    }
    out_.CmdLists = ptrs_.data();
    return &out_;
}

}  // namespace indgang::kiosk
