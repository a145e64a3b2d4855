// A plain JSON view of the knowledge graph (`newsgraph build --format json`)
// for scripts and web front ends that do not speak RDF:
//
// {
//  "nodes":    [{"id": IRI, "label": name, "type": "schema:Person",
//                "entity_type": "PERSON", "aliases": [...], "docs": [doc ids]}],
//  "edges":    [{"source": IRI, "target": IRI | "value": literal, "datatype": CURIE?,
//                "predicate": "ng:presented", "doc": doc id, "sentence": 1-based number,
//                "sentence_text": "...", "start": byte, "end": byte,
//                "confidence": 0.9, "rule": "give.present", "modality": "asserted",
//                "statement": IRI, "extra": {"ng:recipient": IRI | literal}},
//               {"source", "target", "predicate": "ng:met", "derived": true,
//                "event": IRI, "doc", "sentence", ...}   (one per meeting pair)],
//  "events":   [{"id": IRI, "class": "ng:Meeting", "participants": [IRI...],
//                "roles": [{"role": "ng:host", "id": IRI | "value": literal}],
//                "date": "2024-05-06" | null, "place": IRI | literal | null,
//                "doc", "sentence", "sentence_text", "start", "end",
//                "confidence", "rule", "modality", "trigger"}],
//  "articles": [{"id": IRI, "doc": doc id, "title", "date", "url", "publisher": IRI | null}]
// }
//
// Nodes are entities only; literal values appear inline on edges.
#pragma once

#include <string>

#include "graph/knowledge_graph.h"

namespace ng {

std::string to_json(const KnowledgeGraph& graph);

}  // namespace ng
