// The generated 3,000-item questionnaire: it loads, and answering along its 990-link chains
// enables and disables exactly what it should, with incremental re-evaluation agreeing with a
// fresh evaluation at every step checked.
#include <catch2/catch_test_macros.hpp>

#include "kiosk/engine/draft.h"
#include "kiosk/engine/page_list.h"
#include "kiosk/engine/response_check.h"
#include "tools/benchmarks/large_form.h"

using namespace carers;
using namespace carers::engine;

namespace {

std::shared_ptr<const Questionnaire> load_large() {
    auto q = parse_questionnaire(test::large_form_json().dump());
    INFO((q.ok() ? "" : q.message()));
    REQUIRE(q.ok());
    return q.value();
}

std::string id(char kind, int n) { return std::string(1, kind) + std::to_string(n); }

// Whether every item's enablement in `s` equals that of a new session given the same answers
// (whose cache starts empty).
bool agrees_with_fresh(const FormSession& s) {
    FormSession fresh(s.shared_questionnaire());
    if (!restore_draft(fresh, save_draft(s)).ok()) return false;
    for (const Item* it : s.questionnaire().all_items())
        if (s.is_enabled(ItemRef{it, {}}) != fresh.is_enabled(ItemRef{it, {}})) return false;
    return true;
}

}  // namespace

TEST_CASE("a generated questionnaire of 3,000 items loads") {
    auto q = load_large();
    CHECK(q->all_items().size() == 3000);
    CHECK(q->find("b989") != nullptr);
    CHECK(q->find("b0")->dependents.size() == 2);  // b1 and t0
    CHECK(uses_task_list(*q));
}

TEST_CASE("answering down a 990-link chain enables each link in turn, and one answer at the top undoes it") {
    auto q = load_large();
    FormSession s(q);
    const int chain = test::large_form_chain;
    CHECK(s.is_enabled(s.ref("b0")));
    CHECK_FALSE(s.is_enabled(s.ref("b1")));
    CHECK(s.is_enabled(s.ref("t0")));  // != false holds while b0 is unanswered
    for (int n = 0; n < chain; ++n) {
        REQUIRE(s.is_enabled(s.ref(id('b', n))));
        if (n + 1 < chain) REQUIRE_FALSE(s.is_enabled(s.ref(id('b', n + 1))));
        REQUIRE(s.answer(s.ref(id('b', n)), true) == AnswerResult::Ok);
        REQUIRE(s.answer(s.ref(id('i', n)), std::int64_t{n % 101}) == AnswerResult::Ok);
        if (n % 97 == 0) REQUIRE(agrees_with_fresh(s));
    }
    CHECK(s.is_enabled(s.ref(id('b', chain - 1))));
    CHECK(s.is_enabled(s.ref(id('i', chain - 1))));
    auto response = s.response("t");
    CHECK(check_response_structure(*q, response).empty());
    int answered = 0;
    for (const auto& section : response["item"]) answered += static_cast<int>(section["item"].size());
    CHECK(answered == 2 * chain);

    s.answer(s.ref("b0"), false);  // every later boolean link and its text switch off
    CHECK_FALSE(s.is_enabled(s.ref("b1")));
    CHECK_FALSE(s.is_enabled(s.ref(id('b', chain - 1))));
    CHECK_FALSE(s.is_enabled(s.ref("t0")));
    CHECK(s.is_enabled(s.ref(id('i', chain - 1))));  // the integer chain does not depend on it
    CHECK(agrees_with_fresh(s));
    response = s.response("t");
    answered = 0;
    for (const auto& section : response["item"]) answered += static_cast<int>(section["item"].size());
    CHECK(answered == 1 + chain);  // b0 and every integer

    s.answer(s.ref("b0"), true);  // the answers below were kept: the chain comes back whole
    CHECK(s.is_enabled(s.ref(id('b', chain - 1))));
    CHECK(agrees_with_fresh(s));
}

TEST_CASE("an integer out of range in the middle of the 3,000-item form stops the chain after it") {
    auto q = load_large();
    FormSession s(q);
    for (int n = 0; n < 500; ++n) s.answer(s.ref(id('i', n)), std::int64_t{1});
    CHECK(s.is_enabled(s.ref("i500")));
    s.answer(s.ref("i250"), std::int64_t{-1});  // fails >= 0
    CHECK(s.is_enabled(s.ref("i250")));
    CHECK_FALSE(s.is_enabled(s.ref("i251")));
    CHECK_FALSE(s.is_enabled(s.ref("i500")));
    CHECK(agrees_with_fresh(s));
    auto problems = s.validate_all();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].ref.item->link_id == "i250");
    CHECK(problems[0].message == "Answer must be 0 or more");
}

TEST_CASE("a cold query at the far end of a long chain is answered") {
    auto q = load_large();
    FormSession s(q);
    for (int n = 0; n < test::large_form_chain; ++n) s.answer(s.ref(id('b', n)), true);
    FormSession cold(q);
    REQUIRE(restore_draft(cold, save_draft(s)).ok());
    CHECK(cold.is_enabled(cold.ref(id('b', test::large_form_chain - 1))));  // recurses 990 deep
}
