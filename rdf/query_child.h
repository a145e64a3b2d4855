// Runs a piece of work (loading graphs and running a SPARQL query through
// rasqal) in a forked child process, so that a crash, a hang or runaway
// memory inside the engine becomes a clear error in the parent and never
// partial output.
#pragma once

#include <functional>
#include <string>

namespace ng {

struct ChildLimits {
  double timeout_seconds = 60;  // wall clock; <= 0: none
  size_t max_memory_mb = 2048;  // RLIMIT_AS of the child; 0: none (ignored under ASan/TSan)
};

// Forks; the child sets RLIMIT_AS, runs work() and sends back its result (or
// the message of the ng::Error / exception it threw) through a pipe, then
// exits. Returns the child's result. Throws ng::Error with the child's own
// message, or "the SPARQL engine crashed (signal N) on this query", "the
// SPARQL query timed out after S s (--timeout)", or that it ran out of
// memory (--max-memory). The child is always reaped; on timeout it is killed.
// Call only from a single-threaded process.
std::string run_in_child(const std::function<std::string()>& work, const ChildLimits& limits);

// Whether max_memory_mb is enforced: false in AddressSanitizer and
// ThreadSanitizer builds, which reserve terabytes of address space.
bool child_memory_limit_enforced();

}  // namespace ng
