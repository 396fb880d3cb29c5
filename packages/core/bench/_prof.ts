import { withEdgechat, floor } from './contenders.js';
import { bodyOf, cut, workloads } from './streams.js';
const w = workloads()[2]!;
const pieces = w.streams.map((b, i) => cut(b, 1024, 4096, 7 + i));
const which = process.argv[2] === 'floor' ? floor : withEdgechat;
for (let r = 0; r < 5; r++) for (const p of pieces) await which(bodyOf(p));
const t = performance.now();
for (let r = 0; r < 40; r++) for (const p of pieces) await which(bodyOf(p));
console.log(process.argv[2], ((performance.now() - t) / 40).toFixed(2), 'ms/run');
