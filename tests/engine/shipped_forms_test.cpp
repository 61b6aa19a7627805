// The shipped long forms answered along their main routes through the real engine, the way the
// kiosk drives it (pages, add another, task list, check your answers, submit); each response must
// fit its questionnaire (every linkId and answer type) and carry what the route answered.
#include <catch2/catch_test_macros.hpp>

#include <map>

#include "kiosk/engine/check_answers.h"
#include "kiosk/engine/draft.h"
#include "kiosk/engine/response_check.h"
#include "tests/support/test_files.h"

using namespace carers;
using namespace carers::engine;
using nlohmann::json;

namespace {

std::shared_ptr<const Questionnaire> load(const std::string& name) {
    auto q = parse_questionnaire(test::read_source_file("assets/forms/" + name));
    INFO((q.ok() ? "" : q.message()));
    REQUIRE(q.ok());
    return q.value();
}

// How to answer: option codes or text per linkId ("linkId#1" for the second repetition of the
// innermost repeating group), and how many repetitions each repeating group should have.
// Questions not named get the first option, or text that fits their name.
struct Route {
    std::map<std::string, std::vector<std::string>> codes;
    std::map<std::string, std::string> text;
    std::map<std::string, int> repetitions;
};

template <typename Map>
const typename Map::mapped_type* lookup(const Map& m, const ItemRef& r) {
    const std::string id = r.item->link_id;
    if (!r.reps.empty())
        if (auto it = m.find(id + "#" + std::to_string(r.reps.back())); it != m.end()) return &it->second;
    if (auto it = m.find(id); it != m.end()) return &it->second;
    return nullptr;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void answer_question(FormSession& s, const ItemRef& r, const Route& route) {
    const Item& it = *r.item;
    if (!s.answers(r).empty()) return;  // answered already (e.g. on an earlier pass of this page)
    switch (it.type) {
    case ItemType::Choice:
    case ItemType::OpenChoice: {
        std::vector<AnswerValue> picked;
        if (auto* codes = lookup(route.codes, r)) {
            for (const std::string& c : *codes)
                for (const auto& o : it.answer_options)
                    if (auto* coding = std::get_if<Coding>(&o.value); coding && coding->code == c) picked.push_back(o.value);
            INFO("route names an option " << it.link_id << " does not have");
            REQUIRE(picked.size() == codes->size());
        } else {
            picked.push_back(it.answer_options.front().value);
        }
        REQUIRE(s.answer(r, picked) == AnswerResult::Ok);
        return;
    }
    case ItemType::Integer: {
        std::int64_t n = 3;
        if (it.min_value) n = std::max<std::int64_t>(n, std::get<std::int64_t>(*it.min_value));
        if (auto* t = lookup(route.text, r)) n = std::stoll(*t);
        REQUIRE(s.answer(r, AnswerValue{n}) == AnswerResult::Ok);
        return;
    }
    case ItemType::Date: REQUIRE(s.answer(r, Date{1950, 3, 2}) == AnswerResult::Ok); return;
    case ItemType::Boolean: REQUIRE(s.answer(r, true) == AnswerResult::Ok); return;
    case ItemType::Decimal: REQUIRE(s.answer(r, 1.5) == AnswerResult::Ok); return;
    case ItemType::String:
    case ItemType::Text: {
        std::string t = it.type == ItemType::Text ? "Some words about it" : "Sample answer";
        if (ends_with(it.link_id, "phone")) t = "07700 900982";
        if (ends_with(it.link_id, "email")) t = "sam@example.com";
        if (ends_with(it.link_id, "postcode")) t = "l20 3ab";
        if (ends_with(it.link_id, "nhs-number")) t = "9434765919";
        if (auto* given = lookup(route.text, r)) t = *given;
        REQUIRE(s.answer(r, AnswerValue{t}) == AnswerResult::Ok);
        return;
    }
    default: return;
    }
}

// walk(..., stop_at) with this stops on "Check your answers" instead of submitting.
const std::string at_check_answers = "(check your answers)";

bool shows(const Page& page, const std::string& link_id) {
    for (const ItemRef& r : page.items)
        if (r.item->link_id == link_id) return true;
    return false;
}

// Drives the session to completion, or (with stop_at) to the first page showing that question,
// leaving it unanswered there. Returns the number of pages seen.
int walk(FormSession& s, const Route& route, const std::string& stop_at = "") {
    int pages = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        switch (s.view()) {
        case View::TaskList: REQUIRE(s.next() == Nav::Moved); continue;
        case View::CheckAnswers: {
            if (stop_at == at_check_answers) return pages;
            REQUIRE_FALSE(check_answers(s).empty());
            REQUIRE(s.submit({11, 22, 3, 14, 5, 6, 17, 8}) == Nav::Completed);
            return pages;
        }
        case View::Confirmation: return pages;
        case View::Page: break;
        }
        Page page = s.current_page();
        if (!stop_at.empty() && shows(page, stop_at)) return pages;
        ++pages;
        if (page.kind == PageKind::AddAnother) {
            const auto wanted = route.repetitions.find(page.repeat->group->link_id);
            if (wanted != route.repetitions.end() && page.repeat->count < wanted->second) {
                REQUIRE(s.add_another() == Nav::Moved);
                continue;
            }
        } else {
            // Answering can show more items on the same page; go round until nothing new appears.
            for (int pass = 0; pass < 5; ++pass) {
                for (const ItemRef& r : s.current_page().items)
                    if (is_question(r.item->type)) answer_question(s, r, route);
            }
        }
        const Nav n = s.next();
        if (n == Nav::Blocked)
            for (const auto& e : s.errors()) FAIL_CHECK(e.ref.item->link_id << ": " << e.message);
        REQUIRE(n != Nav::Blocked);
        if (n == Nav::Completed) return pages;
    }
    FAIL("the walk did not finish" << (stop_at.empty() ? "" : " nor reach " + stop_at));
    return pages;
}

// Every linkId answered anywhere in the response, with how often.
std::map<std::string, int> answered(const json& items) {
    std::map<std::string, int> out;
    for (const json& it : items) {
        if (it.contains("answer")) {
            ++out[it["linkId"].get<std::string>()];
            for (const json& a : it["answer"])
                if (a.contains("item"))
                    for (auto& [k, v] : answered(a["item"])) out[k] += v;
        }
        if (it.contains("item"))
            for (auto& [k, v] : answered(it["item"])) out[k] += v;
        if (!it.contains("answer") && !it.contains("item")) ++out["<empty>"];
    }
    return out;
}

int occurrences(const json& items, const std::string& link_id) {
    int n = 0;
    for (const json& it : items) {
        if (it["linkId"] == link_id) ++n;
        if (it.contains("item")) n += occurrences(it["item"], link_id);
    }
    return n;
}

json finish(FormSession& s, const Questionnaire& q) {
    REQUIRE(s.complete());
    json r = s.response("2026-11-23T10:00:00Z");
    auto problems = check_response_structure(q, r);
    for (const auto& p : problems) FAIL_CHECK(p);
    CHECK(problems.empty());
    CHECK(r["status"] == "completed");
    CHECK(r["identifier"]["value"] == s.reference());
    CHECK_FALSE(s.reference().empty());
    return r;
}

const Route self_review_base{
    {{"start-danger", {"no"}}, {"start-cannot-carry-on", {"no"}}, {"contact-how", {"phone", "letter"}},
     {"consent-gp", {"no"}}, {"role-harm", {"no"}}, {"young-safe", {"yes"}}},
    {{"about-name", "Sam"}},
    {}};

Route with(Route r, std::map<std::string, std::vector<std::string>> codes,
           std::map<std::string, std::string> text = {}, std::map<std::string, int> reps = {}) {
    for (auto& [k, v] : codes) r.codes[k] = v;
    for (auto& [k, v] : text) r.text[k] = v;
    for (auto& [k, v] : reps) r.repetitions[k] = v;
    return r;
}

}  // namespace

