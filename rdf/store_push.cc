#include "rdf/store_push.h"

#include <curl/curl.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include "core/error.h"

namespace ng {

namespace {

size_t collect(char* data, size_t size, size_t n, void* user) {
  auto* out = static_cast<std::string*>(user);
  if (out->size() < 2000) out->append(data, std::min(size * n, 2000 - out->size()));
  return size * n;
}

// The first line of a server's answer body, without markup, for messages.
std::string excerpt(const std::string& body) {
  std::string out;
  bool in_tag = false;
  for (char c : body) {
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false, out += ' ';
    else if (!in_tag)
      out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  std::string squeezed;
  for (char c : out)
    if (!(c == ' ' && (squeezed.empty() || squeezed.back() == ' '))) squeezed += c;
  while (!squeezed.empty() && squeezed.back() == ' ') squeezed.pop_back();
  return squeezed.size() > 200 ? squeezed.substr(0, 200) + "..." : squeezed;
}

struct Answer {
  CURLcode code = CURLE_OK;  // transport result
  long status = 0;           // HTTP status; 0 = none
  std::string body;          // the start of the answer
  std::string error;         // curl's message
};

}  // namespace

struct GraphStoreClient::Impl {
  StoreOptions options;
  CURL* curl = nullptr;
  std::function<void(const std::string&)> report;

  Answer send(const std::string& url, const std::string& payload) {
    Answer a;
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/n-triples");
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    if (!options.user.empty()) {
      curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_DIGEST | CURLAUTH_BASIC);
      curl_easy_setopt(curl, CURLOPT_USERNAME, options.user.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, options.password.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, options.timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &a.body);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    a.code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (a.code == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &a.status);
    a.error = error[0] ? error : curl_easy_strerror(a.code);
    return a;
  }
};

GraphStoreClient::GraphStoreClient(StoreOptions options) : impl_(std::make_unique<Impl>()) {
  if (options.url.rfind("http://", 0) != 0 && options.url.rfind("https://", 0) != 0)
    throw Error("store URL '" + options.url + "' must start with http:// or https://");
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  impl_->options = std::move(options);
  impl_->curl = curl_easy_init();
  if (!impl_->curl) throw Error("cannot initialise libcurl");
  impl_->report = [](const std::string& m) { std::fprintf(stderr, "newsgraph: %s\n", m.c_str()); };
}

GraphStoreClient::~GraphStoreClient() {
  if (impl_ && impl_->curl) curl_easy_cleanup(impl_->curl);
}

void GraphStoreClient::on_retry(std::function<void(const std::string&)> report) {
  impl_->report = std::move(report);
}

void GraphStoreClient::put(const std::string& graph_iri, const std::string& ntriples) {
  const StoreOptions& o = impl_->options;
  char* escaped =
      curl_easy_escape(impl_->curl, graph_iri.c_str(), static_cast<int>(graph_iri.size()));
  if (!escaped) throw Error("cannot encode graph IRI '" + graph_iri + "'");
  const std::string url =
      o.url + (o.url.find('?') == std::string::npos ? "?" : "&") + "graph=" + escaped;
  curl_free(escaped);
  const std::string what = "store " + o.url + " did not take graph <" + graph_iri + ">";
  double wait = o.first_backoff;
  const int attempts = std::max(1, o.attempts);
  for (int attempt = 1;; ++attempt) {
    Answer a = impl_->send(url, ntriples);
    if (a.code == CURLE_OK && a.status >= 200 && a.status < 300) return;
    std::string why = a.code != CURLE_OK ? a.error
                                         : "HTTP " + std::to_string(a.status) +
                                               (a.body.empty() ? "" : ": " + excerpt(a.body));
    const bool transient = a.code != CURLE_OK || a.status >= 500;
    if (!transient) {
      if (a.status == 401 || a.status == 403)
        why += o.user.empty() ? " (give --user and --password)"
                              : " (check --user/--password and the store's write permission)";
      throw Error(what + ": " + why);
    }
    if (attempt >= attempts)
      throw Error(what + ": " + why + " (gave up after " + std::to_string(attempts) + " attempts)");
    impl_->report(what + ": " + why + "; retrying in " + std::to_string(wait).substr(0, 4) + " s");
    std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    wait *= 2;
  }
}

}  // namespace ng
