// Adding many int16 weight rows into int32 scores: the inner loop of the
// tagger and the parser (their "dense" rows, for features with many classes).
#pragma once

#include <cstdint>

namespace ng {

// scores[0..stride) += rows[r][0..stride) for r < n; stride is a multiple of
// 16. Uses AVX2 when the CPU has it (checked once), else SSE2 or plain C++;
// integer sums, so every path gives the same result.
void add_dense_rows(const int16_t* const* rows, int n, int stride, int32_t* scores);

}  // namespace ng