TEST_CASE("carers-self-review: a young carer goes the young carer route and consents in their own words") {
    auto q = load("carers-self-review.json");
    FormSession s(q);
    s.set_today({2026, 11, 23});
    walk(s, with(self_review_base, {{"about-age", {"under-18"}}, {"contact-grown-up", {"yes"}}}, {{"about-age-years", "13"}}));
    json r = finish(s, *q);
    auto a = answered(r["item"]);
    CHECK(a.count("about-age-years"));
    CHECK(a.count("young-school-miss"));
    CHECK(a.count("young-safe"));
    CHECK(a.count("consent-share-young"));
    CHECK(a.count("contact-grown-up-phone"));
    CHECK_FALSE(a.count("life-children"));  // adult outcome areas are not asked
    CHECK_FALSE(a.count("consent-share"));
    CHECK_FALSE(a.count("role-harm"));
    CHECK_FALSE(s.urgent());
    CHECK_FALSE(a.count("<empty>"));
}

TEST_CASE("carers-self-review: a young carer who does not feel safe makes the submission urgent") {
    auto q = load("carers-self-review.json");
    FormSession s(q);
    walk(s, with(self_review_base, {{"about-age", {"under-18"}}, {"young-safe", {"no"}}}, {{"about-age-years", "12"}}));
    json r = finish(s, *q);
    CHECK(s.urgent());
    REQUIRE(s.urgent_items().size() == 1);
    CHECK(s.urgent_items()[0].item->link_id == "young-safe-urgent");
    CHECK(s.urgent_items()[0].item->text.find("0800 1111") != std::string::npos);  // Childline
    CHECK(r["meta"]["tag"][0]["code"] == "urgent");
}

