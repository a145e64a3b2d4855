// Rendering a DOT graph to an image with GraphViz's `dot` program.
#pragma once

#include <string>

namespace ng {

// Writes `dot_text` rendered as the format of out_path's extension (.svg,
// .png, .pdf) to out_path: runs `dot -T<fmt> -o <tmp> <tmp.dot>` directly
// (posix_spawnp with an argument array, no shell), then renames the result
// into place, so out_path is never left half-written. The program is
// $NEWSGRAPH_DOT when set, else `dot` on PATH. Throws ng::Error when the
// extension is unknown, dot is missing ("install graphviz") or fails (its
// exit status and first lines of stderr), or out_path cannot be written.
void render_dot(const std::string& dot_text, const std::string& out_path);

}  // namespace ng
