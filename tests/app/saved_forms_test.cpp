// Saved forms through the controller, with a real SQLCipher store and the real Argon2id (at the
// test minimum cost): "Save and come back later" and "Continue a saved form" in kiosk mode, and
// the draft kept as the carer goes in personal mode.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <imgui.h>
#include <sodium.h>

#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/parked_draft_jobs.h"
#include "kiosk/app/tour_scenes.h"
#include "kiosk/common/secure_wipe.h"
#include "kiosk/engine/response_writer.h"
#include "kiosk/store/local_store.h"
#include "kiosk/store/sealed_box.h"
#include "tests/app/controller_fixtures.h"
#include "tests/support/test_files.h"

using namespace carers;
using test::ImGuiContextForTest;
using test::SetClock;
using test::shipped_forms;
using app::KioskController;
using ui::Intent;
using ui::Screen;
using Stage = ui::SaveForLaterModel::Stage;
using Status = ui::ContinueSavedModel::Status;

namespace {

// A kiosk's store in a fresh folder, cheap to derive keys in.
struct TestStore {
    test::TempDir dir;
    store::StoreOptions options;
    std::unique_ptr<store::LocalStore> local;
    store::SecretKey key;

    explicit TestStore(std::int64_t now, int max_unknown_codes = 10) {
        options.key.database = dir / "kiosk.db";
        options.key.key_file = dir / "kiosk.key";
        options.parked.limits = store::KdfLimits::test_minimum();
        options.parked.guesses.max_unknown_codes = max_unknown_codes;
        auto none = [](const store::PassphraseRequest&) { return std::optional<std::string>(); };
        auto opened = store::LocalStore::open(options, none, now);
        REQUIRE(opened);
        local = std::move(opened.value());
        auto k = store::resolve_database_key(options.key, none);
        REQUIRE(k);
        key = k->key;
    }
    app::ParkedDraftJobs::StoreAccess access() const {
        return {options.key.database, key, options.parked};
    }
};

// Settings with a centre key, so that Send really seals the response into the outbox.
app::KioskConfig enrolled_config() {
    REQUIRE(sodium_init() >= 0);
    store::CentrePublicKey pk;
    std::array<std::uint8_t, 32> sk{};
    crypto_box_keypair(pk.data(), sk.data());
    app::KioskConfig c;
    c.sealing_public_key = store::to_base64(pk.data(), pk.size());
    return c;
}

void apply(KioskController& c, Intent in) {
    ui::Intents v{std::move(in)};
    c.apply(v);
}

// Ticks until the save or the opening in flight has ended (a few Argon2id at the test minimum).
void wait_for_job(KioskController& c) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        c.tick();
        const ui::KioskModel m = c.model();
        if (m.save_for_later.stage != Stage::Saving && m.continue_saved.status != Status::Opening)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    FAIL("the job never ended");
}

// Answers each page with samples and presses Continue `pages` times.
void answer_pages(KioskController& c, int pages) {
    for (int i = 0; i < pages; ++i) {
        REQUIRE(app::answer_page_with_samples(*c.session()));
        apply(c, {Intent::Kind::Next});
    }
}

// Where the carer is: the view and the page's first item.
std::string position(KioskController& c) {
    engine::FormSession& s = *c.session();
    const engine::Page p = s.current_page();
    return std::to_string(static_cast<int>(s.view())) + ":" +
           (p.anchor.item ? p.anchor.item->link_id : "");
}

std::int64_t parked_count(TestStore& st) {
    auto n = st.local->parked_drafts().count();
    REQUIRE(n);
    return *n;
}

void park(KioskController& c, const std::string& word) {
    apply(c, {Intent::Kind::SaveForLater});
    REQUIRE(c.screen() == Screen::SaveForLater);
    apply(c, {Intent::Kind::ParkDraft, {}, {}, {}, word});
    REQUIRE(c.model().save_for_later.stage == Stage::Saving);
    wait_for_job(c);
}

void try_code(KioskController& c, const std::string& code, const std::string& word) {
    apply(c, {Intent::Kind::ResumeDraft, {}, {}, {}, code, 0, {word}});
    if (c.model().continue_saved.status == Status::Opening) wait_for_job(c);
}

// Holds a save on its thread once the store has answered, until the test lets it go: the
// session can then end while "Saving…" shows, every time, whatever the machine's load.
struct HeldSave {
    std::mutex m;
    std::condition_variable cv;
    bool arrived = false, released = false;
    void hold() { // on the job's thread
        std::unique_lock lock(m);
        arrived = true;
        cv.notify_all();
        cv.wait(lock, [this] { return released; });
    }
    void wait_arrived() {
        std::unique_lock lock(m);
        REQUIRE(cv.wait_for(lock, std::chrono::seconds(20), [this] { return arrived; }));
    }
    void release() {
        std::lock_guard lock(m);
        released = true;
        cv.notify_all();
    }
};

