// `npm run accuracy`: analyses every gold-annotated file of the corpus
// (`test/fixtures/corpus/{openkamer,official}/*.gold.json`) and prints the
// per-file table and the summary as Markdown tables; then the archive
// (`test/fixtures/corpus/archive`: OCR texts of the Aanhangsel, 1970s–1990s)
// as a group of its own; then the originals
// (`test/fixtures/corpus/originals`: PDFs and Word files, converted with the
// real converters) as their own group, beside the texts.
//
//   node out/scripts/accuracy.js [--json FILE] [--details]
//
// --json FILE  also write the figures (summary and per-file scores) as JSON
// --details    list what was missed or found wrongly, file by file

import * as fs from 'fs';
import { findRepoRoot, formatConversions, formatDetails, formatFileTable, formatSummary, scoreArchive, scoreCorpus, scoreOriginals } from './score';

async function main(argv: readonly string[]): Promise<number> {
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
  const archive = scoreArchive(root).table;
  out.push(
    `## Accuracy on the archive, OCR of the Aanhangsel 1970s–1990s (${archive.files.length} files)`,
    '',
    formatSummary(archive),
    '',
    '### Per file',
    '',
    formatFileTable(archive.files),
    '',
  );
  if (details) {
    const d = formatDetails(archive.files);
    out.push('### Details', '', '```', d.length > 0 ? d : '(no differences)', '```', '');
  }
  const originals = await scoreOriginals(root);
  out.push(
    `## Accuracy on the originals, PDF and Word (${originals.files.length} files)`,
    '',
    formatConversions(originals.files),
    '',
    formatSummary(originals.table),
    '',
    '### Per file',
    '',
    formatFileTable(originals.table.files),
    '',
  );
  if (details) {
    const d = formatDetails(originals.table.files);
    out.push('### Details', '', '```', d.length > 0 ? d : '(no differences)', '```', '');
  }
  process.stdout.write(out.join('\n'));
  if (jsonFile !== null) {
    const conversions = originals.files.map((f) => ({ file: f.file.name, problem: f.problem, ms: f.ms }));
    fs.writeFileSync(jsonFile, JSON.stringify({ ...table, archive, originals: { ...originals.table, conversions } }, null, 2) + '\n');
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`accuracy: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
