#include <catch2/catch_test_macros.hpp>

#include "kiosk/store/key_file.h"
#include "kiosk/store/local_store.h"
#include "kiosk/store/resume_code.h"
#include "tests/store/decrypted_pages.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;

namespace {
constexpr std::int64_t day = 86400;
const std::string draft_json = R"({"form":"self-review","answers":{"name":"DRAFT-MARKER-41"}})";
}  // namespace

TEST_CASE_METHOD(StoreFolder, "a personal draft saved as the carer goes is offered again at the next start") {
    {
        auto s = open(100);
        auto drafts = s->personal_drafts();
        REQUIRE(drafts.save("form-a", R"({"step":1})", 100).ok());
        REQUIRE(drafts.save("form-a", R"({"step":2})", 110).ok());
        REQUIRE(drafts.save("form-b", R"({"step":9})", 105).ok());
    }
    auto s = open(200);
    auto latest = s->personal_drafts().latest();
    REQUIRE(latest.ok());
    REQUIRE(latest->has_value());
    CHECK((*latest)->form_url == "form-a");
    CHECK((*latest)->draft == R"({"step":2})");
    CHECK((*latest)->started_at == 100);
    CHECK((*latest)->updated_at == 110);
    CHECK(s->personal_drafts().forms().value() == std::vector<std::string>{"form-a", "form-b"});
    REQUIRE(s->personal_drafts().remove("form-a", "finished", 201).ok());
    CHECK((*s->personal_drafts().latest())->form_url == "form-b");
    auto log = recent_audit(s->database(), 50).value();
    int saved = 0;
    for (const auto& e : log) saved += e.event == "draft-saved" ? 1 : 0;
    CHECK(saved == 2);  // the first save of each form, not every keystroke
}

TEST_CASE("resume codes are 8 characters without look-alikes and are read back forgivingly") {
    for (int i = 0; i < 200; ++i) {
        auto code = new_resume_code();
        REQUIRE(code.size() == 8);
        for (char c : code) CHECK(std::string("0O1IL2Z5S8BGDQUVJ").find(c) == std::string::npos);
        CHECK(normalise_resume_code(format_resume_code(code)) == code);
    }
    CHECK(normalise_resume_code(" 4chk-79xt ") == std::optional<std::string>("4CHK79XT"));
    CHECK_FALSE(normalise_resume_code("4CHK-79X").has_value());
    CHECK_FALSE(normalise_resume_code("0CHK-79XT").has_value());
}

TEST_CASE_METHOD(StoreFolder, "a parked draft opens with its code and word, and not with the database key alone") {
    auto s = open(1000);
    auto parked = s->parked_drafts();
    auto ticket = parked.save(draft_json, "  Lighthouse ", 1000);
    REQUIRE(ticket.ok());
    CHECK(ticket->shown_code.size() == 9);
    CHECK(ticket->expires_at == 1000 + 14 * day);

    // What the database key can read: no draft, no code, no word.
    std::string readable = everything_readable(s->database());
    CHECK(readable.find("DRAFT-MARKER-41") == std::string::npos);
    CHECK(readable.find(ticket->code) == std::string::npos);
    CHECK(readable.find("lighthouse") == std::string::npos);

    auto opened = parked.resume(ticket->shown_code, "lighthouse", 1001);
    REQUIRE(opened.ok());
    REQUIRE(opened->status == ResumeStatus::opened);
    CHECK(opened->draft == draft_json);
    REQUIRE(parked.remove(opened->handle, "finished", 1002).ok());
    CHECK(parked.count().value() == 0);
    CHECK(parked.resume(ticket->code, "lighthouse", 1003)->status == ResumeStatus::no_such_code);
}

TEST_CASE_METHOD(StoreFolder, "five wrong words delete a parked draft, counted across restarts") {
    std::string code;
    {
        auto s = open(1000);
        code = s->parked_drafts().save(draft_json, "lighthouse", 1000)->code;
        for (int i = 1; i <= 3; ++i) {
            auto r = s->parked_drafts().resume(code, "harbour", 1000 + i);
            REQUIRE(r.ok());
            CHECK(r->status == ResumeStatus::wrong_word);
            CHECK(r->words_left == 5 - i);
        }
    }
    auto s = open(1010);
    auto parked = s->parked_drafts();
    CHECK(parked.resume(code, "harbour", 1011)->words_left == 1);
    CHECK(parked.resume(code, "harbour", 1012)->status == ResumeStatus::deleted);
    CHECK(parked.count().value() == 0);
    CHECK(parked.resume(code, "lighthouse", 1013)->status == ResumeStatus::no_such_code);
    bool audited = false;
    auto log = recent_audit(s->database(), 50).value();
    for (const auto& e : log)
        audited |= e.event == "draft-deleted" && e.subject == "wrong-words";
    CHECK(audited);
}

