// PO catalogs through libgettextpo (the parser msgfmt itself uses), plural forms through ICU.
#include "core/text/catalog.hpp"

#include "core/text/po_file.hpp"

#include <nlohmann/json.hpp>
#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace indgang::text {

// [SECTION] PO reading

namespace {
// PluralRules are costly to build and trn() may run every frame: one per language per thread.
const icu::PluralRules* rules_for(const std::string& lang) {
    thread_local std::map<std::string, std::unique_ptr<icu::PluralRules>> cache;
    auto it = cache.find(lang);
    if (it == cache.end()) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::PluralRules> r(
            icu::PluralRules::forLocale(icu::Locale(lang.c_str()), status));
        if (U_FAILURE(status)) r.reset();
        it = cache.emplace(lang, std::move(r)).first;
    }
    return it->second.get();
}
}  // namespace

std::vector<std::string> plural_categories_for(const std::string& lang) {
    const icu::PluralRules* rules = rules_for(lang);
    if (!rules) return {"one", "other"};
    // Only integers are counted on the kiosk; 0..1000 reaches every integer category CLDR
    // defines (the rules look at n, n%10 and n%100, and "many" for e.g. French at 10^6 is not
    // one of our languages).
    std::vector<std::string> seen;
    for (long n = 0; n <= 1000; ++n) {
        icu::UnicodeString kw = rules->select(static_cast<int32_t>(n));
        std::string s;
        kw.toUTF8String(s);
        if (std::find(seen.begin(), seen.end(), s) == seen.end()) seen.push_back(s);
    }
    static const char* const order[] = {"zero", "one", "two", "few", "many", "other"};
    std::vector<std::string> out;
    for (const char* c : order)
        if (std::find(seen.begin(), seen.end(), c) != seen.end()) out.emplace_back(c);
    return out;
}

Catalog Catalog::load_po(const std::string& path) {
    PoFile po = read_po(path, false);
    if (!po.read) throw std::runtime_error(path + ": cannot read catalog (" + po.errors.front() + ")");
    if (!po.errors.empty()) {
        std::string all = "malformed catalog " + path + ":";
        for (const auto& p : po.errors) all += "\n  " + p;
        throw std::runtime_error(all);
    }

    Catalog cat;
    cat.header_ = std::move(po.header);
    std::string lang = cat.header_field("Language");
    if (lang.empty()) {
        // Fall back to the file name (da.po) so a hand-made catalog still works.
        auto slash = path.find_last_of('/');
        std::string base = path.substr(slash == std::string::npos ? 0 : slash + 1);
        lang = base.substr(0, base.find('.'));
    }
    cat.language_ = lang;
    cat.plural_forms_ = cat.header_field("Plural-Forms");
    cat.plural_categories_ = plural_categories_for(lang);

    for (PoEntry& e : po.entries) {
        // A fuzzy entry is a guess a translator has not confirmed: show the source instead.
        if (e.fuzzy)
            for (auto& f : e.forms) f.clear();
        cat.entries_[po_key(e.ctx, e.msgid)] = std::move(e.forms);
    }
    return cat;
}

std::string Catalog::header_field(std::string_view field) const { return po_header_value(header_, field); }

// [SECTION] Look-ups

const std::string& Catalog::get(std::string_view msgid) const { return get_ctx({}, msgid); }

const std::string& Catalog::get_ctx(std::string_view ctx, std::string_view msgid) const {
    std::string key = po_key(ctx, msgid);
    auto it = entries_.find(key);
    if (it != entries_.end() && !it->second.empty() && !it->second[0].empty())
        return it->second[0];
    auto miss = misses_.find(key);
    if (miss == misses_.end()) miss = misses_.emplace(key, std::string(msgid)).first;
    return miss->second;
}

size_t Catalog::plural_index(long n) const {
    const icu::PluralRules* rules = rules_for(language_);
    if (!rules || plural_categories_.empty()) return n == 1 ? 0 : 1;
    std::string kw;
    rules->select(static_cast<int32_t>(n)).toUTF8String(kw);
    auto pos = std::find(plural_categories_.begin(), plural_categories_.end(), kw);
    return pos == plural_categories_.end() ? plural_categories_.size() - 1
                                           : static_cast<size_t>(pos - plural_categories_.begin());
}

std::string Catalog::get_plural(std::string_view msgid, std::string_view msgid_plural,
                                long n) const {
    auto it = entries_.find(msgid);
    if (it != entries_.end() && it->second.size() > 1) {
        size_t i = plural_index(n);
        if (i < it->second.size() && !it->second[i].empty()) return it->second[i];
    }
    // Untranslated: the English source's own rule.
    return std::string(n == 1 ? msgid : msgid_plural);
}

// [SECTION] Languages

namespace {

nlohmann::json read_languages_json(const std::string& i18n_dir) {
    std::string path = i18n_dir + "/languages.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open the language list");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path + ": malformed language list: " + e.what());
    }
}

}  // namespace

std::vector<Language> shipped_languages(const std::string& i18n_dir) {
    nlohmann::json doc = read_languages_json(i18n_dir);
    std::string path = i18n_dir + "/languages.json";
    std::vector<Language> out;
    try {
        for (const auto& j : doc.at("languages")) {
            Language l;
            l.code = j.at("code").get<std::string>();
            l.native_name = j.at("native_name").get<std::string>();
            l.rtl = j.value("rtl", false);
            l.keyboard = j.value("keyboard", std::string("latin"));
            l.voice = j.value("voice", std::string());
            // The catalog itself records the review (translators edit the PO, not our JSON).
            std::ifstream po(i18n_dir + "/" + l.code + ".po");
            std::string line;
            while (std::getline(po, line)) {
                if (line.rfind("\"X-Reviewed-By-Native-Speaker:", 0) == 0) {
                    l.reviewed = line.find("yes") != std::string::npos;
                    break;
                }
                if (line.rfind("#:", 0) == 0) break;  // past the header
            }
            out.push_back(std::move(l));
        }
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
    if (out.empty()) throw std::runtime_error(path + ": no languages listed");
    return out;
}

std::string default_language(const std::string& i18n_dir) {
    nlohmann::json doc = read_languages_json(i18n_dir);
    return doc.value("default", std::string("da"));
}

// [SECTION] Translator

Translator::Translator(std::string i18n_dir) : dir_(std::move(i18n_dir)) {
    languages_ = shipped_languages(dir_);
    set_language(default_language(dir_));
}

void Translator::set_language(const std::string& code) {
    auto lang = std::find_if(languages_.begin(), languages_.end(),
                             [&](const Language& l) { return l.code == code; });
    if (lang == languages_.end()) lang = languages_.begin();  // unknown: the first listed
    current_lang_ = static_cast<size_t>(lang - languages_.begin());
    auto it = loaded_.find(lang->code);
    if (it == loaded_.end()) {
        Catalog cat;
        std::string path = dir_ + "/" + lang->code + ".po";
        if (std::ifstream(path)) cat = Catalog::load_po(path);  // malformed: throws, kiosk says so
        it = loaded_.emplace(lang->code, std::move(cat)).first;
    }
    current_ = &it->second;
}

const Language& Translator::language() const { return languages_[current_lang_]; }

const char* Translator::tr(const char* msgid) const { return current_->get(msgid).c_str(); }

const char* Translator::tr_ctx(const char* ctx, const char* msgid) const {
    return current_->get_ctx(ctx, msgid).c_str();
}

std::string Translator::trn(const char* msgid, const char* msgid_plural, long n) const {
    return current_->get_plural(msgid, msgid_plural, n);
}

}  // namespace indgang::text
