#include "syntax/dense_rows.h"

#include <algorithm>
#if defined(__x86_64__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ng {

namespace {

// Columns outer, rows inner: each block of the scores stays in registers
// while the rows are added (rows are taken 32 at a time, which stay in L1).
void add_dense_rows_generic(const int16_t* const* rows, int n, int stride, int32_t* scores) {
#ifdef __SSE2__
  for (int r0 = 0; r0 < n; r0 += 32) {
    const int r1 = std::min(n, r0 + 32);
    for (int c = 0; c < stride; c += 8) {
      __m128i* s = reinterpret_cast<__m128i*>(scores + c);
      __m128i lo = _mm_loadu_si128(s), hi = _mm_loadu_si128(s + 1);
      for (int r = r0; r < r1; ++r) {
        const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[r] + c));
        lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(w, w), 16));
        hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(w, w), 16));
      }
      _mm_storeu_si128(s, lo);
      _mm_storeu_si128(s + 1, hi);
    }
  }
#else
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < stride; ++c) scores[c] += rows[r][c];
#endif
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define NG_HAVE_AVX2_PATH 1
__attribute__((target("avx2"))) void add_dense_rows_avx2(const int16_t* const* rows, int n,
                                                         int stride, int32_t* scores) {
  for (int r0 = 0; r0 < n; r0 += 32) {
    const int r1 = std::min(n, r0 + 32);
    for (int c = 0; c < stride; c += 16) {
      __m256i* s = reinterpret_cast<__m256i*>(scores + c);
      __m256i lo = _mm256_loadu_si256(s), hi = _mm256_loadu_si256(s + 1);
      for (int r = r0; r < r1; ++r) {
        const __m256i w = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(rows[r] + c));
        lo = _mm256_add_epi32(lo, _mm256_cvtepi16_epi32(_mm256_castsi256_si128(w)));
        hi = _mm256_add_epi32(hi, _mm256_cvtepi16_epi32(_mm256_extracti128_si256(w, 1)));
      }
      _mm256_storeu_si256(s, lo);
      _mm256_storeu_si256(s + 1, hi);
    }
  }
}
#endif

}  // namespace

void add_dense_rows(const int16_t* const* rows, int n, int stride, int32_t* scores) {
#ifdef NG_HAVE_AVX2_PATH
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) return add_dense_rows_avx2(rows, n, stride, scores);
#endif
  add_dense_rows_generic(rows, n, stride, scores);
}

}  // namespace ng