TEST_CASE_METHOD(StoreFolder, "a right word resets the wrong-word count; bad codes and empty words cost no tries") {
    auto s = open(1000);
    auto parked = s->parked_drafts();
    auto code = parked.save(draft_json, "lighthouse", 1000)->code;
    for (int i = 0; i < 4; ++i) REQUIRE(parked.resume(code, "harbour", 1001)->status == ResumeStatus::wrong_word);
    REQUIRE(parked.resume(code, "lighthouse", 1002)->status == ResumeStatus::opened);
    CHECK(parked.resume(code, "harbour", 1003)->words_left == 4);
    CHECK(parked.resume("nonsense", "lighthouse", 1004)->status == ResumeStatus::not_a_code);
    CHECK(parked.resume(code, "  ", 1004)->status == ResumeStatus::not_a_word);
    CHECK(parked.resume(code, "harbour", 1005)->words_left == 3);
    CHECK_FALSE(parked.save(draft_json, "ab", 1006).ok());
}

TEST_CASE_METHOD(StoreFolder, "parked drafts expire after 14 days, or as configured, at start-up or the hourly purge") {
    std::string code;
    {
        auto s = open(0);
        code = s->parked_drafts().save(draft_json, "lighthouse", 0)->code;
        REQUIRE(s->settings().set_int(setting::parked_draft_days, 2).ok());
        auto short_lived = s->parked_drafts().save(draft_json, "lighthouse", 0);
        REQUIRE(short_lived.ok());
        CHECK(short_lived->expires_at == 2 * day);
        auto purged = s->purge_expired(2 * day);
        REQUIRE(purged.ok());
        CHECK(purged->parked_drafts == 1);
        CHECK(s->parked_drafts().resume(code, "lighthouse", 14 * day - 1)->status == ResumeStatus::opened);
    }
    auto s = open(14 * day);
    CHECK(s->parked_drafts().count().value() == 0);
}

TEST_CASE("a memorable word matches however its accents, capitals, width and spaces were typed") {
    auto same = [](std::string_view a, std::string_view b) {
        auto x = normalise_memorable_word(a), y = normalise_memorable_word(b);
        INFO(std::string(a) + " | " + std::string(b));
        REQUIRE(x.has_value());
        REQUIRE(y.has_value());
        CHECK(*x == *y);
    };
    same("Zo\xC3\xAB", "ZOE\xCC\x88");                              // precomposed ë, and E + combining diaeresis
    same("caf\xC3\xA9", "CAF\xC3\x89");                             // é and É
    same("Stra\xC3\x9F" "e", "STRASSE");                            // ß folds to ss
    same("\xEF\xBD\x8C\xEF\xBD\x89\xEF\xBD\x87\xEF\xBD\x88\xEF\xBD\x94", "light");  // full-width letters
    same("  my \t dog\xC2\xA0", "My Dog");                          // tab, no-break space, capitals
    same("light\xC2\xADhouse", "lighthouse");                       // a soft hyphen is ignored
    same("\xD0\x9C\xD0\x9E\xD0\xA0\xD0\x95", "\xD0\xBC\xD0\xBE\xD1\x80\xD0\xB5");  // МОРЕ and море
    CHECK(normalise_memorable_word("  My   Dog ") == std::optional<std::string>("my dog"));

    // Different words stay different: accents are part of the word.
    CHECK(normalise_memorable_word("cafe") != normalise_memorable_word("caf\xC3\xA9"));
    // Lengths are counted in characters, after normalisation; invalid UTF-8 is refused.
    std::string forty_accents;
    for (int i = 0; i < 40; ++i) forty_accents += "\xC3\xA9";
    CHECK(normalise_memorable_word(forty_accents).has_value());
    CHECK_FALSE(normalise_memorable_word(forty_accents + "\xC3\xA9").has_value());
    CHECK_FALSE(normalise_memorable_word("ab").has_value());
    CHECK(normalise_memorable_word(" a  b ") == std::optional<std::string>("a b"));  // three characters
    CHECK_FALSE(normalise_memorable_word("light\xFFhouse").has_value());
    CHECK_FALSE(normalise_memorable_word("\xC3").has_value());
}

