// kamervraag/analysis: the schema-v1 JSON of an open document's analysis
// (`model/json.ts`), for the "show analysis" command and any client.

import { toJson } from '../model/json';
import type { LanguageService } from '../service/languageService';

/** The JSON of the open document `uri`, or undefined when it is not open (or too large to analyse). */
export function provideAnalysisJson(service: LanguageService, uri: string): ReturnType<typeof toJson> | undefined {
  const a = service.analysis(uri);
  return a ? toJson(a, uri, service.locale) : undefined;
}
