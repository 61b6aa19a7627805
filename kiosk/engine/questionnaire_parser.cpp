// Parses FHIR R4 Questionnaire JSON into a Questionnaire, refusing what the engine cannot honour.
//
// [SECTION] Small helpers: JSON positions and messages
// [SECTION] Extensions
// [SECTION] Items
// [SECTION] enableWhen resolution (second pass, after every linkId is known)
// [SECTION] Entry point
#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

#include "kiosk/engine/questionnaire.h"

namespace carers::engine {

using nlohmann::json;

// [SECTION] Small helpers: JSON positions and messages -------------------------------------------

namespace {

constexpr std::string_view ext_item_control =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
constexpr std::string_view ext_min_value = "http://hl7.org/fhir/StructureDefinition/minValue";
constexpr std::string_view ext_max_value = "http://hl7.org/fhir/StructureDefinition/maxValue";
constexpr std::string_view ext_entry_format =
    "http://hl7.org/fhir/StructureDefinition/entryFormat";
constexpr std::string_view ext_regex = "http://hl7.org/fhir/StructureDefinition/regex";
constexpr std::string_view ext_hidden =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden";
constexpr std::string_view ext_estimated_minutes =
    "https://carers-kiosk.example.org/fhir/StructureDefinition/estimated-minutes";
constexpr std::string_view ext_urgent =
    "https://carers-kiosk.example.org/fhir/StructureDefinition/urgent-when-enabled";

// Thrown only inside this file and turned into an Error at the entry point.
struct ParseFailure {
    std::string message;
};

[[noreturn]] void fail(std::string message) { throw ParseFailure{std::move(message)}; }

std::string describe(const std::string& link_id, const std::string& path) {
    return link_id.empty() ? path : "Item '" + link_id + "' (" + path + ")";
}

std::string get_string(const json& obj, const char* key, const std::string& where) {
    if (!obj.contains(key)) return {};
    const json& v = obj[key];
    if (!v.is_string()) fail(where + ": '" + key + "' should be text.");
    return v.get<std::string>();
}

bool get_bool(const json& obj, const char* key, const std::string& where) {
    if (!obj.contains(key)) return false;
    const json& v = obj[key];
    if (!v.is_boolean()) fail(where + ": '" + key + "' should be true or false.");
    return v.get<bool>();
}

// Where a JSON syntax error is, as a person would count it.
std::string line_and_column(std::string_view text, std::size_t byte) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

// [SECTION] Extensions ------------------------------------------------------------------------------

ItemControl item_control_from_code(const std::string& code) {
    if (code == "radio-button") return ItemControl::RadioButton;
    if (code == "check-box") return ItemControl::CheckBox;
    if (code == "drop-down") return ItemControl::DropDown;
    if (code == "page") return ItemControl::Page;
    if (code == "help") return ItemControl::Help;
    return ItemControl::None;
}

void read_item_extensions(const json& item_json, Item& item, const std::string& where) {
    if (item_json.contains("modifierExtension"))
        fail(where + " has a modifierExtension, which changes its meaning in a way this kiosk "
                     "cannot honour.");
    if (!item_json.contains("extension")) return;
    const json& exts = item_json["extension"];
    if (!exts.is_array()) fail(where + ": 'extension' should be a list.");
    for (std::size_t i = 0; i < exts.size(); ++i) {
        const json& e = exts[i];
        const std::string ewhere = where + ".extension[" + std::to_string(i) + "]";
        if (!e.is_object()) fail(ewhere + " should be an object.");
        const std::string url = get_string(e, "url", ewhere);
        std::string why;
        if (url == ext_item_control) {
            const json* cc = e.contains("valueCodeableConcept") ? &e["valueCodeableConcept"] : nullptr;
            if (cc && cc->is_object() && cc->contains("coding") && (*cc)["coding"].is_array())
                for (const json& c : (*cc)["coding"])
                    if (c.is_object() && c.contains("code") && c["code"].is_string())
                        item.control = item_control_from_code(c["code"].get<std::string>());
        } else if (url == ext_min_value || url == ext_max_value) {
            auto v = read_value(e, why);
            if (!v) fail(ewhere + " (" + url.substr(url.rfind('/') + 1) + ") " + why + ".");
            (url == ext_min_value ? item.min_value : item.max_value) = std::move(*v);
        } else if (url == ext_entry_format) {
            item.entry_format = get_string(e, "valueString", ewhere);
        } else if (url == ext_regex) {
            item.regex = get_string(e, "valueString", ewhere);
        } else if (url == ext_hidden) {
            item.hidden = get_bool(e, "valueBoolean", ewhere);
        } else if (url == ext_urgent) {
            item.urgent_when_enabled = get_bool(e, "valueBoolean", ewhere);
        }
        // Other extensions are presentation hints the kiosk may ignore; the linter lists them.
    }
}

// [SECTION] Items -----------------------------------------------------------------------------------

struct PendingEnableWhen {
    Item* item;
    std::size_t index;
    json answer;
};

class ItemReader {
public:
    explicit ItemReader(Questionnaire& q) : q_(q) {}