TEST_CASE("carers-self-review: a parent carer gets the parent carer section and not the young carer one") {
    auto q = load("carers-self-review.json");
    FormSession s(q);
    walk(s, with(self_review_base,
                 {{"about-age", {"26-64"}}, {"about-parent-carer", {"yes"}}, {"person-relationship", {"child-under-18"}},
                  {"parent-siblings", {"yes"}}}));
    json r = finish(s, *q);
    auto a = answered(r["item"]);
    CHECK(a.count("parent-ehcp"));
    CHECK(a.count("parent-siblings-help"));
    CHECK(a.count("life-leisure"));
    CHECK(a.count("consent-share"));
    CHECK_FALSE(a.count("young-safe"));
    CHECK_FALSE(a.count("about-age-years"));
    CHECK_FALSE(s.urgent());
}

TEST_CASE("carers-self-review: an adult caring for two people answers about each of them") {
    auto q = load("carers-self-review.json");
    FormSession s(q);
    walk(s, with(self_review_base,
                 {{"about-age", {"65-plus"}}, {"about-parent-carer", {"no"}}, {"person-relationship#0", {"partner"}},
                  {"person-relationship#1", {"parent"}}, {"person-lives-with-you#0", {"yes"}},
                  {"person-lives-with-you#1", {"no"}}, {"person-needs#1", {"dementia-memory", "older-frail"}}},
                 {{"person-name#0", "Pat"}, {"person-name#1", "Mum"}}, {{"person", 2}}));
    json r = finish(s, *q);
    CHECK(occurrences(r["item"], "person") == 2);
    auto a = answered(r["item"]);
    CHECK(a["person-relationship"] == 2);
    CHECK(a["person-travel"] == 1);  // only for the person who does not live with them
    CHECK(a.count("life-children"));
    CHECK_FALSE(a.count("parent-ehcp"));
    CHECK_FALSE(a.count("young-safe"));
    CHECK(r.dump().find("\"Mum\"") != std::string::npos);
    CHECK(r.dump().find("dementia-memory") != std::string::npos);
}

TEST_CASE("carers-self-review: an adult being harmed makes the submission urgent") {
    auto q = load("carers-self-review.json");
    FormSession s(q);
    walk(s, with(self_review_base, {{"about-age", {"18-25"}}, {"about-parent-carer", {"no"}}, {"role-harm", {"yes"}}}));
    finish(s, *q);
    REQUIRE(s.urgent_items().size() == 1);
    CHECK(s.urgent_items()[0].item->link_id == "role-harm-urgent");
}