TEST_CASE_METHOD(StoreFolder, "a draft parked with an accented word opens when the word is typed another way") {
    auto s = open(1000);
    auto parked = s->parked_drafts();
    auto ticket = parked.save(draft_json, "Zo\xC3\xAB", 1000);
    REQUIRE(ticket.ok());
    auto wrong = parked.resume(ticket->code, "Zoe", 1001);
    REQUIRE(wrong.ok());
    CHECK(wrong->status == ResumeStatus::wrong_word);
    auto opened = parked.resume(ticket->code, " ZOE\xCC\x88 ", 1002);
    REQUIRE(opened.ok());
    REQUIRE(opened->status == ResumeStatus::opened);
    CHECK(opened->draft == draft_json);
}

TEST_CASE_METHOD(StoreFolder, "personal drafts untouched for 30 days, or as configured, are deleted by the purge") {
    {
        auto s = open(0);
        auto drafts = s->personal_drafts();
        REQUIRE(drafts.save("old-form", R"({"step":1})", 0).ok());
        REQUIRE(drafts.save("busy-form", R"({"step":1})", 0).ok());
        REQUIRE(drafts.save("busy-form", R"({"step":2})", 20 * day).ok());  // changed since: kept longer
        CHECK(drafts.load("old-form").value()->expires_at == 30 * day);
        auto purged = s->purge_expired(30 * day - 1);
        REQUIRE(purged.ok());
        CHECK(purged->personal_drafts == 0);
    }
    {
        auto s = open(30 * day);  // opening purges
        CHECK(s->personal_drafts().forms().value() == std::vector<std::string>{"busy-form"});
        bool audited = false;
        auto log = recent_audit(s->database(), 50).value();
        for (const auto& e : log) audited |= e.event == "draft-deleted" && e.subject == "expired-personal:1";
        CHECK(audited);

        // 0 keeps drafts until they are finished; a shorter setting takes effect at the next purge.
        REQUIRE(s->settings().set_int(setting::personal_draft_days, 0).ok());
        CHECK(s->personal_drafts().load("busy-form").value()->expires_at == 0);
        CHECK(s->purge_expired(1000 * day)->personal_drafts == 0);
        REQUIRE(s->settings().set_int(setting::personal_draft_days, 5).ok());
        CHECK(s->purge_expired(25 * day)->personal_drafts == 1);
        CHECK(s->personal_drafts().forms().value().empty());
    }
}

TEST_CASE_METHOD(StoreFolder, "after ten unknown resume codes in 15 minutes no code is tried at this kiosk until the window ends") {
    std::string code;
    {
        auto s = open(1000);
        auto parked = s->parked_drafts();
        code = parked.save(draft_json, "lighthouse", 1000)->code;
        // Wrong words for a real code are the draft's own business: they do not count here.
        for (int i = 0; i < 4; ++i) REQUIRE(parked.resume(code, "harbour", 1001)->status == ResumeStatus::wrong_word);
        for (int i = 1; i <= 9; ++i) {
            std::string guess = new_resume_code();
            REQUIRE(guess != code);
            auto r = parked.resume(guess, "lighthouse", 1000 + i);
            REQUIRE(r.ok());
            CHECK(r->status == ResumeStatus::no_such_code);
        }
        CHECK(parked.resume(code, "lighthouse", 1010)->status == ResumeStatus::opened);  // still open to carers
        auto tenth = parked.resume(new_resume_code(), "lighthouse", 1011);
        REQUIRE(tenth.ok());
        CHECK(tenth->status == ResumeStatus::too_many_codes);
        CHECK(tenth->retry_at == 1001 + 15 * 60);
    }
    // Restarting the kiosk does not lift the block; while it lasts even the right code is not tried.
    {
        auto s = open(1100);
        auto parked = s->parked_drafts();
        auto r = parked.resume(code, "lighthouse", 1100);
        REQUIRE(r.ok());
        CHECK(r->status == ResumeStatus::too_many_codes);
        CHECK(r->retry_at == 1901);
        CHECK(parked.resume(code, "harbour", 1101)->status == ResumeStatus::too_many_codes);  // no word spent
        CHECK(parked.resume(code, "lighthouse", 1901)->status == ResumeStatus::opened);      // the window has ended
        auto log = recent_audit(s->database(), 100).value();
        bool audited = false;
        for (const auto& e : log) audited |= e.event == "draft-resume-limited" && e.subject == "unknown-codes:10";
        CHECK(audited);
    }
    // Staff can lift a block at once.
    {
        auto s = open(2000);
        auto parked = s->parked_drafts();
        for (int i = 0; i < 10; ++i) (void)parked.resume(new_resume_code(), "lighthouse", 2000);
        REQUIRE(parked.resume(code, "lighthouse", 2001)->status == ResumeStatus::too_many_codes);
        REQUIRE(parked.guess_limit().clear(2002).ok());
        auto r = parked.resume(code, "lighthouse", 2003);
        REQUIRE(r.ok());
        CHECK(r->status == ResumeStatus::opened);
    }
}