    void read_items(const json& list, const std::string& path, Item* parent,
                    std::vector<std::unique_ptr<Item>>& out) {
        if (!list.is_array()) fail(path + " should be a list of items.");
        for (std::size_t i = 0; i < list.size(); ++i) {
            std::string ipath = path + "[" + std::to_string(i) + "]";
            out.push_back(read_item(list[i], ipath, parent));
        }
    }

    void resolve_enable_when();

private:
    std::unique_ptr<Item> read_item(const json& j, const std::string& path, Item* parent) {
        if (!j.is_object()) fail(path + " should be an object.");
        auto item = std::make_unique<Item>();
        Item& it = *item;
        it.json_path = path;
        it.parent = parent;
        it.link_id = get_string(j, "linkId", path);
        if (it.link_id.empty()) fail(path + " has no linkId.");
        const std::string where = describe(it.link_id, path);
        if (q_.by_link_id_.count(it.link_id))
            fail(where + " uses a linkId that another item already has.");
        q_.by_link_id_[it.link_id] = &it;
        it.index = static_cast<int>(q_.ordered_.size());
        q_.ordered_.push_back(&it);

        const std::string type = get_string(j, "type", where);
        if (type.empty()) fail(where + " has no type.");
        auto t = item_type_from_fhir(type);
        if (!t) fail(where + " has type '" + type + "', which this kiosk does not support.");
        it.type = *t;
        it.text = get_string(j, "text", where);
        it.prefix = get_string(j, "prefix", where);
        it.required = get_bool(j, "required", where);
        it.repeats = get_bool(j, "repeats", where);
        it.read_only = get_bool(j, "readOnly", where);
        if (j.contains("maxLength")) {
            if (!j["maxLength"].is_number_integer() || j["maxLength"].get<int>() < 1)
                fail(where + ": maxLength should be a whole number above 0.");
            it.max_length = j["maxLength"].get<int>();
        }
        if (j.contains("answerValueSet"))
            fail(where + " uses answerValueSet; list the choices with answerOption instead.");
        read_item_extensions(j, it, where);

        if (j.contains("enableBehavior")) {
            const std::string b = get_string(j, "enableBehavior", where);
            if (b == "all") it.enable_behavior = EnableBehavior::All;
            else if (b == "any") it.enable_behavior = EnableBehavior::Any;
            else fail(where + ": enableBehavior should be 'all' or 'any', not '" + b + "'.");
        }
        if (j.contains("enableWhen")) {
            const json& ews = j["enableWhen"];
            if (!ews.is_array()) fail(where + ": enableWhen should be a list.");
            for (std::size_t i = 0; i < ews.size(); ++i) {
                const json& ew = ews[i];
                const std::string ewhere = where + ".enableWhen[" + std::to_string(i) + "]";
                if (!ew.is_object()) fail(ewhere + " should be an object.");
                EnableWhen cond;
                cond.question = get_string(ew, "question", ewhere);
                if (cond.question.empty()) fail(ewhere + " does not say which question it depends on.");
                const std::string op = get_string(ew, "operator", ewhere);
                auto o = operator_from_fhir(op);
                if (!o) fail(ewhere + " uses operator '" + op + "', which is not one of exists, =, !=, >, <, >=, <=.");
                cond.op = *o;
                it.enable_when.push_back(std::move(cond));
                pending_.push_back({&it, it.enable_when.size() - 1, ew});
            }
        }
        if (j.contains("answerOption")) {
            const json& opts = j["answerOption"];
            if (!opts.is_array()) fail(where + ": answerOption should be a list.");
            for (std::size_t i = 0; i < opts.size(); ++i) {
                std::string why;
                auto v = read_value(opts[i], why);
                if (!v) fail(where + ".answerOption[" + std::to_string(i) + "] " + why + ".");
                AnswerOption opt{std::move(*v), false};
                if (opts[i].contains("initialSelected"))
                    opt.initial_selected = get_bool(opts[i], "initialSelected", where);
                it.answer_options.push_back(std::move(opt));
            }
        }
        if (it.type == ItemType::Choice && it.answer_options.empty())
            fail(where + " is a choice question with no answerOption to choose from.");
        if (j.contains("initial")) {
            const json& inits = j["initial"];
            if (!inits.is_array()) fail(where + ": initial should be a list.");
            for (std::size_t i = 0; i < inits.size(); ++i) {
                std::string why;
                auto v = read_value(inits[i], why);
                if (!v) fail(where + ".initial[" + std::to_string(i) + "] " + why + ".");
                it.initial.push_back(std::move(*v));
            }
        }
        if (j.contains("item")) {
            if (it.type == ItemType::Display)
                fail(where + " is a display item but has items inside it.");
            read_items(j["item"], path + ".item", &it, it.items);
        }
        if (it.type == ItemType::Group && it.items.empty())
            fail(where + " is a group with no items in it.");
        return item;
    }

