// Test helper standing in for the Carers Centre: makes a centre key pair, and opens what a kiosk
// saved (with the kiosk's database key and the centre's secret key) to print the payloads.
//
//   outbox_reader keygen DIR          writes DIR/centre.pk (base64) and DIR/centre.sk (raw, 0600)
//   outbox_reader read DATA_DIR SK    prints one JSON payload per line
//   outbox_reader audit DATA_DIR      prints the audit log, oldest first: "event subject" a line
//   outbox_reader sent-expiring DATA_DIR SECS
//                                     adds a submission the centre has confirmed, kept SECS more
//                                     seconds (outbox retention); prints its id
//   outbox_reader has DATA_DIR ID     prints "yes" if the outbox still holds ID, else "no"
//   outbox_reader drafts DATA_DIR     prints "parked N personal M": saved forms in the store
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sys/stat.h>

#include <sodium.h>

#include "kiosk/store/audit_log.h"
#include "kiosk/store/database.h"
#include "kiosk/store/key_file.h"
#include "kiosk/store/outbox.h"
#include "kiosk/store/parked_drafts.h"
#include "kiosk/store/personal_drafts.h"
#include "kiosk/store/settings.h"

using namespace carers::store;

int main(int argc, char** argv) {
    if (sodium_init() < 0) return 1;
    std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd == "keygen" && argc == 3) {
        CentrePublicKey pk;
        std::array<std::uint8_t, 32> sk;
        crypto_box_keypair(pk.data(), sk.data());
        std::string dir = argv[2];
        std::ofstream(dir + "/centre.pk") << to_base64(pk.data(), pk.size()) << "\n";
        std::ofstream(dir + "/centre.sk", std::ios::binary).write(reinterpret_cast<const char*>(sk.data()), 32);
        chmod((dir + "/centre.sk").c_str(), 0600);
        return 0;
    }
    if (cmd == "read" && argc == 4) {
        std::filesystem::path data = argv[2];
        auto key = load_key_file(data / "kiosk.key");
        if (!key) return std::cerr << key.message() << "\n", 1;
        auto db = Database::open(data / "kiosk.db", key.value());
        if (!db) return std::cerr << db.message() << "\n", 1;
        std::array<std::uint8_t, 32> sk{};
        std::ifstream(argv[3], std::ios::binary).read(reinterpret_cast<char*>(sk.data()), 32);
        CentrePublicKey pk;
        crypto_scalarmult_base(pk.data(), sk.data());
        auto pending = Outbox(*db.value()).pending(1000, 1 << 30);
        if (!pending) return std::cerr << pending.message() << "\n", 1;
        for (const auto& e : pending.value()) {
            auto plain = open_sealed(e.sealed, pk, sk);
            if (!plain) return std::cerr << plain.message() << "\n", 1;
            std::cout << plain.value() << "\n";
        }
        return 0;
    }
    if (cmd == "audit" && argc == 3) {
        std::filesystem::path data = argv[2];
        auto key = load_key_file(data / "kiosk.key");
        if (!key) return std::cerr << key.message() << "\n", 1;
        auto db = Database::open(data / "kiosk.db", key.value());
        if (!db) return std::cerr << db.message() << "\n", 1;
        auto entries = recent_audit(*db.value(), 100000);
        if (!entries) return std::cerr << entries.message() << "\n", 1;
        for (auto it = entries->rbegin(); it != entries->rend(); ++it) std::cout << it->event << " " << it->subject << "\n";
        return 0;
    }
    if ((cmd == "sent-expiring" || cmd == "has") && argc == 4) {
        std::filesystem::path data = argv[2];
        auto key = load_key_file(data / "kiosk.key");
        if (!key) return std::cerr << key.message() << "\n", 1;
        auto db = Database::open(data / "kiosk.db", key.value());
        if (!db) return std::cerr << db.message() << "\n", 1;
        if (cmd == "has") {
            auto st = db.value()->prepare("SELECT count(*) FROM outbox WHERE id = ?");
            if (!st) return std::cerr << st.message() << "\n", 1;
            auto row = st->bind(1, std::string(argv[3])).step();
            if (!row || !*row) return std::cerr << "cannot read the outbox\n", 1;
            std::cout << (st->integer(0) > 0 ? "yes" : "no") << "\n";
            return 0;
        }
        CentrePublicKey pk;
        std::array<std::uint8_t, 32> sk;
        crypto_box_keypair(pk.data(), sk.data());
        const auto now = static_cast<std::int64_t>(std::time(nullptr));
        Outbox outbox(*db.value());
        auto id = outbox.submit({"https://example.org/fhir/Questionnaire/am-i-a-carer", "1", "am-i-a-carer", "{}"}, pk, now);
        if (!id) return std::cerr << id.message() << "\n", 1;
        auto sent = outbox.pending(1000, 1 << 30);
        if (!sent) return std::cerr << sent.message() << "\n", 1;
        std::string hash;
        for (const auto& e : sent.value())
            if (e.id == id.value()) hash = e.sha256;
        if (auto r = Settings(*db.value()).set_int(setting::outbox_retention_seconds, std::atoll(argv[3])); !r)
            return std::cerr << r.message() << "\n", 1;
        if (auto r = outbox.remove_confirmed({{id.value(), hash}}, now); !r) return std::cerr << r.message() << "\n", 1;
        std::cout << id.value() << "\n";
        return 0;
    }
    if (cmd == "drafts" && argc == 3) {
        std::filesystem::path data = argv[2];
        auto key = load_key_file(data / "kiosk.key");
        if (!key) return std::cerr << key.message() << "\n", 1;
        auto db = Database::open(data / "kiosk.db", key.value());
        if (!db) return std::cerr << db.message() << "\n", 1;
        auto parked = ParkedDrafts(*db.value()).count();
        auto personal = PersonalDrafts(*db.value()).forms();
        if (!parked || !personal) return std::cerr << "cannot count drafts\n", 1;
        std::cout << "parked " << *parked << " personal " << personal->size() << "\n";
        return 0;
    }
    std::cerr << "usage: outbox_reader keygen DIR | read DATA_DIR CENTRE_SK | audit DATA_DIR | sent-expiring DATA_DIR SECS"
                 " | has DATA_DIR ID | drafts DATA_DIR\n";
    return 2;
}
