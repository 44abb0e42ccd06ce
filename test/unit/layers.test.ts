// The layers hold: eslint refuses a wrong-way import, a Node built-in in pure
// code, and the clock in the model, and lets the right ways through.

import * as assert from 'assert';
import * as path from 'path';
import { ESLint } from 'eslint';
import { findRepoRoot } from '../../scripts/score';

const root = findRepoRoot(__dirname);

async function problems(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const cases: { file: string; code: string; refused: RegExp | null }[] = [
  // Wrong ways.
  { file: 'server/src/model/probe.ts', code: "import { provideHover } from '../features/hover';\nexport const x = provideHover;\n", refused: /down the layers/ },
  { file: 'server/src/model/probe.ts', code: "import { WorkspaceIndex } from '../workspace/index';\nexport const x = WorkspaceIndex;\n", refused: /down the layers/ },
  { file: 'server/src/workspace/probe.ts', code: "import { LanguageService } from '../service/languageService';\nexport const x = LanguageService;\n", refused: /down the layers/ },
  { file: 'server/src/workspace/probe.ts', code: "import type { Timeline } from '../protocol';\nexport type X = Timeline;\n", refused: /down the layers/ },
  { file: 'server/src/service/probe.ts', code: "import { provideHover } from '../features/hover';\nexport const x = provideHover;\n", refused: /down the layers/ },
  { file: 'server/src/features/probe.ts', code: "import { startServer } from '../server';\nexport const x = startServer;\n", refused: /down the layers/ },
  { file: 'server/src/i18n/probe.ts', code: "import { analyze } from '../model/analysis';\nexport const x = analyze;\n", refused: /down the layers/ },
  { file: 'client/src/probe.ts', code: "import { analyze } from '../../server/src/model/analysis';\nexport const x = analyze;\n", refused: /only server\/src\/protocol/ },
  { file: 'client/src/probe.ts', code: "import { provideHover } from '../../server/src/features/hover';\nexport const x = provideHover;\n", refused: /only server\/src\/protocol/ },
  { file: 'server/src/service/probe.ts', code: "import * as fs from 'fs';\nexport const x = fs;\n", refused: /no Node built-ins/ },
  { file: 'server/src/features/probe.ts', code: "import { createConnection } from 'vscode-languageserver/node';\nexport const x = createConnection;\n", refused: /Only the server talks to the connection/ },
  { file: 'server/src/model/probe.ts', code: 'export const year = new Date().getUTCFullYear();\n', refused: /No clock here/ },
  { file: 'server/src/workspace/probe.ts', code: 'export const now = Date.now();\n', refused: /No clock here/ },
  // Right ways.
  { file: 'server/src/features/probe.ts', code: "import type { LanguageService } from '../service/languageService';\nimport { Hover } from 'vscode-languageserver-types';\nexport type X = LanguageService | Hover;\n", refused: null },
  { file: 'server/src/model/probe.ts', code: "import { MONTHS_NL } from '../i18n/words';\nexport const x = MONTHS_NL;\n", refused: null },
  { file: 'client/src/probe.ts', code: "import { words } from '../../server/src/protocol';\nexport const x = words;\n", refused: null },
  { file: 'server/src/model/probe.ts', code: 'export const d = new Date(Date.UTC(2022, 4, 19));\n', refused: null },
];

describe('layers: eslint holds the import directions', function () {
  this.timeout(120000);
  for (const c of cases) {
    it(`${c.refused ? 'refuses' : 'allows'} in ${c.file}: ${c.code.split('\n')[0]}`, async () => {
      const found = await problems(c.file, c.code);
      if (c.refused) assert.ok(found.some((m) => c.refused!.test(m)), found.join('\n') || 'no problem reported');
      else assert.deepStrictEqual(found, []);
    });
  }
});