    Questionnaire& q_;
    std::vector<PendingEnableWhen> pending_;
};

// [SECTION] enableWhen resolution -------------------------------------------------------------------

// Whether an enableWhen answer of kind k can be compared with answers to question t.
bool answer_fits_question(ValueKind k, const Item& t) {
    switch (t.type) {
    case ItemType::Boolean: return k == ValueKind::Boolean;
    case ItemType::Integer: return k == ValueKind::Integer;
    case ItemType::Decimal: return k == ValueKind::Decimal || k == ValueKind::Integer;
    case ItemType::Date: return k == ValueKind::Date;
    case ItemType::String:
    case ItemType::Text: return k == ValueKind::String;
    case ItemType::Choice:
    case ItemType::OpenChoice:
        if (k == ValueKind::Coding || k == ValueKind::String) return true;
        return std::any_of(t.answer_options.begin(), t.answer_options.end(),
                           [&](const AnswerOption& o) { return kind_of(o.value) == k; });
    default: return false;
    }
}

void ItemReader::resolve_enable_when() {
    for (auto& p : pending_) {
        Item& it = *p.item;
        EnableWhen& cond = it.enable_when[p.index];
        const std::string where =
            describe(it.link_id, it.json_path) + ".enableWhen[" + std::to_string(p.index) + "]";
        auto found = q_.by_link_id_.find(cond.question);
        if (found == q_.by_link_id_.end())
            fail("Item '" + it.link_id + "' depends on question '" + cond.question +
                 "', which is not in this form (" + it.json_path + ".enableWhen[" +
                 std::to_string(p.index) + "].question).");
        const Item& target = *found->second;
        if (!is_question(target.type))
            fail(where + " depends on '" + cond.question + "', which is a " +
                 to_fhir_code(target.type) + " and has no answer.");
        if (&target == &it) fail(where + " depends on the item itself.");
        cond.target = &target;
        std::string why;
        auto v = read_value(p.answer, why, "answer");
        if (!v) fail(where + " " + why + ".");
        if (cond.op == Operator::Exists) {
            if (kind_of(*v) != ValueKind::Boolean)
                fail(where + ": the 'exists' operator needs answerBoolean.");
        } else if (!answer_fits_question(kind_of(*v), target)) {
            fail(where + " compares '" + cond.question + "' (a " + to_fhir_code(target.type) +
                 " question) with a " + fhir_value_key(kind_of(*v)) + ".");
        }
        if (cond.op != Operator::Exists && cond.op != Operator::Equal &&
            cond.op != Operator::NotEqual &&
            (kind_of(*v) == ValueKind::Boolean || kind_of(*v) == ValueKind::Coding))
            fail(where + " uses '" + to_fhir_code(cond.op) + "' on a " + fhir_value_key(kind_of(*v)) +
                 ", which has no order.");
        cond.answer = std::move(*v);
    }
}

// Whether an item's enablement depends, through parents and enableWhen, on itself: evaluating it
// would never end, so such a form is refused.
void refuse_enable_when_loops(const Questionnaire& q) {
    const auto& items = q.all_items();
    enum class Mark { None, Visiting, Done };
    std::vector<Mark> mark(items.size(), Mark::None);
    std::vector<const Item*> trail;
    std::function<void(const Item&)> visit = [&](const Item& it) {
        Mark& m = mark[static_cast<std::size_t>(it.index)];
        if (m == Mark::Done) return;
        if (m == Mark::Visiting) {
            std::string loop;
            auto start = std::find(trail.begin(), trail.end(), &it);
            for (auto p = start; p != trail.end(); ++p) loop += (*p)->link_id + " -> ";
            fail("The enableWhen conditions go round in a loop: " + loop + it.link_id + ".");
        }
        m = Mark::Visiting;
        trail.push_back(&it);
        if (it.parent) visit(*it.parent);
        for (const EnableWhen& c : it.enable_when) visit(*c.target);
        trail.pop_back();
        m = Mark::Done;
    };
    for (const Item* it : items) visit(*it);
}

}  // namespace

// [SECTION] Entry point -----------------------------------------------------------------------------

Result<std::shared_ptr<const Questionnaire>> parse_questionnaire(std::string_view text) {
    if (text.empty()) return make_error("The form file is empty.");
    if (text.size() > max_form_bytes)
        return make_error("The form file is too large (" + std::to_string(text.size() / 1024) +
                          " KB); the most this kiosk reads is " +
                          std::to_string(max_form_bytes / 1024) + " KB.");
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        return make_error("The form file is not valid JSON: it breaks off at " +
                          line_and_column(text, e.byte == 0 ? 0 : e.byte - 1) + ".");
    }
    auto q = std::make_shared<Questionnaire>();
    try {
        if (!doc.is_object()) fail("The form file does not hold a FHIR Questionnaire object.");
        if (get_string(doc, "resourceType", "The form") != "Questionnaire")
            fail("The form file is not a FHIR Questionnaire (resourceType should be "
                 "\"Questionnaire\").");
        q->url = get_string(doc, "url", "The form");
        q->version = get_string(doc, "version", "The form");
        q->name = get_string(doc, "name", "The form");
        q->title = get_string(doc, "title", "The form");
        q->status = get_string(doc, "status", "The form");
        if (doc.contains("extension") && doc["extension"].is_array())
            for (const json& e : doc["extension"])
                if (e.is_object() && e.value("url", "") == ext_estimated_minutes &&
                    e.contains("valueInteger") && e["valueInteger"].is_number_integer())
                    q->estimated_minutes = e["valueInteger"].get<int>();
        if (!doc.contains("item")) fail("The form has no questions (no 'item' list).");
        ItemReader reader(*q);
        reader.read_items(doc["item"], "item", nullptr, q->items);
        if (q->items.empty()) fail("The form has no questions (its 'item' list is empty).");
        reader.resolve_enable_when();
        refuse_enable_when_loops(*q);
    } catch (const ParseFailure& f) {
        return make_error(f.message);
    } catch (const json::exception& e) {
        // A JSON type we did not expect somewhere; say so rather than crash.
        return make_error(std::string("The form file has a value of the wrong type: ") + e.what());
    }
    return std::shared_ptr<const Questionnaire>(std::move(q));
}

}  // namespace carers::engine
