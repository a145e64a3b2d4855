// newsgraph: builds a knowledge graph from news articles. See README.md.
#include <cstdio>
#include <exception>
#include <iostream>

#include "cli/command.h"
#include "core/error.h"

int main(int argc, char** argv) {
  CLI::App app{"newsgraph: news articles to a knowledge graph (RDF, GraphViz, JSON) and "
               "\"who met whom\"",
               "newsgraph"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("newsgraph ") + NEWSGRAPH_VERSION_STRING);
  for (auto setup : ng::cli::commands()) setup(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "newsgraph: %s (see --help)\n", e.what());
    return 2;
  } catch (const ng::Error& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "newsgraph: internal error: %s\n", e.what());
    return 1;
  }
  std::fflush(stdout);
  if (std::ferror(stdout)) {
    std::fprintf(stderr, "newsgraph: error writing to standard output\n");
    return 1;
  }
  return ng::cli::bad_input_count() ? 1 : 0;
}
