// Translations: gettext PO catalogs from i18n/, one per language, switched per visitor.
// Contract between the kiosk and the i18n work; extend, don't change, these signatures.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace indgang::text {

struct Language {
    std::string code;          // "da", "en", "kl", "ar", "fa", "ur", "so", "ti", "tr", "pl", "ro", "uk"
    std::string native_name;   // the language's name written in itself: "Dansk", "العربية"
    bool rtl = false;          // Arabic, Farsi, Urdu
    std::string keyboard;      // on-screen keyboard layout name, see keyboard.hpp
    std::string voice;         // espeak-ng voice; empty = no read-aloud for this language
    bool reviewed = false;     // a native speaker has reviewed the catalog
};

// One language's catalog. Missing entries fall back to the msgid (English source text).
class Catalog {
public:
    Catalog() = default;
    // Parses a PO file; throws std::runtime_error with file:line on a malformed catalog.
    static Catalog load_po(const std::string& path);
    const std::string& get(std::string_view msgid) const;                    // gettext
    const std::string& get_ctx(std::string_view ctx, std::string_view msgid) const;  // pgettext
    // ngettext: plural form chosen by ICU's plural rules for this catalog's language.
    std::string get_plural(std::string_view msgid, std::string_view msgid_plural, long n) const;
    const std::string& language() const { return language_; }
    size_t size() const { return entries_.size(); }

private:
    std::string language_;
    std::map<std::string, std::vector<std::string>, std::less<>> entries_;  // key: ctx\x04msgid
    std::string plural_forms_;
    // Added (not part of the original contract): misses handed out by get() so the returned
    // reference stays valid; filled only for msgids the catalog lacks. Not thread-safe, like
    // the rest of the kiosk's UI state.
    mutable std::map<std::string, std::string, std::less<>> misses_;
    std::vector<std::string> plural_categories_;  // ICU keywords in PO msgstr[i] order
    std::string header_;                           // the PO header entry, for header_field()

public:
    // Added: a field of the PO header ("Plural-Forms", "X-Reviewed-By-Native-Speaker"); "" if absent.
    std::string header_field(std::string_view field) const;
    // Added: ICU plural keywords in the order the catalog's msgstr[0..n-1] must follow
    // (CLDR order zero, one, two, few, many, other, restricted to those integers can reach).
    const std::vector<std::string>& plural_categories() const { return plural_categories_; }
    // Added: index of the plural form for n (into msgstr[]).
    size_t plural_index(long n) const;
    // Added: every entry, key ctx\x04msgid (no ctx: plain msgid) -> msgstr forms ("" untranslated).
    const std::map<std::string, std::vector<std::string>, std::less<>>& entries() const { return entries_; }
};

// Added: ICU plural keywords for integers in `lang`, in PO msgstr order (see Catalog).
std::vector<std::string> plural_categories_for(const std::string& lang);

// Added: the language the kiosk starts in and returns to on idle reset, from languages.json
// ("default"); staff may override it in the kiosk's settings.
std::string default_language(const std::string& i18n_dir);

// All languages the kiosk ships, from i18n/languages.json, in display order.
std::vector<Language> shipped_languages(const std::string& i18n_dir);

// The visitor's current language. The kiosk holds one; switching is instant.
class Translator {
public:
    explicit Translator(std::string i18n_dir);
    void set_language(const std::string& code);   // loads (and caches) the catalog
    const Language& language() const;
    const char* tr(const char* msgid) const;       // stable pointer for the catalog's lifetime
    std::string trn(const char* msgid, const char* msgid_plural, long n) const;
    const std::vector<Language>& languages() const { return languages_; }

private:
    std::string dir_;
    std::vector<Language> languages_;
public:
    // Added: pgettext, e.g. tr_ctx("button", "Back") for a button label (checked for width).
    const char* tr_ctx(const char* ctx, const char* msgid) const;
    const Catalog& catalog() const { return *current_; }
private:
    std::map<std::string, Catalog, std::less<>> loaded_;
    const Catalog* current_ = nullptr;
    size_t current_lang_ = 0;
};

}  // namespace indgang::text