void wait_until_idle(app::ParkedDraftJobs& jobs) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (jobs.running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    REQUIRE_FALSE(jobs.running());
}

// The audit subjects of "draft-deleted" events, newest first.
std::vector<std::string> drafts_deleted(TestStore& st) {
    auto entries = store::recent_audit(st.local->database(), 100);
    REQUIRE(entries);
    std::vector<std::string> subjects;
    for (const auto& e : *entries)
        if (e.event == store::audit_event_name(store::AuditEvent::draft_deleted))
            subjects.push_back(e.subject);
    return subjects;
}

} // namespace

TEST_CASE("a form being saved for later is deleted, not left unopened, when the carer presses "
          "Finish and clear, walks away or the kiosk closes before its code is shown") {
    ImGuiContextForTest imgui;
    SetClock t;
    TestStore st(t.unix);
    HeldSave held;
    auto jobs = std::make_unique<app::ParkedDraftJobs>(st.access(), std::function<void()>{});
    jobs->set_before_finish([&held] { held.hold(); });
    auto c = std::make_unique<KioskController>(shipped_forms(), enrolled_config(),
                                               &st.local->database(), t.clock());
    c->set_parked_draft_jobs(jobs.get());
    REQUIRE(c->open_form("carers-self-review"));
    answer_pages(*c, 3);
    apply(*c, {Intent::Kind::SaveForLater});
    apply(*c, {Intent::Kind::ParkDraft, {}, {}, {}, "Snowdrop"});
    REQUIRE(c->model().save_for_later.stage == Stage::Saving);
    held.wait_arrived();
    REQUIRE(parked_count(st) == 1); // the store has it: only the code is not on screen yet

    SECTION("Finish and clear") {
        apply(*c, {Intent::Kind::FinishAndClear});
        CHECK(c->screen() == Screen::Attract);
    }
    SECTION("the timeout") {
        c->note_input();
        t.steady += 10'000;
        c->tick();
        CHECK(c->screen() == Screen::Attract);
    }
    SECTION("the kiosk closes") {
        c.reset(); // the result is never taken
        held.release();
        jobs.reset();
        CHECK(parked_count(st) == 0);
        CHECK(drafts_deleted(st) == std::vector<std::string>{"abandoned"});
        return;
    }
    CHECK_FALSE(c->in_session());
    held.release();
    wait_until_idle(*jobs);
    c->tick(); // takes the result
    CHECK(parked_count(st) == 0);
    CHECK(c->model().save_for_later.shown_code.empty());
    CHECK(c->screen() == Screen::Attract);
    // Audited without anything of the carer's: just the event and why.
    CHECK(drafts_deleted(st) == std::vector<std::string>{"abandoned"});
    auto entries = store::recent_audit(st.local->database(), 100);
    REQUIRE(entries);
    for (const auto& e : *entries)
        CHECK(e.subject.find("nowdrop") == std::string::npos);
}

