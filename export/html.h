// The interactive viewer (`newsgraph build --format html`, `render -o x.html`):
// one self-contained HTML page that works offline from file://. It embeds
// Cytoscape.js (third_party/cytoscape, MIT, compiled into the binary), the
// viewer's own script and style (export/assets/) and the graph as JSON in a
// <script type="application/json"> block with '<', '>', '&' written as
// \u003c, \u003e, \u0026, so no text of an article can end the block. The
// page loads nothing from the network.
//
// The page: the graph laid out interactively (the most connected entities
// first, every entity reachable through the search box), the sentences,
// article and rule behind a node or edge on click, a table of meetings
// (who, whom, date, place, article) and a timeline of meetings by month.
#pragma once

#include <string>

#include "graph/knowledge_graph.h"

namespace ng {

std::string to_html(const KnowledgeGraph& graph);

// The graph data the page reads, as JSON (before escaping for HTML).
std::string viewer_json(const KnowledgeGraph& graph);

// s with '<', '>', '&' and U+2028/U+2029 as JSON \u escapes: safe inside
// a <script> element; JSON.parse gives back the same value.
std::string json_for_script(std::string_view json);

}  // namespace ng
