#include "tools/i18n/form_scan.h"

#include "kiosk/engine/questionnaire.h"

namespace carers::i18n_tools {

namespace {

i18n::PoEntry entry(std::string context, std::string msgid, std::string_view file, std::string comment) {
    i18n::PoEntry e;
    e.has_context = !context.empty();
    e.context = std::move(context);
    e.msgid = std::move(msgid);
    e.msgstr = {""};
    e.references = {std::string(file)};
    if (!comment.empty()) e.comments = {std::move(comment)};
    return e;
}

bool shown(const engine::Item& item) {
    for (const engine::Item* i = &item; i; i = i->parent)
        if (i->hidden) return false;
    return true;
}

}  // namespace

Result<std::vector<i18n::PoEntry>> form_entries(std::string_view json, std::string_view file) {
    auto parsed = engine::parse_questionnaire(json);
    if (!parsed) return make_error(std::string(file) + ": " + parsed.message());
    const engine::Questionnaire& q = *parsed.value();
    const std::string id = q.url.substr(q.url.rfind('/') + 1);
    if (id.empty()) return make_error(std::string(file) + ": the form has no url, so its texts have no key.");

    std::vector<i18n::PoEntry> out;
    const std::string prefix = "form:" + id + ":";
    if (!q.title.empty()) out.push_back(entry(prefix + "title", q.title, file, "The form's title, on the home screen."));
    bool any_boolean = false;
    for (const engine::Item* item : q.all_items()) {
        if (!shown(*item)) continue;
        if (item->type == engine::ItemType::Display && item->control == engine::ItemControl::Help) continue;
        const std::string key = prefix + item->link_id;
        const std::string what = item->is_group() ? "A heading" : engine::is_question(item->type) ? "A question" : "Text on a page";
        if (!item->text.empty()) out.push_back(entry(key, item->text, file, what + " (" + item->link_id + ")."));
        if (!engine::is_question(item->type)) continue;
        if (std::string hint = item->hint(); !hint.empty())
            out.push_back(entry(key + ":hint", hint, file, "Help under the question " + item->link_id + "."));
        if (!item->short_text.empty())
            out.push_back(entry(key + ":short", item->short_text, file,
                                "The short name of " + item->link_id + ", in error messages and Check your answers."));
        if (!item->format_message.empty())
            out.push_back(entry(key + ":format-message", item->format_message, file,
                                "The error message when an answer to " + item->link_id + " is not in the right form."));
        any_boolean |= item->type == engine::ItemType::Boolean;
        for (const auto& option : item->answer_options) {
            std::string code, display;
            if (auto* c = std::get_if<engine::Coding>(&option.value)) {
                code = c->code;
                display = engine::display_text(option.value);
            } else if (auto* s = std::get_if<std::string>(&option.value)) {
                code = display = *s;
            } else {
                continue;  // numbers and dates read the same in every language
            }
            out.push_back(entry(key + ":option:" + code, display, file, "An answer to " + item->link_id + "."));
        }
    }
    if (any_boolean) {
        out.push_back(entry("", "Yes", file, "The answer to a yes-or-no question."));
        out.push_back(entry("", "No", file, "The answer to a yes-or-no question."));
    }
    return out;
}

}  // namespace carers::i18n_tools
