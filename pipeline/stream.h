// Streaming a batch through the pipeline: documents are read, analysed on
// worker threads and handed on in input order, one at a time, so memory is
// bounded by a window of documents in flight rather than by the batch.
//
//   reader --(at most `window` in flight)--> N workers --> reorder --> consumer
//
// The consumer runs on the calling thread, so it needs no locking.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "core/document.h"
#include "pipeline/pipeline.h"

namespace ng {

// Feeds documents to the stream, in input order (it may block while the
// window is full). Called on the reader thread.
using DocumentEmit = std::function<void(Document&&)>;

struct StreamOptions {
  unsigned threads = 0;  // workers; 0 = hardware concurrency
  size_t window = 0;     // documents read but not yet consumed; 0 = 4 per worker
};

// Calls read(emit) on a reader thread; runs `pipeline` over each emitted
// document on the workers; calls consume(doc) on the calling thread for each
// processed document in the order emitted. A document whose processing
// throws is reported through on_error ("<id>: <message>") on the calling
// thread, in its place in the order, and not consumed. An exception thrown
// by read or consume stops the stream (the reader and the workers are
// joined) and is rethrown.
void process_stream(const Pipeline& pipeline, const std::function<void(const DocumentEmit&)>& read,
                    const StreamOptions& options, const std::function<void(Document&)>& consume,
                    const std::function<void(const std::string&)>& on_error);

}  // namespace ng
