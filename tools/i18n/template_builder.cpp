#include "tools/i18n/template_builder.h"

#include <map>
#include <set>
#include <tuple>

#include "tools/i18n/form_scan.h"
#include "tools/i18n/source_scan.h"

namespace carers::i18n_tools {

namespace {

using Key = std::tuple<bool, std::string, std::string>;

Key key_of(const i18n::PoEntry& e) { return {e.has_context, e.context, e.msgid}; }

std::string describe(const i18n::PoEntry& e) {
    std::string s = "'" + e.msgid.substr(0, 60) + (e.msgid.size() > 60 ? "...'" : "'");
    if (e.has_context) s += " (" + e.context + ")";
    return s;
}

void add_unique(std::vector<std::string>& list, const std::string& item) {
    for (const auto& x : list)
        if (x == item) return;
    list.push_back(item);
}

}  // namespace

i18n::PoFile empty_template() {
    i18n::PoFile pot;
    pot.set_header("Project-Id-Version", "carers-kiosk");
    pot.set_header("Language", "");
    pot.set_header("MIME-Version", "1.0");
    pot.set_header("Content-Type", "text/plain; charset=UTF-8");
    pot.set_header("Content-Transfer-Encoding", "8bit");
    pot.set_header("Plural-Forms", "nplurals=INTEGER; plural=EXPRESSION;");
    return pot;
}

Result<TemplateBuild> build_template(const std::vector<NamedText>& sources, const std::vector<NamedText>& forms) {
    TemplateBuild out;
    out.pot = empty_template();
    std::map<Key, std::size_t> index;
    auto add = [&](i18n::PoEntry e) {
        auto [it, fresh] = index.try_emplace(key_of(e), out.pot.entries.size());
        if (fresh) {
            out.pot.entries.push_back(std::move(e));
            return;
        }
        i18n::PoEntry& existing = out.pot.entries[it->second];
        for (const auto& r : e.references) add_unique(existing.references, r);
        for (const auto& c : e.comments) add_unique(existing.comments, c);
        if (existing.msgid_plural.empty() && !e.msgid_plural.empty()) {
            existing.msgid_plural = e.msgid_plural;
            existing.msgstr = {"", ""};
        }
    };
    for (const NamedText& src : sources) {
        SourceScan scan = scan_source(src.text);
        for (const SourceString& s : scan.strings) {
            i18n::PoEntry e;
            e.msgid = s.msgid;
            e.msgid_plural = s.msgid_plural;
            e.msgstr = s.msgid_plural.empty() ? std::vector<std::string>{""} : std::vector<std::string>{"", ""};
            e.references = {src.name};
            add(std::move(e));
        }
        for (const auto& call : scan.dynamic_calls) out.notes.push_back(src.name + ":" + call);
    }
    for (const NamedText& form : forms) {
        auto entries = form_entries(form.text, form.name);
        if (!entries) return entries.error();
        for (auto& e : entries.value()) add(std::move(e));
    }
    return out;
}

std::vector<std::string> template_differences(const i18n::PoFile& shipped, const i18n::PoFile& fresh) {
    std::map<Key, const i18n::PoEntry*> a, b;
    for (const auto& e : shipped.entries) a[key_of(e)] = &e;
    for (const auto& e : fresh.entries) b[key_of(e)] = &e;
    std::vector<std::string> out;
    for (const auto& e : fresh.entries) {
        auto it = a.find(key_of(e));
        if (it == a.end())
            out.push_back("new string not in the template: " + describe(e));
        else if (it->second->msgid_plural != e.msgid_plural)
            out.push_back("plural form changed: " + describe(e));
    }
    for (const auto& e : shipped.entries)
        if (!b.count(key_of(e))) out.push_back("string no longer used: " + describe(e));
    return out;
}

}  // namespace carers::i18n_tools
