// The shipped "Am I a carer?" form, answered along its main routes through the real engine.
#include <catch2/catch_test_macros.hpp>

#include <map>

#include "kiosk/engine/form_session.h"
#include "kiosk/engine/response_check.h"
#include "tests/support/test_files.h"

using namespace carers;
using namespace carers::engine;

namespace {

std::shared_ptr<const Questionnaire> load() {
    auto q = parse_questionnaire(test::read_source_file("assets/forms/am-i-a-carer.json"));
    INFO((q.ok() ? "" : q.message()));
    REQUIRE(q.ok());
    return q.value();
}

// Answers every question on every page: with the option whose code is given for its linkId, or
// else the first option. Returns the linkIds of the display items on the final page.
std::vector<std::string> walk(FormSession& s, const std::map<std::string, std::string>& codes) {
    for (int guard = 0; guard < 100 && !s.complete(); ++guard) {
        for (const ItemRef& r : s.current_page().items) {
            if (!is_question(r.item->type)) continue;
            REQUIRE_FALSE(r.item->answer_options.empty());
            AnswerValue pick = r.item->answer_options.front().value;
            if (auto c = codes.find(r.item->link_id); c != codes.end())
                for (const auto& o : r.item->answer_options)
                    if (auto* coding = std::get_if<Coding>(&o.value); coding && coding->code == c->second) pick = o.value;
            REQUIRE(s.answer(r, pick) == AnswerResult::Ok);
        }
        Nav n = s.next();
        REQUIRE(n != Nav::Blocked);
    }
    REQUIRE(s.complete());
    std::vector<std::string> shown;
    for (const ItemRef& r : s.current_page().items)
        if (r.item->type == ItemType::Display) shown.push_back(r.item->link_id);
    return shown;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("am-i-a-carer: an adult who helps with things at home hears that they sound like a carer") {
    auto q = load();
    FormSession s(q);
    auto shown = walk(s, {{"age", "26-64"}, {"someone", "yes"}, {"who", "parent"}, {"help-home", "yes"},
                          {"help-personal", "no"}, {"paid", "no"}});
    CHECK(contains(shown, "result-carer-adult"));
    CHECK(contains(shown, "result-assessment-adult"));
    CHECK_FALSE(contains(shown, "result-carer-young"));
    CHECK_FALSE(contains(shown, "result-no-one"));
    auto response = s.response("2026-11-23T10:00:00Z");
    CHECK(check_response_structure(*q, response).empty());
    CHECK(response["status"] == "completed");
}

TEST_CASE("am-i-a-carer: a 12-year-old who looks after a parent hears the young carer result") {
    auto q = load();
    FormSession s(q);
    auto shown = walk(s, {{"age", "under-18"}, {"someone", "yes"}, {"who", "parent"}, {"help-feelings", "sometimes"},
                          {"paid", "no"}});
    CHECK(contains(shown, "result-carer-young"));
    CHECK(contains(shown, "result-childline"));
    CHECK_FALSE(contains(shown, "result-carer-adult"));
    CHECK(check_response_structure(*q, s.response("t")).empty());
}

TEST_CASE("am-i-a-carer: someone with nobody needing help is told so kindly, after few questions") {
    auto q = load();
    FormSession s(q);
    auto shown = walk(s, {{"age", "65-plus"}, {"someone", "no"}});
    CHECK(contains(shown, "result-no-one"));
    CHECK_FALSE(contains(shown, "result-carer-adult"));
    auto response = s.response("t");
    CHECK(check_response_structure(*q, response).empty());
    CHECK(response["item"].size() == 2);  // age and someone only
}

TEST_CASE("am-i-a-carer: a paid care worker is not told they sound like an unpaid carer") {
    auto q = load();
    FormSession s(q);
    auto shown = walk(s, {{"age", "26-64"}, {"someone", "yes"}, {"help-home", "yes"}, {"paid", "yes"}});
    CHECK(contains(shown, "result-paid"));
    CHECK_FALSE(contains(shown, "result-carer-adult"));
}

TEST_CASE("am-i-a-carer: the result never talks about eligibility") {
    std::string text = test::read_source_file("assets/forms/am-i-a-carer.json");
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    CHECK(text.find("eligib") == std::string::npos);
}
