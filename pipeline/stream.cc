#include "pipeline/stream.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace ng {

namespace {

struct DocSlot {
  Document doc;
  bool claimed = false;  // a worker took it
  bool done = false;     // processed (or failed)
  std::string error;     // "" = ok
};

// The window of documents in flight: slots[0] is the oldest not yet consumed.
class Window {
 public:
  explicit Window(size_t capacity) : capacity_(capacity) {}

  // Reader: waits for room, appends. False when the stream stopped.
  bool push(Document&& d) {
    std::unique_lock<std::mutex> lock(mu_);
    room_.wait(lock, [&] { return stop_ || slots_.size() < capacity_; });
    if (stop_) return false;
    slots_.push_back(std::make_unique<DocSlot>());
    slots_.back()->doc = std::move(d);
    work_.notify_one();
    return true;
  }
  void finish_reading() {
    std::lock_guard<std::mutex> lock(mu_);
    reading_ = false;
    work_.notify_all();
    ready_.notify_all();
  }
  void stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    room_.notify_all();
    work_.notify_all();
    ready_.notify_all();
  }

  // Worker: the next unclaimed slot, or nullptr when there will be none.
  DocSlot* claim() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      if (stop_) return nullptr;
      for (auto& s : slots_)
        if (!s->claimed) {
          s->claimed = true;
          return s.get();
        }
      if (!reading_) return nullptr;
      work_.wait(lock);
    }
  }
  void done(DocSlot* s) {
    std::lock_guard<std::mutex> lock(mu_);
    s->done = true;
    ready_.notify_all();
  }

  // Consumer: the oldest slot once processed; nullptr at the end.
  std::unique_ptr<DocSlot> pop() {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [&] {
      return stop_ || (!slots_.empty() && slots_.front()->done) || (slots_.empty() && !reading_);
    });
    if (stop_ || slots_.empty()) return nullptr;
    auto s = std::move(slots_.front());
    slots_.pop_front();
    room_.notify_one();
    return s;
  }

 private:
  std::mutex mu_;
  std::condition_variable room_, work_, ready_;
  std::deque<std::unique_ptr<DocSlot>> slots_;
  size_t capacity_;
  bool reading_ = true;
  bool stop_ = false;
};

}  // namespace

void process_stream(const Pipeline& pipeline, const std::function<void(const DocumentEmit&)>& read,
                    const StreamOptions& options, const std::function<void(Document&)>& consume,
                    const std::function<void(const std::string&)>& on_error) {
  unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  Window window(options.window ? options.window : 4 * static_cast<size_t>(threads));
  std::exception_ptr read_error;
  std::thread reader([&] {
    try {
      read([&](Document&& d) {
        if (!window.push(std::move(d))) throw std::runtime_error("stream stopped");
      });
    } catch (...) {
      read_error = std::current_exception();
      window.stop();
    }
    window.finish_reading();
  });
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      while (DocSlot* s = window.claim()) {
        try {
          pipeline.process(s->doc);
        } catch (const std::exception& e) {
          s->error = s->doc.id + ": " + e.what();
        }
        window.done(s);
      }
    });
  std::exception_ptr consume_error;
  try {
    while (auto s = window.pop()) {
      if (!s->error.empty())
        on_error(s->error);
      else
        consume(s->doc);
    }
  } catch (...) {
    consume_error = std::current_exception();
    window.stop();
  }
  reader.join();
  for (auto& w : workers) w.join();
  if (consume_error) std::rethrow_exception(consume_error);
  if (read_error) std::rethrow_exception(read_error);
}

}  // namespace ng
