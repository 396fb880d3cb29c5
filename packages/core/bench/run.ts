// `pnpm bench`: every figure the issues name, as a ratio against a baseline run in this process.
import { benchPartialJson } from './partial-json.js';
import { benchRunChat } from './run-chat.js';
import { benchStreaming } from './streaming.js';
import { benchUIBuilder } from './ui-builder.js';

const sections = [
  {
    title:
      'Streaming layer: time per run, as a ratio to the floor (median of per-round ratios, interleaved rounds)',
    run: benchStreaming,
  },
  { title: 'Partial JSON', run: benchPartialJson },
  { title: 'UI message builder (linear growth)', run: benchUIBuilder },
  { title: 'runChat overhead per step', run: benchRunChat },
];

const only = process.argv[2];
let allOk = true;
for (const section of sections) {
  if (only !== undefined && !section.run.name.toLowerCase().includes(only.toLowerCase())) continue;
  const { table, ok } = await section.run();
  allOk &&= ok;
  console.log(`\n## ${section.title}\n\n${table}`);
}
console.log(`\n${allOk ? 'All goals met.' : 'Some goals NOT met (see tables).'}`);
