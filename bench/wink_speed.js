// wink-nlp's full pipeline (readDoc: tokenisation, sentence boundaries, POS,
// named entities, negation...) over the "text" of every line of a JSONL
// corpus, once, as one process run (start, model load, reading the corpus,
// analysing it), the way bench/speed.sh times newsgraph. Prints
// "wink-nlp <tokens> tokens, readDoc alone <seconds> s <tokens/s> tokens/s".
// The packages come from NODE_PATH (bench/speed.sh fetches them with
// `npm pack` into build/bench-node/).
//   node bench/wink_speed.js CORPUS.jsonl
'use strict';
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.trim());
const nlp = winkNLP(model);
const t0 = process.hrtime.bigint();
let tokens = 0;
for (const l of lines) tokens += nlp.readDoc(JSON.parse(l).text || '').tokens().length();
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`wink-nlp ${tokens} tokens, readDoc alone ${secs.toFixed(3)} s ` +
            `${(tokens / secs).toFixed(0)} tokens/s`);