TEST_CASE("carers-self-review: resuming a draft saved half way finishes with the same response") {
    auto q = load("carers-self-review.json");
    const Route route = with(self_review_base, {{"about-age", {"26-64"}}, {"about-parent-carer", {"no"}}});
    FormSession whole(q);
    walk(whole, route);

    FormSession first(q);
    // Stop after the first three sections, save, and carry on in a new session.
    for (int i = 0; i < 40 && first.view() != View::CheckAnswers; ++i) {
        if (first.view() == View::Page)
            for (const ItemRef& r : first.current_page().items)
                if (is_question(r.item->type)) answer_question(first, r, route);
        if (first.task_list().size() > 2 && first.task_list()[2].status == SectionStatus::Completed) break;
        first.next();
    }
    const json draft = json::parse(save_draft(first).dump());
    FormSession second(q);
    REQUIRE(restore_draft(second, draft).ok());
    CHECK(second.task_list()[2].status == SectionStatus::Completed);
    walk(second, route);
    CHECK(second.response("t")["item"] == whole.response("t")["item"]);
}

TEST_CASE("emergency-card: a carer registers one person with three emergency contacts") {
    auto q = load("emergency-card.json");
    FormSession s(q);
    s.set_today({2026, 11, 23});
    walk(s, Route{{{"start-age", {"18-plus"}}, {"start-danger", {"no"}}, {"contacts-have", {"yes"}},
                   {"person-lives-with-you", {"no"}}, {"person-medicines", {"yes"}}, {"person-consent", {"agrees"}},
                   {"person-access", {"contact-key", "neighbour-key"}}, {"contact-key#0", {"yes"}},
                   {"contact-key#1", {"no"}}, {"contact-key#2", {"no"}}, {"consent-gp", {"no"}}},
                  {{"contact-name#0", "Priya"}, {"contact-name#1", "Tom"}, {"contact-name#2", "Jo"},
                   {"person-access-more", "The neighbour at number 12 has a key."}},
                  {{"contact", 3}, {"person", 1}}});
    json r = finish(s, *q);
    CHECK(occurrences(r["item"], "contact") == 3);
    CHECK(occurrences(r["item"], "person") == 1);
    auto a = answered(r["item"]);
    CHECK(a["contact-agreed"] == 3);
    CHECK(a["contact-phone"] == 3);
    CHECK(a.count("person-address"));  // does not live with the carer
    CHECK(a.count("person-medicines-where"));
    CHECK(a.count("declaration-true"));
    const std::string text = r.dump();
    for (const char* name : {"\"Priya\"", "\"Tom\"", "\"Jo\""}) CHECK(text.find(name) != std::string::npos);
    CHECK_FALSE(s.urgent());
}

TEST_CASE("emergency-card: no more than three contacts can be added") {
    auto q = load("emergency-card.json");
    FormSession s(q);
    const Item& contact = *q->find("contact");
    CHECK(s.add_repetition(contact, {}) == 1);
    CHECK(s.add_repetition(contact, {}) == 2);
    CHECK(s.add_repetition(contact, {}) == -1);
}

TEST_CASE("emergency-card: a carer of two people with one contact") {
    auto q = load("emergency-card.json");
    FormSession s(q);
    walk(s, Route{{{"start-age", {"18-plus"}}, {"start-danger", {"not-sure"}}, {"contacts-have", {"yes"}},
                   {"person-lives-with-you", {"yes"}}, {"person-allergies", {"none-known"}}, {"person-allergies#1", {"yes"}}, {"person-consent", {"agrees"}},
                   {"person-consent#1", {"legal-decision-maker"}}, {"person-pets", {"yes"}}},
                  {{"person-name#0", "Dad"}, {"person-name#1", "Gran"}},
                  {{"person", 2}}});
    json r = finish(s, *q);
    CHECK(occurrences(r["item"], "person") == 2);
    CHECK(occurrences(r["item"], "contact") == 1);
    auto a = answered(r["item"]);
    CHECK(a["person-allergies-details"] == 1);
    CHECK(a["person-consent-who"] == 1);
    CHECK(a["person-pets-details"] == 2);
    CHECK_FALSE(a.count("person-address"));
}

