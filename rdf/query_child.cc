#include "rdf/query_child.h"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <chrono>
#include <cstring>
#include <new>

#include "core/error.h"

// AddressSanitizer reserves terabytes of address space: no RLIMIT_AS then.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define NG_LIMIT_ADDRESS_SPACE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define NG_LIMIT_ADDRESS_SPACE 0
#endif
#endif
#ifndef NG_LIMIT_ADDRESS_SPACE
#define NG_LIMIT_ADDRESS_SPACE 1
#endif

namespace ng {

bool child_memory_limit_enforced() { return NG_LIMIT_ADDRESS_SPACE != 0; }

namespace {

std::string memory_message(size_t mb) {
  return "the SPARQL query ran out of memory (limit " + std::to_string(mb) +
         " MB; raise it with --max-memory MB)";
}

void write_all(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t w = ::write(fd, s.data() + done, s.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    done += static_cast<size_t>(w);
  }
}

// The child: 'O' + result, or 'E' + message, on fd; never returns.
[[noreturn]] void child_main(int fd, const std::function<std::string()>& work,
                             const ChildLimits& limits) {
  // A crash must end the child so the parent can report it (test frameworks
  // install handlers of their own).
  for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE}) std::signal(sig, SIG_DFL);
  if (NG_LIMIT_ADDRESS_SPACE && limits.max_memory_mb > 0) {
    rlim_t bytes = static_cast<rlim_t>(limits.max_memory_mb) * 1024 * 1024;
    rlimit rl{bytes, bytes};
    setrlimit(RLIMIT_AS, &rl);
  }
  std::string reply;
  const char* fixed = nullptr;  // a reply that needs no allocation
  try {
    reply = "O" + work();
  } catch (const std::bad_alloc&) {
    fixed = "M";  // the memory limit may be exhausted
  } catch (const std::exception& e) {
    try {
      reply = std::string("E") + e.what();
    } catch (...) {
      fixed = "M";
    }
  } catch (...) {
    fixed = "Ethe SPARQL engine threw an unexpected exception";
  }
  if (fixed) {
    (void)!::write(fd, fixed, std::strlen(fixed));
    _exit(0);
  }
  write_all(fd, reply);
  ::close(fd);
  _exit(0);
}

// Reads fd to its end; false when the deadline passed first.
bool read_until_eof(int fd, std::string& out, double timeout_seconds) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_seconds);
  char buf[65536];
  for (;;) {
    int wait_ms = -1;
    if (timeout_seconds > 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) return false;
      wait_ms = static_cast<int>(std::min<long long>(left.count() + 1, 1 << 30));
    }
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) throw Error(std::string("query: poll failed: ") + std::strerror(errno));
    if (ready == 0) continue;  // the deadline check above ends the loop
    ssize_t r = ::read(fd, buf, sizeof buf);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return true;
    out.append(buf, static_cast<size_t>(r));
  }
}

std::string format_seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

}  // namespace

std::string run_in_child(const std::function<std::string()>& work, const ChildLimits& limits) {
  int fds[2];
  if (::pipe(fds) != 0) throw Error(std::string("query: pipe failed: ") + std::strerror(errno));
  std::fflush(nullptr);  // the child must not write the parent's buffered output again
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw Error(std::string("query: fork failed: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::close(fds[0]);
    child_main(fds[1], work, limits);
  }
  ::close(fds[1]);
  std::string reply;
  bool finished = false;
  try {
    finished = read_until_eof(fds[0], reply, limits.timeout_seconds);
  } catch (...) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    ::close(fds[0]);
    throw;
  }
  ::close(fds[0]);
  if (!finished) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!finished)
    throw Error("the SPARQL query timed out after " + format_seconds(limits.timeout_seconds) +
                " s (raise the limit with --timeout S)");
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    std::string hint = limits.max_memory_mb > 0
                           ? " (or it hit the memory limit of " +
                                 std::to_string(limits.max_memory_mb) + " MB: --max-memory)"
                           : "";
    throw Error("the SPARQL engine crashed (signal " + std::to_string(sig) +
                ") on this query; rewrite it (see `newsgraph query --help`)" + hint);
  }
  if (!reply.empty() && reply[0] == 'O') return reply.substr(1);
  if (!reply.empty() && reply[0] == 'E') throw Error(reply.substr(1));
  if (reply == "M") throw Error(memory_message(limits.max_memory_mb));
  throw Error("the SPARQL engine stopped without an answer (exit status " +
              std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
}

}  // namespace ng
