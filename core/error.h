// The one error type of newsgraph. Every failure the user can cause (a missing
// file, a bad rule, invalid UTF-8, an unwritable output) is reported as an
// ng::Error whose message names what and where, quoting the offending input,
// e.g. "rules.yaml:12: rule 'meet.x': unknown slot path 'nsubjj'".
// The CLI prints what() on one line and exits non-zero.
#pragma once

#include <stdexcept>
#include <string>

namespace ng {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace ng
