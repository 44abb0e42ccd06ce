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
import { findRepoRoot, formatConversions, formatDetails, formatFileTable, formatSummary, scoreArchive, scoreCorpus, scoreOriginals, type Table } from './score';

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
  const archive = scoreArchive(root).table;
  const out: string[] = [];
  /** One group: its heading, the summary, the per-file table and, with --details, what differs. */
  const section = (heading: string, t: Table, before: string[] = []) => {
    out.push(heading, '', ...before, formatSummary(t), '', '### Per file', '', formatFileTable(t.files), '');
    if (details) {
      const d = formatDetails(t.files);
      out.push('### Details', '', '```', d.length > 0 ? d : '(no differences)', '```', '');
    }
  };
  section(`## Accuracy on the gold corpus (${table.files.length} files)`, table);
  section(`## Accuracy on the archive, OCR of the Aanhangsel 1970s–1990s (${archive.files.length} files)`, archive);
  const originals = await scoreOriginals(root);
  section(`## Accuracy on the originals, PDF and Word (${originals.files.length} files)`, originals.table, [formatConversions(originals.files), '']);
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