TEST_CASE("emergency-card: a young carer is routed to the young carer questions only") {
    auto q = load("emergency-card.json");
    FormSession s(q);
    walk(s, Route{{{"start-age", {"under-18"}}, {"start-danger", {"no"}}, {"young-safe", {"yes"}},
                   {"young-contact-wanted", {"yes"}}},
                  {{"young-name", "Alex"}},
                  {}});
    json r = finish(s, *q);
    auto a = answered(r["item"]);
    CHECK(a.count("young-name"));
    CHECK(a.count("young-consent"));
    CHECK_FALSE(a.count("carer-name"));
    CHECK_FALSE(a.count("person-name"));
    CHECK_FALSE(a.count("contact-name"));
}

namespace {

// On the current page: gives `link_id` the text `typed`, answers the rest as the route says and
// tries Next. Returns the problems Next found with `link_id` (empty when it moved on).
std::vector<ValidationError> try_text(FormSession& s, const Route& route, const std::string& link_id,
                                      const std::string& typed, Reps reps = {}) {
    REQUIRE(s.answer_text(s.ref(link_id, reps), typed) == AnswerResult::Ok);
    for (const ItemRef& r : s.current_page().items)
        if (is_question(r.item->type)) answer_question(s, r, route);
    std::vector<ValidationError> mine;
    if (s.next() == Nav::Moved) return mine;
    for (const auto& e : s.errors())
        if (e.ref.item->link_id == link_id) mine.push_back(e);
    REQUIRE_FALSE(mine.empty());
    return mine;
}

const Route card_route{{{"start-age", {"18-plus"}}, {"start-danger", {"no"}}, {"contacts-have", {"yes"}},
                        {"person-lives-with-you", {"no"}}, {"person-consent", {"agrees"}}, {"consent-gp", {"no"}}},
                       {},
                       {}};

}  // namespace

TEST_CASE("emergency-card: dates of birth, postcodes, phone numbers, emails and NHS numbers get GOV.UK messages") {
    auto q = load("emergency-card.json");
    FormSession s(q);
    s.set_today({2026, 11, 23});

    walk(s, card_route, "carer-dob");
    REQUIRE(s.answer_date(s.ref("carer-dob"), {"27", "3", "2031"}) == AnswerResult::Ok);
    REQUIRE(s.next() == Nav::Blocked);
    REQUIRE(s.errors().size() == 1);
    CHECK(s.errors()[0].problem == Problem::DateInFuture);
    CHECK(s.errors()[0].message == "Date of birth must be today or in the past");
    REQUIRE(s.answer_date(s.ref("carer-dob"), {"27", "", "1961"}) == AnswerResult::Ok);
    REQUIRE(s.next() == Nav::Blocked);
    CHECK(s.errors()[0].message == "Date of birth must include a month");
    REQUIRE(s.answer_date(s.ref("carer-dob"), {"27", "3", "1961"}) == AnswerResult::Ok);
    REQUIRE(s.next() == Nav::Moved);

    walk(s, card_route, "carer-postcode");
    auto e = try_text(s, card_route, "carer-postcode", "L20");
    CHECK(e[0].problem == Problem::NotAPostcode);
    CHECK(e[0].message == "Enter a real postcode, like L20 3AB");
    CHECK(try_text(s, card_route, "carer-postcode", "l203ab").empty());

    walk(s, card_route, "carer-phone");
    REQUIRE(s.answer_text(s.ref("carer-email"), "sam.example.com") == AnswerResult::Ok);
    e = try_text(s, card_route, "carer-phone", "0770090098");  // one digit short for a mobile
    CHECK(e[0].problem == Problem::NotAPhoneNumber);
    CHECK(e[0].message == "Enter a UK phone number, like 07700 900123");
    REQUIRE(s.answer_text(s.ref("carer-phone"), "+44 7700 900982") == AnswerResult::Ok);
    e = try_text(s, card_route, "carer-email", "sam.example.com");
    CHECK(e[0].problem == Problem::NotAnEmailAddress);
    CHECK(try_text(s, card_route, "carer-email", "sam@example.com").empty());

    walk(s, card_route, "person-dob");
    REQUIRE(s.answer_date(s.ref("person-dob", {0}), {"4", "11", "2026"}) == AnswerResult::Ok);
    REQUIRE(s.next() == Nav::Moved);  // a baby born this month is fine

    walk(s, card_route, "person-nhs-number");
    e = try_text(s, card_route, "person-nhs-number", "943 476 5918", {0});  // last digit wrong
    CHECK(e[0].problem == Problem::NotAnNhsNumber);
    CHECK(e[0].message == "Enter a real NHS number. Check it against a letter from the NHS or the NHS App");
    e = try_text(s, card_route, "person-nhs-number", "943 476 591", {0});
    CHECK(e[0].message == "NHS number must be 10 numbers");
    CHECK(try_text(s, card_route, "person-nhs-number", "9434765919", {0}).empty());

    walk(s, card_route);
    json r = finish(s, *q);
    const std::string text = r.dump();
    CHECK(text.find("\"L20 3AB\"") != std::string::npos);       // postcodes are tidied
    CHECK(text.find("\"943 476 5919\"") != std::string::npos);  // and NHS numbers
    CHECK(text.find("\"1961-03-27\"") != std::string::npos);
}