TEST_CASE("a form saved for later reopens with its code and word at the page left, answers intact, "
          "and is deleted once sent") {
    ImGuiContextForTest imgui;
    SetClock t;
    TestStore st(t.unix);
    app::ParkedDraftJobs jobs(st.access(), {});
    KioskController c(shipped_forms(), enrolled_config(), &st.local->database(), t.clock());
    c.set_parked_draft_jobs(&jobs);

    REQUIRE(c.open_form("carers-self-review"));
    answer_pages(c, 5);
    const std::string left_at = position(c);
    const nlohmann::json answers_before = c.session()->response("2026-01-01T00:00:00Z")["item"];
    REQUIRE(c.model().can_save_for_later);

    apply(c, {Intent::Kind::SaveForLater});
    apply(c,
          {Intent::Kind::ParkDraft, {}, {}, {}, "ab"}); // too short: refused at once, nothing saved
    CHECK(c.model().save_for_later.problem == ui::SaveForLaterModel::Problem::BadWord);
    CHECK(c.model().save_for_later.stage == Stage::ChooseWord);
    CHECK(parked_count(st) == 0);
    apply(c, {Intent::Kind::ParkDraft, {}, {}, {}, "Bluebell"});
    CHECK(c.model().save_for_later.stage == Stage::Saving);
    wait_for_job(c);
    const ui::SaveForLaterModel saved = c.model().save_for_later;
    REQUIRE(saved.stage == Stage::Saved);
    REQUIRE(saved.shown_code.size() == 9);
    CHECK(saved.shown_code[4] == '-');
    CHECK(saved.days == 14);
    CHECK_FALSE(c.in_session()); // the answers left the screen once the store had them
    CHECK(parked_count(st) == 1);

    apply(c, {Intent::Kind::FinishAndClear});
    CHECK(c.screen() == Screen::Attract);
    CHECK(c.model().save_for_later.shown_code.empty());
    apply(c, {Intent::Kind::Wake});
    apply(c, {Intent::Kind::GoHome});
    REQUIRE(c.model().can_continue_saved);
    apply(c, {Intent::Kind::OpenContinueSaved});
    REQUIRE(c.screen() == Screen::ContinueSaved);

    // Typed in lower case with a space instead of the hyphen: still the code.
    std::string typed = saved.shown_code.substr(0, 4) + " " + saved.shown_code.substr(5);
    for (char& ch : typed)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    try_code(c, typed, "daffodil");
    CHECK(c.model().continue_saved.status == Status::WrongWord);
    CHECK(c.model().continue_saved.words_left == 4);
    CHECK(c.screen() == Screen::ContinueSaved);

    try_code(c, typed, "BLUEBELL"); // the word is matched without regard to case
    REQUIRE(c.screen() == Screen::Form);
    CHECK(position(c) == left_at);
    CHECK(c.session()->response("2026-01-01T00:00:00Z")["item"] == answers_before);
    CHECK(parked_count(st) == 1); // kept until sent: the carer may walk away again

    // The rest of the form, then Send: the parked copy goes.
    for (int i = 0; i < 200 && c.session() && !c.session()->complete(); ++i) {
        engine::FormSession& s = *c.session();
        if (s.view() == engine::View::CheckAnswers) {
            apply(c, {Intent::Kind::Submit});
        } else {
            REQUIRE(app::answer_page_with_samples(s));
            apply(c, {Intent::Kind::Next});
        }
    }
    REQUIRE(c.session()->complete());
    CHECK(c.model().notice == ui::KioskModel::Notice::Saved);
    CHECK(parked_count(st) == 0);
    auto waiting = st.local->outbox().count();
    REQUIRE(waiting);
    CHECK(*waiting == 1);
}

TEST_CASE("five wrong words delete a saved form, and unknown, malformed and rate-limited codes "
          "each get their own answer") {
    ImGuiContextForTest imgui;
    SetClock t;
    TestStore st(t.unix, 2);
    app::ParkedDraftJobs jobs(st.access(), {});
    KioskController c(shipped_forms(), enrolled_config(), &st.local->database(), t.clock());
    c.set_parked_draft_jobs(&jobs);
    REQUIRE(c.open_form("emergency-card"));
    answer_pages(c, 2);
    park(c, "primrose");
    const std::string code = c.model().save_for_later.shown_code;
    REQUIRE(c.model().save_for_later.stage == Stage::Saved);
    apply(c, {Intent::Kind::FinishAndClear});
    apply(c, {Intent::Kind::Wake});
    apply(c, {Intent::Kind::GoHome});
    apply(c, {Intent::Kind::OpenContinueSaved});

    try_code(c, "4CHK", "primrose");
    CHECK(c.model().continue_saved.status == Status::NotACode); // told at once, nothing tried
    try_code(c, code, "");
    CHECK(c.model().continue_saved.status == Status::NotAWord);
    for (int left = 4; left >= 1; --left) {
        try_code(c, code, "tulip");
        CHECK(c.model().continue_saved.status == Status::WrongWord);
        CHECK(c.model().continue_saved.words_left == left);
    }
    try_code(c, code, "tulip");
    CHECK(c.model().continue_saved.status == Status::Deleted);
    CHECK(parked_count(st) == 0);
    CHECK(c.ui_state().resume_code.empty());

    try_code(c, code, "primrose"); // gone: the right word cannot bring it back
    CHECK(c.model().continue_saved.status == Status::NoSuchCode);
    CHECK(c.model().continue_saved.days == 14);
    try_code(c, "HHHH-HHHH", "primrose"); // the second unknown code reaches this kiosk's limit of 2
    CHECK(c.model().continue_saved.status == Status::TooManyCodes);
    CHECK(c.model().continue_saved.minutes == 15);
    CHECK(c.screen() == Screen::ContinueSaved);
}

