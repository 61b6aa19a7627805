// Parses FHIR R4 Questionnaire JSON into a Questionnaire, refusing what the engine cannot honour.
//
// The parser carries on after a problem so that the linter can list every one; any error means
// no Questionnaire is returned. Warnings name what is ignored.
//
// [SECTION] Extension URLs and element names
// [SECTION] Diagnostics and small JSON helpers
// [SECTION] Extensions
// [SECTION] Items
// [SECTION] enableWhen resolution (second pass, after every linkId is known)
// [SECTION] Whole-form checks: loops, indexes
// [SECTION] Entry points
#include <algorithm>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "kiosk/engine/questionnaire.h"
#include "kiosk/engine/validation.h"

namespace carers::engine {

using nlohmann::json;

namespace {

// [SECTION] Extension URLs and element names ------------------------------------------------------

constexpr std::string_view hl7 = "http://hl7.org/fhir/StructureDefinition/";
constexpr std::string_view sdc = "http://hl7.org/fhir/uv/sdc/StructureDefinition/";
constexpr std::string_view kiosk = "https://carers-kiosk.example.org/fhir/StructureDefinition/";

bool is_ext(const std::string& url, std::string_view base, std::string_view name) {
    return url.size() == base.size() + name.size() && url.compare(0, base.size(), base) == 0 &&
           url.compare(base.size(), name.size(), name) == 0;
}

// Extensions that change what a correct answer is or when a question is asked. A form using one
// would be answered wrongly if the kiosk ignored it, so the form is refused.
constexpr std::string_view refused_sdc_extensions[] = {
    "sdc-questionnaire-enableWhenExpression", "sdc-questionnaire-calculatedExpression",
    "sdc-questionnaire-initialExpression",    "sdc-questionnaire-answerExpression",
    "sdc-questionnaire-candidateExpression",  "sdc-questionnaire-answerOptionsToggleExpression",
};
constexpr std::string_view refused_hl7_extensions[] = {
    "questionnaire-constraint",
    "cqf-calculatedValue",
    "cqf-expression",
};

const std::set<std::string> item_elements = {
    "id",       "linkId",         "definition", "code",     "prefix",        "text",
    "type",     "enableWhen",     "enableBehavior", "required", "repeats",   "readOnly",
    "maxLength", "answerValueSet", "answerOption", "initial", "item",        "extension",
    "modifierExtension"};
const std::set<std::string> root_elements = {
    "resourceType", "id",          "meta",           "language",     "text",        "contained",
    "extension",    "modifierExtension", "url",      "identifier",   "version",     "name",
    "title",        "derivedFrom", "status",         "experimental", "subjectType", "date",
    "publisher",    "contact",     "description",    "useContext",   "jurisdiction", "purpose",
    "copyright",    "approvalDate", "lastReviewDate", "effectivePeriod", "code",    "item"};

constexpr int max_nesting = 32;

// [SECTION] Diagnostics and small JSON helpers ----------------------------------------------------

// Thrown only for problems that leave nothing sensible to read further; turned into a Diagnostic.
struct FatalProblem {};

class Diagnostics {
public:
    void error(std::string path, std::string subject, std::string message) {
        list.push_back({Severity::Error, std::move(path), std::move(subject), std::move(message)});
    }
    void warning(std::string path, std::string subject, std::string message) {
        list.push_back({Severity::Warning, std::move(path), std::move(subject), std::move(message)});
    }
    bool has_errors() const {
        return std::any_of(list.begin(), list.end(),
                           [](const Diagnostic& d) { return d.severity == Severity::Error; });
    }
    std::vector<Diagnostic> list;
};

// "item[2]" + "extension" -> "item[2].extension"; at the root, just "extension".
std::string child_path(const std::string& path, const std::string& name) {
    return path.empty() ? name : path + "." + name;
}

std::string subject_of(const std::string& link_id) {
    return link_id.empty() ? std::string("An item") : "Item '" + link_id + "'";
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

// Reads members of one JSON object, reporting members of the wrong JSON type.
class Reader {
public:
    Reader(Diagnostics& d, const json& obj, std::string path, std::string subject)
        : d_(d), obj_(obj), path_(std::move(path)), subject_(std::move(subject)) {}

    bool has(const char* key) const { return obj_.contains(key); }

    std::string text(const char* key) const {
        if (!obj_.contains(key)) return {};
        const json& v = obj_[key];
        if (!v.is_string()) {
            d_.error(path_, subject_, "has a '" + std::string(key) + "' that should be text.");
            return {};
        }
        return v.get<std::string>();
    }
    bool flag(const char* key) const {
        if (!obj_.contains(key)) return false;
        const json& v = obj_[key];
        if (!v.is_boolean()) {
            d_.error(path_, subject_, "has a '" + std::string(key) + "' that should be true or false.");
            return false;
        }
        return v.get<bool>();
    }
    std::optional<int> whole_number(const char* key, int at_least) const {
        if (!obj_.contains(key)) return std::nullopt;
        const json& v = obj_[key];
        if (!v.is_number_integer() || v.get<std::int64_t>() < at_least ||
            v.get<std::int64_t>() > 1000000) {
            d_.error(path_, subject_,
                     "has a '" + std::string(key) + "' that should be a whole number of " +
                         std::to_string(at_least) + " or more.");
            return std::nullopt;
        }
        return static_cast<int>(v.get<std::int64_t>());
    }

private:
    Diagnostics& d_;
    const json& obj_;
    std::string path_, subject_;
};

// [SECTION] Extensions ------------------------------------------------------------------------------

std::optional<ItemControl> item_control_from_code(const std::string& code) {
    if (code == "radio-button") return ItemControl::RadioButton;
    if (code == "check-box") return ItemControl::CheckBox;
    if (code == "drop-down") return ItemControl::DropDown;
    if (code == "page") return ItemControl::Page;
    if (code == "help") return ItemControl::Help;
    return std::nullopt;
}

// Reports refused and unknown extensions in `ext_list` (already known ones are skipped by the
// caller). Returns false if the extension is refused.
bool check_unknown_extension(Diagnostics& d, const std::string& url, const std::string& path,
                             const std::string& subject) {
    for (auto name : refused_sdc_extensions)
        if (is_ext(url, sdc, name)) {
            d.error(path, subject,
                    "uses the extension " + url +
                        ", which this kiosk cannot evaluate; without it the form would be "
                        "answered wrongly, so the form is refused.");
            return false;
        }
    for (auto name : refused_hl7_extensions)
        if (is_ext(url, hl7, name)) {
            d.error(path, subject,
                    "uses the extension " + url +
                        ", which this kiosk cannot evaluate; without it the form would be "
                        "answered wrongly, so the form is refused.");
            return false;
        }
    d.warning(path, subject, "uses the extension " + url + ", which this kiosk ignores.");
    return true;
}

// The list in obj["extension"], each entry an object with a url; calls f(entry, url, path).
template <typename F>
void for_each_extension(Diagnostics& d, const json& obj, const std::string& path,
                        const std::string& subject, F&& f) {
    if (obj.contains("modifierExtension"))
        d.error(child_path(path, "modifierExtension"), subject,
                "has a modifierExtension, which changes its meaning in a way this kiosk cannot "
                "honour, so the form is refused.");
    if (!obj.contains("extension")) return;
    const json& exts = obj["extension"];
    if (!exts.is_array()) {
        d.error(child_path(path, "extension"), subject, "has an 'extension' that should be a list.");
        return;
    }
    for (std::size_t i = 0; i < exts.size(); ++i) {
        const json& e = exts[i];
        const std::string epath = child_path(path, "extension[" + std::to_string(i) + "]");
        if (!e.is_object() || !e.contains("url") || !e["url"].is_string()) {
            d.error(epath, subject, "has an extension without a url.");
            continue;
        }
        f(e, e["url"].get<std::string>(), epath);
    }
}

// Reads the value of a valueInteger extension, or reports it.
std::optional<int> extension_integer(Diagnostics& d, const json& e, const std::string& path,
                                     const std::string& subject, int at_least) {
    if (!e.contains("valueInteger") || !e["valueInteger"].is_number_integer() ||
        e["valueInteger"].get<std::int64_t>() < at_least ||
        e["valueInteger"].get<std::int64_t>() > 1000000) {
        d.error(path, subject,
                "has an extension " + e["url"].get<std::string>() +
                    " that needs a valueInteger of " + std::to_string(at_least) + " or more.");
        return std::nullopt;
    }
    return static_cast<int>(e["valueInteger"].get<std::int64_t>());
}

std::optional<std::string> extension_text(Diagnostics& d, const json& e, const char* key,
                                          const std::string& path, const std::string& subject) {
    if (!e.contains(key) || !e[key].is_string()) {
        d.error(path, subject,
                "has an extension " + e["url"].get<std::string>() + " that needs a " + key + ".");
        return std::nullopt;
    }
    return e[key].get<std::string>();
}

std::optional<bool> extension_flag(Diagnostics& d, const json& e, const std::string& path,
                                   const std::string& subject) {
    if (!e.contains("valueBoolean") || !e["valueBoolean"].is_boolean()) {
        d.error(path, subject,
                "has an extension " + e["url"].get<std::string>() + " that needs a valueBoolean.");
        return std::nullopt;
    }
    return e["valueBoolean"].get<bool>();
}

void read_item_extensions(Diagnostics& d, const json& j, Item& item, const std::string& path,
                          const std::string& subject) {
    for_each_extension(d, j, path, subject, [&](const json& e, const std::string& url,
                                                const std::string& epath) {
        std::string why;
        if (is_ext(url, hl7, "questionnaire-itemControl")) {
            const json* cc = e.contains("valueCodeableConcept") ? &e["valueCodeableConcept"] : nullptr;
            bool found = false;
            if (cc && cc->is_object() && cc->contains("coding") && (*cc)["coding"].is_array())
                for (const json& c : (*cc)["coding"])
                    if (c.is_object() && c.contains("code") && c["code"].is_string()) {
                        found = true;
                        const std::string code = c["code"].get<std::string>();
                        if (auto control = item_control_from_code(code)) {
                            item.control = *control;
                        } else {
                            d.warning(epath, subject,
                                      "asks for itemControl '" + code +
                                          "', which this kiosk does not offer; it shows the item "
                                          "in its usual way.");
                        }
                    }
            if (!found)
                d.error(epath, subject, "has an itemControl extension without a coded value.");
        } else if (is_ext(url, hl7, "minValue") || is_ext(url, hl7, "maxValue")) {
            auto v = read_value(e, why);
            if (!v) {
                d.error(epath, subject, "has a " + url.substr(url.rfind('/') + 1) + " that " + why + ".");
                return;
            }
            (is_ext(url, hl7, "minValue") ? item.min_value : item.max_value) = std::move(*v);
        } else if (is_ext(url, hl7, "entryFormat")) {
            if (auto t = extension_text(d, e, "valueString", epath, subject)) item.entry_format = *t;
        } else if (is_ext(url, hl7, "regex")) {
            if (auto t = extension_text(d, e, "valueString", epath, subject)) item.regex = *t;
        } else if (is_ext(url, hl7, "questionnaire-hidden")) {
            if (auto b = extension_flag(d, e, epath, subject)) item.hidden = *b;
        } else if (is_ext(url, hl7, "minLength")) {
            item.min_length = extension_integer(d, e, epath, subject, 0);
        } else if (is_ext(url, hl7, "maxDecimalPlaces")) {
            item.max_decimal_places = extension_integer(d, e, epath, subject, 0);
        } else if (is_ext(url, hl7, "questionnaire-minOccurs")) {
            item.min_occurs = extension_integer(d, e, epath, subject, 0);
        } else if (is_ext(url, hl7, "questionnaire-maxOccurs")) {
            item.max_occurs = extension_integer(d, e, epath, subject, 1);
        } else if (is_ext(url, sdc, "sdc-questionnaire-shortText")) {
            if (auto t = extension_text(d, e, "valueString", epath, subject)) item.short_text = *t;
        } else if (is_ext(url, kiosk, "format-message")) {
            if (auto t = extension_text(d, e, "valueString", epath, subject)) item.format_message = *t;
        } else if (is_ext(url, kiosk, "urgent-when-enabled")) {
            if (auto b = extension_flag(d, e, epath, subject)) item.urgent_when_enabled = *b;
        } else if (is_ext(url, kiosk, "input-kind")) {
            auto code = extension_text(d, e, "valueCode", epath, subject);
            if (!code) return;
            auto kind = input_kind_from_code(*code);
            if (!kind) {
                d.error(epath, subject,
                        "has input-kind '" + *code +
                            "', which is not one of postcode, uk-phone, email, nhs-number, "
                            "date-of-birth, past-date.");
                return;
            }
            item.input_kind = *kind;
        } else {
            check_unknown_extension(d, url, epath, subject);
        }
    });
}

// [SECTION] Items -----------------------------------------------------------------------------------

struct PendingEnableWhen {
    Item* item;
    std::size_t index;
    const json* answer;
    std::string path;
};

class ItemReader {
public:
    ItemReader(Questionnaire& q, Diagnostics& d) : q_(q), d_(d) {}

    void read_items(const json& list, const std::string& path, Item* parent, int depth,
                    std::vector<std::unique_ptr<Item>>& out) {
        if (!list.is_array()) {
            d_.error(path, parent ? subject_of(parent->link_id) : "The form",
                     "has an 'item' that should be a list of items.");
            return;
        }
        if (depth > max_nesting) {
            d_.error(path, "The form",
                     "nests items more than " + std::to_string(max_nesting) + " deep.");
            return;
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            std::string ipath = path + "[" + std::to_string(i) + "]";
            if (auto item = read_item(list[i], ipath, parent, depth)) out.push_back(std::move(item));
        }
    }

    void resolve_enable_when();

private:
    std::unique_ptr<Item> read_item(const json& j, const std::string& path, Item* parent, int depth);
    void read_enable_when(const json& j, Item& it, const std::string& path, const std::string& subject);
    void read_options(const json& j, Item& it, const std::string& path, const std::string& subject);
    void read_initial(const json& j, Item& it, const std::string& path, const std::string& subject);
    void check_item(const Item& it, const std::string& path, const std::string& subject);

    Questionnaire& q_;
    Diagnostics& d_;
    std::vector<PendingEnableWhen> pending_;
};

std::unique_ptr<Item> ItemReader::read_item(const json& j, const std::string& path, Item* parent,
                                            int depth) {
    if (!j.is_object()) {
        d_.error(path, "An item", "should be an object.");
        return nullptr;
    }
    auto item = std::make_unique<Item>();
    Item& it = *item;
    it.json_path = path;
    it.parent = parent;
    Reader r(d_, j, path, "An item");
    it.link_id = r.text("linkId");
    const std::string subject = subject_of(it.link_id);
    if (it.link_id.empty()) {
        d_.error(path, subject, "has no linkId.");
    } else if (q_.by_link_id_.count(it.link_id)) {
        d_.error(path, subject, "uses a linkId that another item already has.");
    } else {
        q_.by_link_id_[it.link_id] = &it;
    }
    it.index = static_cast<int>(q_.ordered_.size());
    q_.ordered_.push_back(&it);

    Reader ir(d_, j, path, subject);
    const std::string type = ir.text("type");
    if (auto t = item_type_from_fhir(type)) {
        it.type = *t;
    } else {
        if (!ir.has("type"))
            d_.error(path, subject, "has no type.");
        else if (j["type"].is_string())
            d_.error(path, subject, "has type '" + type + "', which this kiosk does not support.");
        // Carry on as the nearest kind of item, to find any further problems inside it.
        it.type = j.contains("item") ? ItemType::Group : ItemType::Display;
    }

    it.text = ir.text("text");
    it.prefix = ir.text("prefix");
    it.required = ir.flag("required");
    it.repeats = ir.flag("repeats");
    it.read_only = ir.flag("readOnly");
    it.max_length = ir.whole_number("maxLength", 1);
    if (j.contains("answerValueSet"))
        d_.error(path + ".answerValueSet", subject,
                 "uses answerValueSet, which this kiosk cannot look up; list the choices with "
                 "answerOption instead.");
    for (auto e = j.begin(); e != j.end(); ++e) {
        const std::string& key = e.key();
        if (item_elements.count(key)) continue;
        if (!key.empty() && key[0] == '_')
            d_.warning(path + "." + key, subject,
                       "has extensions on '" + key.substr(1) + "', which this kiosk ignores.");
        else
            d_.warning(path + "." + key, subject,
                       "has '" + key + "', which is not part of a FHIR R4 Questionnaire item; it is ignored.");
    }
    read_item_extensions(d_, j, it, path, subject);

    if (j.contains("enableBehavior")) {
        const std::string b = ir.text("enableBehavior");
        if (b == "all") it.enable_behavior = EnableBehavior::All;
        else if (b == "any") it.enable_behavior = EnableBehavior::Any;
        else d_.error(path + ".enableBehavior", subject, "has enableBehavior '" + b + "'; it should be 'all' or 'any'.");
    }
    read_enable_when(j, it, path, subject);
    read_options(j, it, path, subject);
    read_initial(j, it, path, subject);
    if (j.contains("item")) {
        if (it.type == ItemType::Display)
            d_.error(path, subject, "is a display item but has items inside it.");
        read_items(j["item"], path + ".item", &it, depth + 1, it.items);
    }
    check_item(it, path, subject);
    return item;
}

void ItemReader::read_enable_when(const json& j, Item& it, const std::string& path,
                                  const std::string& subject) {
    if (!j.contains("enableWhen")) return;
    const json& ews = j["enableWhen"];
    if (!ews.is_array()) {
        d_.error(path + ".enableWhen", subject, "has an enableWhen that should be a list.");
        return;
    }
    if (ews.size() > 1 && !j.contains("enableBehavior"))
        d_.error(path + ".enableBehavior", subject,
                 "has several enableWhen conditions but no enableBehavior ('all' or 'any').");
    for (std::size_t i = 0; i < ews.size(); ++i) {
        const json& ew = ews[i];
        const std::string epath = path + ".enableWhen[" + std::to_string(i) + "]";
        if (!ew.is_object()) {
            d_.error(epath, subject, "has an enableWhen that should be an object.");
            continue;
        }
        if (ew.contains("modifierExtension"))
            d_.error(epath, subject, "has a modifierExtension on an enableWhen, which this kiosk cannot honour.");
        Reader r(d_, ew, epath, subject);
        EnableWhen cond;
        cond.question = r.text("question");
        if (cond.question.empty()) {
            d_.error(epath, subject, "has an enableWhen that does not say which question it depends on.");
            continue;
        }
        const std::string op = r.text("operator");
        auto o = operator_from_fhir(op);
        if (!o) {
            d_.error(epath, subject,
                     "uses operator '" + op + "', which is not one of exists, =, !=, >, <, >=, <=.");
            continue;
        }
        cond.op = *o;
        it.enable_when.push_back(std::move(cond));
        pending_.push_back({&it, it.enable_when.size() - 1, &ew, epath});
    }
}

void ItemReader::read_options(const json& j, Item& it, const std::string& path,
                              const std::string& subject) {
    if (j.contains("answerOption")) {
        const json& opts = j["answerOption"];
        if (!opts.is_array()) {
            d_.error(path + ".answerOption", subject, "has an answerOption that should be a list.");
            return;
        }
        if (it.type != ItemType::Choice && it.type != ItemType::OpenChoice)
            d_.error(path + ".answerOption", subject,
                     "has answerOption but is a " + std::string(to_fhir_code(it.type)) +
                         " item; only choice and open-choice items offer options.");
        int selected = 0;
        for (std::size_t i = 0; i < opts.size(); ++i) {
            const std::string opath = path + ".answerOption[" + std::to_string(i) + "]";
            std::string why;
            auto v = read_value(opts[i], why);
            if (!v) {
                d_.error(opath, subject, "has an answerOption that " + why + ".");
                continue;
            }
            AnswerOption opt{std::move(*v), false, false};
            Reader r(d_, opts[i], opath, subject);
            opt.initial_selected = r.flag("initialSelected");
            selected += opt.initial_selected ? 1 : 0;
            for_each_extension(d_, opts[i], opath, subject,
                               [&](const json& e, const std::string& url, const std::string& epath) {
                                   if (is_ext(url, hl7, "questionnaire-optionExclusive")) {
                                       if (auto b = extension_flag(d_, e, epath, subject)) opt.exclusive = *b;
                                   } else {
                                       check_unknown_extension(d_, url, epath, subject);
                                   }
                               });
            for (const AnswerOption& earlier : it.answer_options)
                if (values_equal(earlier.value, opt.value))
                    d_.error(opath, subject, "offers the option '" + display_text(opt.value) + "' twice.");
            it.answer_options.push_back(std::move(opt));
        }
        if (selected > 1 && !it.repeats)
            d_.error(path + ".answerOption", subject,
                     "selects several options at the start but takes only one answer.");
    }
    if (it.type == ItemType::Choice && it.answer_options.empty())
        d_.error(path, subject, "is a choice question with no answerOption to choose from.");
}

void ItemReader::read_initial(const json& j, Item& it, const std::string& path,
                              const std::string& subject) {
    if (!j.contains("initial")) return;
    const json& inits = j["initial"];
    if (!inits.is_array()) {
        d_.error(path + ".initial", subject, "has an initial that should be a list.");
        return;
    }
    if (!is_question(it.type)) {
        d_.error(path + ".initial", subject, "has an initial value but asks no question.");
        return;
    }
    if (!it.answer_options.empty())
        d_.error(path + ".initial", subject,
                 "has both answerOption and initial; mark the option with initialSelected instead.");
    if (inits.size() > 1 && !it.repeats)
        d_.error(path + ".initial", subject, "has several initial values but takes only one answer.");
    for (std::size_t i = 0; i < inits.size(); ++i) {
        const std::string ipath = path + ".initial[" + std::to_string(i) + "]";
        std::string why;
        auto v = read_value(inits[i], why);
        if (!v) {
            d_.error(ipath, subject, "has an initial value that " + why + ".");
            continue;
        }
        if (!value_fits_item(it, *v)) {
            d_.error(ipath, subject,
                     "has an initial " + std::string(fhir_value_key(kind_of(*v))) +
                         ", which does not fit a " + to_fhir_code(it.type) + " question.");
            continue;
        }
        it.initial.push_back(std::move(*v));
    }
}

// Combinations a person could never get through, or that the author surely did not mean.
void ItemReader::check_item(const Item& it, const std::string& path, const std::string& subject) {
    const bool question = is_question(it.type);
    const bool text_like = it.type == ItemType::String || it.type == ItemType::Text ||
                           it.type == ItemType::OpenChoice;
    if (it.type == ItemType::Group && it.items.empty())
        d_.error(path, subject, "is a group with no items in it.");
    if (question && it.text.empty()) d_.warning(path, subject, "asks a question but has no text.");
    if (!question && it.type != ItemType::Group && (it.required || it.repeats))
        d_.warning(path, subject, "is a display item; 'required' and 'repeats' mean nothing on it.");
    const bool has_initial =
        !it.initial.empty() || std::any_of(it.answer_options.begin(), it.answer_options.end(),
                                           [](const AnswerOption& o) { return o.initial_selected; });
    if (question && it.required && (it.read_only || it.hidden) && !has_initial)
        d_.error(path, subject,
                 std::string("is required but ") + (it.read_only ? "read-only" : "hidden") +
                     " and has no initial value, so nobody could ever answer it.");
    if (it.min_value || it.max_value) {
        for (const auto* bound : {&it.min_value, &it.max_value}) {
            if (!*bound) continue;
            const ValueKind k = kind_of(**bound);
            const bool fits = (it.type == ItemType::Integer && k == ValueKind::Integer) ||
                              (it.type == ItemType::Decimal &&
                               (k == ValueKind::Decimal || k == ValueKind::Integer)) ||
                              (it.type == ItemType::Date && k == ValueKind::Date);
            if (!fits)
                d_.error(path, subject,
                         "has a " + std::string(bound == &it.min_value ? "minValue" : "maxValue") +
                             " of type " + fhir_value_key(k) + ", which cannot limit a " +
                             to_fhir_code(it.type) + " question.");
        }
        if (it.min_value && it.max_value)
            if (auto c = compare_values(*it.min_value, *it.max_value); c && *c > 0)
                d_.error(path, subject, "has a minValue above its maxValue, so no answer is allowed.");
    }
    if (it.min_length && it.max_length && *it.min_length > *it.max_length)
        d_.error(path, subject, "has a minLength above its maxLength, so no answer is allowed.");
    if (it.max_length && !text_like)
        d_.warning(path, subject, "has a maxLength, which only limits text answers.");
    if (it.max_decimal_places && it.type != ItemType::Decimal)
        d_.warning(path, subject, "has maxDecimalPlaces, which only applies to decimal questions.");
    if (!it.regex.empty()) {
        if (!text_like) d_.warning(path, subject, "has a regex, which only checks text answers.");
        try {
            std::regex check(it.regex);
        } catch (const std::regex_error&) {
            d_.error(path, subject, "has a regex that is not a valid ECMAScript pattern.");
        }
    }
    if (!it.format_message.empty() && it.regex.empty())
        d_.warning(path, subject, "has a format-message but no regex, so the message is never shown.");
    if (it.input_kind != InputKind::None) {
        const bool date_kind =
            it.input_kind == InputKind::DateOfBirth || it.input_kind == InputKind::PastDate;
        if (date_kind ? it.type != ItemType::Date
                      : (it.type != ItemType::String && it.type != ItemType::Text))
            d_.error(path, subject,
                     "has input-kind '" + std::string(to_code(it.input_kind)) + "', which needs a " +
                         (date_kind ? "date" : "string") + " question.");
    }
    if (it.min_occurs || it.max_occurs) {
        if (!it.repeats)
            d_.warning(path, subject, "has minOccurs or maxOccurs but does not repeat.");
        if (it.min_occurs && it.max_occurs && *it.min_occurs > *it.max_occurs)
            d_.error(path, subject, "has minOccurs above maxOccurs.");
    }
    if (it.control == ItemControl::CheckBox && question && !it.repeats)
        d_.warning(path, subject, "is shown as check boxes but takes only one answer.");
    if (it.control == ItemControl::RadioButton && it.repeats)
        d_.warning(path, subject, "is shown as radio buttons but takes several answers.");
    if (it.control == ItemControl::Page && it.type != ItemType::Group)
        d_.warning(path, subject, "asks to be a page, but only a group can be one.");
    if (it.control == ItemControl::Page)
        for (const Item* p = it.parent; p; p = p->parent)
            if (p->control == ItemControl::Page)
                d_.warning(path, subject, "is a page inside another page; it is shown as part of it.");
    if (it.control == ItemControl::Help && it.type != ItemType::Display)
        d_.warning(path, subject, "asks to be help text, but only a display item can be.");
    if (it.urgent_when_enabled && it.type != ItemType::Display)
        d_.warning(path, subject,
                   "carries urgent-when-enabled; it is meant for the display item that tells the "
                   "person how to get help.");
}

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
        const std::string subject = subject_of(it.link_id);
        auto found = q_.by_link_id_.find(cond.question);
        if (found == q_.by_link_id_.end()) {
            d_.error(p.path + ".question", subject,
                     "depends on question '" + cond.question + "', which is not in this form.");
            continue;
        }
        const Item& target = *found->second;
        if (!is_question(target.type)) {
            d_.error(p.path, subject,
                     "depends on '" + cond.question + "', which is a " + to_fhir_code(target.type) +
                         " and has no answer.");
            continue;
        }
        if (&target == &it) {
            d_.error(p.path, subject, "depends on the item itself.");
            continue;
        }
        cond.target = &target;
        std::string why;
        auto v = read_value(*p.answer, why, "answer");
        if (!v) {
            d_.error(p.path, subject, "has an enableWhen that " + why + ".");
            cond.answer = false;
            continue;
        }
        if (cond.op == Operator::Exists) {
            if (kind_of(*v) != ValueKind::Boolean)
                d_.error(p.path, subject, "uses the 'exists' operator, which needs answerBoolean.");
        } else if (!answer_fits_question(kind_of(*v), target)) {
            d_.error(p.path, subject,
                     "compares '" + cond.question + "' (a " + to_fhir_code(target.type) +
                         " question) with a " + fhir_value_key(kind_of(*v)) + ".");
        } else if (cond.op != Operator::Equal && cond.op != Operator::NotEqual &&
                   (kind_of(*v) == ValueKind::Boolean || kind_of(*v) == ValueKind::Coding)) {
            d_.error(p.path, subject,
                     "uses '" + std::string(to_fhir_code(cond.op)) + "' on a " +
                         fhir_value_key(kind_of(*v)) + ", which has no order.");
        }
        cond.answer = std::move(*v);
    }
}

// [SECTION] Whole-form checks: loops, indexes ------------------------------------------------------

// Whether an item's enablement depends, through parents and enableWhen, on itself: evaluating it
// would never end, so such a form is refused. Iterative, so a chain of thousands is no risk.
void refuse_enable_when_loops(const Questionnaire& q, Diagnostics& d) {
    const auto& items = q.all_items();
    enum class Mark { None, Visiting, Done };
    std::vector<Mark> mark(items.size(), Mark::None);
    auto edges = [](const Item& it) {
        std::vector<const Item*> out;
        if (it.parent) out.push_back(it.parent);
        for (const EnableWhen& c : it.enable_when)
            if (c.target) out.push_back(c.target);
        return out;
    };
    struct Frame {
        const Item* item;
        std::vector<const Item*> next;
        std::size_t at = 0;
    };
    for (const Item* start : items) {
        if (mark[static_cast<std::size_t>(start->index)] != Mark::None) continue;
        std::vector<Frame> stack;
        stack.push_back({start, edges(*start)});
        mark[static_cast<std::size_t>(start->index)] = Mark::Visiting;
        while (!stack.empty()) {
            Frame& f = stack.back();
            if (f.at == f.next.size()) {
                mark[static_cast<std::size_t>(f.item->index)] = Mark::Done;
                stack.pop_back();
                continue;
            }
            const Item* n = f.next[f.at++];
            Mark& m = mark[static_cast<std::size_t>(n->index)];
            if (m == Mark::Done) continue;
            if (m == Mark::Visiting) {
                std::string loop;
                auto from = std::find_if(stack.begin(), stack.end(),
                                         [&](const Frame& fr) { return fr.item == n; });
                for (auto s = from; s != stack.end(); ++s) loop += s->item->link_id + " -> ";
                d.error(n->json_path, subject_of(n->link_id),
                        "has enableWhen conditions that go round in a loop: " + loop + n->link_id + ".");
                return;
            }
            m = Mark::Visiting;
            stack.push_back({n, edges(*n)});
        }
    }
}

void build_indexes(Questionnaire& q) {
    for (const Item* it : q.all_items()) {
        Item& item = const_cast<Item&>(*it);  // the questionnaire is still being built
        for (const Item* p = it; p != nullptr; p = p->parent)
            if (p->is_repeating_group()) item.repeating_groups.push_back(p);
        std::reverse(item.repeating_groups.begin(), item.repeating_groups.end());
        for (const EnableWhen& c : it->enable_when) {
            auto& deps = const_cast<Item*>(c.target)->dependents;
            if (std::find(deps.begin(), deps.end(), it) == deps.end()) deps.push_back(it);
        }
    }
}

void read_root(const json& doc, Questionnaire& q, Diagnostics& d) {
    if (!doc.is_object()) {
        d.error("", "The form file", "does not hold a FHIR Questionnaire object.");
        throw FatalProblem{};
    }
    Reader r(d, doc, "", "The form");
    if (r.text("resourceType") != "Questionnaire") {
        d.error("resourceType", "The form file",
                "is not a FHIR Questionnaire (resourceType should be \"Questionnaire\").");
        throw FatalProblem{};
    }
    q.url = r.text("url");
    q.version = r.text("version");
    q.name = r.text("name");
    q.title = r.text("title");
    q.status = r.text("status");
    if (doc.contains("implicitRules"))
        d.error("implicitRules", "The form",
                "has implicitRules, which may change its meaning in ways this kiosk cannot know.");
    for (auto e = doc.begin(); e != doc.end(); ++e)
        if (!root_elements.count(e.key()) && e.key() != "implicitRules" && e.key()[0] != '_')
            d.warning(e.key(), "The form",
                      "has '" + e.key() + "', which is not part of a FHIR R4 Questionnaire; it is ignored.");
    for_each_extension(d, doc, "", "The form",
                       [&](const json& e, const std::string& url, const std::string& p) {
        if (is_ext(url, kiosk, "estimated-minutes")) {
            q.estimated_minutes = extension_integer(d, e, p, "The form", 1);
        } else if (is_ext(url, kiosk, "task-list")) {
            q.task_list_override = extension_flag(d, e, p, "The form");
        } else if (is_ext(url, kiosk, "check-answers")) {
            q.check_answers_override = extension_flag(d, e, p, "The form");
        } else {
            check_unknown_extension(d, url, p, "The form");
        }
    });
    if (!doc.contains("item")) {
        d.error("item", "The form", "has no questions (no 'item' list).");
        throw FatalProblem{};
    }
}

}  // namespace