TEST_CASE("emergency-card: a key safe code typed into the notes on getting in is refused, saying why") {
    auto q = load("emergency-card.json");
    FormSession s(q);
    walk(s, card_route, "person-access-more");
    auto e = try_text(s, card_route, "person-access-more", "Key safe by the back door, code 4821", {0});
    CHECK(e[0].problem == Problem::WrongFormat);
    CHECK(e[0].message == "Take out the numbers. Never write a key safe code here: we will phone you to ask for it");
    CHECK(s.answer_as_text(s.ref("person-access-more", {0})) == "Key safe by the back door, code 4821");  // kept
    CHECK(try_text(s, card_route, "person-access-more", "Key safe by the back door", {0}).empty());
    walk(s, card_route);
    CHECK(finish(s, *q).dump().find("4821") == std::string::npos);
}

namespace {

bool listed_on_check_answers(const FormSession& s, const std::string& link_id) {
    for (const AnswerSection& section : check_answers(s))
        for (const AnswerRow& row : section.rows)
            if (row.question.item->link_id == link_id) return true;
    return false;
}

}  // namespace

TEST_CASE("carers-self-review: changing the age band on Check your answers asks the young carer's questions, then returns") {
    auto q = load("carers-self-review.json");
    FormSession s(q);
    Route route = with(self_review_base, {{"about-age", {"26-64"}}, {"about-parent-carer", {"no"}}});
    walk(s, route, at_check_answers);
    REQUIRE(s.view() == View::CheckAnswers);
    CHECK(listed_on_check_answers(s, "life-children"));

    REQUIRE(s.change(s.ref("about-age")) == Nav::Moved);
    REQUIRE(shows(s.current_page(), "about-age"));
    s.clear(s.ref("about-age"));
    route = with(self_review_base, {{"about-age", {"under-18"}}}, {{"about-age-years", "14"}});
    std::vector<std::string> asked;
    for (int guard = 0; guard < 60 && s.view() == View::Page; ++guard) {
        for (const ItemRef& r : s.current_page().items)
            if (is_question(r.item->type)) {
                asked.push_back(r.item->link_id);
                answer_question(s, r, route);
            }
        REQUIRE(s.next() == Nav::Moved);
    }
    REQUIRE(s.view() == View::CheckAnswers);
    // Every question the new route requires was asked, in form order, and nothing optional.
    const std::vector<std::string> expected = {"about-age", "about-age-years", "young-school-miss", "young-school-work",
                                               "young-friends", "young-too-much", "young-safe", "consent-share-young"};
    CHECK(asked == expected);
    CHECK_FALSE(listed_on_check_answers(s, "life-children"));  // the adult answers drop out
    CHECK(listed_on_check_answers(s, "young-safe"));
    REQUIRE(s.submit({1, 2, 3, 4, 5, 6, 7, 8}) == Nav::Completed);
    json r = finish(s, *q);
    auto a = answered(r["item"]);
    CHECK(a.count("consent-share-young"));
    CHECK_FALSE(a.count("consent-share"));
    CHECK_FALSE(a.count("role-able"));
}
