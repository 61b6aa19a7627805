// CentreServer: the Carers Centre's HTTPS endpoint (cpp-httplib + OpenSSL) in front of a
// SubmissionService. Routes: POST /v1/submissions, GET /v1/health; anything else is 404.
//
// Tuned per research/stack.md §7: TCP_NODELAY on and a long keep-alive, so a kiosk's batches
// share one TLS connection. Bodies are capped before and after gzip is undone (413), slow or
// stalled clients time out, and a refused request closes its connection so an unread body can
// never be taken for the next request.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "kiosk/common/result.h"
#include "sync/centre/submission_service.h"

namespace httplib {
class SSLServer;
}

namespace carers::sync {

struct CentreServerOptions {
    std::string bind_address = "127.0.0.1";
    int port = 8443;  // 0: any free port (see port())
    std::string certificate_file;
    std::string private_key_file;
    int read_timeout_s = 30;
    // A kiosk holds its connection only while it syncs (the gap between batches is milliseconds),
    // so idle connections are let go soon, freeing their worker thread.
    int keep_alive_timeout_s = 15;
    // Worker threads: each kiosk syncing at this moment holds one for its kept-alive connection.
    int threads = 32;
    // Where the log lines go (stderr by default). Lines carry status codes, device ids and
    // counts; never bodies, tokens, addresses of people or anything from inside an envelope.
    std::function<void(const std::string&)> log;
};

class CentreServer {
public:
    CentreServer(SubmissionService& service, CentreServerOptions options);
    ~CentreServer();
    CentreServer(const CentreServer&) = delete;
    CentreServer& operator=(const CentreServer&) = delete;

    // Loads the certificate and binds the port. Fails with a sentence (bad certificate or key,
    // port in use).
    Result<void> bind();
    int port() const { return port_; }
    // Serves until stop(); call after bind(), typically on its own thread.
    void run();
    // Safe from any thread, and from a signal-watching thread.
    void stop();

private:
    void install_routes();
    void write_log(const std::string& line);

    SubmissionService& service_;
    CentreServerOptions options_;
    std::unique_ptr<httplib::SSLServer> server_;
    int port_ = 0;
};

}  // namespace carers::sync
