// `npm run accuracy`: analyses every gold-annotated file of the corpus
// (`test/fixtures/corpus/{openkamer,official}/*.gold.json`) and prints the
// per-file table and the summary as Markdown tables.
//
//   node out/scripts/accuracy.js [--json FILE] [--details]
//
// --json FILE  also write the figures (summary and per-file scores) as JSON
// --details    list what was missed or found wrongly, file by file

import * as fs from 'fs';
import { findRepoRoot, formatDetails, formatFileTable, formatSummary, scoreCorpus } from './score';

function main(argv: readonly string[]): number {
  let jsonFile: string | null = null;
  let details = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') {
      const next = argv[i + 1];
      if (next === undefined) {
        process.stderr.write('accuracy: --json needs a file name\n');
        return 2;
      }
      jsonFile = next;
      i++;
    } else if (arg.startsWith('--json=')) {
      jsonFile = arg.slice('--json='.length);
    } else if (arg === '--details') {
      details = true;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: node out/scripts/accuracy.js [--json FILE] [--details]\n');
      return 0;
    } else {
      process.stderr.write(`accuracy: unknown argument ${arg}\nusage: node out/scripts/accuracy.js [--json FILE] [--details]\n`);
      return 2;
    }
  }

  const root = findRepoRoot(__dirname);
  const { table } = scoreCorpus(root);
  const out = [
    `## Accuracy on the gold corpus (${table.files.length} files)`,
    '',
    formatSummary(table),
    '',
    '### Per file',
    '',
    formatFileTable(table.files),
    '',
  ];
  if (details) {
    const d = formatDetails(table.files);
    out.push('### Details', '', '```', d.length > 0 ? d : '(no differences)', '```', '');
  }
  process.stdout.write(out.join('\n'));
  if (jsonFile !== null) {
    fs.writeFileSync(jsonFile, JSON.stringify(table, null, 2) + '\n');
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