TEST_CASE("when the store cannot save for later, the carer is told and keeps every answer") {
    ImGuiContextForTest imgui;
    SetClock t;
    TestStore st(t.unix);
    app::ParkedDraftJobs::StoreAccess wrong = st.access();
    wrong.key = store::SecretKey::random(); // the job cannot open the store
    app::ParkedDraftJobs jobs(wrong, {});
    KioskController c(shipped_forms(), enrolled_config(), &st.local->database(), t.clock());
    c.set_parked_draft_jobs(&jobs);
    REQUIRE(c.open_form("carers-self-review"));
    answer_pages(c, 3);
    const std::string left_at = position(c);
    const nlohmann::json answers = c.session()->response("2026-01-01T00:00:00Z")["item"];

    park(c, "bluebell");
    CHECK(c.model().save_for_later.stage == Stage::Failed);
    CHECK(c.model().save_for_later.problem == ui::SaveForLaterModel::Problem::NotSaved);
    CHECK_FALSE(c.model().save_for_later.detail.empty());
    CHECK(c.model().save_for_later.shown_code.empty());
    REQUIRE(c.in_session());
    apply(c, {Intent::Kind::GoHome}); // "Back to the form"
    REQUIRE(c.screen() == Screen::Form);
    CHECK(position(c) == left_at);
    CHECK(c.session()->response("2026-01-01T00:00:00Z")["item"] == answers);
    CHECK(parked_count(st) == 0);
}

TEST_CASE("'Am I a carer?' and personal mode offer no 'Save and come back later'") {
    ImGuiContextForTest imgui;
    SetClock t;
    TestStore st(t.unix);
    app::ParkedDraftJobs jobs(st.access(), {});
    KioskController c(shipped_forms(), enrolled_config(), &st.local->database(), t.clock());
    c.set_parked_draft_jobs(&jobs);
    REQUIRE(c.open_form("am-i-a-carer"));
    CHECK_FALSE(c.model().can_save_for_later);
    apply(c, {Intent::Kind::SaveForLater});
    CHECK(c.screen() == Screen::Form);
    c.set_personal_mode(true);
    REQUIRE(c.open_form("carers-self-review"));
    CHECK_FALSE(c.model().can_save_for_later);
    CHECK_FALSE(c.model().can_continue_saved);
}

TEST_CASE("personal mode keeps the form after each page, offers it at the next start, and Start "
          "again deletes it") {
    ImGuiContextForTest imgui;
    SetClock t;
    TestStore st(t.unix);
    std::string left_at;
    nlohmann::json answers;
    {
        KioskController c(shipped_forms(), enrolled_config(), &st.local->database(), t.clock());
        c.set_personal_mode(true);
        CHECK(c.model().personal_draft.form_id.empty());
        REQUIRE(c.open_form("carers-self-review"));
        answer_pages(c, 4);
        left_at = position(c);
        answers = c.session()->response("2026-01-01T00:00:00Z")["item"];
        auto kept = st.local->personal_drafts().latest();
        REQUIRE(kept);
        REQUIRE(kept->has_value()); // saved on the move, before anything else happened
        // The kiosk process ends here without any "save" from the carer.
    }
    KioskController c(shipped_forms(), enrolled_config(), &st.local->database(), t.clock());
    c.set_personal_mode(true);
    CHECK(c.model().personal_draft.form_id == "carers-self-review");
    CHECK(c.model().personal_draft.title == "Carers Self Review");
    apply(c, {Intent::Kind::Wake});
    apply(c, {Intent::Kind::GoHome});
    apply(c, {Intent::Kind::CarryOnDraft});
    REQUIRE(c.screen() == Screen::Form);
    CHECK(position(c) == left_at);
    CHECK(c.session()->response("2026-01-01T00:00:00Z")["item"] == answers);

    // Walking away still clears the screen; the form stays on the device for its owner.
    c.note_input();
    t.steady += 200;
    c.tick();
    CHECK(c.screen() == Screen::Attract);
    CHECK_FALSE(c.in_session());
    CHECK(c.model().personal_draft.form_id == "carers-self-review");

    apply(c, {Intent::Kind::DiscardDraft});
    CHECK(c.model().personal_draft.form_id.empty());
    auto kept = st.local->personal_drafts().latest();
    REQUIRE(kept);
    CHECK_FALSE(kept->has_value());
}