TEST_CASE_METHOD(StoreFolder, "purge_if_due purges once an hour, and at once when the clock went back") {
    auto s = open(10'000);  // opening purged
    REQUIRE(s->settings().set_int(setting::parked_draft_days, 1).ok());
    REQUIRE(s->parked_drafts().save(R"({"a":1})", "lighthouse", 10'000).ok());
    CHECK_FALSE(s->purge_if_due(10'000 + 3599).value().has_value());
    auto later = s->purge_if_due(10'000 + 86'400);  // the draft expired and an hour has passed
    REQUIRE(later.ok());
    REQUIRE(later->has_value());
    CHECK((*later)->parked_drafts == 1);
    CHECK_FALSE(s->purge_if_due(10'000 + 86'400 + 60).value().has_value());
    CHECK(s->purge_if_due(5'000).value().has_value());  // clock set back
}

TEST_CASE_METHOD(StoreFolder, "a deleted draft or envelope leaves nothing in the file, even for someone holding the database key") {
    const std::string draft_text = "SECURE-DELETE-MARKER-she-falls-at-night";
    // The draft itself is sealed before SQLite sees it (field_key.h); its row's key is not.
    const std::string form_gone = "form-gone-SECURE-DELETE-ROW";
    std::vector<std::uint8_t> sealed_prefix;
    std::string envelope_id;
    {
        auto s = open(100);
        for (int i = 0; i < 40; ++i)  // neighbours, so the deleted rows share pages with live ones
            REQUIRE(s->personal_drafts().save("keep-" + std::to_string(i), R"({"n":)" + std::to_string(i) + "}", 100).ok());
        REQUIRE(s->personal_drafts().save(form_gone, R"({"notes":")" + draft_text + R"("})", 101).ok());
        auto id = s->outbox().submit({"u", "1", "k", std::string(5000, 'x')}, centre.pk, 102);
        REQUIRE(id.ok());
        envelope_id = *id;
        auto pending = s->outbox().pending(10, 1 << 20).value();
        REQUIRE(pending.size() == 1);
        sealed_prefix.assign(pending[0].sealed.begin(), pending[0].sealed.begin() + 24);
        REQUIRE(s->database().checkpoint().ok());
    }
    auto key = load_key_file(options.key.key_file).value();
    const std::string sealed(sealed_prefix.begin(), sealed_prefix.end());
    {
        // The scan can fail: before deletion, the database key shows all of it.
        std::string pages = decrypted_pages(options.key.database, key);
        REQUIRE(pages.find(form_gone) != std::string::npos);
        CHECK(pages.find(draft_text) == std::string::npos);  // sealed under the field key
        REQUIRE(pages.find(sealed) != std::string::npos);
        REQUIRE(pages.find(envelope_id) != std::string::npos);
    }
    {
        auto s = open(200);
        REQUIRE(s->personal_drafts().remove(form_gone, "finished", 200).ok());
        auto pending = s->outbox().pending(10, 1 << 20).value();
        REQUIRE(s->outbox().remove_confirmed({{envelope_id, pending[0].sha256}}, 201).ok());
        REQUIRE(s->outbox().count().value() == 0);
    }
    std::string pages = decrypted_pages(options.key.database, key);
    CHECK(pages.find(form_gone) == std::string::npos);
    CHECK(pages.find(draft_text) == std::string::npos);
    CHECK(pages.find(sealed) == std::string::npos);
    CHECK(pages.find("keep-39") != std::string::npos);  // the neighbours are still there
    const std::filesystem::path wal = options.key.database.string() + "-wal";
    CHECK((!std::filesystem::exists(wal) || std::filesystem::file_size(wal) == 0));
}

TEST_CASE_METHOD(StoreFolder, "purge_if_due keeps to a shorter interval when one is set (the kiosk's --purge-every)") {
    options.purge_interval_seconds = 2;
    auto s = open(10'000);  // opening purged
    CHECK_FALSE(s->purge_if_due(10'001).value().has_value());
    CHECK(s->purge_if_due(10'002).value().has_value());
    CHECK_FALSE(s->purge_if_due(10'003).value().has_value());
}
