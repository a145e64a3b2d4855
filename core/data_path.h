// Locating the project's data files (models/, ontology/, extraction/rules/,
// lexicon/) at run time. Search order: $NEWSGRAPH_DATA, the source
// tree the binary was built from, <exe>/../share/newsgraph, the install
// prefix. Thread-safe.
#pragma once

#include <filesystem>
#include <string>

namespace ng {

// Full path of a data file given relative to the data root, e.g.
// data_path("models/tagger.bin"). Throws ng::Error naming every place it
// looked when the file is in none of them.
std::filesystem::path data_path(const std::string& relative);

}  // namespace ng