TEST_CASE("personal mode: saved answers that no longer open are not swapped for an empty form in "
          "silence; they are kept until Start again, which deletes them and opens the form") {
    ImGuiContextForTest imgui;
    SetClock t;
    TestStore st(t.unix);
    {
        KioskController c(shipped_forms(), enrolled_config(), &st.local->database(), t.clock());
        c.set_personal_mode(true);
        REQUIRE(c.open_form("carers-self-review"));
        answer_pages(c, 3);
    }
    auto kept = st.local->personal_drafts().latest();
    REQUIRE(kept);
    REQUIRE(kept->has_value());
    const std::string url = (*kept)->form_url;
    SECTION("the form has changed since") {
        nlohmann::json d = nlohmann::json::parse((*kept)->draft);
        d["questionnaire"] = d["questionnaire"].get<std::string>() + "-an-earlier-version";
        REQUIRE(st.local->personal_drafts().save(url, d.dump(), t.unix));
    }
    SECTION("the saved copy is damaged") {
        REQUIRE(st.local->personal_drafts().save(url, R"({"format": "carers-kiosk-dr)", t.unix));
    }
    secure_wipe((*kept)->draft);

    KioskController c(shipped_forms(), enrolled_config(), &st.local->database(), t.clock());
    c.set_personal_mode(true);
    REQUIRE(c.model().personal_draft.form_id == "carers-self-review");
    CHECK_FALSE(c.model().personal_draft.cannot_open); // not known until it is tried
    apply(c, {Intent::Kind::Wake});
    apply(c, {Intent::Kind::GoHome});
    apply(c, {Intent::Kind::CarryOnDraft});
    CHECK(c.screen() == Screen::Home); // told, not given an empty form
    CHECK_FALSE(c.in_session());
    CHECK(c.model().personal_draft.cannot_open);
    CHECK(c.model().personal_draft.form_id == "carers-self-review");
    auto still = st.local->personal_drafts().load(url);
    REQUIRE(still);
    CHECK(still->has_value()); // nothing deleted without the carer's say

    // The form's own card says the same rather than opening empty over the saved answers.
    apply(c, {Intent::Kind::OpenForm, "carers-self-review"});
    CHECK(c.screen() == Screen::Home);
    CHECK_FALSE(c.in_session());
    CHECK(c.model().personal_draft.cannot_open);

    apply(c, {Intent::Kind::DiscardDraft}); // "Start again"
    REQUIRE(c.screen() == Screen::Form);
    REQUIRE(c.in_session());
    CHECK(c.session()->store().all().empty());
    CHECK(c.model().personal_draft.form_id.empty());
    auto gone = st.local->personal_drafts().load(url);
    REQUIRE(gone);
    CHECK_FALSE(gone->has_value());
    CHECK(drafts_deleted(st) == std::vector<std::string>{"discarded"});
}

TEST_CASE("personal mode: when the form cannot be saved on the device the carer is told on the "
          "form without being stopped, and no longer once a save works again") {
    ImGuiContextForTest imgui;
    SetClock t;
    TestStore st(t.unix);
    // The controller's own connection, waiting only briefly for another's lock (the store's
    // default is 5 s a try).
    store::OpenOptions quick;
    quick.create = false;
    quick.check_integrity = false;
    quick.busy_timeout_ms = 50;
    auto db = store::Database::open(st.options.key.database, st.key, quick);
    REQUIRE(db);
    KioskController c(shipped_forms(), enrolled_config(), db.value().get(), t.clock());
    c.set_personal_mode(true);
    REQUIRE(c.open_form("carers-self-review"));
    answer_pages(c, 2);
    CHECK_FALSE(c.model().personal_not_kept);

    // Another program holds the database's write lock: the next page cannot be kept.
    REQUIRE(st.local->database().exec("BEGIN IMMEDIATE"));
    const std::string before = position(c);
    answer_pages(c, 1);
    CHECK(c.model().personal_not_kept);
    CHECK(c.screen() == Screen::Form); // not stopped: on to the next page with the answers
    CHECK(position(c) != before);
    REQUIRE(st.local->database().exec("ROLLBACK"));

    answer_pages(c, 1); // the next move saves again, and the notice goes
    CHECK_FALSE(c.model().personal_not_kept);
    auto kept = st.local->personal_drafts().latest();
    REQUIRE(kept);
    REQUIRE(kept->has_value());
    nlohmann::json d = nlohmann::json::parse((*kept)->draft);
    CHECK(d["answers"].size() == c.session()->store().all().size());
    engine::wipe_json(d);
    secure_wipe((*kept)->draft);

    // A wipe starts the next person without the notice.
    REQUIRE(st.local->database().exec("BEGIN IMMEDIATE"));
    answer_pages(c, 1);
    CHECK(c.model().personal_not_kept);
    REQUIRE(st.local->database().exec("ROLLBACK"));
    apply(c, {Intent::Kind::FinishAndClear});
    REQUIRE(c.open_form("carers-self-review"));
    CHECK_FALSE(c.model().personal_not_kept);
}
