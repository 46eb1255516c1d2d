#include "core/text/po_file.hpp"

#include <gettext-po.h>

#include <cstdlib>
#include <memory>

namespace indgang::text {

namespace {

// libgettextpo's handler has no user pointer, so problems go to a per-thread list.
thread_local std::vector<std::string>* po_sink = nullptr;

void on_error(int severity, po_message_t, const char* file, size_t line, size_t, int, const char* text) {
    if (!po_sink || severity == PO_SEVERITY_WARNING) return;
    std::string where = file ? file : "";
    if (file && line != static_cast<size_t>(-1)) where += ":" + std::to_string(line);
    std::string msg = text ? text : "";
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    po_sink->push_back(where.empty() ? msg : where + ": " + msg);
}

void on_error2(int severity, po_message_t m, const char* f, size_t l, size_t c, int ml, const char* t1,
               po_message_t, const char*, size_t, size_t, int, const char* t2) {
    const std::string both = std::string(t1 ? t1 : "") + " / " + (t2 ? t2 : "");
    on_error(severity, m, f, l, c, ml, both.c_str());
}

const po_xerror_handler handler{on_error, on_error2};

struct FileCloser {
    void operator()(po_file* f) const { po_file_free(f); }
};
struct IterCloser {
    void operator()(po_message_iterator_t it) const { po_message_iterator_free(it); }
};

}  // namespace

PoFile read_po(const std::string& path, bool msgfmt_checks) {
    PoFile out;
    po_sink = &out.errors;
    std::unique_ptr<po_file, FileCloser> file(po_file_read(path.c_str(), &handler));
    if (file && msgfmt_checks) po_file_check_all(file.get(), &handler);
    po_sink = nullptr;
    if (!file) {
        if (out.errors.empty()) out.errors.push_back(path + ": cannot read");
        return out;
    }
    out.read = true;
    if (const char* h = po_file_domain_header(file.get(), nullptr)) out.header = h;
    std::unique_ptr<struct po_message_iterator, IterCloser> it(po_message_iterator(file.get(), nullptr));
    while (po_message_t m = po_next_message(it.get())) {
        const char* id = po_message_msgid(m);
        if (!id || !*id || po_message_is_obsolete(m)) continue;
        PoEntry e;
        e.msgid = id;
        if (const char* c = po_message_msgctxt(m)) e.ctx = c;
        if (const char* p = po_message_msgid_plural(m)) {
            e.msgid_plural = p;
            for (int i = 0; const char* s = po_message_msgstr_plural(m, i); ++i) e.forms.emplace_back(s);
        } else {
            const char* s = po_message_msgstr(m);
            e.forms.emplace_back(s ? s : "");
        }
        e.fuzzy = po_message_is_fuzzy(m);
        for (int i = 0; po_filepos_t fp = po_message_filepos(m, i); ++i)
            e.refs.emplace_back(po_filepos_file(fp), po_filepos_start_line(fp));
        if (const char* c = po_message_extracted_comments(m)) e.comments = c;
        out.entries.push_back(std::move(e));
    }
    return out;
}

std::string po_header_value(const std::string& header, std::string_view field) {
    if (header.empty()) return {};
    char* v = ::po_header_field(header.c_str(), std::string(field).c_str());
    if (!v) return {};
    std::string s(v);
    std::free(v);
    return s;
}

std::string po_key(std::string_view ctx, std::string_view msgid) {
    if (ctx.empty()) return std::string(msgid);
    std::string k(ctx);
    k += '\x04';
    k += msgid;
    return k;
}

}  // namespace indgang::text
