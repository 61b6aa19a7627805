#include "sync/centre/centre_server.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include <httplib.h>

#include "sync/protocol/wire.h"

namespace carers::sync {

namespace {

void send(httplib::Response& res, const ServiceReply& reply, bool close_connection) {
    res.status = reply.status;
    res.set_content(reply.body, "application/json");
    if (reply.retry_after_s >= 0) res.set_header("Retry-After", std::to_string(reply.retry_after_s));
    res.set_header("Cache-Control", "no-store");
    if (close_connection) res.set_header("Connection", "close");
}

bool acceptable_encoding(const std::string& encoding) {
    return encoding.empty() || encoding == "identity" || encoding == "gzip" || encoding == "deflate";
}

std::string timestamp() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

CentreServer::CentreServer(SubmissionService& service, CentreServerOptions options)
    : service_(service), options_(std::move(options)) {}

CentreServer::~CentreServer() { stop(); }

void CentreServer::write_log(const std::string& line) {
    std::string full = timestamp() + " " + line;
    if (options_.log) options_.log(full);
    else std::fprintf(stderr, "%s\n", full.c_str());
}

Result<void> CentreServer::bind() {
    for (const auto& f : {options_.certificate_file, options_.private_key_file})
        if (!std::filesystem::is_regular_file(f))
            return make_error("The TLS file " + f + " does not exist.");
    server_ = std::make_unique<httplib::SSLServer>(options_.certificate_file.c_str(),
                                                   options_.private_key_file.c_str());
    if (!server_->is_valid())
        return make_error("The TLS certificate or key (" + options_.certificate_file + ", " + options_.private_key_file +
                          ") cannot be loaded, or they do not belong together.");
    const auto& limits = service_.limits();
    server_->set_tcp_nodelay(true);
    server_->set_keep_alive_max_count(1'000'000);
    server_->set_keep_alive_timeout(options_.keep_alive_timeout_s);
    server_->set_read_timeout(options_.read_timeout_s, 0);
    server_->set_write_timeout(options_.read_timeout_s, 0);
    server_->set_payload_max_length(limits.max_body_bytes);
    const auto threads = static_cast<std::size_t>(std::max(2, options_.threads));
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    install_routes();
    if (options_.port == 0) {
        port_ = server_->bind_to_any_port(options_.bind_address);
        if (port_ <= 0) return make_error("No port could be bound on " + options_.bind_address + ".");
    } else {
        if (!server_->bind_to_port(options_.bind_address, options_.port))
            return make_error("Port " + std::to_string(options_.port) + " on " + options_.bind_address +
                              " cannot be used (in use, or needs privileges).");
        port_ = options_.port;
    }
    return {};
}

void CentreServer::run() {
    if (!server_) return;
    write_log("listening on https://" + options_.bind_address + ":" + std::to_string(port_));
    server_->listen_after_bind();
}

void CentreServer::stop() {
    if (server_) server_->stop();
}

void CentreServer::install_routes() {
    server_->Get("/v1/health", [this](const httplib::Request&, httplib::Response& res) {
        auto reply = service_.health();
        send(res, reply, false);
    });

    server_->Post("/v1/submissions", [this](const httplib::Request& req, httplib::Response& res,
                                            const httplib::ContentReader& reader) {
        // A refusal before the body is read leaves it unread in the socket: close the connection.
        auto admission = service_.admit(req.get_header_value("Authorization"));
        if (!admission.admitted) {
            write_log("POST /v1/submissions " + admission.refusal.log);
            send(res, admission.refusal, true);
            return;
        }
        const auto& limits = service_.limits();
        auto refuse = [&](int status, const std::string& why) {
            auto reply = error_reply(status, why);
            write_log("POST /v1/submissions " + std::to_string(status) + " device=" + admission.device_id + " " +
                      reply.log);
            send(res, reply, true);
        };
        if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
            return refuse(415, "The body must be application/json.");
        if (!acceptable_encoding(req.get_header_value("Content-Encoding")))
            return refuse(415, "The body's Content-Encoding must be gzip or none.");
        if (req.get_header_value<std::uint64_t>("Content-Length") > limits.max_body_bytes)
            return refuse(413, "The request is larger than the centre's limit of " +
                                   std::to_string(limits.max_body_bytes) + " bytes; send smaller batches.");

        std::string body;
        bool too_big = false;
        bool ok = reader([&](const char* data, std::size_t n) {
            // Counted after gzip is undone, so a small compressed bomb cannot exhaust memory.
            if (body.size() + n > limits.max_body_bytes) {
                too_big = true;
                return false;
            }
            body.append(data, n);
            return true;
        });
        if (too_big || res.status == 413)
            return refuse(413, "The request is larger than the centre's limit of " +
                                   std::to_string(limits.max_body_bytes) + " bytes once decompressed.");
        if (!ok)
            return refuse(400, "The request body could not be read in full (cut short, or gzip that does "
                               "not decompress).");
        auto reply = service_.submit(admission.device_id, body);
        write_log("POST /v1/submissions " + reply.log);
        send(res, reply, reply.status != 200);
    });

    server_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) {
            std::string reason = res.status == 404 ? "There is nothing at this address."
                                 : res.status == 413 ? "The request is too large."
                                                     : "The request could not be handled.";
            res.set_content(encode_error(reason), "application/json");
        }
    });
    server_->set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        // Nothing of the request goes into the log: the exception text might quote it.
        write_log("internal error while handling a request");
        res.status = 500;
        res.set_content(encode_error("The centre met an internal error; nothing was stored."), "application/json");
        res.set_header("Connection", "close");
    });
}

}  // namespace carers::sync