// [SECTION] Entry points ----------------------------------------------------------------------------

ParseOutcome parse_with_diagnostics(std::string_view text) {
    Diagnostics d;
    auto finish = [&]() { return ParseOutcome{nullptr, std::move(d.list)}; };
    if (text.empty()) {
        d.error("", "The form file", "is empty.");
        return finish();
    }
    if (text.size() > max_form_bytes) {
        d.error("", "The form file",
                "is too large (" + std::to_string(text.size() / 1024) +
                    " KB); the most this kiosk reads is " + std::to_string(max_form_bytes / 1024) +
                    " KB.");
        return finish();
    }
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        d.error("", "The form file",
                "is not valid JSON: it breaks off at " +
                    line_and_column(text, e.byte == 0 ? 0 : e.byte - 1) + ".");
        return finish();
    }
    auto q = std::make_shared<Questionnaire>();
    try {
        read_root(doc, *q, d);
        ItemReader reader(*q, d);
        reader.read_items(doc["item"], "item", nullptr, 0, q->items);
        if (q->items.empty() && doc["item"].is_array())
            d.error("item", "The form", "has no questions (its 'item' list is empty).");
        reader.resolve_enable_when();
        if (!d.has_errors()) refuse_enable_when_loops(*q, d);
    } catch (const FatalProblem&) {
        return finish();
    } catch (const json::exception& e) {
        // A JSON type we did not expect somewhere; say so rather than crash.
        d.error("", "The form file", std::string("has a value of the wrong type: ") + e.what());
        return finish();
    }
    std::stable_sort(d.list.begin(), d.list.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.severity == Severity::Error && b.severity == Severity::Warning;
    });
    if (d.has_errors()) return finish();
    build_indexes(*q);
    for (const Diagnostic& w : d.list) q->warnings.push_back(w);
    return ParseOutcome{std::shared_ptr<const Questionnaire>(std::move(q)), std::move(d.list)};
}

Result<std::shared_ptr<const Questionnaire>> parse_questionnaire(std::string_view text) {
    ParseOutcome out = parse_with_diagnostics(text);
    if (out.questionnaire) return std::move(out.questionnaire);
    const auto& first = out.diagnostics.front();  // errors sort first
    std::string message = first.sentence();
    std::size_t errors = static_cast<std::size_t>(
        std::count_if(out.diagnostics.begin(), out.diagnostics.end(),
                      [](const Diagnostic& x) { return x.severity == Severity::Error; }));
    if (errors > 1)
        message += " (" + std::to_string(errors - 1) + " more problem" + (errors > 2 ? "s" : "") +
                   "; carers-forms lint lists them all.)";
    return make_error(std::move(message));
}

}  // namespace carers::engine
